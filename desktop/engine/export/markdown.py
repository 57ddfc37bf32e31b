"""CommonMark: ATX headings, `-` lists, tables as GitHub Flavored Markdown writes them; every text
escaped so no value can become markup, with a backslash only where a character would be read as
markup where it stands ("Welcome!" and "Crumb & Hearth" stay as they are, pasted anywhere).

Section references link to their heading, and the optional table of contents to every heading,
by the anchors GitHub (and markdown-it's anchors plugin) derive from a heading's text.
"""

import re
import string
import unicodedata
from dataclasses import replace

from desktop.engine.policy.document import BulletList, Document, Heading, Run, Table, clean_text, merged, plain, safe_href

_PUNCTUATION = frozenset(string.punctuation)  # what a backslash escapes
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY_START = re.compile(r"&(?:#\d{0,7}|#[xX][0-9a-fA-F]{0,6}|[A-Za-z][A-Za-z0-9]{0,31})$")
_DELIMITERS = "*~"  # emphasis and GitHub's strikethrough: markup unless spaces stand on both sides
# A line that opens a block of its own: a list, a heading, a quote, a link definition, a rule; and
# GitHub's task list box ("- [ ] x").
_OPENS_BLOCK = re.compile(r"[-+*](?= |$)|#{1,6}(?= |$)|>|\[(?:[^\]\\]|\\.)*\]:|(?:- *){3,}$|(?:_ *){3,}$|\[[ xX]\](?= |$)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?= |$)")
_CLOSING_HASHES = re.compile(r"(?:^|(?<= ))#+$")  # "## Fish #" would lose its "#"
_MARKUP = "["  # stands for the markup of a link or emphasis next to a text
_NOT_IN_SLUG = re.compile(r"[^\w\- ]")
CONTENTS = "Contents"


def collapsed(text: str) -> str:
    return re.sub(r"\s+", " ", clean_text(text))


def escape(text: str, before: str | None = None, after: str | None = None, link: bool = False) -> str:
    """`text` on one line, with a backslash before each character that would be read as markup where it stands.

    `before` and `after` are the line's text on either side ("" at its edge); None, when they are not
    known, escapes as if markup stood there. In a `link`'s text every bracket is escaped."""
    text = collapsed(text)
    return "".join("\\" + char if _needs_escape(text, index, before, after, link) else char for index, char in enumerate(text))


def _needs_escape(text: str, index: int, before: str | None, after: str | None, link: bool) -> bool:
    char = text[index]
    previous = text[index - 1] if index else before
    nxt = text[index + 1] if index + 1 < len(text) else (after[:1] if after is not None else _MARKUP)
    if char in "`[]" and link or char == "`":
        return True
    if char == "\\":
        return not nxt or nxt in _PUNCTUATION
    if char == "!":
        return nxt == "["  # an image
    if char == "]":
        return nxt in "(["  # the end of a link's text
    if char == "<":
        return nxt not in ("", " ")  # a tag or an autolink
    if char == "&":
        rest = text[index:] + (after or "")
        return bool(_ENTITY.match(rest) or after is None and _ENTITY_START.match(rest))  # "&amp;" reads as "&"
    spaced = previous in ("", " ") and nxt in ("", " ")  # the line's edges count as spaces
    if char in _DELIMITERS:
        return not spaced
    if char == "_":
        return not (spaced or (previous or "").isalnum() and nxt.isalnum())  # snake_case is no emphasis
    return False


def safe_start(line: str) -> str:
    """The line, escaped where it would otherwise open a block of its own ("1. x", "- x", "# x", "> x")."""
    if _OPENS_BLOCK.match(line):
        return "\\" + line
    return _ORDERED.sub(r"\1\\\2", line, count=1)


def safe_heading(text: str) -> str:
    """A heading's text, with a closing run of "#" escaped: ATX headings drop it."""
    return _CLOSING_HASHES.sub(lambda match: "\\" + match.group(), text)


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


def _marked(run: Run, anchors: dict[str, str]) -> bool:
    """Whether the run may be written with markup of its own: a link, or emphasis."""
    return bool(run.bold or run.italic or run.gap or safe_href(run) or run.ref in anchors)


