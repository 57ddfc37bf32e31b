"""Word (.docx) with built-in styles only, so navigation, tables of contents and restyling work.

The package is python-docx's default template (docx_package.py) with the body, header, footer
and properties written here as text: what python-docx's API writes for the same document
(tests/test_docx_identical.py holds this to tests/docx_reference.py, the exporter as written with
python-docx), plus what its API cannot write: the table of contents, bookmarks and REF fields
(docx_fields.py) and the styles' font, language and heading numbering (docx_styles.py). Styles
are named by id, so nothing looks a style up by its name in 430 kB of styles for every paragraph,
which is where python-docx spent most of an export.
"""

import datetime as dt
import re

from desktop import NOT_LEGAL_ADVICE
from desktop.engine.export.docx_fields import Entry, bookmarked, ref_bookmark, reference, table_of_contents, toc_bookmark
from desktop.engine.export.docx_package import deflated, template_members, zip_bytes
from desktop.engine.export.docx_styles import styled_parts, template_text
from desktop.engine.policy.document import BulletList, Document, Heading, Run, Section, Table, clean_text, plain, safe_href

DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
# Built-in styles of the template, by id (the name Word shows: "Heading 1" is Heading1).
TITLE, HEADING_1, HEADING_2, LIST_BULLET, NORMAL = "Title", "Heading1", "Heading2", "ListBullet", None
TABLE_STYLE = "LightGrid-Accent1"  # "Light Grid Accent 1": lines between cells, its header row and first column bold
CONTENTS = "Contents"  # the table of contents' heading
LINK_BLUE = "0563C1"
PAGE_SIZES = {"letter": (215.9, 279.4), "a4": (210, 297)}  # millimetres
SIDE_MARGIN = 25  # millimetres
MAX_PROPERTY = 255  # characters Word keeps in a document property

_W = ('xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mv="urn:schemas-microsoft-com:mac:vml" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
      'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 wp14"')
_DOCUMENT_START = (
    '<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 wp14"><w:body>'
)
FURNITURE_REFERENCES = '<w:headerReference w:type="default" r:id="rId9"/><w:footerReference w:type="default" r:id="rId10"/>'
_SECTION = ('<w:sectPr w:rsidR="00FC693F" w:rsidRPr="0006063C" w:rsidSect="00034616">' + FURNITURE_REFERENCES
            + '<w:pgSz w:w="{width}" w:h="{height}"/><w:pgMar w:top="1440" w:right="{side}" w:bottom="1440" w:left="{side}" '
            'w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>')
_CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>Privacy policy</dc:subject><dc:creator>{author}</dc:creator><cp:keywords/>"
    "<dc:description>Drafted with Policywright. " + NOT_LEGAL_ADVICE + "</dc:description>"
    "<cp:lastModifiedBy>Policywright</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified><cp:category/><dc:language>{lang}</dc:language></cp:coreProperties>'
)
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT_RELS = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in (
    ("rId3", f"{_OFFICE}/styles", "styles.xml"),
    ("rId4", "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects", "stylesWithEffects.xml"),
    ("rId5", f"{_OFFICE}/settings", "settings.xml"), ("rId6", f"{_OFFICE}/webSettings", "webSettings.xml"),
    ("rId7", f"{_OFFICE}/fontTable", "fontTable.xml"), ("rId8", f"{_OFFICE}/theme", "theme/theme1.xml"),
    ("rId1", f"{_OFFICE}/customXml", "../customXml/item1.xml"), ("rId2", f"{_OFFICE}/numbering", "numbering.xml"),
    ("rId9", f"{_OFFICE}/header", "header1.xml"), ("rId10", f"{_OFFICE}/footer", "footer1.xml"),
))
_PACKAGE_RELS = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in (
    ("rId3", f"{_PACKAGE}/metadata/core-properties", "docProps/core.xml"),
    ("rId4", f"{_OFFICE}/extended-properties", "docProps/app.xml"),
    ("rId1", f"{_OFFICE}/officeDocument", "word/document.xml"),
    ("rId2", f"{_PACKAGE}/metadata/thumbnail", "docProps/thumbnail.jpeg"),
))
_OPENXML = "application/vnd.openxmlformats-officedocument"
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="/{part}" ContentType="{kind}"/>' for part, kind in (
        ("customXml/itemProps1.xml", f"{_OPENXML}.customXmlProperties+xml"),
        ("docProps/app.xml", f"{_OPENXML}.extended-properties+xml"),
        ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("word/document.xml", f"{_OPENXML}.wordprocessingml.document.main+xml"),
        ("word/fontTable.xml", f"{_OPENXML}.wordprocessingml.fontTable+xml"),
        ("word/footer1.xml", f"{_OPENXML}.wordprocessingml.footer+xml"),
        ("word/header1.xml", f"{_OPENXML}.wordprocessingml.header+xml"),
        ("word/numbering.xml", f"{_OPENXML}.wordprocessingml.numbering+xml"),
        ("word/settings.xml", f"{_OPENXML}.wordprocessingml.settings+xml"),
        ("word/styles.xml", f"{_OPENXML}.wordprocessingml.styles+xml"),
        ("word/stylesWithEffects.xml", "application/vnd.ms-word.stylesWithEffects+xml"),
        ("word/theme/theme1.xml", f"{_OPENXML}.theme+xml"),
        ("word/webSettings.xml", f"{_OPENXML}.wordprocessingml.webSettings+xml"),
    ))
    + "</Types>"
)
_RELATIONSHIPS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'
# The package's files in the order python-docx writes them: those render() writes, and the template's as they are.
_ORDER = ("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
          "word/_rels/document.xml.rels", "word/styles.xml", "word/stylesWithEffects.xml", "word/settings.xml",
          "word/webSettings.xml", "word/fontTable.xml", "word/theme/theme1.xml", "customXml/item1.xml",
          "customXml/_rels/item1.xml.rels", "customXml/itemProps1.xml", "word/numbering.xml", "word/header1.xml",
          "word/footer1.xml", "docProps/thumbnail.jpeg")
