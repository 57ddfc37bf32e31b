import io
import re
import zipfile

import docx
import pytest
from docx.shared import Mm
from exports import docx_blocks, html_blocks, markdown_blocks
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.engine.export import export_bytes
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import BulletList, Document, Paragraph, Run, Section

HOSTILE = "**x** [a](javascript:alert(1)) <img src=x onerror=alert(1)> # _y_ `z` &amp; 1. \\"


@pytest.fixture
def document(profile, fixture_library):
    profile.practices["collect.basic"] = {"extra_note": True}
    profile.company.phone = "+1 555 0100"
    return assemble(profile, fixture_library)


@pytest.mark.parametrize("reader,fmt", [(markdown_blocks, "md"), (docx_blocks, "docx"), (html_blocks, "html")])
def test_every_format_has_the_same_text_in_the_same_order(document, reader, fmt):
    assert reader(export_bytes(document, fmt)) == document.text_blocks()


def test_hostile_company_name_stays_literal_text_everywhere(profile, fixture_library):
    profile.company.legal_name = HOSTILE
    profile.company.short_name = "<b>Acme</b>"
    profile.service.name = "- [ ] _Studio_"
    document = assemble(profile, fixture_library)
    for reader, fmt in ((markdown_blocks, "md"), (docx_blocks, "docx"), (html_blocks, "html")):
        assert reader(export_bytes(document, fmt)) == document.text_blocks(), fmt
    markdown = export_bytes(document, "md").decode()
    assert "<img" not in markdown.replace("\\<img", "")
    assert "](javascript" not in markdown.replace("\\](javascript", "")
    html = export_bytes(document, "html").decode()
    assert "<img" not in html and "<b>Acme" not in html


def test_links_only_for_valid_addresses(profile, fixture_library):
    profile.company.website = "javascript:alert(1)"
    markdown = export_bytes(assemble(profile, fixture_library), "md").decode()
    assert "(<mailto:hi@acme.example>)" in markdown
    assert "javascript:alert(1)" in markdown and "(<javascript" not in markdown


def test_docx_uses_builtin_styles_header_footer_and_properties(document):
    word = docx.Document(io.BytesIO(export_bytes(document, "docx")))
    styles = [p.style.name for p in word.paragraphs]
    assert styles[0] == "Title" and styles.count("Heading 1") == 4
    assert {"Heading 2", "List Bullet", "Normal"} <= set(styles)
    assert all(style.builtin for style in (p.style for p in word.paragraphs))
    section = word.sections[0]
    assert section.header.paragraphs[0].text == "Acme"
    footer_xml = section.footer._element.xml
    assert "Effective date: November 22, 2026" in section.footer.paragraphs[0].text
    assert 'w:instr="PAGE"' in footer_xml
    properties = word.core_properties
    assert (properties.title, properties.author, properties.subject) == ("Acme Privacy Policy", "Acme", "Privacy policy")
    assert properties.created is not None
    assert abs(section.page_width - Mm(215.9)) < Mm(1) and abs(section.page_height - Mm(279.4)) < Mm(1)


def test_docx_is_a4_outside_the_us(profile, fixture_library):
    profile.company.country = "France"
    word = docx.Document(io.BytesIO(export_bytes(assemble(profile, fixture_library), "docx")))
    assert abs(word.sections[0].page_width - Mm(210)) < Mm(1)
    assert abs(word.sections[0].page_height - Mm(297)) < Mm(1)


def test_control_characters_are_removed_never_a_crash(profile, fixture_library):
    profile.company.legal_name = "Acme\x00\x07\x1b Audio\ud800"
    document = assemble(profile, fixture_library)
    for fmt in ("md", "html"):
        data = export_bytes(document, fmt)
        assert b"\x00" not in data and b"\x1b" not in data and b"\x07" not in data
    with zipfile.ZipFile(io.BytesIO(export_bytes(document, "docx"))) as package:
        body = package.read("word/document.xml")
    assert b"\x00" not in body and b"\x1b" not in body
    word = docx.Document(io.BytesIO(export_bytes(document, "docx")))
    assert "Acme Audio (" in "\n".join(p.text for p in word.paragraphs)


def test_gaps_are_visibly_marked(profile, fixture_library):
    profile.practices["contact.post"] = {}
    document = assemble(profile, fixture_library)
    assert "**[Postal address]**" in export_bytes(document, "md").decode()
    assert "<mark>[Postal address]</mark>" in export_bytes(document, "html").decode()
    word = docx.Document(io.BytesIO(export_bytes(document, "docx")))
    gap_runs = [r for p in word.paragraphs for r in p.runs if r.text == "[Postal address]"]
    assert gap_runs and gap_runs[0].font.highlight_color is not None


def test_html_is_a_standalone_accessible_page(document):
    html = export_bytes(document, "html").decode()
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-US">' in html
    assert "<title>Acme Privacy Policy</title>" in html
    assert len(re.findall(r"<h1[ >]", html)) == 1


runs = st.lists(
    st.builds(Run, text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12),
              bold=st.booleans(), italic=st.booleans()),
    min_size=1, max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(paragraph=runs, item=runs)
def test_any_text_survives_markdown_as_literal_text(paragraph, item):
    document = Document("T", "E", "C", "en", "a4", [Section("s", 1, "S", [Paragraph(paragraph), BulletList([item])])])
    expected = [(kind, " ".join(text.split())) for kind, text in document.text_blocks()]
    # CommonMark has no empty paragraph (an empty list item it has): a blank one leaves no trace.
    expected = [(kind, text) for kind, text in expected if text or kind != "paragraph"]
    assert markdown_blocks(export_bytes(document, "md")) == expected
