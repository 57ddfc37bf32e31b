"""CommonMark: ATX headings, `-` lists; every text escaped so no value can become markup."""

import re

from desktop.engine.document import BulletList, Document, Heading, Run, clean_text

_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&{}])")
_BLOCK_START = re.compile(r"^(\d*)([-+=.)])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", clean_text(text)))


def _run(run: Run) -> str:
    text = escape(run.text)
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    if run.href and run.href.startswith(("https://", "http://", "mailto:")):
        core = f"[{core}](<{run.href.replace('<', '%3C').replace('>', '%3E').replace(' ', '%20')}>)"
    if run.italic:
        core = f"*{core}*"
    if run.bold or run.gap:
        core = f"**{core}**"
    return lead + core + trail


def _line(runs: list[Run]) -> str:
    text = "".join(_run(run) for run in runs).strip()
    return _BLOCK_START.sub(r"\1\\\2", text)


def render(document: Document) -> bytes:
    lines = [f"# {_line([Run(document.title)])}", "", _line([Run(document.effective_line)]), ""]
    for section in document.sections:
        lines += [f"## {_line([Run(section.heading_text)])}", ""]
        for block in section.blocks:
            if isinstance(block, Heading):
                lines += [f"### {_line(block.runs)}", ""]
            elif isinstance(block, BulletList):
                lines += [f"- {_line(item)}" for item in block.items] + [""]
            else:
                lines += [_line(block.runs), ""]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
