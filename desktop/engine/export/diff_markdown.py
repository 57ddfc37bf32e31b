"""The changes between two policies as CommonMark: the newer policy with each insertion written
`[+ **new words** +]` and each deletion `[- ~~old words~~ -]` (brackets escaped, so a
change at a line's start never reads as a link definition) (struck through where GitHub's
Markdown is read), after a short list of what changed in plain words."""

from desktop.engine.export.markdown import escape, safe_heading, safe_start
from desktop.engine.policy.diff import DELETED, INSERTED, BlockChange, has_changes

_PREFIX = {"title": "# ", "heading1": "## ", "heading2": "### ", "item": "- ", "paragraph": ""}


def render(changes: list[BlockChange], heading: str, compared: str, summary: list[str]) -> bytes:
    lines = [f"# {escape(heading)}", "", escape(compared), ""]
    if summary:
        lines += ["## What changed", ""] + [f"- {escape(line)}" for line in summary] + [""]
    elif not has_changes(changes):
        lines += ["## What changed", "", "Nothing changed: the two read the same.", ""]
    lines += ["## The policy with its changes marked", ""]
    for change in changes:
        prefix = _PREFIX.get(change.kind, "")
        if change.kind == "title":
            prefix = "### "  # the policy's title sits under this document's own headings
        elif change.kind.startswith("heading"):
            prefix = "#### " if change.kind == "heading1" else "##### "
        text = _line(change)
        text = safe_heading(text) if prefix.startswith("#") else safe_start(text)
        if not text:
            continue
        if prefix == "- " and lines[-1] == "" and len(lines) > 1 and lines[-2].startswith("- "):
            lines.pop()  # neighbouring items read as one list
        lines += [prefix + text, ""]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _line(change: BlockChange) -> str:
    out = []
    for piece in change.pieces:
        text = escape(piece.text)
        core = escape(piece.text.strip())  # escaped where it meets this file's own markup
        if piece.mark == DELETED:
            if core:
                out.append(f"\\[- ~~{core}~~ -\\]")  # its spaces went with it: the new text has none there
        elif piece.mark == INSERTED and core:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            out.append(f"{lead}\\[+ **{core}** +\\]{trail}")
        else:
            out.append(text)
    return "".join(out).strip()
