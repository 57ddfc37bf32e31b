"""The small condition language of `{{if EXPR}}` and `when = "EXPR"`.

EXPR is terms joined by `or` and `and` (`and` binds tighter), each optionally preceded by
`not`: `opt.NAME`, `opt.NAME == 'v'`, `opt.NAME != 'v'`, `company.FIELD`, `regime.ID`,
`laws.GROUP` (how many of the chosen laws the company form lists under that group, its heading
in lower case with `_` for spaces: `laws.us_state_laws > 1`), `practice.ID`, `practice.ID.OPTION`
(an option of another practice; nothing when it is not ticked),
`terms.service` / `terms.personal_information` (the chosen wording), `facts.NAME`
(a list generated from the policy's facts is not empty; in paragraphs only, not in `when`),
`tables.NAME` (a generated table, such as the cookie table, has rows),
`answer.QUESTION` (an interview answer; in the interview's own file only, never in a clause; a text
answer `== 'v'` in any case or accents, or as the same country: “UK” == 'United Kingdom'), and
`answer.QUESTION.KEY` (the item KEY of a list answer, such as `answer.us_states.texas`; an item
"Colorado: 150000" gives `answer.us_people.colorado` its number).

A term may compare a number: `NAME >= 100000` (also `>`, `<`, `<=`); it holds only when NAME's
value reads as a number ("150,000", "30%"), so an unanswered or unreadable value fails every comparison.
"""

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

_TERM = re.compile(
    r"^(?P<neg>not\s+)?(?P<name>(?:opt|company|service|regime|laws|practice|terms|facts|tables|answer)\.[a-z0-9_.-]+|effective_date)"
    r"(?:\s*(?P<op>==|!=)\s*'(?P<value>[^']*)'|\s*(?P<cmp>>=|<=|>|<)\s*(?P<number>\d+(?:\.\d+)?))?$"
)


# A joining word, but not inside a quoted value ('health, injuries, pregnancy or disabilities'):
# an even number of quotes follows it.
_OUTSIDE_QUOTES = r"\s+{}\s+(?=(?:[^']*'[^']*')*[^']*$)"


class ConditionError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    name: str
    negated: bool
    op: str | None
    value: str | None


@dataclass(frozen=True)
class Condition:
    """Disjunction of conjunctions of terms."""

    alternatives: tuple[tuple[Term, ...], ...]
    source: str

    def names(self) -> list[str]:
        return [term.name for group in self.alternatives for term in group]

    def holds(self, lookup: Callable[[str], object]) -> bool:
        return any(all(_term_holds(t, lookup) for t in group) for group in self.alternatives)


def parse_condition(text: str) -> Condition:
    text = text.strip()
    if not text:
        raise ConditionError("empty condition")
    groups = []
    for alternative in re.split(_OUTSIDE_QUOTES.format("or"), text):
        terms = []
        for part in re.split(_OUTSIDE_QUOTES.format("and"), alternative):
            match = _TERM.match(part.strip())
            if not match:
                raise ConditionError(f"cannot read condition {part.strip()!r}")
            terms.append(
                Term(match["name"], bool(match["neg"]), match["op"] or match["cmp"], match["value"] or match["number"])
            )
        groups.append(tuple(terms))
    return Condition(tuple(groups), text)


def _equals(value: object, expected: str) -> bool:
    """`NAME == 'v'`: the value reads v, or, for a value that says what it matches (a text answer
    in any case or as the same country), it matches v."""
    matches = getattr(value, "matches", None)
    return matches(expected) if callable(matches) else str(value) == expected


def _term_holds(term: Term, lookup: Callable[[str], object]) -> bool:
    value = lookup(term.name)
    if term.op == "==":
        result = _equals(value, term.value)
    elif term.op == "!=":
        result = not _equals(value, term.value)
    elif term.op in _COMPARE:
        number = read_number(value)
        result = number is not None and _COMPARE[term.op](number, float(term.value))
    else:
        result = bool(value)
    return result != term.negated


_COMPARE = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}
_NUMBER = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*%?\s*$")


def read_number(value: object) -> float | None:
    """The number a value holds ("150,000", "30%", 12), or None."""
    if isinstance(value, bool):
        return None
    match = _NUMBER.match(str(value)) if value is not None else None
    return float(match[1].replace(",", "")) if match else None
