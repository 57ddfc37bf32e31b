"""A Word redline: the newer policy with every change as a tracked change (`w:ins`, `w:del`).

A lawyer can accept or reject each change in Word or LibreOffice; accepting them all gives the
newer policy's text. A deleted block's paragraph mark is deleted too, so accepting removes the
paragraph, and an inserted block's mark is inserted, so rejecting removes it. The package is
python-docx's template (docx_package.py) with only the body and properties written here, in the
built-in styles the Word export uses.
"""

import datetime as dt
import zlib

from desktop.engine.document import clean_text
from desktop.engine.export.docx import DECLARATION, HEADING_1, HEADING_2, LIST_BULLET, PAGE_SIZES, SIDE_MARGIN, TITLE
from desktop.engine.export.docx_package import deflated, template_members, zip_bytes
from desktop.engine.policy_diff import DELETED, INSERTED, SAME, BlockChange

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
    """The redline .docx of `changes`; every change is dated `when` (the newer version's date)."""
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = _Body(stamp)
    kept = [i for i, change in enumerate(changes) if change.status != DELETED]
    last_kept = kept[-1] if kept else -1
    for index, change in enumerate(changes):
        if index == last_kept + 1 and kept and index < len(changes):
            body.delete_last_mark()
        if index > last_kept and kept:
            # The body's last paragraph mark cannot be deleted: the kept paragraph's mark is
            # deleted instead and the last deleted block keeps its mark, in the kept one's style.
            final = index == len(changes) - 1
            body.paragraph(change, style_of=changes[last_kept], mark=SAME if final else DELETED)
        else:
            body.paragraph(change)
    if not changes:
        body.parts.append("<w:p/>")  # a body holds at least one paragraph
    width, height = PAGE_SIZES.get(page_size, PAGE_SIZES["letter"])
    section = (f'<w:sectPr><w:pgSz w:w="{_twips(width)}" w:h="{_twips(height)}"/><w:pgMar w:top="1440" w:right="{_twips(SIDE_MARGIN)}" '
               f'w:bottom="1440" w:left="{_twips(SIDE_MARGIN)}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
    template = template_members()
    written = {
        "word/document.xml": _document_start(template) + "".join(body.parts) + section + "</w:body></w:document>",
        "docProps/core.xml": _CORE.format(title=_escape(clean_text(title)[:255]), description=_escape(clean_text(description)[:255]),
                                          now=stamp),
    }
    return zip_bytes([deflated(name, (DECLARATION + written[name]).encode("utf-8")) if name in written else member
                      for name, member in template.items()])


class _Body:
    def __init__(self, stamp: str):
        self.stamp = stamp
        self.parts: list[str] = []
        self.next_id = 1

    def _mark_attributes(self) -> str:
        self.next_id += 1
        return f'w:id="{self.next_id - 1}" w:author="{AUTHOR}" w:date="{self.stamp}"'

    def paragraph(self, change: BlockChange, style_of: BlockChange | None = None, mark: str | None = None) -> None:
        """One paragraph; its mark is inserted or deleted with the block unless `mark` says otherwise."""
        mark = change.status if mark is None else mark
        style = STYLES.get((style_of or change).kind)
        mark_xml = f"<w:rPr><w:ins {self._mark_attributes()}/></w:rPr>" if mark == INSERTED else \
            f"<w:rPr><w:del {self._mark_attributes()}/></w:rPr>" if mark == DELETED else ""
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        self.parts.append(f"<w:p><w:pPr>{style_xml}{mark_xml}</w:pPr>")
        for piece in change.pieces:
            self.parts.append(self._run(piece.mark, piece.text))
        self.parts.append("</w:p>")

    def delete_last_mark(self) -> None:
        """Mark the last written paragraph's mark deleted; an inserted mark becomes inserted and
        then deleted, which accepting removes and rejecting removes too."""
        for index in range(len(self.parts) - 1, -1, -1):
            start = self.parts[index]
            if start.startswith("<w:p><w:pPr>"):
                deleted = f"<w:del {self._mark_attributes()}/>"
                if "<w:rPr><w:ins " in start:
                    self.parts[index] = start.replace("/></w:rPr></w:pPr>", f"/>{deleted}</w:rPr></w:pPr>")
                else:
                    self.parts[index] = start.replace("</w:pPr>", f"<w:rPr>{deleted}</w:rPr></w:pPr>")
                return

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
