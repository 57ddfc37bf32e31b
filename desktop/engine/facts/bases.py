"""Legal bases per purpose (GDPR Art. 6(1), 13(1)(c) and (d)): the basis each purpose the policy states rests on.

A purpose's basis is, first, the one the owner gives it (`bases each opt.NAME`, items “use: basis”),
then consent where a clause says it asks first (`asks consent to use D for P`), then the usual basis
the vocabulary declares for the purpose or its nearest parent (`basis` in purposes.toml). Only uses of
personal information need one: statistics that identify no one do not.
"""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from desktop.engine.facts.model import SALE, Fact, StatedFact
from desktop.engine.reference.vocabulary import PERSONAL, Vocabulary, normal_text

CONTRACT, LEGAL_OBLIGATION, LEGITIMATE_INTERESTS, CONSENT = "contract", "legal_obligation", "legitimate_interests", "consent"
# How an owner may write each basis (the first phrase found wins).
_BASIS_WORDS = (("legitimate interest", LEGITIMATE_INTERESTS), ("contract", CONTRACT), ("consent", CONSENT),
                ("legal obligation", LEGAL_OBLIGATION), ("legal duty", LEGAL_OBLIGATION), ("law requires", LEGAL_OBLIGATION))
_STATING = ("uses", "shares", "sells", "asks consent")  # the verbs that state a purpose the policy has
EXAMPLE_ITEM = "Marketing emails: consent"


@dataclass(frozen=True)
class Basis:
    purpose: str
    kind: str  # contract, legal_obligation, legitimate_interests, consent; "" when nothing gives one
    detail: str  # the interest (legitimate interests) or how to take consent back; "" when none is given


def owner_bases(fact: Fact, options: Mapping[str, object], vocabulary: Vocabulary) -> list[Fact]:
    """`bases each opt.NAME`: one `bases` fact per item “use: basis” or “use: basis: detail” (the
    interest, or how to take consent back). An item whose use or basis cannot be read keeps its
    text as `source` with no purpose or no basis: the checks name it."""
    items = options.get(fact.option or "")
    found = []
    for item in items if isinstance(items, list) else []:
        what, _, rest = str(item).partition(":")
        named, _, detail = rest.partition(":")
        kind = next((basis for words, basis in _BASIS_WORDS if words in normal_text(named)), "")
        found.append(replace(fact, verb="bases", purpose=purpose_named(what, vocabulary), value=kind,
                             label=detail.strip(), option=None, source=str(item)))
    return found


def purpose_named(text: str, vocabulary: Vocabulary) -> str | None:
    """The purpose a use written in plain words names: its title, else the longest of its words found."""
    wanted = normal_text(text)
    if not wanted:
        return None
    for purpose in vocabulary.purposes.values():
        if re.fullmatch(_title_pattern(purpose.title), wanted):
            return purpose.id
    found = [(len(word), purpose.id) for purpose in vocabulary.purposes.values() for word in purpose.words
             if re.search(rf"\b{re.escape(word)}\b", wanted)]
    return max(found)[1] if found else None


def _title_pattern(title: str) -> str:
    """A title as a pattern in which a term token (`{{the service}}`) stands for the policy's own words."""
    parts = re.split(r"\{\{[^}]*\}\}", title)
    return r"[\w' ]+?".join(re.escape(normal_text(part)).replace(r"\ ", " ") for part in parts)


def stated_purposes(stated: list[StatedFact], vocabulary: Vocabulary) -> list[str]:
    """Each purpose the policy says it uses or gives out personal information for, in vocabulary order."""
    found = set()
    for fact in (s.fact for s in stated):
        purpose = SALE if fact.verb == "sells" else fact.purpose
        stated_use = fact.positive or fact.verb == "asks consent"  # "uses D for P unless you opt out" uses it too
        if stated_use and fact.verb in _STATING and any(vocabulary.root(id, "data") == PERSONAL for id in fact.data):
            found.add(purpose)
    return [id for id in vocabulary.purposes if id in found]


