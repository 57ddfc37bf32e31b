"""How conditions see the interview's answers: `answer.ID` (yes, a choice, non-empty text or list),
`answer.ID.KEY` (an item of a list answer, with the number after its colon) and `regime.ID`."""

import re
import unicodedata

from desktop.engine.reference.countries import same_country


class AnswerValue:
    """How a condition sees an answer: `answer.ID` holds for yes, a choice, non-empty text or
    list; `answer.ID == 'no'` only for an explicit no; an unanswered question is '' and false."""

    def __init__(self, value: object):
        self.value = value

    def __bool__(self) -> bool:
        return self.value is True if isinstance(self.value, bool) else bool(self.value)

    def matches(self, expected: str) -> bool:
        """`answer.ID == 'v'`: a text answer reads v whatever its case, spacing and accents (“Québec”
        is 'Quebec'), or names the same country (“UK” is 'United Kingdom'); any other answer reads v."""
        if isinstance(self.value, str):
            return _folded(self.value) == _folded(expected) or same_country(self.value, expected)
        return str(self) == expected

    def __str__(self) -> str:
        if isinstance(self.value, bool):
            return "yes" if self.value else "no"
        if isinstance(self.value, list | dict):
            return ", ".join(self.value)
        return "" if self.value is None else str(self.value)


def lookup(resolved: dict, regimes=()):
    """The name lookup for conditions over answers (`answer.ID`) and laws (`regime.ID`)."""
    def find(name: str):
        kind, _, rest = name.partition(".")
        if kind == "answer":
            qid, _, key = rest.partition(".")
            return AnswerValue(list_item(resolved.get(qid), key) if key else resolved.get(qid))
        if kind == "regime":
            return rest in regimes
        return None

    return find


def item_key(text: str) -> str:
    """How a condition names an item of a list answer: "New Hampshire" -> new_hampshire."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def list_item(value: object, key: str) -> object:
    """The item `key` of a list answer: the number after its colon ("Colorado: 150000"), True for
    an item with none, None when no item has that key."""
    for item in value if isinstance(value, list) else []:
        name, _, number = str(item).partition(":")
        if item_key(name) == key:
            return number.strip() or True
    return None


def _folded(text: str) -> str:
    text = " ".join(text.split())
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
