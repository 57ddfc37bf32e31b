"""What every law rule (facts/rules.py, facts/choices.py) is built from: whether a fact is a sale or
cross-context sharing of personal information, whether a policy states a fact, the words naming the
laws that ask, and one problem per clause for a rule with one side."""

from desktop.engine.facts.model import CROSS_CONTEXT, SALE, Contradiction, Fact, StatedFact
from desktop.engine.facts.wording import describe
from desktop.engine.language.words import join_words
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import PERSONAL, Vocabulary


def personal(fact: Fact, vocabulary: Vocabulary) -> bool:
    """The fact is about personal information (not only de-identified data)."""
    return any(vocabulary.root(id, "data") == PERSONAL for id in fact.data)


def is_sale(fact: Fact, vocabulary: Vocabulary) -> bool:
    """A sale of personal information: `sells D to R`, or `shares D with R for sale`."""
    if not fact.positive or fact.verb not in ("sells", "shares") or not personal(fact, vocabulary):
        return False
    return fact.verb == "sells" or fact.purpose is not None and vocabulary.within(fact.purpose, SALE, "purpose")


def is_cross_context(fact: Fact, vocabulary: Vocabulary) -> bool:
    return (fact.positive and fact.verb == "shares" and fact.purpose is not None
            and vocabulary.within(fact.purpose, CROSS_CONTEXT, "purpose") and personal(fact, vocabulary))


def has(stated: list[StatedFact], verb: str) -> bool:
    return any(s.fact.verb == verb and s.fact.positive for s in stated)


def requires(asking: list[Regime]) -> str:
    return f"{join_words([law.name for law in asking])} then {'require' if len(asking) > 1 else 'requires'}"


def single(kind: str, offending: list[StatedFact], vocabulary: Vocabulary, why: str) -> list[Contradiction]:
    """One problem per clause for a rule that has only one side."""
    found, seen = [], set()
    for stated in offending:
        if stated.clause_id not in seen:
            seen.add(stated.clause_id)
            reason = f"says {describe(stated.fact, vocabulary)}, but {why}"
            found.append(Contradiction(kind, stated, None, reason))
    return found