# What of the table style applies: its header row and first column (the cookie's name), as python-docx sets it.
_TABLE_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
               'w:noVBand="1" w:val="04A0"/>')
_BREAKS = re.compile(r"([\t\r\n])")
_NOT_XML = dict.fromkeys([0xFFFE, 0xFFFF])  # the two characters XML forbids that clean_text keeps


def render(document: Document) -> bytes:
    writer = _Body(document.sections)
    writer.paragraph(TITLE, clean_text(document.title))
    writer.paragraph(NORMAL, clean_text(document.effective_line))
    writer.parts.append(table_of_contents(_entries(document), CONTENTS))
    for index, section in enumerate(document.sections):
        # Word numbers the heading (numbering.xml, attached to the style); the text is the title alone.
        writer.heading(HEADING_1, [Run(section.title)], [ref_bookmark(section)], new_page=index == 0)
        for block in section.blocks:
            if isinstance(block, Heading):
                writer.heading(HEADING_2, block.runs)
            elif isinstance(block, BulletList):
                for item in block.items:
                    writer.paragraph(LIST_BULLET, runs=item)
            elif isinstance(block, Table):
                writer.table(block, _twips(PAGE_SIZES[document.page_size][0] - 2 * SIDE_MARGIN))
            else:
                writer.paragraph(NORMAL, runs=block.runs)
    width, height = PAGE_SIZES[document.page_size]
    body = "".join(writer.parts) + _SECTION.format(width=_twips(width), height=_twips(height), side=_twips(SIDE_MARGIN))
    written = {
        **furniture(clean_text(document.company_name or document.title), clean_text(document.effective_line) + " \u00b7 Page ",
                    writer.links),
        "_rels/.rels": _RELATIONSHIPS.format(_PACKAGE_RELS),
        "docProps/core.xml": _core(document),
        "word/document.xml": _DOCUMENT_START + body + "</w:body></w:document>",
    }
    template = template_members() | styled_parts(document.lang) | {"docProps/app.xml": _app(document)}
    return zip_bytes([deflated(name, (DECLARATION + written[name]).encode("utf-8")) if name in written else template[name]
                      for name in _ORDER])


def _entries(document: Document) -> list[Entry]:
    """The headings the table of contents lists, in the order _Body.heading bookmarks them."""
    entries = []
    for section in document.sections:
        entries.append(Entry(1, f"{section.number}.", _escape(clean_text(section.title)), len(entries)))
        clause_headings = [block for block in section.blocks if isinstance(block, Heading)]
        for block in clause_headings:
            entries.append(Entry(2, "", _escape(clean_text(plain(block.runs))), len(entries)))
    return entries


