"""CommonMark: ATX headings, `-` lists; every text escaped so no value can become markup."""

import re
import unicodedata

from desktop.engine.document import BulletList, Document, Heading, Run, clean_text, merged, safe_href

_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&{}])")
_BLOCK_START = re.compile(r"^(\d*)([-+=.)])")


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


def _run(run: Run, before: str, after: str) -> str:
    text = escape(run.text)
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    before, after = (lead[-1:] or before), (trail[:1] or after)
    href = safe_href(run)  # percent-encoded: no space, < or > left to end the address early
    if href:
        core = f"[{core}](<{href}>)"
    if (run.bold or run.italic or run.gap) and _emphasis_fits(core, before, after):
        if run.italic:
            core = f"*{core}*"
        if run.bold or run.gap:
            core = f"**{core}**"
    return lead + core + trail


def _line(runs: list[Run], block_start: bool = True) -> str:
    runs = merged(runs)
    pieces: list[str] = []
    for index, run in enumerate(runs):
        before = pieces[-1][-1:] if pieces else ""
        after = escape(runs[index + 1].text)[:1] if index + 1 < len(runs) else ""
        pieces.append(_run(run, before, after))
    text = "".join(pieces).strip()
    return _BLOCK_START.sub(r"\1\\\2", text) if block_start else text


def render(document: Document) -> bytes:
    # A heading's text cannot start a list, so "## 1. Cookies" needs no escape.
    lines = [f"# {_line([Run(document.title)], False)}", "", _line([Run(document.effective_line)]), ""]
    for section in document.sections:
        lines += [f"## {_line([Run(section.heading_text)], False)}", ""]
        for block in section.blocks:
            if isinstance(block, Heading):
                lines += [f"### {_line(block.runs, False)}", ""]
            elif isinstance(block, BulletList):
                if lines[-1] == "" and lines[-2].startswith("- "):
                    lines.pop()  # lists of neighbouring clauses read as one tight list
                lines += [f"- {_line(item)}" for item in block.items] + [""]
            else:
                lines += [_line(block.runs), ""]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
