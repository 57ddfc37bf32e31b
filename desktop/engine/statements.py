"""What the assembled policy states, as facts, and the text generated from those facts.

The picked clauses' facts that hold for this profile (their conditions met, their options filled
in) are the policy's statements. The CCPA lists and the retention schedule are generated from
them (`{{facts:NAME}}` in a clause), so they cannot disagree with the rest of the policy.
A reworded clause's facts count only once the user has confirmed the wording still says them.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

from desktop.engine.fact_model import Fact, StatedFact, join_words
from desktop.engine.fact_rules import is_cross_context, is_sale, lower_first
from desktop.engine.fact_tables import ccpa_table, retention_schedule
from desktop.engine.library import Clause, Library
from desktop.engine.vocabulary import Vocabulary


@dataclass(frozen=True)
class UnknownItem:
    """A list option item that names no data category, so no fact can be drawn from it."""

    practice_id: str
    option: str
    item: str


def stated_facts(clauses: list[Clause], library: Library, confirmed: Callable[[str], bool],
                 lookup_for: Callable[[str], Callable[[str], object]], options_of: Callable[[str], dict]
                 ) -> tuple[list[StatedFact], list[UnknownItem]]:
    """The facts the given clauses state for this profile, and the option items no category names."""
    stated, unknown = [], []
    for clause in clauses:
        if not confirmed(clause.id):
            continue
        lookup, options = lookup_for(clause.practice), options_of(clause.practice)
        for fact in clause.facts:
            if fact.condition is not None and not fact.condition.holds(lookup):
                continue
            resolved, missing = _resolved(fact, options, library.vocabulary)
            unknown += [UnknownItem(clause.practice, fact.option or "", item) for item in missing]
            if resolved.data or not fact.option:
                stated.append(StatedFact(clause.id, clause.practice, resolved))
    return stated, list(dict.fromkeys(unknown))


def _resolved(fact: Fact, options: dict, vocabulary: Vocabulary) -> tuple[Fact, list[str]]:
    data, missing = list(fact.data), []
    if fact.option is not None:
        items = options.get(fact.option)
        for item in items if isinstance(items, list) else []:
            found = vocabulary.categories_in(str(item))
            data += found
            if not found:
                missing.append(str(item))
    value = fact.value
    for name, option_value in options.items():
        shown = join_words([str(v) for v in option_value]) if isinstance(option_value, list) else str(option_value)
        value = value.replace(f"{{{{opt.{name}}}}}", shown)
    return replace(fact, data=tuple(dict.fromkeys(data)), value=value), missing


# --- Generated text ------------------------------------------------------------------------


class Generated:
    """The lists `{{facts:NAME}}` stands for, each worked out from the facts when first asked."""

    def __init__(self, stated: list[StatedFact], vocabulary: Vocabulary):
        self.stated, self.vocabulary = stated, vocabulary
        self._lists: dict[str, list[str]] = {}

    @functools.cached_property
    def table(self):
        return ccpa_table(self.stated, self.vocabulary)

    def get(self, name: str) -> list[str]:
        if name not in self._lists:
            self._lists[name] = getattr(self, f"_{name}")()
        return self._lists[name]

    def _ccpa_collected(self) -> list[str]:  # "Identifiers, such as name and email address"
        return [f"{_capital(ccpa)}, such as {join_words([lower_first(t) for t in row.collected])}"
                for ccpa, row in self.table.items() if ccpa and row.collected]

    def _column(self, column: str) -> list[str]:
        return [ccpa for ccpa, row in self.table.items() if ccpa and getattr(row, column)]

    def _ccpa_disclosed(self) -> list[str]:  # CCPA categories given to service providers
        return self._column("disclosed")

    def _ccpa_sold(self) -> list[str]:
        return self._column("sold")

    def _ccpa_shared(self) -> list[str]:  # for cross-context behavioral advertising
        return self._column("shared")

    def _ccpa_recipients(self) -> list[str]:
        """How the policy describes each service provider it gives information to."""
        found = []
        for item in self.stated:
            fact = item.fact
            recipient = self.vocabulary.recipients.get(fact.recipient or "")
            if fact.positive and fact.verb == "shares" and recipient is not None and recipient.role == "service_provider":
                found.append(recipient.description)
        return list(dict.fromkeys(found))

    def _ccpa_third_parties(self) -> list[str]:
        """How the policy describes each company it sells to or shares with for cross-context ads."""
        found = []
        for item in self.stated:
            fact = item.fact
            recipient = self.vocabulary.recipients.get(fact.recipient or "")
            if recipient is not None and fact.positive and (is_sale(fact, self.vocabulary) or is_cross_context(fact, self.vocabulary)):
                found.append(recipient.description)
        return list(dict.fromkeys(found))

    def _retention(self) -> list[str]:  # "Account details: until 30 days after you close your account"
        return [f"{title}: {period}" for title, period in retention_schedule(self.stated, self.vocabulary)]


GENERATED = ("ccpa_collected", "ccpa_disclosed", "ccpa_sold", "ccpa_shared", "ccpa_recipients", "ccpa_third_parties", "retention")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
