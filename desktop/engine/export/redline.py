"""A Word redline: the newer policy with every change as a tracked change (`w:ins`, `w:del`).

A lawyer can accept or reject each change in Word or LibreOffice; accepting them all gives the
newer policy's text. A deleted block's paragraph mark is deleted too, so accepting removes the
paragraph, and an inserted block's mark is inserted, so rejecting removes it. The package is
python-docx's template (docx_package.py) with only the body and properties written here, in the
built-in styles and the font the Word export uses (its headings keep their typed numbers, so
they are not list-numbered as the export's are).
"""

import datetime as dt
import zlib

from desktop.engine.export.docx import (
    DECLARATION,
    FURNITURE_REFERENCES,
    HEADING_1,
    HEADING_2,
    LIST_BULLET,
    PAGE_SIZES,
    SIDE_MARGIN,
    TITLE,
    furniture,
)
from desktop.engine.export.docx_package import deflated, template_members, zip_bytes
from desktop.engine.export.docx_styles import font_parts
from desktop.engine.policy.diff import DELETED, INSERTED, SAME, BlockChange
from desktop.engine.policy.document import clean_text

AUTHOR = "Policywright"
STYLES = {"title": TITLE, "heading1": HEADING_1, "heading2": HEADING_2, "item": LIST_BULLET, "paragraph": None}
_NOT_XML = dict.fromkeys([0xFFFE, 0xFFFF])
_CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>Privacy policy: changes</dc:subject><dc:creator>Policywright</dc:creator>"
    "<dc:description>{description}</dc:description><cp:lastModifiedBy>Policywright</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'
)


def render(changes: list[BlockChange], when: dt.datetime, title: str = "Privacy policy", page_size: str = "letter",
           description: str = "") -> bytes:
    """The redline .docx of `changes`; every change is dated `when` (the newer version's date).
    `description` (what is compared with what) is also the page header."""
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = _Body(stamp)
    for change, (marks, kind) in zip(changes, _paragraph_marks(changes), strict=True):
        body.paragraph(change, marks, kind)
    if not changes:
        body.parts.append("<w:p/>")  # a body holds at least one paragraph
    width, height = PAGE_SIZES.get(page_size, PAGE_SIZES["letter"])
    section = (f'<w:sectPr>{FURNITURE_REFERENCES}<w:pgSz w:w="{_twips(width)}" w:h="{_twips(height)}"/>'
               f'<w:pgMar w:top="1440" w:right="{_twips(SIDE_MARGIN)}" '
               f'w:bottom="1440" w:left="{_twips(SIDE_MARGIN)}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
    template = template_members() | font_parts()
    written = {
        **furniture(clean_text(description), "Page "),
        "word/document.xml": _document_start(template) + "".join(body.parts) + section + "</w:body></w:document>",
        "docProps/core.xml": _CORE.format(title=_escape(clean_text(title)[:255]), description=_escape(clean_text(description)[:255]),
                                          now=stamp),
    }
    names = [*template, *(name for name in written if name not in template)]
    return zip_bytes([deflated(name, (DECLARATION + written[name]).encode("utf-8")) if name in written else template[name]
                      for name in names])


def _paragraph_marks(changes: list[BlockChange]) -> list[tuple[tuple[str, ...], str]]:
    """For each paragraph, how its mark changed (inserted, deleted, or both) and whose style it has.

    The body's last paragraph mark cannot be deleted. When the newer text ends before the older
    did, the last kept paragraph's mark is deleted instead, and the last deleted block keeps its
    mark in the kept paragraph's style: accepting joins them into the kept paragraph as it was."""
    plan = [((change.status,) if change.status in (INSERTED, DELETED) else (), change.kind) for change in changes]
    kept = [index for index, change in enumerate(changes) if change.status != DELETED]
    if kept and kept[-1] < len(changes) - 1:
        last = kept[-1]
        plan[last] = (plan[last][0] + (DELETED,), plan[last][1])
        plan[-1] = ((), changes[last].kind)
    return plan


class _Body:
    def __init__(self, stamp: str):
        self.stamp = stamp
        self.parts: list[str] = []
        self.next_id = 1

    def _mark_attributes(self) -> str:
        self.next_id += 1
        return f'w:id="{self.next_id - 1}" w:author="{AUTHOR}" w:date="{self.stamp}"'

    def paragraph(self, change: BlockChange, marks: tuple[str, ...], kind: str) -> None:
        style = STYLES.get(kind)
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        tracked = "".join(f"<w:{'ins' if mark == INSERTED else 'del'} {self._mark_attributes()}/>" for mark in marks)
        self.parts.append(f"<w:p><w:pPr>{style_xml}{f'<w:rPr>{tracked}</w:rPr>' if tracked else ''}</w:pPr>")
        self.parts += [self._run(piece.mark, piece.text) for piece in change.pieces]
        self.parts.append("</w:p>")

    def _run(self, mark: str, text: str) -> str:
        text = clean_text(text)
        if not text:
            return ""
        if mark == SAME:
            return f"<w:r>{_text('t', text)}</w:r>"
        if mark == INSERTED:
            return f"<w:ins {self._mark_attributes()}><w:r>{_text('t', text)}</w:r></w:ins>"
        return f"<w:del {self._mark_attributes()}><w:r>{_text('delText', text)}</w:r></w:del>"


def _text(element: str, text: str) -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:{element}{space}>{_escape(text)}</w:{element}>"


def _escape(text: str) -> str:
    text = " ".join(text.translate(_NOT_XML).splitlines()) if "\n" in text or "\r" in text else text.translate(_NOT_XML)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\t", " ")


def _document_start(template) -> str:
    """The template's own <w:document …><w:body> opening, with every namespace Word expects."""
    member = template["word/document.xml"]
    xml = (zlib.decompress(member.data, -15) if member.method == 8 else member.data).decode("utf-8")
    start = xml.index("<w:document")
    return xml[start:xml.index("<w:body>") + len("<w:body>")]


def _twips(millimetres: float) -> int:
    return round(int(millimetres * 36000) / 635)
