"""The Word exporter as it was written against python-docx's API: the reference the fast exporter must match.

desktop/engine/export/docx.py writes the same XML as text; tests/test_docx_identical.py compares the two
part by part. This file is the old exporter, changed only where the Word export grew: a heading's number is
Word's numbering now, not typed text, and the properties name the language. The fields, bookmarks, numbering
and styles it does not write are tested on their own (tests/test_docx_fields.py).
"""

import datetime as dt
import io

import docx
from docx.enum.text import WD_COLOR_INDEX, WD_PARAGRAPH_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor

from desktop.engine.policy.document import BulletList, Document, Heading, Run, Table, clean_text, safe_href

LINK_BLUE = RGBColor(0x05, 0x63, 0xC1)
PAGE_SIZES = {"letter": (Mm(215.9), Mm(279.4)), "a4": (Mm(210), Mm(297))}


def render(document: Document) -> bytes:
    word = docx.Document()
    _set_page(word, document.page_size)
    _set_properties(word, document)
    _header_footer(word, document)
    word.add_paragraph(clean_text(document.title), style="Title")
    word.add_paragraph(clean_text(document.effective_line), style="Normal")
    for section in document.sections:
        word.add_paragraph(clean_text(section.title), style="Heading 1")
        for block in section.blocks:
            if isinstance(block, Heading):
                _add_runs(word.add_paragraph(style="Heading 2"), block.runs)
            elif isinstance(block, BulletList):
                for item in block.items:
                    _add_runs(word.add_paragraph(style="List Bullet"), item)
            elif isinstance(block, Table):
                _add_table(word, block)
            else:
                _add_runs(word.add_paragraph(style="Normal"), block.runs)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _add_table(word, table: Table) -> None:
    """A table in Light Grid Accent 1, its bold header row repeated on every page (w:tblHeader)."""
    added = word.add_table(rows=1, cols=len(table.header), style="Light Grid Accent 1")
    added.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(added.rows[0].cells, table.header, strict=True):
        cell.paragraphs[0].add_run(clean_text(text)).bold = True
    for row in table.rows:
        for cell, runs in zip(added.add_row().cells, row, strict=True):
            _add_runs(cell.paragraphs[0], runs)


def _set_page(word, page_size: str) -> None:
    width, height = PAGE_SIZES[page_size]
    for section in word.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = Mm(25)


def _set_properties(word, document: Document) -> None:
    properties = word.core_properties
    properties.title = clean_text(document.title)
    properties.author = clean_text(document.company_name) or "Policywright"
    properties.subject = "Privacy policy"
    properties.language = clean_text(document.lang)
    properties.comments = "Drafted with Policywright. Drafting help, not legal advice."
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    properties.created = properties.modified = now
    properties.last_modified_by = "Policywright"
    properties.revision = 1


def _header_footer(word, document: Document) -> None:
    section = word.sections[0]
    header = section.header.paragraphs[0]
    header.text = clean_text(document.company_name or document.title)
    header.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    footer.add_run(clean_text(document.effective_line) + " \u00b7 Page ")
    _add_field(footer, "PAGE")


def _add_field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _add_runs(paragraph, runs: list[Run]) -> None:
    for run in runs:
        text = clean_text(run.text)
        if not text:
            continue
        if safe_href(run):
            _add_hyperlink(paragraph, run, text)
            continue
        _format(paragraph.add_run(text), run)


def _format(word_run, run: Run) -> None:
    word_run.bold = run.bold or run.gap or None
    word_run.italic = run.italic or None
    if run.gap:
        word_run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _add_hyperlink(paragraph, run: Run, text: str) -> None:
    relation = paragraph.part.relate_to(safe_href(run), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    word_run = paragraph.add_run(text)
    _format(word_run, run)
    word_run.font.color.rgb = LINK_BLUE
    word_run.font.underline = True
    link.append(word_run._r)
    paragraph._p.append(link)
