"""The small condition language of `{{if EXPR}}` and `when = "EXPR"`.

EXPR is terms joined by `or` and `and` (`and` binds tighter), each optionally preceded by
`not`: `opt.NAME`, `opt.NAME == 'v'`, `opt.NAME != 'v'`, `company.FIELD`, `regime.ID`,
`practice.ID`, `practice.ID.OPTION` (an option of another practice; nothing when it is not ticked),
`terms.service` / `terms.personal_information` (the chosen wording), `facts.NAME`
(a list generated from the policy's facts is not empty; in paragraphs only, not in `when`),
`answer.QUESTION` (an interview answer; in the interview's own file only, never in a clause;
`answer.QUESTION == 'v'` holds for a list answer that has v among its items).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

_TERM = re.compile(
    r"^(?P<neg>not\s+)?(?P<name>(?:opt|company|service|regime|practice|terms|facts|answer)\.[a-z0-9_.-]+|effective_date)"
    r"(?:\s*(?P<op>==|!=)\s*'(?P<value>[^']*)')?$"
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
                Term(match["name"], bool(match["neg"]), match["op"], match["value"])
            )
        groups.append(tuple(terms))
    return Condition(tuple(groups), text)


def _equals(value: object, expected: str) -> bool:
    """`NAME == 'v'`: the value reads v, or, for a value that says what it matches (a list answer
    holds each of its items), it matches v."""
    matches = getattr(value, "matches", None)
    return matches(expected) if callable(matches) else str(value) == expected


def _term_holds(term: Term, lookup: Callable[[str], object]) -> bool:
    value = lookup(term.name)
    if term.op == "==":
        result = _equals(value, term.value)
    elif term.op == "!=":
        result = not _equals(value, term.value)
    else:
        result = bool(value)
    return result != term.negated
