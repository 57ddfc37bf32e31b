"""Contradictions derived from stated facts (the rules of docs/facts.md).

`contradictions` treats every fact it is given as holding: pass the facts of the clauses that
appear whose `when` holds, resolved against the profile (`policy.statements.stated_facts`). It reports one problem
per pair of clauses and kind (the first conflicting pair of facts between them), and one per
clause for the one-sided regime rules.

A sale counts as a disclosure for the purpose `sale`: `sells D to R` is compared like
`shares D with R for sale`, so "we never share with anyone" contradicts a sale too. A negative
share with no recipient means "with anyone"; a negative share with no purpose means "for any
purpose", while a positive share with no purpose claims nothing about a particular purpose.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from desktop.engine.facts.bases import EXAMPLE_ITEM, basis_gap, purpose_bases
from desktop.engine.facts.choices import CHOICE_RULES
from desktop.engine.facts.health import authorization_to_sell, consent_to_share
from desktop.engine.facts.model import (
    ADS,
    CHILDREN,
    CROSS_CONTEXT,
    SALE,
    Contradiction,
    Fact,
    StatedFact,
)
from desktop.engine.facts.rule_parts import has, is_cross_context, is_sale, personal, requires, single
from desktop.engine.facts.sensitive import special_categories
from desktop.engine.facts.wording import describe, lower_first, pair_reason
from desktop.engine.language.words import join_words
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import ANYONE, PERSONAL, Vocabulary, spoken

_OPPOSABLE = ("collects", "shares", "uses", "asks consent", "makes public", "honours dnt", "consent by use", "audience",
              "lets collect")


@dataclass(frozen=True)
class Claim:
    """A fact in the form the opposite-rule compares (sales folded into shares)."""

    verb: str
    positive: bool
    data: tuple[str, ...]
    recipient: str | None
    purpose: str | None
    audience: str | None


def claim_of(fact: Fact) -> Claim | None:
    if fact.verb in ("sells", "shares"):
        purpose = SALE if fact.verb == "sells" else fact.purpose
        return Claim("shares", fact.positive, fact.data, fact.recipient or ANYONE, purpose, None)
    if fact.verb in _OPPOSABLE:
        return Claim(fact.verb, fact.positive, fact.data, fact.recipient, fact.purpose, fact.audience)
    return None


def contradictions(stated: list[StatedFact], laws: list[Regime], vocabulary: Vocabulary) -> list[Contradiction]:
    """Every conflict among `stated`: one per pair of clauses and kind, then the rules of the `laws` that apply."""
    stated, original = as_children(stated, made_for_children(stated))
    # "never shares" against "shares" and "keeps private" against "shares" are one opposition between two clauses
    found = one_per_clause_pair(opposites(stated, vocabulary) + private_but_shared(stated, vocabulary))
    found += limited_recipients(stated, vocabulary)
    found += children_rules(stated, vocabulary) + unfounded_disclosure(stated, vocabulary)
    return [original(c) for c in found + law_rules(stated, laws, vocabulary)]


def contradictions_adding(stated: list[StatedFact], added: list[StatedFact], laws: list[Regime],
                          vocabulary: Vocabulary) -> list[Contradiction]:
    """The conflicts that `added` would bring to `stated`: only pairs with an added fact are
    compared, so asking about a few facts beside a whole policy stays cheap."""
    children = made_for_children(stated + added)
    (stated, original_stated), (added, original_added) = as_children(stated, children), as_children(added, children)
    pairs = [(a, b) for index, a in enumerate(added) for b in [*added[index + 1:], *stated]]
    found = (one_per_clause_pair(opposites(stated, vocabulary, pairs) + private_but_shared(stated, vocabulary, pairs))
             + limited_recipients(stated, vocabulary, pairs))
    both = stated + added
    found += children_rules(both, vocabulary) + unfounded_disclosure(both, vocabulary) + law_rules(both, laws, vocabulary)
    ids = {id(s) for s in added}
    return [original_added(original_stated(f)) for f in found if id(f.first) in ids or (f.second is not None and id(f.second) in ids)]


# --- Opposites and limited recipients ------------------------------------------------------

Pairs = list[tuple[StatedFact, StatedFact]] | None  # the pairs to compare; None: every pair of `stated`


def sided_pairs(stated: list[StatedFact], pairs: Pairs, left, right) -> list[tuple[StatedFact, StatedFact]]:
    """The pairs (every pair of `stated` in its order, or those of `pairs`) where one fact passes
    `left` and the other `right`: the only pairs a rule can find anything in. Each rule pairs
    a few facts (denials, limits, privacy promises) with many, so this keeps a policy's check
    linear in its facts instead of comparing every fact with every other."""
    if pairs is not None:
        return [(a, b) for a, b in pairs if (left(a.fact) and right(b.fact)) or (left(b.fact) and right(a.fact))]
    rights = [index for index, s in enumerate(stated) if right(s.fact)]
    found = {(min(i, j), max(i, j)) for i, s in enumerate(stated) if left(s.fact) for j in rights if i != j}
    return [(stated[i], stated[j]) for i, j in sorted(found)]


def _positive_claim(fact: Fact) -> bool:
    claim = claim_of(fact)
    return claim is not None and claim.positive


def _negative_claim(fact: Fact) -> bool:
    claim = claim_of(fact)
    return claim is not None and not claim.positive


def _gives_data(fact: Fact) -> bool:
    return fact.verb in ("shares", "sells") and fact.positive


def opposites(stated: list[StatedFact], vocabulary: Vocabulary, pairs: Pairs = None) -> list[Contradiction]:
    found = []
    for first, second in sided_pairs(stated, pairs, _positive_claim, _negative_claim):
        a, b = claim_of(first.fact), claim_of(second.fact)
        if a and b and a.verb == b.verb and a.positive != b.positive:
            positive, negative = (a, b) if a.positive else (b, a)
            if claims_conflict(positive, negative, vocabulary):
                found.append(Contradiction("opposite", first, second, pair_reason(first, second, vocabulary)))
    return one_per_clause_pair(found)


# Giving data to these is not keeping it private; service providers, authorities and a buyer
# receive it on our behalf or under the law, which a privacy promise allows.
_NOT_PRIVATE_ROLES = ("third_party", "public")


def private_but_shared(stated: list[StatedFact], vocabulary: Vocabulary, pairs: Pairs = None) -> list[Contradiction]:
    """"We keep your name private" beside "we share your name with the other side of a booking"."""
    found = []
    for first, second in sided_pairs(stated, pairs, lambda fact: fact.source.startswith("keeps private"), _gives_data):
        for private, shared in ((first, second), (second, first)):
            if _private_shared(private.fact, shared.fact, vocabulary):
                found.append(Contradiction("opposite", first, second, pair_reason(first, second, vocabulary)))
                break
    return one_per_clause_pair(found)


def _private_shared(private: Fact, shared: Fact, vocabulary: Vocabulary) -> bool:
    if not private.source.startswith("keeps private") or shared.verb not in ("shares", "sells") or not shared.positive:
        return False  # "does not make public" promises less than "keeps private"
    recipient = vocabulary.recipients.get(shared.recipient or "")
    return (recipient is not None and recipient.role in _NOT_PRIVATE_ROLES
            and data_overlap(private.data, shared.data, vocabulary))


def one_per_clause_pair(found: list[Contradiction]) -> list[Contradiction]:
    """Keep the first problem between two clauses: the owner fixes clauses, not single facts."""
    kept, seen = [], set()
    for problem in found:
        key = (problem.kind, frozenset((problem.first.clause_id, problem.second.clause_id)))
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def claims_conflict(positive: Claim, negative: Claim, vocabulary: Vocabulary) -> bool:
    if positive.verb == "audience":
        return positive.audience == negative.audience
    if positive.verb in ("honours dnt", "consent by use"):
        return True
    if not data_overlap(positive.data, negative.data, vocabulary):
        return False
    if positive.verb in ("shares", "lets collect"):
        return (vocabulary.overlaps(positive.recipient, negative.recipient, "recipient")
                and _purpose_denied(positive.purpose, negative.purpose, vocabulary))
    if positive.verb in ("uses", "asks consent"):  # opt-in against opt-out: one use, two consent models
        return vocabulary.overlaps(positive.purpose, negative.purpose, "purpose")
    return True


def _purpose_denied(positive: str | None, negative: str | None, vocabulary: Vocabulary) -> bool:
    if negative is None:
        return True
    return positive is not None and vocabulary.overlaps(positive, negative, "purpose")


def data_overlap(a: tuple[str, ...], b: tuple[str, ...], vocabulary: Vocabulary) -> bool:
    return any(vocabulary.overlaps(x, y, "data") for x in a for y in b)


def limited_recipients(stated: list[StatedFact], vocabulary: Vocabulary, pairs: Pairs = None) -> list[Contradiction]:
    found = []
    for first, second in sided_pairs(stated, pairs, lambda fact: fact.verb == "limits", _gives_data):
        for limit, other in ((first, second), (second, first)):
            if _limit_broken(limit.fact, other.fact, vocabulary):
                reason = pair_reason(first, second, vocabulary)
                found.append(Contradiction("limited-recipient", first, second, reason))
                break
    return one_per_clause_pair(found)


def _limit_broken(limit: Fact, other: Fact, vocabulary: Vocabulary) -> bool:
    if limit.verb != "limits" or not other.positive:
        return False
    claim = claim_of(other)
    return (claim is not None and claim.verb == "shares" and _sale_or_cross_context(claim, vocabulary)
            and vocabulary.overlaps(limit.recipient, claim.recipient, "recipient"))


def _sale_or_cross_context(claim: Claim, vocabulary: Vocabulary) -> bool:
    purpose = claim.purpose
    return purpose is not None and any(vocabulary.within(purpose, p, "purpose") for p in (SALE, CROSS_CONTEXT))


# --- Regime rules ---------------------------------------------------------------------------


# What a service made for children may do only with a parent's consent for exactly that (COPPA 312.5; the
# internal-operations exception of 312.5(c)(7) excludes ads, profiles and disclosure to others).
_CONSENT_FOR = {"shares": "parental consent to share", "sells": "parental consent to share",
                "lets collect": "parental consent to let collect", "uses": "parental consent to use",
                "makes public": "parental consent to make public"}


# Disclosures COPPA allows without consent: to protect the service's security or integrity, take precautions
# against liability, respond to judicial process or help law enforcement (16 CFR 312.5(c)(6)).
_COPPA_EXCEPTED = ("protect", "security", "legal")


def _child_risk(fact: Fact, vocabulary: Vocabulary) -> bool:
    """A fact about users that, when the users are children, needs a parent's consent for that very use."""
    if not fact.positive or not personal(fact, vocabulary):
        return False
    if fact.verb == "uses":
        profiling = any(vocabulary.within(id, "inferences", "data") for id in fact.data)
        return profiling or vocabulary.within(fact.purpose, ADS, "purpose")
    if fact.verb in ("shares", "sells"):
        if fact.purpose and any(vocabulary.within(fact.purpose, p, "purpose") for p in _COPPA_EXCEPTED):
            return False
        recipient = vocabulary.recipients.get(fact.recipient or ANYONE)
        return (recipient is not None and recipient.role in ("third_party", "public")) or is_sale(fact, vocabulary) or (
            is_cross_context(fact, vocabulary))
    return fact.verb in ("makes public", "lets collect")


