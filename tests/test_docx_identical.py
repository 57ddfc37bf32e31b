"""The Word exporter writes what python-docx's API wrote (tests/docx_reference.py), part by part.

The parts a policy fills (header, footer, properties, relationships, content types) must be the
same bytes; the body must read back, paragraph by paragraph and run by run, as python-docx's does
(its fields, bookmarks and table of contents are beyond what the reference writes: they are held
by tests/test_docx_fields.py, like the styles, numbering and fonts changed from the template).
The template's other parts are copied as they are and must read back as the XML python-docx writes.
"""

import io
import re
import zipfile

import docx
import pytest
from docx.text.hyperlink import Hyperlink
from docx_reference import render as reference_render
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from desktop.engine.export import docx_package, export_bytes
from desktop.engine.export.docx import MAX_PROPERTY
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import BulletList, Document, Heading, Paragraph, Run, Section
from desktop.engine.review.example import all_practices, example_profile
from tests.laws import regime_ids

WRITTEN = {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels",
           "word/header1.xml", "word/footer1.xml"}
BODY = "word/document.xml"
CHANGED = {"word/styles.xml", "word/numbering.xml", "word/fontTable.xml", "docProps/app.xml"}
_STAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None  # every member's checksum holds
        return {name: package.read(name) for name in package.namelist()}


def as_python_docx_reads_it(xml: bytes) -> bytes:
    """The XML as python-docx parses it (blank text between elements dropped), written out again."""
    return etree.tostring(docx.oxml.parse_xml(xml), encoding="UTF-8")


def body_as_read(data: bytes) -> tuple[list, str]:
    """The body's paragraphs (style, stretches of text with their look) and its page settings, as python-docx reads them."""
    word = docx.Document(io.BytesIO(data))
    return [(p.style.name, _stretches(p)) for p in word.paragraphs], word.sections[0]._sectPr.xml


def _stretches(paragraph) -> list[tuple[str, tuple]]:
    """Runs of one look joined, empty runs (a field's code and markers) dropped: the text as a reader sees it."""
    found = []
    for item in paragraph.iter_inner_content():
        address, runs = (item.address, item.runs) if isinstance(item, Hyperlink) else (None, [item])
        for run in runs:
            if not run.text:
                continue
            look = (run.bold, run.italic, run.underline, run.font.highlight_color, run.font.color.rgb, address)
            if found and found[-1][1] == look:
                found[-1] = (found[-1][0] + run.text, look)
            else:
                found.append((run.text, look))
    return found


def assert_same_package(document: Document) -> None:
    data = export_bytes(document, "docx")
    ours, theirs = parts(data), parts(reference := reference_render(document))
    assert list(ours) == list(theirs)  # the same files, in the same order
    assert body_as_read(data) == body_as_read(reference)
    for name in ours:
        if name in (BODY, *CHANGED):
            continue
        if name in WRITTEN:
            assert _STAMP.sub(b"T", ours[name]) == _STAMP.sub(b"T", theirs[name]), name
        elif name.endswith((".xml", ".rels")):
            assert as_python_docx_reads_it(ours[name]) == as_python_docx_reads_it(theirs[name]), name
        else:
            assert ours[name] == theirs[name], name


def test_the_all_practices_policy_is_what_python_docx_wrote(bundled_library):
    profile = example_profile(bundled_library)
    profile.practices = all_practices(bundled_library)
    profile.regimes = list(regime_ids())
    assert_same_package(assemble(profile, bundled_library))


def test_the_fixture_policies_in_letter_and_a4(profile, fixture_library):
    profile.practices["contact.post"] = {}  # a gap
    assert_same_package(assemble(profile, fixture_library))
    profile.company.country = "France"
    assert_same_package(assemble(profile, fixture_library))


def _document(runs: list[Run], title: str = "Policy", company: str = "Acme", page: str = "letter") -> Document:
    blocks = [Heading(runs, "c"), Paragraph(runs, "c"), BulletList([runs, runs[:1]], "c"), Paragraph([Run("")], "d")]
    return Document(title, "Effective date: today", company, "en", page, [Section("s", 1, title, blocks)])


def test_tabs_breaks_spaces_markup_characters_and_links():
    runs = [Run(" lead"), Run("tab\there"), Run("line\nbreak\r\nend "), Run("<&>\"'"), Run("\t"), Run("\n\n"),
            Run("bold", bold=True), Run("both", bold=True, italic=True), Run("[gap]", gap=True),
            Run("site", href="https://a.example/?q=1&r=\"2\"<3>"), Run("again", href="https://a.example/?q=1&r=\"2\"<3>"),
            Run("mail", href="mailto:x@a.example", italic=True), Run("gap link", href="https://b.example", gap=True),
            Run("bad link", href="javascript:alert(1)"), Run("\x00\x07")]
    assert_same_package(_document(runs))
    assert_same_package(_document(runs, title="", company="", page="a4"))
    assert_same_package(_document(runs, title="Tab\tTitle\n", company=" Spaced "))


text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"), max_size=12)
address = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"), max_size=12)
runs = st.lists(st.builds(Run, text=text, bold=st.booleans(), italic=st.booleans(), gap=st.booleans(),
                          href=st.one_of(st.none(), st.builds("https://{}".format, address), st.just("mailto:a@b.example"))),
                min_size=1, max_size=6)


@settings(max_examples=80, deadline=None)
@given(runs=runs, title=text, company=text)
def test_any_text_is_written_as_python_docx_wrote_it(runs, title, company):
    assert_same_package(_document(runs, title=title, company=company))


def test_characters_xml_cannot_hold_are_dropped_where_python_docx_failed():
    runs = [Run("a\ufffeb\uffffc"), Run("link", href="https://a.example/\x1f\ufffex")]
    word = docx.Document(io.BytesIO(export_bytes(_document(runs, title="T\uffff"), "docx")))
    assert word.paragraphs[0].text == "T" and word.paragraphs[3].text == "abclink"
    assert [r.target_ref for r in word.part.rels.values() if r.is_external] == ["https://a.example/x"]


def test_a_long_name_is_cut_to_what_a_document_property_holds():
    name = "A" * 400
    word = docx.Document(io.BytesIO(export_bytes(_document([Run("x")], title=name, company=name), "docx")))
    assert word.core_properties.title == "A" * MAX_PROPERTY and word.core_properties.author == "A" * MAX_PROPERTY
    assert word.paragraphs[0].text == name and word.sections[0].header.paragraphs[0].text == name


def test_the_template_is_found_and_read_once():
    assert docx_package.template_path().name == "default.docx"
    assert docx_package.template_members() is docx_package.template_members()


def test_a_missing_template_is_a_plain_error(monkeypatch, tmp_path):
    monkeypatch.setattr(docx_package.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(FileNotFoundError, match="default.docx is missing"):
        docx_package.template_path()