class _Body:
    """The body's paragraphs as XML text, and the hyperlinks they point to (href -> relationship id)."""

    def __init__(self, sections: list[Section] = ()):
        self.parts: list[str] = []
        self.links: dict[str, str] = {}
        self.sections = {section.id: section for section in sections}  # what a cross-reference points to
        self.headings = 0  # bookmarked so far

    def heading(self, style: str, runs: list[Run], bookmarks: list[str] = (), new_page: bool = False) -> None:
        """A heading with its table-of-contents bookmark (and any others) around its text."""
        names = [toc_bookmark(self.headings), *bookmarks]
        start = len(self.parts)
        self.paragraph(style, runs=runs, new_page=new_page)
        # The bookmarks enclose the runs: between the paragraph's properties and its end.
        opening, inner = self.parts[start], "".join(self.parts[start + 1:-1])
        self.parts[start:] = [opening, bookmarked(names, self.headings * 4, inner), "</w:p>"]
        self.headings += 1

    def table(self, table: Table, width: int) -> None:
        """The table in a built-in table style, its first row a header that Word repeats on every page."""
        column = width // len(table.header)
        grid = f'<w:gridCol w:w="{column}"/>' * len(table.header)
        self.parts.append(f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/><w:tblW w:type="auto" w:w="0"/>{_TABLE_LOOK}'
                          f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>")
        rows = [("<w:trPr><w:tblHeader/></w:trPr>", [[Run(text, bold=True)] for text in table.header])]
        for row_properties, cells in rows + [("", row) for row in table.rows]:
            self.parts.append(f"<w:tr>{row_properties}")
            for runs in cells:
                self.parts.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{column}"/></w:tcPr>')
                self.paragraph(NORMAL, runs=runs)
                self.parts.append("</w:tc>")
            self.parts.append("</w:tr>")
        self.parts.append("</w:tbl>")

    def paragraph(self, style: str | None, text: str = "", runs: list[Run] = (), new_page: bool = False) -> None:
        parts = self.parts
        page_break = "<w:pageBreakBefore/>" if new_page else ""
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{page_break}</w:pPr>' if style else "<w:p><w:pPr/>")
        if text:
            parts.append(f"<w:r>{_content(text)}</w:r>")
        for run in runs:
            text = clean_text(run.text)
            if not text:
                continue
            href = safe_href(run)
            section = self.sections.get(run.ref) if run.ref else None
            field = section and reference(text, section, _properties(run), _content)
            if field:
                parts.append(field)
            elif href:
                rid = self.links.setdefault(href, f"rId{len(self.links) + 11}")  # rId1-10: the template's parts
                parts.append(f'<w:hyperlink r:id="{rid}"><w:r>{_properties(run, link=True)}{_content(text)}</w:r></w:hyperlink>')
            else:
                parts.append(f"<w:r>{_properties(run)}{_content(text)}</w:r>")
        parts.append("</w:p>")


def _properties(run: Run, link: bool = False) -> str:
    """A run's look, in the order the schema gives (bold, italic, colour, highlight, underline)."""
    found = ("<w:b/>" if run.bold or run.gap else "") + ("<w:i/>" if run.italic else "")
    if link:
        found += f'<w:color w:val="{LINK_BLUE}"/>'
    if run.gap:
        found += '<w:highlight w:val="yellow"/>'
    if link:
        found += '<w:u w:val="single"/>'
    return f"<w:rPr>{found}</w:rPr>" if found else "<w:rPr/>"


def _content(text: str) -> str:
    """A run's text: a tab becomes <w:tab/>, a line break <w:br/>, as python-docx writes them."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _text(text)
    pieces = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            pieces.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            pieces.append("<w:br/>")
        elif piece:
            pieces.append(_text(piece))
    return "".join(pieces)


def _text(text: str) -> str:
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{_escape(text)}</w:t>"


def _escape(text: str) -> str:
    return text.translate(_NOT_XML).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attribute(text: str) -> str:
    return (_escape(clean_text(text)).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


def _twips(millimetres: float) -> int:
    """Millimetres in twentieths of a point, rounded as python-docx rounds them (through whole EMUs)."""
    return round(int(millimetres * 36000) / 635)


def _core(document: Document) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    title = clean_text(document.title)[:MAX_PROPERTY]
    author = (clean_text(document.company_name) or "Policywright")[:MAX_PROPERTY]
    return _CORE.format(title=_escape(title), author=_escape(author), lang=_escape(clean_text(document.lang)), now=now)


def _app(document: Document):
    """The template's extended properties, naming the company (Word's File ▸ Properties shows it)."""
    company = _escape(clean_text(document.company_name)[:MAX_PROPERTY])
    xml = template_text("docProps/app.xml").replace("<Company/>", f"<Company>{company}</Company>" if company else "<Company/>", 1)
    return deflated("docProps/app.xml", xml.encode("utf-8"))


def furniture(header: str, footer: str, links: dict[str, str] | None = None) -> dict[str, str]:
    """The header (`header`, at the right), the footer (`footer` then the page number) and the parts
    that name them: the content types and the body's relationships, with its `links` (href -> rId)."""
    return {
        "[Content_Types].xml": _CONTENT_TYPES,
        "word/_rels/document.xml.rels": _RELATIONSHIPS.format(_DOCUMENT_RELS + "".join(
            f'<Relationship Id="{rid}" Type="{_OFFICE}/hyperlink" Target="{_attribute(href)}" TargetMode="External"/>'
            for href, rid in (links or {}).items())),
        "word/header1.xml": _header(header),
        "word/footer1.xml": _footer(footer),
    }


def _header(text: str) -> str:
    run = f"<w:r>{_content(text)}</w:r>" if text else "<w:r/>"
    return f'<w:hdr {_W}><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>{run}</w:p></w:hdr>'


def _footer(text: str) -> str:
    return (f'<w:ftr {_W}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r>{_content(text)}</w:r>'
            '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>')
