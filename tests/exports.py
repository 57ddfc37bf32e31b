"""Read exported files back with real readers: markdown-it-py, python-docx, the stdlib HTML parser."""

import io
from html.parser import HTMLParser

import docx
from markdown_it import MarkdownIt

HEADING_KINDS = {"h1": "title", "h2": "heading1", "h3": "heading2"}


def markdown_blocks(data: bytes) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").parse(data.decode("utf-8"))
    blocks, kind = [], None
    for token in tokens:
        if token.type == "heading_open":
            kind = HEADING_KINDS[token.tag]
        elif token.type == "list_item_open":
            kind = "item"
        elif token.type == "paragraph_open" and kind != "item":
            kind = "paragraph"
        elif token.type == "inline":
            blocks.append((kind, "".join(child.content for child in token.children if child.type in ("text", "code_inline", "softbreak"))))
            kind = "item-done" if kind == "item" else kind
        elif token.type == "list_item_close" and kind == "item":  # an empty item has no inline token
            blocks.append(("item", ""))
            kind = None
        elif token.type in ("list_item_close", "heading_close"):
            kind = None
    return blocks


DOCX_KINDS = {"Title": "title", "Heading 1": "heading1", "Heading 2": "heading2", "List Bullet": "item", "Normal": "paragraph"}


def docx_blocks(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(DOCX_KINDS[p.style.name], p.text) for p in document.paragraphs]


class _HTMLBlocks(HTMLParser):
    KINDS = {"h1": "title", "h2": "heading1", "h3": "heading2", "li": "item", "p": "paragraph"}

    def __init__(self):
        super().__init__()
        self.blocks, self.kind, self.text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag in self.KINDS:
            self.kind, self.text = self.KINDS[tag], []

    def handle_endtag(self, tag):
        if tag in self.KINDS and self.kind:
            self.blocks.append((self.kind, "".join(self.text)))
            self.kind = None

    def handle_data(self, data):
        if self.kind:
            self.text.append(data)


def html_blocks(data: bytes) -> list[tuple[str, str]]:
    parser = _HTMLBlocks()
    parser.feed(data.decode("utf-8"))
    return parser.blocks