def purpose_bases(stated: list[StatedFact], vocabulary: Vocabulary) -> list[Basis]:
    """The basis of each purpose the policy states, in vocabulary order."""
    given = [s.fact for s in stated if s.fact.verb == "bases" and s.fact.purpose and s.fact.value]
    asked = [s.fact.purpose for s in stated if s.fact.verb == "asks consent" and s.fact.positive and s.fact.purpose]
    return [_basis(purpose, given, asked, vocabulary) for purpose in stated_purposes(stated, vocabulary)]


def _basis(purpose: str, given: list[Fact], asked: list[str], vocabulary: Vocabulary) -> Basis:
    lineage = [purpose, *vocabulary.ancestors(purpose, "purpose")]  # the purpose, then its parents, nearest first
    for id in lineage:
        owner = [fact for fact in given if fact.purpose == id]
        if owner:
            kind, detail = owner[-1].value, owner[-1].label
            return Basis(purpose, kind, detail or _usual_detail(kind, lineage, vocabulary))
    if any(vocabulary.within(purpose, consented, "purpose") for consented in asked):
        return Basis(purpose, CONSENT, _usual_detail(CONSENT, lineage, vocabulary))
    usual = next((vocabulary.purposes[id].basis for id in lineage if vocabulary.purposes[id].basis), "")
    return Basis(purpose, usual, _usual_detail(usual, lineage, vocabulary))


def _usual_detail(kind: str, lineage: list[str], vocabulary: Vocabulary) -> str:
    """The vocabulary's interest (legitimate interests) or way to take consent back, nearest first."""
    key = {LEGITIMATE_INTERESTS: "interest", CONSENT: "withdraw"}.get(kind)
    return next((getattr(vocabulary.purposes[id], key) for id in lineage if key and getattr(vocabulary.purposes[id], key)), "")


def basis_gap(basis: Basis) -> str:
    """What the policy leaves unsaid about one purpose's basis, or ""."""
    if not basis.kind:
        return "no legal basis"
    if basis.kind == LEGITIMATE_INTERESTS and not basis.detail:
        return "no legitimate interest it serves"
    return ""


# How the policy words each basis; {detail} is the interest or the way to take consent back.
_WORDING = {
    CONTRACT: "our contract with you, since we need the information to give you what you signed up for",
    LEGAL_OBLIGATION: "a legal duty under the law of the European Union, of an EU country or of the UK",
    LEGITIMATE_INTERESTS: "our legitimate interest in {detail}",
    CONSENT: "your consent, which you can take back at any time {detail}",
}
_WITHDRAW = "by emailing us at {{company.contact_email}}"  # consent with no better way declared


# Whose law sets a legal duty, by the laws the profile chose: only the EU's, only the UK's, or either.
_DUTY_LAW = {("gdpr",): "the law of the European Union or of an EU country", ("uk_gdpr",): "UK law"}


def basis_wording(basis: Basis, chosen: Collection[str] = ()) -> str:
    """“your consent, which you can take back at any time by …”: the basis as the policy says it. A legal duty
    names the law of the places the `chosen` laws cover (a UK business serving no one in the EU: UK law)."""
    detail = basis.detail or (_WITHDRAW if basis.kind == CONSENT else "")
    wording = _WORDING[basis.kind].format(detail=detail) if basis.kind else ""
    duty_law = _DUTY_LAW.get(tuple(law for law in ("gdpr", "uk_gdpr") if law in chosen))
    return f"a legal duty under {duty_law}" if basis.kind == LEGAL_OBLIGATION and duty_law else wording


def interests(stated: list[StatedFact], vocabulary: Vocabulary) -> list[str]:
    """The legitimate interests the policy relies on, each once, in the order of their purposes."""
    return list(dict.fromkeys(b.detail for b in purpose_bases(stated, vocabulary)
                              if b.kind == LEGITIMATE_INTERESTS and b.detail))