def consent_covers(consent: Fact, fact: Fact, vocabulary: Vocabulary) -> bool:
    """The parental consent is for this use: the same kind of use, its data, recipient and purpose
    (children's information being all the personal information of a service made for children)."""
    consented = tuple(PERSONAL if id == "children" else id for id in consent.data)
    if consent.verb != _CONSENT_FOR.get(fact.verb) or not data_overlap(consented, fact.data, vocabulary):
        return False
    if consent.recipient and not vocabulary.within(fact.recipient or ANYONE, consent.recipient, "recipient"):
        return False
    purpose = SALE if fact.verb == "sells" else fact.purpose
    if consent.purpose is None:  # a consent to share is no consent to sell or to target ads: those are named
        return purpose is None or not any(vocabulary.within(purpose, p, "purpose") for p in (ADS, SALE))
    return purpose is not None and vocabulary.within(purpose, consent.purpose, "purpose")


def made_for_children(stated: list[StatedFact]) -> StatedFact | None:
    return next((s for s in stated if s.fact.verb == "audience" and s.fact.positive and s.fact.audience == CHILDREN), None)


def as_children(stated: list[StatedFact], children: StatedFact | None) -> tuple[list[StatedFact], Callable]:
    """When the service is made for children (`children`: the fact that says so), its users are
    children: a fact about children's information is a fact about all the personal information
    it handles, so "we never sell children's information" denies every sale. Returns the facts
    so read, and what gives a contradiction found among them back its facts as stated."""
    if children is None:
        return stated, lambda found: found
    scoped = [replace(s, fact=replace(s.fact, data=tuple(PERSONAL if id == "children" else id for id in s.fact.data)))
              if "children" in s.fact.data else s for s in stated]
    back = {id(new): old for new, old in zip(scoped, stated, strict=True)}

    def original(found: Contradiction) -> Contradiction:
        second = found.second and back.get(id(found.second), found.second)
        return replace(found, first=back.get(id(found.first), found.first), second=second)
    return scoped, original


