"""The rules of the US state privacy laws about the choices a policy must give people: an opt-out of
targeted advertising and of profiling, acting on a browser's opt-out signal, a way to appeal a refused request, consent before using or
selling sensitive data (or no sale of it at all), and the notice a sale of sensitive data needs. A law names the ones it adds in
its `rules` (regimes.toml); which data is sensitive is the vocabulary list the law reads (`sensitive_as`).
"""

from desktop.engine.facts.model import Contradiction, StatedFact
from desktop.engine.facts.rule_parts import has, is_cross_context, is_sale, requires, single
from desktop.engine.facts.wording import lower_first
from desktop.engine.language.words import join_words
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import Vocabulary, spoken

OPT_OUT = "offers opt-out of "  # the verbs of every opt-out a policy offers
TARGETED_ADS_OPT_OUT = "offers opt-out of targeted advertising"
PROFILING_OPT_OUT = "offers opt-out of profiling"
APPEAL = "offers appeal"
OPT_OUT_SIGNALS = "honours opt-out signals"
SALE_NOTICE = "sale notice"
EXPLICIT_CONSENT = "asks explicit consent for"
DECISIONS = "automated_decisions"  # the purpose of profiling that decides something important about a person
BIOMETRIC = "sensitive.biometric"
# The notice a sale of sensitive data needs, word for word (Tex. Bus. & Com. Code § 541.102(b)-(c)):
# the one for biometric data where the sale includes it, the general one for any other sensitive data.
NOTICES = {BIOMETRIC: "NOTICE: We may sell your biometric personal data.",
           "sensitive": "NOTICE: We may sell your sensitive personal data."}


def _targeted_ads(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    if has(stated, TARGETED_ADS_OPT_OUT):
        return []
    return single("opt-out", [s for s in stated if is_cross_context(s.fact, vocabulary)], vocabulary,
                  f"{requires(asking)} a way to opt out of targeted advertising, and no clause offers one")


def _profiling(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    if has(stated, PROFILING_OPT_OUT):
        return []
    deciding = [s for s in stated if s.fact.verb == "uses" and s.fact.positive and s.fact.purpose
                and vocabulary.within(s.fact.purpose, DECISIONS, "purpose")]
    return single("opt-out", deciding, vocabulary, f"{requires(asking)} a way to opt out of profiling that decides "
                  "important things about people, and no clause offers one")


def _opt_out_signals(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    """A sale or targeted advertising, and no clause saying a browser's opt-out signal is acted on: the
    business must act on it (11 CCR § 7025(b); C.R.S. 6-1-1306(1)(a)(IV)(B)), and the policy say so."""
    if has(stated, OPT_OUT_SIGNALS):
        return []
    selling = [s for s in stated if is_sale(s.fact, vocabulary) or is_cross_context(s.fact, vocabulary)]
    return single("opt-out-signals", selling[:1], vocabulary, f"{requires(asking)} you to treat a browser's opt-out "
                  "signal, such as Global Privacy Control, as a request to opt out, and no clause says you do: set "
                  "your website up to act on it, then say so")


def _appeal(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    if has(stated, APPEAL):
        return []
    rights = [s for s in stated if s.fact.verb.startswith(OPT_OUT) and s.fact.positive]
    return single("appeal", rights[:1], vocabulary, f"{requires(asking)} the policy to say how people can appeal "
                  "when you refuse a request about their rights, and no clause says how")


def _sensitive_ids(ids, vocabulary: Vocabulary, asking: list[Regime]) -> list[str]:
    return [id for id in ids if any(vocabulary.sensitive_under(id, law.sensitive_list) for law in asking)]


def _consented(id: str, stated: list[StatedFact], vocabulary: Vocabulary) -> bool:
    return any(s.fact.source.startswith(EXPLICIT_CONSENT) and vocabulary.within(id, c, "data")
               for s in stated for c in s.fact.data)


def _without_consent(stated, offending, vocabulary, asking, what: str) -> list[Contradiction]:
    found, seen = [], set()
    for item in offending:
        bare = [id for id in _sensitive_ids(item.fact.data, vocabulary, asking) if not _consented(id, stated, vocabulary)]
        if bare and item.clause_id not in seen:
            seen.add(item.clause_id)
            words = join_words([lower_first(spoken(vocabulary.title(id, "data"))) for id in bare])
            found += single("sensitive-consent", [item], vocabulary,
                            f"{requires(asking)} the person's consent before you {what} {words}, and no clause asks for it")
    return found


def _sensitive_consent(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    collecting = [s for s in stated if s.fact.verb == "collects" and s.fact.positive]
    return _without_consent(stated, collecting, vocabulary, asking, "use")


def _sensitive_sale_consent(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    return _without_consent(stated, [s for s in stated if is_sale(s.fact, vocabulary)], vocabulary, asking, "sell")


def _no_sensitive_sale(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    selling = [s for s in stated if is_sale(s.fact, vocabulary) and _sensitive_ids(s.fact.data, vocabulary, asking)]
    laws = join_words([law.name for law in asking])
    return single("sensitive-sale", selling, vocabulary, f"{laws} {'forbid' if len(asking) > 1 else 'forbids'} "
                  "selling sensitive data, even with consent")


def _sale_notice(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    """A sale of sensitive data without the notice, word for word, that the law asks for it."""
    given = [id for s in stated if s.fact.verb == SALE_NOTICE for id in s.fact.data]
    found = []
    for item in (s for s in stated if is_sale(s.fact, vocabulary)):
        sold = _sensitive_ids(item.fact.data, vocabulary, asking)
        needed = dict.fromkeys(BIOMETRIC if vocabulary.within(id, BIOMETRIC, "data") else "sensitive" for id in sold)
        missing = [NOTICES[n] for n in needed if n not in given]
        if missing:
            found += single("sale-notice", [item], vocabulary, f"{requires(asking)} the notice "
                            f"{join_words([f'“{m}”' for m in missing])} beside it, and no clause gives it")
    return found


# The rules a law may name in regimes.toml (docs/facts.md), added to facts/rules.py's RULES.
CHOICE_RULES = {
    "opt-out-of-targeted-ads": _targeted_ads,
    "opt-out-of-profiling": _profiling,
    "opt-out-signals": _opt_out_signals,
    "appeal": _appeal,
    "sensitive-consent": _sensitive_consent,
    "sensitive-sale-consent": _sensitive_sale_consent,
    "sale-notice": _sale_notice,
    "no-sensitive-sale": _no_sensitive_sale,
}
