"""What a `{{…}}` token means: a profile field, an option, a cross-reference or a term."""

from dataclasses import dataclass

from desktop.engine.profile.fields import token_fields

ARTICLES = ("the", "our", "your", "a", "this")
COMPANY = "company"
TABLES = ("cookies",)  # the tables a clause can show whole with {{table:NAME}}: the policy makes their rows


class TokenError(ValueError):
    pass


@dataclass(frozen=True)
class Token:
    kind: str  # "field", "option", "ref", "generated", "recipient", "table", "company" or "term"
    name: str
    article: str | None = None
    plural: bool = False


def classify(raw: str, term_ids: frozenset[str] | set[str]) -> Token:
    """Read one token's text; raise TokenError naming what is wrong."""
    text = raw.strip()
    if not text:
        raise TokenError("empty token {{}}")
    if text.startswith("if "):
        raise TokenError(f"{{{{{text}}}}} must start a paragraph or bullet")
    if text.startswith("recipient:"):
        return Token("recipient", text[10:].strip())
    if text.startswith("facts:"):
        return Token("generated", text[6:].strip())
    if text.startswith("table:"):
        return Token("table", text[6:].strip())
    if text.startswith("ref:"):
        return Token("ref", text[4:].strip())
    if text.startswith("opt."):
        return Token("option", text[4:])
    if text in token_fields():
        return Token("field", text)
    if text == COMPANY:
        return Token("company", COMPANY)
    return _classify_term(text, term_ids)


def _classify_term(text: str, term_ids) -> Token:
    name, _, modifier = text.partition("|")
    modifier = modifier.strip()
    if modifier not in ("", "plural"):
        raise TokenError(f"unknown modifier |{modifier} in {{{{{text}}}}} (only |plural)")
    words = name.strip().lower().split()
    article = None
    if len(words) > 1 and words[0] in ARTICLES:
        article, words = words[0], words[1:]
    term = " ".join(words)
    if term not in term_ids:
        raise TokenError(f"unknown token {{{{{text}}}}}: not a profile field, option or defined term")
    return Token("term", term, article, modifier == "plural")