def _following(runs: list[Run], anchors: dict[str, str]) -> str:
    """The line's text after a run, as far as the next run with markup of its own (`_MARKUP` stands for it)."""
    text = ""
    for run in runs:
        if _marked(run, anchors):
            return text + (" " if collapsed(run.text).startswith(" ") else "") + _MARKUP
        text += collapsed(run.text)
    return text


def _run(run: Run, before: str, after: str, anchors: dict[str, str], link: bool, upcoming: str) -> str:
    """The run as Markdown: `before` is the line's last character so far, `after` the text that follows,
    `upcoming` the first character of the next run's text."""
    text = collapsed(run.text)
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    edges = (lead[-1:] or before), (trail[:1] or upcoming)
    href = safe_href(run)  # percent-encoded: no space, < or > left to end the address early
    if core and (href or run.ref in anchors):
        core = escape(core, "[", "](", link=True)
        core = f"[{core}](<{href}>)" if href else f"[{core}](#{anchors[run.ref]})"
    elif core and (run.bold or run.italic or run.gap) and _emphasis_fits(core, *edges):
        core = escape(core, "*", "*", link)  # an escape changes no edge from a letter to punctuation, or back
    else:
        return escape(text, before, after, link)
    if (run.bold or run.italic or run.gap) and _emphasis_fits(core, *edges):
        if run.italic:
            core = f"*{core}*"
        if run.bold or run.gap:
            core = f"**{core}**"
    return lead + core + trail


def _one_line(runs: list[Run]) -> list[Run]:
    """The runs with the spaces a line reads: one between words, also where two runs meet, none at either end."""
    out, line = [], ""
    for run in merged(runs):
        text = collapsed(run.text)
        text = text.lstrip() if not line or line.endswith(" ") else text
        if text:
            out.append(replace(run, text=text))
            line += text
    if out:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return out


def _line(runs: list[Run], block_start: bool = True, anchors: dict[str, str] | None = None, link: bool = False) -> str:
    """The runs as one line; `block_start`: it starts a paragraph or a list item; `link`: it is a link's text."""
    runs, anchors = _one_line(runs), anchors or {}
    written = ""
    for index, run in enumerate(runs):
        upcoming = escape(runs[index + 1].text[:2])[:1] if index + 1 < len(runs) else ""
        written += _run(run, written[-1:], _following(runs[index + 1:], anchors), anchors, link, upcoming)
    text = written.strip()
    return safe_start(text) if block_start else text


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
        lines.append(f"- [{_line([Run(section.heading_text)], False, link=True)}](#{anchors[section.id]})")
        headings = [block for block in section.blocks if isinstance(block, Heading)]
        lines += [f"  - [{_line([Run(plain(block.runs))], False, link=True)}](#{anchors[section.id, number]})"
                  for number, block in enumerate(headings, 1)]
    return lines + [""]


def _heading(runs: list[Run], anchors: dict | None = None) -> str:
    """A heading's text: it cannot start a list, so "## 1. Cookies" needs no escape, but a closing "#" does."""
    return safe_heading(_line(runs, False, anchors))


def _table(table: Table, anchors: dict) -> list[str]:
    """A GFM table: the header, its delimiter row, a line a row; `|` in a cell is escaped, as it ends the cell."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    lines = [row([_line([Run(text)], False) for text in table.header]), row(["---"] * len(table.header))]
    return lines + [row([_line(cell, False, anchors) for cell in cells]) for cells in table.rows]


def render(document: Document, toc: bool = False) -> bytes:
    anchors = heading_anchors(document, toc)
    lines = [f"# {_heading([Run(document.title)])}", "", _line([Run(document.effective_line)]), ""]
    if toc:
        lines += _contents(document, anchors)
    for section in document.sections:
        lines += [f"## {_heading([Run(section.heading_text)])}", ""]
        for block in section.blocks:
            if isinstance(block, Heading):
                lines += [f"### {_heading(block.runs, anchors)}", ""]
            elif isinstance(block, BulletList):
                if lines[-1] == "" and lines[-2].startswith("- "):
                    lines.pop()  # lists of neighbouring clauses read as one tight list
                lines += [f"- {_line(item, anchors=anchors)}" for item in block.items] + [""]
            elif isinstance(block, Table):
                lines += _table(block, anchors) + [""]
            else:
                lines += [_line(block.runs, anchors=anchors), ""]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
