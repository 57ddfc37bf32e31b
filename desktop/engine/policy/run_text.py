"""Small operations on the runs of assembled wording: bare web addresses made links, styles carried
over to new text, the first letter capitalised."""

import re
from dataclasses import replace

from desktop.engine.policy.document import Run

_BARE_URL = re.compile(r"https?://[^\s<>\"“”]+[^\s<>\"“”.,;:!?)]")


def linked(style: Run, text: str) -> list[Run]:
    """Wording with any bare web address in it made a link."""
    if style.href:
        return [styled(style, text)]
    runs, position = [], 0
    for match in _BARE_URL.finditer(text):
        if match.start() > position:
            runs.append(styled(style, text[position:match.start()]))
        url = match.group(0)
        if url.count("(") > url.count(")") and text[match.end():match.end() + 1] == ")":
            url += ")"  # a closing parenthesis that belongs to the address, as in …/Foo_(bar)
        runs.append(replace(style, text=url, href=url))
        position = match.start() + len(url)
    if position < len(text):
        runs.append(styled(style, text[position:]))
    return runs


def styled(style: Run, text: str) -> Run:
    return Run(text, style.bold, style.italic, style.href, style.gap)


def capitalised(runs: list[Run]) -> list[Run]:
    if not runs or not runs[0].text:
        return runs
    first = runs[0]
    return [replace(first, text=first.text[0].upper() + first.text[1:])] + runs[1:]
