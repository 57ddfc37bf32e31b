"""The clause body format: paragraphs, `- ` bullets, inline bold/italic/links, and tokens.

Bodies are parsed into templates once; tokens stay opaque text here and are expanded by
assembly, so values from the profile are never read as markup.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.engine.language.conditions import Condition, ConditionError, parse_condition
from desktop.engine.language.validate import is_safe_link

# A token's text holds no `{{` and no `}}`, so a scan for one never runs past the next token's
# start: every pattern here takes time linear in its text, whatever the text (`{{` x 20,000).
_TOKEN_TEXT = r"(?:[^{}\n]|\{(?!\{)|\}(?!\}))*"
TOKEN = re.compile(rf"\{{\{{({_TOKEN_TEXT})\}}\}}")
_IF_PREFIX = re.compile(rf"^\{{\{{if\s+({_TOKEN_TEXT})\}}\}}\s*")
# A link's address may hold one level of balanced parentheses, as in …/Foo_(bar) or alert(1).
# Bold and a link's label stop at the next `**` or `[`, so an unclosed one is given up at once.
_INLINE = re.compile(r"\*\*(?P<bold>(?:[^*\n]|\*(?!\*))+)\*\*|\*(?P<italic>[^*\s][^*]*?)\*"
                     r"|\[(?P<label>[^\[\]]+)\]\((?P<href>(?:[^()\s]|\([^()\s]*\))+)\)")



class MarkupError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class BlockTemplate:
    kind: str  # "p" or "li"
    text: str
    line: int  # 1-based line inside the body
    condition: Condition | None = None


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


def parse_body(body: str) -> list[BlockTemplate]:
    """Split a body into paragraph and bullet templates, reading `{{if …}}` prefixes."""
    blocks: list[BlockTemplate] = []
    current: list[str] = []
    kind, start = "p", 0

    def flush():
        if current:
            blocks.append(_make_block(kind, " ".join(current), start))
            current.clear()

    for number, raw in enumerate(body.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#"):
            raise MarkupError(number, "headings are not allowed in a clause body; use `heading`")
        if line.startswith("- "):
            flush()
            kind, start = "li", number
            current.append(line[2:].strip())
        elif current:
            current.append(line)
        else:
            kind, start = "p", number
            current.append(line)
    flush()
    return blocks


def _make_block(kind: str, text: str, line: int) -> BlockTemplate:
    condition = None
    match = _IF_PREFIX.match(text)
    if match:
        try:
            condition = parse_condition(match.group(1))
        except ConditionError as error:
            raise MarkupError(line, str(error)) from None
        text = text[match.end():]
    if not text:
        raise MarkupError(line, "a conditional block has no text after its {{if …}}")
    return BlockTemplate(kind, typographic_quotes(text), line, condition)


def typographic_quotes(text: str) -> str:
    """Straight quotes to curly ones, so every clause and override reads in one typography."""
    return _curled(text) if len(text) <= _KEPT_CHARS else _curl(text)


def _curl(text: str) -> str:
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    return re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text)


# Each refresh curls the same few thousand short texts (options, headings, descriptions) again.
_KEPT_CHARS = 4000
_curled = lru_cache(maxsize=8192)(_curl)


def parse_inline(text: str) -> list[Span]:
    """Split text into spans of plain, bold, italic and linked text."""
    spans: list[Span] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            spans.append(Span(text[position:match.start()]))
        if match["bold"] is not None:
            spans.append(Span(match["bold"], bold=True))
        elif match["italic"] is not None:
            spans.append(Span(match["italic"], italic=True))
        elif is_safe_link(match["href"]):
            spans.append(Span(match["label"], href=match["href"]))
        else:  # shown as written, and reported by the checks (refused_links)
            spans.append(Span(match.group(0)))
        position = match.end()
    if position < len(text):
        spans.append(Span(text[position:]))
    return spans


def refused_links(text: str) -> list[str]:
    """The `[label](address)` links in `text` that are shown as plain text: their scheme is not
    http, https or mailto."""
    return [match.group(0) for match in _INLINE.finditer(text)
            if match["href"] is not None and not is_safe_link(match["href"])]


def tokens_in(text: str) -> list[str]:
    return [match.group(1).strip() for match in TOKEN.finditer(text)]