def children_rules(stated: list[StatedFact], vocabulary: Vocabulary) -> list[Contradiction]:
    """Each use a service made for children may not make of their information without a parent's
    consent for exactly that use. A general promise of consent before collecting is no escape."""
    audience = made_for_children(stated)
    if audience is None:
        return []
    consents = [s.fact for s in stated if s.fact.verb.startswith("parental consent to")]
    found = []
    for other in stated:
        if _child_risk(other.fact, vocabulary) and not any(consent_covers(c, other.fact, vocabulary) for c in consents):
            reason = (f"one says {describe(audience.fact, vocabulary)}, the other that "
                      f"{describe(other.fact, vocabulary)}, and no clause says a parent agrees to that first")
            found.append(Contradiction("children", audience, other, reason))
    return one_per_clause_pair(found)


def unfounded_disclosure(stated: list[StatedFact], vocabulary: Vocabulary) -> list[Contradiction]:
    """A policy that says it sells or shares for ads, while no clause says it does either."""
    if any(is_sale(s.fact, vocabulary) or is_cross_context(s.fact, vocabulary) for s in stated if s.fact.positive):
        return []
    disclosing = [s for s in stated if s.fact.verb == "discloses sharing" and s.fact.positive]
    return single("nothing-sold", disclosing, vocabulary,
                   "no picked clause says you sell information or share it for ads, so there is nothing to disclose")


