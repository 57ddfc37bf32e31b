"""A table block in every format, read back by real readers: python-docx, CommonMark with GitHub's
tables (markdown-it-py), an HTML5 parser, poppler's pdftotext; and the Word table's style and header row."""

import io
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from exports import docx_blocks, html_blocks, markdown_blocks, parse_html
from test_docx_identical import assert_same_package

from desktop.engine.export import export_bytes
from desktop.engine.policy.document import Document, Paragraph, Run, Section, Table
from desktop.usecases import render_policy

HEADER = ["Cookie", "Set by", "Purpose", "How long it lasts", "Kind"]
ROWS = [
    ["_ga", "Google Analytics", "Tells visits from the same browser apart", "2 years", "analytics"],
    ["pipe|star*", "<b>Us</b>", "Keeps you signed in", "until you close your browser", "necessary"],
]


def _document() -> Document:
    rows = [[[Run(text, href="https://policies.google.com/privacy" if text == "Google Analytics" else None)] for text in row]
            for row in ROWS]
    table = Table(HEADER, rows, "cookies.table")
    section = Section("cookies", 1, "Cookies", [Paragraph([Run("The cookies we use:")], "cookies.table"), table,
                                                Paragraph([Run("That is all.")], "cookies.table")])
    return Document("Acme Cookie Policy", "Effective date: 1 May 2026", "Acme", "en", "a4", [section])


@pytest.mark.parametrize("reader,fmt", [(markdown_blocks, "md"), (docx_blocks, "docx"), (html_blocks, "html")])
def test_a_table_reads_back_row_by_row_in_every_format(reader, fmt):
    document = _document()
    blocks = reader(export_bytes(document, fmt))
    assert blocks == document.text_blocks()
    assert ("row", "_ga | Google Analytics | Tells visits from the same browser apart | 2 years | analytics") in blocks
    assert ("row", "pipe|star* | <b>Us</b> | Keeps you signed in | until you close your browser | necessary") in blocks


def test_the_word_table_has_a_built_in_style_and_a_header_row_repeated_on_each_page():
    word = docx.Document(io.BytesIO(export_bytes(_document(), "docx")))
    [table] = word.tables
    assert table.style.name == "Light Grid Accent 1" and table.style.builtin
    header, *_ = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [cell.text for cell in header.cells] == HEADER
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
    link = table.rows[1].cells[1].paragraphs[0].hyperlinks[0]
    assert (link.text, link.address) == ("Google Analytics", "https://policies.google.com/privacy")


def test_the_word_table_is_what_python_docx_writes_for_it():
    assert_same_package(_document())


def test_the_markdown_table_is_a_gfm_table_with_its_link():
    markdown = export_bytes(_document(), "md").decode()
    assert "| Cookie | Set by | Purpose | How long it lasts | Kind |\n| --- | --- | --- | --- | --- |\n" in markdown
    assert "[Google Analytics](<https://policies.google.com/privacy>)" in markdown


def test_the_html_table_has_column_headers():
    page = parse_html(export_bytes(_document(), "html"))
    headers = page.findall(".//table/thead/tr/th")
    assert [th.text for th in headers] == HEADER and {th.get("scope") for th in headers} == {"col"}
    assert len(page.findall(".//table/tbody/tr")) == len(ROWS)
    assert page.find(".//table/tbody/tr/td/a").get("href") == "https://policies.google.com/privacy"


def test_the_pdf_table_has_every_cell(tmp_path, qapp):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    path = tmp_path / "cookies.pdf"
    path.write_bytes(render_policy(_document(), "pdf"))
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())
    for cell in [*HEADER, *(cell for row in ROWS for cell in row)]:
        assert cell in text, cell
    assert text.index("The cookies we use:") < text.index("_ga") < text.index("That is all.")
