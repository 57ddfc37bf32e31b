"""Read exported files back with real readers: markdown-it-py, python-docx, html5lib (an HTML5 parser).

A table reads as one ("row", text) per row, the header first, its cells joined as Table.row_texts joins them."""

import io

import docx
import html5lib
import pypdf
from docx.table import Table
from markdown_it import MarkdownIt

from desktop.engine.policy.document import ROW_SEPARATOR

HEADING_KINDS = {"h1": "title", "h2": "heading1", "h3": "heading2"}


def markdown_blocks(data: bytes) -> list[tuple[str, str]]:
    """The blocks as CommonMark with GitHub's tables reads them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(data.decode("utf-8"))
    blocks, kind, cells = [], None, None
    for token in tokens:
        if token.type == "tr_open":
            cells = []
        elif token.type == "tr_close":
            blocks.append(("row", ROW_SEPARATOR.join(cells)))
            cells = None
        elif cells is not None:
            if token.type == "inline":
                cells.append(_inline_text(token))
        elif token.type == "heading_open":
            kind = HEADING_KINDS[token.tag]
        elif token.type == "list_item_open":
            kind = "item"
        elif token.type == "paragraph_open" and kind != "item":
            kind = "paragraph"
        elif token.type == "inline":
            blocks.append((kind, _inline_text(token)))
            kind = "item-done" if kind == "item" else kind
        elif token.type == "list_item_close" and kind == "item":  # an empty item has no inline token
            blocks.append(("item", ""))
            kind = None
        elif token.type in ("list_item_close", "heading_close"):
            kind = None
    return blocks


def _inline_text(token) -> str:
    return "".join(child.content for child in token.children if child.type in ("text", "code_inline", "softbreak"))


DOCX_KINDS = {"Title": "title", "Heading 1": "heading1", "Heading 2": "heading2", "List Bullet": "item", "Normal": "paragraph"}


def docx_blocks(data: bytes) -> list[tuple[str, str]]:
    """The body's paragraphs (not the table of contents), each Heading 1 with the number Word gives it."""
    document = docx.Document(io.BytesIO(data))
    number_text, sections, blocks = heading_number_text(document, "Heading1", 0), 0, []
    for paragraph in document.iter_inner_content():
        if isinstance(paragraph, Table):
            blocks += [("row", ROW_SEPARATOR.join(cell.text for cell in row.cells)) for row in paragraph.rows]
            continue
        kind, text = DOCX_KINDS[paragraph.style.name], paragraph.text
        if kind == "heading1":
            sections += 1
            text = f"{number_text.replace('%1', str(sections))} {text}"
        blocks.append((kind, text))
    return blocks


def heading_number_text(document, style_id: str, level: int) -> str:
    """The lvlText ("%1.") of the list level the style's own numbering properties name."""
    style = document.styles.element.xpath(f'w:style[@w:styleId="{style_id}"]')[0]
    num_id = style.xpath("w:pPr/w:numPr/w:numId/@w:val")[0]
    numbering = document.part.numbering_part.element
    abstract = numbering.xpath(f'w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')[0]
    lvl = f'w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="{level}"]'
    assert numbering.xpath(f"{lvl}/w:pStyle/@w:val") == [style_id]  # the level is linked back to the style
    return numbering.xpath(f"{lvl}/w:lvlText/@w:val")[0]


def pdf_strings(data: bytes) -> list[str]:
    """Every page's text and every bookmark's title, as pypdf (strict) reads them; it raises on a PDF it cannot read."""
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    titles, pending = [], list(reader.outline)
    while pending:
        item = pending.pop()
        pending.extend(item) if isinstance(item, list) else titles.append(item.title)
    return [page.extract_text() for page in reader.pages] + titles


HTML_KINDS = {"h1": "title", "h2": "heading1", "h3": "heading2", "li": "item", "p": "paragraph"}


def parse_html(data: bytes, fragment: bool = False):
    """The page (or a fragment of one) as an HTML5 parser builds it; any parse error fails the test."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=True, namespaceHTMLElements=False)
    text = data.decode("utf-8")
    return parser.parseFragment(text) if fragment else parser.parse(text)


def html_blocks(data: bytes, fragment: bool = False) -> list[tuple[str, str]]:
    """The text blocks in reading order, leaving out the table of contents (<nav>)."""
    blocks = []

    def walk(element):
        if element.tag == "nav":
            return
        if element.tag == "tr":
            blocks.append(("row", ROW_SEPARATOR.join("".join(cell.itertext()) for cell in element)))
            return
        if element.tag in HTML_KINDS:
            blocks.append((HTML_KINDS[element.tag], "".join(element.itertext())))
            return
        for child in element:
            walk(child)

    walk(parse_html(data, fragment))
    return blocks