def law_rules(stated: list[StatedFact], laws: list[Regime], vocabulary: Vocabulary) -> list[Contradiction]:
    """The rules the laws declare (`rules` in regimes.toml), each applied once, naming every law that asks for it."""
    found = []
    for name in dict.fromkeys(rule for law in laws for rule in law.rules):
        if name in RULES:
            found += RULES[name](stated, vocabulary, [law for law in laws if name in law.rules])
    return found


def _opt_out_of_sale(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    if has(stated, "offers opt-out of sale"):
        return []
    sales = [s for s in stated if is_sale(s.fact, vocabulary)]
    return single("opt-out", sales, vocabulary, f"{requires(asking)} a way to opt out of the sale, and no clause offers one")


def _opt_out_of_sharing(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    if has(stated, "offers opt-out of sharing"):
        return []
    cross = [s for s in stated if is_cross_context(s.fact, vocabulary)]
    return single("opt-out", cross, vocabulary,
                   f"{requires(asking)} a way to opt out of this sharing, and no clause offers one")


def _sharing_disclosure(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    if has(stated, "discloses sharing"):
        return []
    cross = [s for s in stated if is_cross_context(s.fact, vocabulary)]
    return single("sharing-disclosure", cross, vocabulary,
                   f"{requires(asking)} the policy to say it shares information for cross-context behavioral "
                   "advertising, and no clause says so")


def _consent_by_use(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    offending = [s for s in stated if s.fact.verb == "consent by use" and s.fact.positive]
    return single("consent-by-use", offending, vocabulary,
                   f"{join_words([law.name for law in asking])} {'do' if len(asking) > 1 else 'does'} not accept "
                   "simply using a service as consent")


def _legal_bases(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    """Once the policy gives a basis for each use (`bases each`), every purpose it states needs one,
    and every basis the owner wrote must name a use and a basis."""
    listing = next((s for s in stated if s.fact.verb == "bases each"), None)
    if listing is None:
        return []
    found = []
    for basis in purpose_bases(stated, vocabulary):
        if gap := basis_gap(basis):
            title = spoken(vocabulary.title(basis.purpose, "purpose"))
            reason = (f"gives {gap} for {lower_first(title)}, which the policy says you do; {requires(asking)} one "
                      f"for each use: add a line such as “{title}: legitimate interests: the interest it serves” "
                      "(or contract, consent, legal obligation) to the uses and their legal bases")
            found.append(Contradiction("legal-basis", listing, None, reason))
    for item in (s.fact for s in stated if s.fact.verb == "bases" and not (s.fact.purpose and s.fact.value)):
        what = "use" if not item.purpose else "legal basis"
        found.append(Contradiction("legal-basis", listing, None, f"lists “{item.source}”, whose {what} Policywright cannot "
                                   f"read: write it as “{EXAMPLE_ITEM}” (contract, consent, legal obligation or legitimate interests)"))
    return found


def _cookie_consent(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    if has(stated, "cookie choices"):
        return []
    consenting = [s for s in stated if s.fact.verb == "cookie consent" and s.fact.positive]
    return single("cookie-consent", consenting, vocabulary,
                   f"{requires(asking)} a way to give and change that consent, and no clause says how")


# The rules a law may declare by name in regimes.toml (docs/facts.md); each finds one kind of problem.
RULES = {
    "legal-bases": _legal_bases,
    "cookie-consent": _cookie_consent,
    "opt-out-of-sale": _opt_out_of_sale,
    "opt-out-of-sharing": _opt_out_of_sharing,
    "sharing-disclosure": _sharing_disclosure,
    "consent-by-use": _consent_by_use,
    "special-categories": special_categories,
    "consent-to-share": consent_to_share,
    "authorization-to-sell": authorization_to_sell,
    **CHOICE_RULES,
}

