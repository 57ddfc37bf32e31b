"""What the Word export adds beyond python-docx's API: table of contents, numbered headings,
cross-reference fields, a named font, the language. Read back with python-docx and lxml."""

import io
import re
import zipfile

import docx
import pytest
from exports import heading_number_text
from lxml import etree

from desktop.engine.export import export_bytes
from desktop.engine.export.docx_styles import FONT, FONT_ALTERNATIVE
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import Heading
from desktop.engine.review.example import example_profile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


@pytest.fixture(scope="module")
def policy(all_practices_policy):
    return all_practices_policy


@pytest.fixture(scope="module")
def package(policy):
    data = export_bytes(policy, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return data, {name: etree.fromstring(xml) for name, xml in parts.items() if name.endswith((".xml", ".rels"))}


def instructions(paragraph) -> list[str]:
    return [" ".join(text.split()) for text in paragraph.xpath(".//w:instrText/text()", namespaces=NS)]


def test_the_table_of_contents_is_a_field_with_every_heading_filled_in(policy, package):
    body = package[1]["word/document.xml"]
    content = body.xpath("//w:sdt[w:sdtPr/w:docPartObj/w:docPartGallery/@w:val='Table of Contents']/w:sdtContent", namespaces=NS)
    assert len(content) == 1
    paragraphs = content[0].xpath("w:p", namespaces=NS)
    assert instructions(paragraphs[1]) == ['TOC \\o "1-2" \\h \\z \\u']
    entries = [(p.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)[0], "".join(p.xpath(".//w:t/text()", namespaces=NS)),
                p.xpath("w:hyperlink/@w:anchor", namespaces=NS)) for p in paragraphs[1:-1]]
    expected = []
    for section in policy.sections:
        expected.append(("TOC1", f"{section.number}.{section.title}"))
        headings = [b for b in section.blocks if isinstance(b, Heading)]
        expected += [("TOC2", "".join(r.text for r in h.runs)) for h in headings]  # clause headings: no number
    assert [(style, text) for style, text, _ in entries] == expected
    # Each entry links to a bookmark on its heading, in the body's order.
    bookmarks = body.xpath("//w:body/w:p[w:pPr/w:pStyle[@w:val='Heading1' or @w:val='Heading2']]"
                           "/w:bookmarkStart[starts-with(@w:name, '_Toc')]/@w:name", namespaces=NS)
    assert [anchor for _, _, anchor in entries] == [[name] for name in bookmarks]
    assert paragraphs[-1].xpath("w:r/w:fldChar/@w:fldCharType", namespaces=NS) == ["end"]


def test_section_headings_are_numbered_by_the_list_attached_to_their_style(package):
    data, _ = package
    word = docx.Document(io.BytesIO(data))
    assert heading_number_text(word, "Heading1", 0) == "%1."
    # Clause headings are not numbered, in Word as in the preview and the other formats.
    assert not word.styles.element.xpath('w:style[@w:styleId="Heading2"]/w:pPr/w:numPr')
    assert not any(re.match(r"\d", p.text) for p in word.paragraphs if p.style.name == "Heading 2")
    headings = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[0].text == "About this policy"  # no typed number
    assert not any(re.match(r"\d+\.", p.text) for p in headings)
    toc_heading = word.styles.element.xpath('w:style[@w:styleId="TOCHeading"]/w:pPr/w:numPr/w:numId/@w:val')
    assert toc_heading == ["0"]  # based on Heading 1, but not numbered itself


def test_section_references_are_ref_fields_to_bookmarked_headings(policy, package):
    body = package[1]["word/document.xml"]
    refs = [i for p in body.xpath("//w:body/w:p", namespaces=NS) for i in instructions(p) if i.startswith("REF")]
    assert refs, "the policy refers to other sections"
    bookmarks = set(body.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    for ref in refs:
        assert re.fullmatch(r"REF _Ref\d{9}( \\r)? \\h", ref), ref
        assert ref.split()[1] in bookmarks
    # The shown text is the one the fields would compute: the number, then the title, of the section.
    word = docx.Document(io.BytesIO(package[0]))
    contact = next(s for s in policy.sections if s.id == "contact")
    assert any(f"section {contact.number} ({contact.title})" in p.text for p in word.paragraphs)
    heading = body.xpath(f"//w:p[w:bookmarkStart/@w:name='_Ref{contact.number:09d}']", namespaces=NS)[0]
    assert "".join(heading.xpath(".//w:t/text()", namespaces=NS)) == contact.title


def test_the_font_and_language_are_named_in_the_styles(package):
    parts = package[1]
    defaults = parts["word/styles.xml"].xpath("w:docDefaults/w:rPrDefault/w:rPr", namespaces=NS)[0]
    fonts = defaults.xpath("w:rFonts", namespaces=NS)[0]
    assert fonts.get(f"{{{W}}}ascii") == fonts.get(f"{{{W}}}hAnsi") == FONT and fonts.get(f"{{{W}}}asciiTheme") is None
    assert defaults.xpath("w:lang/@w:val", namespaces=NS) == ["en-US"]
    assert not parts["word/styles.xml"].xpath("//w:rFonts[@w:asciiTheme]", namespaces=NS)  # no style falls back to the theme's
    font = parts["word/fontTable.xml"].xpath(f"w:font[@w:name='{FONT}']", namespaces=NS)[0]
    assert font.xpath("w:altName/@w:val", namespaces=NS) == [FONT_ALTERNATIVE]


def test_the_properties_name_the_policy_company_and_language(package):
    properties = docx.Document(io.BytesIO(package[0])).core_properties
    assert (properties.title, properties.subject, properties.author) == ("Acme Privacy Policy", "Privacy policy", "Acme")
    assert properties.language == "en-US" and properties.created is not None
    app = package[1]["docProps/app.xml"]
    ns = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
    assert app.xpath("ep:Company/text()", namespaces=ns) == ["Acme"]


def test_outside_the_us_the_language_is_british_english(bundled_library):
    profile = example_profile(bundled_library)
    profile.company.country = "France"
    data = export_bytes(assemble(profile, bundled_library), "docx")
    word = docx.Document(io.BytesIO(data))
    assert word.core_properties.language == "en"
    assert word.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["en-GB"]


def test_a_hostile_company_name_is_text_in_every_property(bundled_library):
    profile = example_profile(bundled_library)
    profile.company.short_name = "<b>&\"Acme\"\x07"
    data = export_bytes(assemble(profile, bundled_library), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        app = etree.fromstring(archive.read("docProps/app.xml"))
    company = app.xpath("ep:Company/text()", namespaces={"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"})
    assert company == ['<b>&"Acme"'] == [docx.Document(io.BytesIO(data)).core_properties.author]
