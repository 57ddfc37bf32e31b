"""Read a redline's tracked changes as Word does: accept them all, or reject them all.

Accepting drops deleted text (w:del) and keeps inserted text (w:ins); a paragraph whose mark is
deleted joins the next one. Rejecting does the opposite.
"""

import io
import zipfile
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode("utf-8")


def paragraphs(data: bytes, accept: bool = True) -> list[str]:
    body = ElementTree.fromstring(document_xml(data)).find(f"{W}body")
    dropped = f"{W}del" if accept else f"{W}ins"
    out, carried = [], ""
    for paragraph in body.iter(f"{W}p"):
        text = carried + _text(paragraph, dropped)
        mark = paragraph.find(f"{W}pPr/{W}rPr/{dropped}")
        if mark is not None:
            carried = text
            continue
        carried = ""
        out.append(text)
    return out


def _text(element, dropped: str) -> str:
    parts = []
    for child in element:
        if child.tag == dropped or child.tag == f"{W}pPr":
            continue
        if child.tag in (f"{W}t", f"{W}delText"):
            parts.append(child.text or "")
        elif child.tag == f"{W}tab":
            parts.append("\t")
        else:
            parts.append(_text(child, dropped))
    return "".join(parts)


def tracked(data: bytes) -> tuple[int, int]:
    """How many w:ins and w:del elements the body holds."""
    xml = document_xml(data)
    return xml.count("<w:ins "), xml.count("<w:del ")
