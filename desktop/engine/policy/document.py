"""The assembled policy: one structure that the preview and every exporter read."""

import functools
from dataclasses import dataclass, field
from urllib.parse import quote

from desktop.engine.language.validate import is_safe_link
from desktop.engine.policy.place import Place
from desktop.engine.policy.readability import flesch_reading_ease


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look.

    `gap` marks a missing detail shown as a placeholder; `token` marks text a token produced
    (a profile value, a defined term), which the terminology linter trusts. `ref` is the id of
    the section a cross-reference ("section 16 (How to contact us)") points to, so a format can
    make it a link or a field that follows the section's number and title.
    """

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    gap: bool = False
    token: bool = False
    ref: str | None = None


def merged(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs that look the same, so a format's markup is not split mid-phrase."""
    result: list[Run] = []
    for run in runs:
        previous = result[-1] if result else None
        if previous and _look(previous) == _look(run):
            result[-1] = Run(previous.text + run.text, run.bold, run.italic, run.href, run.gap, previous.token and run.token, run.ref)
        else:
            result.append(run)
    return result


def _look(run: Run) -> tuple:
    return run.bold, run.italic, run.href, run.gap, run.ref


def safe_href(run: Run) -> str | None:
    """The run's link, cleaned for any format, when its scheme is one a document may carry, else None.

    Every writer takes links from here: control characters are dropped, and spaces and
    characters outside ASCII are percent-encoded, so no format can choke on a link target."""
    if not run.href:
        return None
    href = quote(clean_text(run.href), safe=_URI_CHARACTERS)
    return href if is_safe_link(href) else None


_URI_CHARACTERS = ":/?#[]@!$&'()*+,;=%~"  # RFC 3986's reserved characters, and % for escapes already made


def plain(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


@dataclass
class Heading:
    """A clause heading, one level below its section's heading."""

    runs: list[Run]
    clause_id: str | None = None


@dataclass
class Paragraph:
    runs: list[Run]
    clause_id: str | None = None


@dataclass
class BulletList:
    items: list[list[Run]]
    clause_id: str | None = None


@dataclass
class Table:
    """A table whose first row is its header: each cell is runs, so a cell can hold a link."""

    header: list[str]
    rows: list[list[list[Run]]]
    clause_id: str | None = None

    def row_texts(self) -> list[str]:
        """Each row as one line of text, the header first: cells joined by " | "."""
        return [ROW_SEPARATOR.join(self.header)] + [ROW_SEPARATOR.join(plain(cell) for cell in row) for row in self.rows]


ROW_SEPARATOR = " | "
Block = Heading | Paragraph | BulletList | Table


def pieces(block: Block) -> list[list[Run]]:
    """The block's stretches of text, each as runs: a heading's or paragraph's one, a list's items, a table's cells."""
    if isinstance(block, BulletList):
        return block.items
    if isinstance(block, Table):
        return [[Run(text)] for text in block.header] + [cell for row in block.rows for cell in row]
    return [block.runs]


@dataclass
class Section:
    id: str
    number: int
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def heading_text(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        """The id a link to this section points to, in every format that has anchors."""
        return clean_text(f"section-{self.id}")


@dataclass(frozen=True)
class Gap:
    """Something assembly could not fill: a missing detail, an unknown token or reference."""

    kind: str  # "missing", "token", "reference", "runaway" (an option that uses itself or grows without end)
    name: str
    clause_id: str
    message: str
    place: Place


@dataclass
class Document:
    title: str
    effective_line: str
    company_name: str
    lang: str
    page_size: str  # "letter" or "a4"
    sections: list[Section]
    gaps: list[Gap] = field(default_factory=list)
    defined_terms: list[str] = field(default_factory=list)
    introduced_in: dict[str, str] = field(default_factory=dict)  # term (or render.COMPANY) -> the clause defining it
    terms: dict = field(default_factory=dict)  # term id -> the DefinedTerm this profile resolved it to
    facts: list = field(default_factory=list)  # the StatedFacts the policy makes
    unknown_items: list = field(default_factory=list)  # list option items that name no kind of data

    @functools.cached_property
    def reading_ease(self) -> float:
        """Flesch reading ease of the running text (paragraphs and list items), scored once."""
        return flesch_reading_ease([text for kind, text in self.text_blocks() if kind in ("paragraph", "item")])

    def text_blocks(self) -> list[tuple[str, str]]:
        """(kind, text) of every heading, paragraph, list item and table row in reading order."""
        out = [("title", self.title), ("paragraph", self.effective_line)]
        for section in self.sections:
            out.append(("heading1", section.heading_text))
            for block in section.blocks:
                if isinstance(block, Heading):
                    out.append(("heading2", plain(block.runs)))
                elif isinstance(block, Paragraph):
                    out.append(("paragraph", plain(block.runs)))
                elif isinstance(block, Table):
                    out.extend(("row", text) for text in block.row_texts())
                else:
                    out.extend(("item", plain(item)) for item in block.items)
        return out

    def plain_text(self) -> str:
        return "\n".join(text for _, text in self.text_blocks())

    def clause_sections(self) -> dict[str, Section]:
        """Clause id -> the section it appears in, in reading order: the clauses the policy shows."""
        found: dict[str, Section] = {}
        for section in self.sections:
            for block in section.blocks:
                if block.clause_id:
                    found.setdefault(block.clause_id, section)
        return found


# Control characters but tab and line breaks (C0, DEL and C1), and Unicode's noncharacters:
# U+FFFE and U+FFFF, which XML forbids outright, and the rest, which HTML reports as errors.
_NONCHARACTERS = [*range(0xFDD0, 0xFDF0), *(plane + end for plane in range(0, 0x110000, 0x10000) for end in (0xFFFE, 0xFFFF))]
_CONTROL = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), *range(127, 160), *_NONCHARACTERS])


def clean_text(text: str) -> str:
    """Text fit for any format: no control characters (Word cannot store them), no noncharacters
    (U+FFFE, U+FFFF…), no lone surrogates. Every writer passes its text through here."""
    return text.translate(_CONTROL).encode("utf-8", "ignore").decode("utf-8")
