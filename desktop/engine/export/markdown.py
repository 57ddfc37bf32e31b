"""CommonMark: ATX headings, `-` lists, tables as GitHub Flavored Markdown writes them; every text
escaped so no value can become markup.

Section references link to their heading, and the optional table of contents to every heading,
by the anchors GitHub (and markdown-it's anchors plugin) derive from a heading's text.
"""

import re
import unicodedata

from desktop.engine.policy.document import BulletList, Document, Heading, Run, Table, clean_text, merged, plain, safe_href

_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&{}])")
_BLOCK_START = re.compile(r"^(\d*)([-+=.)])")
_NOT_IN_SLUG = re.compile(r"[^\w\- ]")
CONTENTS = "Contents"


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", clean_text(text)))


def _flanks(char: str) -> bool:
    """Whether an emphasis delimiter next to `char` (outside it) always counts as one."""
    return not char or char.isspace() or (_is_punctuation(char) and char != "*")


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _emphasis_fits(core: str, before: str, after: str) -> bool:
    """CommonMark's flanking rules: `*x*` is emphasis only when its edges allow it."""
    opens = core[0].isalnum() and before != "*" or _flanks(before)
    closes = core[-1].isalnum() and after != "*" or _flanks(after)
    return opens and closes and not core[0].isspace() and not core[-1].isspace()


def _run(run: Run, before: str, after: str, anchors: dict[str, str]) -> str:
    text = escape(run.text)
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    before, after = (lead[-1:] or before), (trail[:1] or after)
    href = safe_href(run)  # percent-encoded: no space, < or > left to end the address early
    if href:
        core = f"[{core}](<{href}>)"
    elif run.ref in anchors:
        core = f"[{core}](#{anchors[run.ref]})"
    if (run.bold or run.italic or run.gap) and _emphasis_fits(core, before, after):
        if run.italic:
            core = f"*{core}*"
        if run.bold or run.gap:
            core = f"**{core}**"
    return lead + core + trail


def _line(runs: list[Run], block_start: bool = True, anchors: dict[str, str] | None = None) -> str:
    runs = merged(runs)
    pieces: list[str] = []
    for index, run in enumerate(runs):
        before = pieces[-1][-1:] if pieces else ""
        after = escape(runs[index + 1].text)[:1] if index + 1 < len(runs) else ""
        pieces.append(_run(run, before, after, anchors or {}))
    text = "".join(pieces).strip()
    return _BLOCK_START.sub(r"\1\\\2", text) if block_start else text


def slug(text: str, taken: set[str]) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, -1, -2… when taken."""
    base = _NOT_IN_SLUG.sub("", " ".join(clean_text(text).split()).lower().replace(" ", "-"))
    found, count = base, 0
    while found in taken:
        count += 1
        found = f"{base}-{count}"
    taken.add(found)
    return found


def heading_anchors(document: Document, toc: bool = False) -> dict:
    """Each heading's anchor, in the order the page has them: section id -> anchor, (section id, n) -> anchor."""
    taken: set[str] = set()
    slug(document.title, taken)
    if toc:
        slug(CONTENTS, taken)
    anchors: dict = {}
    for section in document.sections:
        anchors[section.id] = slug(section.heading_text, taken)
        headings = [block for block in section.blocks if isinstance(block, Heading)]
        for number, block in enumerate(headings, 1):
            anchors[section.id, number] = slug(plain(block.runs), taken)
    return anchors


def _contents(document: Document, anchors: dict) -> list[str]:
    lines = [f"## {CONTENTS}", ""]
    for section in document.sections:
        lines.append(f"- [{_line([Run(section.heading_text)], False)}](#{anchors[section.id]})")
        headings = [block for block in section.blocks if isinstance(block, Heading)]
        lines += [f"  - [{_line(block.runs, False)}](#{anchors[section.id, number]})" for number, block in enumerate(headings, 1)]
    return lines + [""]


def _table(table: Table, anchors: dict) -> list[str]:
    """A GFM table: the header, its delimiter row, a line a row; `|` in a cell is escaped like all markup."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    lines = [row([_line([Run(text)], False) for text in table.header]), row(["---"] * len(table.header))]
    return lines + [row([_line(cell, False, anchors) for cell in cells]) for cells in table.rows]


def render(document: Document, toc: bool = False) -> bytes:
    anchors = heading_anchors(document, toc)
    # A heading's text cannot start a list, so "## 1. Cookies" needs no escape.
    lines = [f"# {_line([Run(document.title)], False)}", "", _line([Run(document.effective_line)]), ""]
    if toc:
        lines += _contents(document, anchors)
    for section in document.sections:
        lines += [f"## {_line([Run(section.heading_text)], False)}", ""]
        for block in section.blocks:
            if isinstance(block, Heading):
                lines += [f"### {_line(block.runs, False, anchors)}", ""]
            elif isinstance(block, BulletList):
                if lines[-1] == "" and lines[-2].startswith("- "):
                    lines.pop()  # lists of neighbouring clauses read as one tight list
                lines += [f"- {_line(item, anchors=anchors)}" for item in block.items] + [""]
            elif isinstance(block, Table):
                lines += _table(block, anchors) + [""]
            else:
                lines += [_line(block.runs, anchors=anchors), ""]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
