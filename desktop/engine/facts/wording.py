"""Facts in plain words, for the reasons the checks give and the summaries of what changed:
"you share your email address with advertising networks"."""

from desktop.engine.facts.model import Fact, StatedFact
from desktop.engine.language.words import join_words
from desktop.engine.reference.vocabulary import ANYONE, Vocabulary, spoken


def pair_reason(first: StatedFact, second: StatedFact, vocabulary: Vocabulary) -> str:
    a, b = first.fact, second.fact
    shown_a = [x for x in a.data if any(vocabulary.overlaps(x, y, "data") for y in b.data)] or list(a.data)
    shown_b = [y for y in b.data if any(vocabulary.overlaps(x, y, "data") for x in a.data)] or list(b.data)
    return (f"one says {describe(a, vocabulary, tuple(shown_a))}, "
            f"the other that {describe(b, vocabulary, tuple(shown_b))}")


def lower_first(text: str) -> str:
    """Lower-case a title's first letter unless it starts an abbreviation ("IP address")."""
    if text.startswith("{{"):  # a term token: its own first letter says whether it is capitalised
        return "{{" + lower_first(text[2:])
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _data_words(fact: Fact, vocabulary: Vocabulary, data: tuple[str, ...] | None) -> str:
    ids = fact.data if data is None else data
    if not ids:
        return f"the items of opt.{fact.option}" if fact.option else "nothing"
    return join_words([lower_first(spoken(vocabulary.title(id, "data"))) for id in ids])


def _title(id: str | None, kind: str, vocabulary: Vocabulary) -> str:
    if id is None or id == ANYONE and kind == "recipient":
        return "anyone"
    return lower_first(spoken(vocabulary.title(id, kind)))


_FLAGS = {
    ("honours dnt", True): "you honour Do Not Track signals",
    ("honours dnt", False): "you ignore Do Not Track signals",
    ("consent by use", True): "simply using the service counts as consent",
    ("consent by use", False): "simply using the service does not count as consent",
    ("obtains parental consent", True): "you get a parent's consent before collecting a child's information",
    ("offers opt-out of sale", True): "people can opt out of the sale of their information",
    ("offers opt-out of sharing", True): "people can opt out of sharing for cross-context advertising",
    ("discloses sharing", True): "you share information for cross-context behavioral advertising",
    ("offers opt-out of targeted advertising", True): "people can opt out of targeted advertising",
    ("offers opt-out of profiling", True): "people can opt out of profiling that decides important things about them",
    ("offers appeal", True): "people can appeal when you refuse a request",
    ("honours opt-out signals", True): "you treat a browser's opt-out signal, such as Global Privacy Control, as an opt-out",
    ("cookie consent", True): "you ask consent before you set cookies that are not needed",
    ("cookie choices", True): "people can give and change their cookie choices",
    ("bases each", True): "you give the legal basis of each use",
}


def describe(fact: Fact, vocabulary: Vocabulary, data: tuple[str, ...] | None = None) -> str:
    """The fact in plain words, as the second half of "one says …"."""
    if (fact.verb, fact.positive) in _FLAGS:
        return _FLAGS[fact.verb, fact.positive]
    what = _data_words(fact, vocabulary, data)
    to = _title(fact.recipient, "recipient", vocabulary)
    purpose = f" for {_title(fact.purpose, 'purpose', vocabulary)}" if fact.purpose else ""
    no = "" if fact.positive else "do not "
    if fact.verb == "collects":
        return f"you {no}collect {what}"
    if fact.verb == "shares":
        return f"you {no}share {what} with {to}{purpose}"
    if fact.verb == "sells":
        return f"you sell {what} to {to}" if fact.positive else f"you never sell {what}" + (
            f" to {to}" if fact.recipient else "")
    if fact.verb == "uses":
        return f"you {no}use {what}{purpose}"
    if fact.verb == "asks consent":
        return f"you ask before you use {what}{purpose}" if fact.positive else f"you use {what}{purpose} unless people opt out"
    if fact.verb == "makes public":
        if not fact.positive:
            return f"you keep {what} private"
        return f"you show {what} to anyone" if "public" in what.split() else f"you make {what} public"  # not "make public posts public"
    if fact.verb == "audience":
        audience = _title(fact.audience, "audience", vocabulary)
        return f"the service is {'' if fact.positive else 'not '}made for {audience}"
    if fact.verb == "limits":
        return f"{to} may use information only for your purposes"
    if fact.verb == "lets collect":
        return f"you {'let' if fact.positive else 'do not let'} {to} collect {what}"
    if fact.verb == "retains":
        return f"you keep {what} {fact.value}"
    if fact.verb == "bases" and fact.purpose and fact.value:
        return f"you rely on {fact.value.replace('_', ' ')}{purpose}"
    if fact.verb == "special condition":
        explicit = fact.source.startswith("asks explicit consent")
        return f"you ask for explicit consent before you use {what}" if explicit else (
            f"you use {what} only on a condition the law names")
    if fact.verb == "sale notice":
        return f"you may sell {what}"
    return fact.source
