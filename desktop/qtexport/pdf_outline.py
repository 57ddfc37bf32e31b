"""The heading tree as PDF bookmarks, added to a finished PDF as an incremental update.

An incremental update (PDF 1.4 §3.4.5) appends new objects, a catalog that replaces the old one,
and a cross-reference section pointing back at the old; the file Qt wrote is left as it is. Only
the few things needed are read from it: the trailer, the catalog, the page list. The catalog
also gains the document's language and opens the viewer with the bookmarks shown.
"""

import re
from dataclasses import dataclass

_LAST_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_REF = rb"/%s (\d+) 0 R"


class PdfStructureError(ValueError):
    """The PDF is not laid out as Qt writes it, so no outline can be added."""


@dataclass(frozen=True)
class OutlineEntry:
    level: int  # 1 for a section, 2 for a heading inside it
    title: str
    page: int  # from 0
    points_from_top: float  # where on the page the heading starts


def add_outline(data: bytes, entries: list[OutlineEntry], page_height: float, lang: str) -> bytes:
    trailer_start = data.rfind(b"trailer")
    end = _LAST_XREF.search(data)
    if trailer_start < 0 or end is None:
        raise PdfStructureError("no trailer at the end of the PDF")
    trailer = data[trailer_start:end.start()]
    root, size = _number(trailer, _REF % b"Root"), _number(trailer, rb"/Size (\d+)")
    catalog = _object(data, root)
    pages = _page_refs(_object(data, _number(catalog, _REF % b"Pages")))
    objects = _outline_objects(entries, pages, page_height, first=size)
    language = "".join(ch for ch in lang if ch.isalnum() or ch == "-")
    objects[root] = catalog.rstrip()[:-2] + (f"/Outlines {size} 0 R\n/PageMode /UseOutlines\n/Lang ({language})\n"
                                             "/ViewerPreferences << /DisplayDocTitle true >>\n>>").encode("ascii")
    return data + _update(len(data), objects, trailer, int(end.group(1)))


def _number(text: bytes, pattern: bytes) -> int:
    found = re.search(pattern, text)
    if found is None:
        raise PdfStructureError(f"the PDF has no {pattern.decode()}")
    return int(found.group(1))


def _object(data: bytes, number: int) -> bytes:
    """The dictionary of object `number` (one without nested dictionaries, as Qt writes the catalog and page tree)."""
    found = re.search(rb"(?:^|\n)%d 0 obj\s*(<<.*?>>)\s*endobj" % number, data, re.S)
    if found is None:
        raise PdfStructureError(f"the PDF has no object {number}")
    return found.group(1)


def _page_refs(pages: bytes) -> list[int]:
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", pages)
    if kids is None or b"/Type /Pages" not in pages:
        raise PdfStructureError("the PDF's page tree has no /Kids")
    return [int(number) for number in re.findall(rb"(\d+) 0 R", kids.group(1))]


def _outline_objects(entries: list[OutlineEntry], pages: list[int], page_height: float, first: int) -> dict[int, bytes]:
    """The outline's root (object `first`) and one item per entry, sections holding their headings."""
    numbers = {index: first + 1 + index for index in range(len(entries))}
    parents, children = {}, {None: []}
    section = None
    for index, entry in enumerate(entries):
        if entry.level <= 1 or section is None:
            section = index
            parents[index] = None
            children[None].append(index)
            children[index] = []
        else:
            parents[index] = section
            children[section].append(index)
    objects = {first: _tree_links(b"/Type /Outlines", children[None], numbers, len(children[None]))}
    for index, entry in enumerate(entries):
        siblings = children[parents[index]]
        at = siblings.index(index)
        links = [f"/Title {_text(entry.title)}", f"/Parent {numbers.get(parents[index], first)} 0 R"]
        if at:
            links.append(f"/Prev {numbers[siblings[at - 1]]} 0 R")
        if at + 1 < len(siblings):
            links.append(f"/Next {numbers[siblings[at + 1]]} 0 R")
        page = pages[min(entry.page, len(pages) - 1)]
        top = max(0.0, page_height - entry.points_from_top + 4)
        links.append(f"/Dest [{page} 0 R /XYZ 0 {top:.2f} null]")
        # Sections open with their headings folded (a negative count), so the list is short at first.
        own = children.get(index, [])
        objects[numbers[index]] = _tree_links(" ".join(links).encode("utf-8"), own, numbers, -len(own))
    return objects


def _tree_links(head: bytes, kids: list[int], numbers: dict[int, int], count: int) -> bytes:
    if not kids:
        return b"<< " + head + b" >>"
    tail = f" /First {numbers[kids[0]]} 0 R /Last {numbers[kids[-1]]} 0 R /Count {count}"
    return b"<< " + head + tail.encode("ascii") + b" >>"


def _text(value: str) -> str:
    """A PDF text string that holds any character: UTF-16BE with its byte order mark, in hex."""
    return "<FEFF" + value.encode("utf-16-be", "surrogatepass").hex().upper() + ">"


def _update(offset: int, objects: dict[int, bytes], old_trailer: bytes, previous: int) -> bytes:
    body, positions = [b"\n"], {}
    offset += 1
    for number in sorted(objects):
        positions[number] = offset
        chunk = b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
        body.append(chunk)
        offset += len(chunk)
    xref = [b"xref\n0 1\n0000000000 65535 f \n"]  # the free list's head, which readers expect first
    for start, run in _runs(sorted(positions)):
        xref.append(b"%d %d\n" % (start, len(run)))
        xref += [b"%010d 00000 n \n" % positions[number] for number in run]
    kept = b" ".join(re.findall(rb"/(?:Info \d+ 0 R|Root \d+ 0 R|ID\s*\[[^\]]*\])", old_trailer))
    trailer = b"trailer\n<< /Size %d %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (max(objects) + 1, kept, previous, offset)
    return b"".join(body + xref) + trailer


def _runs(numbers: list[int]):
    """Consecutive object numbers grouped, one cross-reference subsection each."""
    run: list[int] = []
    for number in numbers:
        if run and number != run[-1] + 1:
            yield run[0], run
            run = []
        run.append(number)
    if run:
        yield run[0], run
