"""The rules of the consumer health data laws (Washington's RCW 19.373, Nevada's NRS 603A.400-.550),
named generically by what they ask, so any law may declare them in regimes.toml:

- `consent-to-share`: giving data the law counts as sensitive to a third party, or making it public,
  needs a consent to share that is separate from the consent to collect (`asks separate consent to share D`);
  a service provider working for the business receives it without one.
- `authorization-to-sell`: selling such data needs the person's signed authorization
  (`asks signed authorization to sell D`).

Which data each law counts as sensitive is the vocabulary's `sensitive` list, read by `Regime.sensitive_as`.
"""

from desktop.engine.facts.model import SALE, Contradiction, Fact, StatedFact
from desktop.engine.facts.wording import describe
from desktop.engine.language.words import join_words
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import ANYONE, Vocabulary

CONSENT_TO_SHARE, AUTHORIZATION_TO_SELL = "consent to share", "authorization to sell"
_NOT_ON_OUR_BEHALF = ("third_party", "public")  # recipient roles that receive data for their own use


def _sensitive(fact: Fact, asking: list[Regime], vocabulary: Vocabulary) -> list[str]:
    return [id for id in fact.data if any(vocabulary.sensitive_under(id, law.sensitive_list) for law in asking)]


def _sale(fact: Fact, vocabulary: Vocabulary) -> bool:
    return fact.positive and (fact.verb == "sells" or fact.verb == "shares" and fact.purpose is not None
                              and vocabulary.within(fact.purpose, SALE, "purpose"))


def _shared_onward(fact: Fact, vocabulary: Vocabulary) -> bool:
    if not fact.positive or fact.verb not in ("shares", "makes public"):
        return False
    if fact.verb == "makes public":
        return True
    recipient = vocabulary.recipients.get(fact.recipient or ANYONE)
    return recipient is not None and recipient.role in _NOT_ON_OUR_BEHALF


def _uncovered(stated: list[StatedFact], verb: str, wanted, asking: list[Regime], vocabulary: Vocabulary,
               why: str) -> list[Contradiction]:
    """One problem per clause whose fact passes `wanted` with sensitive data no `verb` fact covers."""
    covered = [id for s in stated if s.fact.verb == verb and s.fact.positive for id in s.fact.data]
    laws = join_words([law.name for law in asking])
    found, seen = [], set()
    for item in stated:
        if item.clause_id in seen or not wanted(item.fact):
            continue
        bare = [id for id in _sensitive(item.fact, asking, vocabulary)
                if not any(vocabulary.within(id, c, "data") for c in covered)]
        if bare:
            seen.add(item.clause_id)
            found.append(Contradiction(verb.replace(" ", "-"), item, None,
                                       f"says {describe(item.fact, vocabulary)}, but {laws} {why}"))
    return found


def consent_to_share(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    return _uncovered(stated, CONSENT_TO_SHARE, lambda fact: _shared_onward(fact, vocabulary) and not _sale(fact, vocabulary), asking, vocabulary,
                      "requires the person's consent to share it, separate from the consent to collect it, "
                      "and no clause says you ask for it")


def authorization_to_sell(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    return _uncovered(stated, AUTHORIZATION_TO_SELL, lambda fact: _sale(fact, vocabulary), asking, vocabulary,
                      "requires an authorization the person signs before any sale, and no clause says you ask for one")
