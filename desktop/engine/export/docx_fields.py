"""Word's fields in the body: the table of contents, bookmarks on headings, cross-references.

Each field carries its result as Word would compute it, so the document reads right before
anyone updates fields, and follows the headings once someone does.
"""

from dataclasses import dataclass

from desktop.engine.policy.document import Section

TOC_LEVELS = "1-2"
TOC_INSTRUCTION = f'TOC \\o "{TOC_LEVELS}" \\h \\z \\u'  # hyperlinked entries, no page numbers on the web


@dataclass(frozen=True)
class Entry:
    """A heading as the table of contents lists it."""

    level: int  # 1 or 2
    number: str  # "3." as Word's numbering shows it; "" for a clause heading, which is not numbered
    text: str  # already XML-escaped
    serial: int  # makes the heading's bookmark names unique

    @property
    def toc_bookmark(self) -> str:
        return toc_bookmark(self.serial)


def toc_bookmark(serial: int) -> str:
    return f"_Toc{serial:09d}"


def ref_bookmark(section: Section) -> str:
    """The bookmark a cross-reference to the section points at (Word's own names start _Ref)."""
    return f"_Ref{section.number:09d}"


def field(instruction: str, result: str, properties: str = "") -> str:
    """A complex field: its code, and `result` (runs' XML) as the text shown until it is updated."""
    return (f'<w:r>{properties}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{properties}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r>{properties}<w:fldChar w:fldCharType="separate"/></w:r>{result}'
            f'<w:r>{properties}<w:fldChar w:fldCharType="end"/></w:r>')


def bookmarked(names: list[str], first_id: int, inner: str) -> str:
    starts = "".join(f'<w:bookmarkStart w:id="{first_id + n}" w:name="{name}"/>' for n, name in enumerate(names))
    ends = "".join(f'<w:bookmarkEnd w:id="{first_id + n}"/>' for n in reversed(range(len(names))))
    return starts + inner + ends


def table_of_contents(entries: list[Entry], heading: str) -> str:
    """Word's TOC field in its content control, with one hyperlinked paragraph per heading as its result."""
    paragraphs = []
    for index, entry in enumerate(entries):
        begin = field_start(TOC_INSTRUCTION) if index == 0 else ""
        number = f'<w:r><w:t>{entry.number}</w:t></w:r><w:r><w:tab/></w:r>' if entry.number else ""
        link = (f'<w:hyperlink w:anchor="{entry.toc_bookmark}" w:history="1">{number}'
                f'<w:r><w:t xml:space="preserve">{entry.text}</w:t></w:r></w:hyperlink>')
        paragraphs.append(f'<w:p><w:pPr><w:pStyle w:val="TOC{entry.level}"/></w:pPr>{begin}{link}</w:p>')
    if not paragraphs:
        paragraphs.append("<w:p>" + field_start(TOC_INSTRUCTION) + "</w:p>")
    end = '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    return ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
            f'</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr>'
            f'<w:r><w:t>{heading}</w:t></w:r></w:p>{"".join(paragraphs)}{end}</w:sdtContent></w:sdt>')


def field_start(instruction: str) -> str:
    """The opening of a field whose result runs over several paragraphs (its end comes later)."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')


def reference(text: str, section: Section, properties: str, content) -> str | None:
    """"section 16 (How to contact us)" with the number and the title as REF fields to the heading.

    None when the text does not show the section's number and title (then it is written as text).
    `content` turns text into a run's content (<w:t>…).
    """
    number, title = str(section.number), section.title
    before, found, rest = text.partition(number)
    middle, found_title, after = rest.partition(title)
    if not found or not found_title:
        return None
    bookmark = ref_bookmark(section)

    def runs(piece: str) -> str:
        return f"<w:r>{properties}{content(piece)}</w:r>" if piece else ""

    return (runs(before) + field(f"REF {bookmark} \\r \\h", runs(number), properties) + runs(middle)
            + field(f"REF {bookmark} \\h", runs(title), properties) + runs(after))
