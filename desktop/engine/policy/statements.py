"""What the assembled policy states, as facts, and the text generated from those facts.

The picked clauses' facts that hold for this profile (their conditions met, their options filled
in) are the policy's statements. The laws' lists and the retention schedule are generated from
them (`{{facts:NAME}}` in a clause), so they cannot disagree with the rest of the policy.
A reworded clause's facts count only once the user has confirmed the wording still says them,
except those its wording still shows through a list made from them (its retention periods, while
it keeps `{{facts:retention}}`).
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from desktop.engine.facts.bases import basis_wording, interests, owner_bases, purpose_bases
from desktop.engine.facts.grammar import resolve
from desktop.engine.facts.memo import remembered_law_table
from desktop.engine.facts.model import CHILDREN, Fact, StatedFact
from desktop.engine.facts.rules import is_cross_context, is_sale
from desktop.engine.facts.tables import (
    ADVERTISING,
    RETENTION,
    LawRow,
    generated_lists,
    is_business_disclosure,
    retention_schedule,
)
from desktop.engine.facts.wording import lower_first
from desktop.engine.language.markup import TOKEN
from desktop.engine.language.words import join_words
from desktop.engine.library.model import Clause, Library
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import Vocabulary


@dataclass(frozen=True)
class UnknownItem:
    """A list option item that names no data category, so no fact can be drawn from it."""

    practice_id: str
    option: str
    item: str


# A list a clause shows, made from the facts of these verbs: a rewording that keeps the list still states them.
_LISTED_BY = {f"facts:{RETENTION}": ("retains", "retains each")}


def stated_facts(clauses: list[Clause], library: Library, confirmed: Callable[[str], bool],
                 lookup_for: Callable[[str], Callable[[str], object]], options_of: Callable[[str], dict],
                 overrides: Mapping[str, str] | None = None) -> tuple[list[StatedFact], list[UnknownItem]]:
    """The facts the given clauses state for this profile, and the option items no category names.
    `overrides`: the user's wordings, for what an unconfirmed one still shows."""
    stated, unknown = [], []
    for clause in clauses:
        facts = clause.facts if confirmed(clause.id) else _still_listed(clause, (overrides or {}).get(clause.id, ""))
        lookup, options = lookup_for(clause.practice), options_of(clause.practice)
        for fact in facts:
            if fact.condition is not None and not fact.condition.holds(lookup):
                continue
            if fact.verb == "bases each":  # the list itself marks that the policy gives a basis for each use
                bases = owner_bases(fact, options, library.vocabulary)
                stated += [StatedFact(clause.id, clause.practice, f) for f in (fact, *bases)]
                continue
            if fact.verb == "retains each":
                periods, missing = _periods(fact, options, library.vocabulary)
                stated += [StatedFact(clause.id, clause.practice, f) for f in (fact, *periods)]  # the list itself marks a schedule
                unknown += [UnknownItem(clause.practice, fact.option or "", item) for item in missing]
                continue
            resolved, missing = resolve(fact, options, library.vocabulary)
            unknown += [UnknownItem(clause.practice, fact.option or "", item) for item in missing]
            if resolved.data or not fact.option:  # a period left empty is kept: the checks name it
                stated.append(StatedFact(clause.id, clause.practice, resolved))
    return stated, list(dict.fromkeys(unknown))


def _still_listed(clause: Clause, wording: str) -> tuple[Fact, ...]:
    """The facts of `clause` that its rewording still shows through a list made from them."""
    verbs = {verb for match in TOKEN.finditer(wording) for verb in _LISTED_BY.get(match.group(1).strip(), ())}
    return tuple(fact for fact in clause.facts if fact.verb in verbs)


def _periods(fact: Fact, options: dict, vocabulary: Vocabulary) -> tuple[list[Fact], list[str]]:
    """`retains each opt.NAME`: one retention fact per item “what: how long”, and the items that
    name no data category or no period. An item with a period whose words name no category is still
    a row of the schedule, in the owner's words: only the lists by category leave it out."""
    periods, missing = [], []
    items = options.get(fact.option or "")
    for item in items if isinstance(items, list) else []:
        what, _, period = str(item).partition(":")
        found = vocabulary.categories_in(what)
        if what.strip() and period.strip():
            periods.append(replace(fact, verb="retains", data=tuple(dict.fromkeys(found)), value=period.strip(), option=None,
                                   label=what.strip()))
        if not (found and period.strip()):
            missing.append(str(item))
    return periods, missing


# --- Generated text ------------------------------------------------------------------------


class Generated:
    """The lists `{{facts:NAME}}` stands for, each worked out from the facts when first asked.
    The laws declare which lists they offer, of which kind, and how the data categories group."""

    def __init__(self, stated: list[StatedFact], vocabulary: Vocabulary, laws: Iterable[Regime], chosen: Iterable[str] = ()):
        """`chosen`: the ids of the laws the profile chose (the legal bases name their law)."""
        self.stated, self.vocabulary, self.chosen = stated, vocabulary, tuple(chosen)
        self.offered = generated_lists(laws)
        self._lists: dict[str, list[str]] = {}
        self._tables: dict[str, dict[str, LawRow]] = {}

    def table(self, law: Regime) -> dict[str, LawRow]:
        if law.id not in self._tables:
            self._tables[law.id] = remembered_law_table(self.stated, self.vocabulary, law.categories)
        return self._tables[law.id]

    def get(self, name: str, owner: str | None = None) -> list[str]:
        """The list; `owner` is the clause that shows it, whose own facts come first where facts overlap."""
        key = f"{name}:{owner}" if name == RETENTION else name
        if key not in self._lists:
            self._lists[key] = (self._retention(owner) if name == RETENTION else self._advertising() if name == ADVERTISING
                                else self._offered(name))
        return self._lists[key]

    def _offered(self, name: str) -> list[str]:
        if name not in self.offered:
            return []  # the library's faults name it
        law, kind = self.offered[name]
        if kind in ("disclosed", "sold", "shared"):
            return [category for category, row in self.table(law).items() if category and getattr(row, kind)]
        return getattr(self, f"_{kind}")(law)

    def _collected(self, law: Regime) -> list[str]:  # "Identifiers, such as name and email address"
        return [f"{_capital(category)}, such as {join_words([lower_first(t) for t in row.collected])}"
                for category, row in self.table(law).items() if category and row.collected]

    def _by_category(self, law: Regime) -> list[str]:
        """Each category collected, with its own examples, sources, purposes and recipients; the
        categories that share all three are one item, so the list says each thing once."""
        groups: dict[tuple, list[tuple[str, LawRow]]] = {}
        for category, row in self.table(law).items():
            if category and row.collected:
                groups.setdefault((row.sources, row.purposes, row.recipients), []).append((category, row))
        return [_category_line(group) for group in groups.values()]

    def _sensitive(self, law: Regime) -> list[str]:  # "precise location", "password"
        """The kinds of information this law counts as sensitive that the policy says it collects: for
        each collected id, the narrowest sensitive category that holds it."""
        sensitive = [c.id for c in self.vocabulary.categories.values() if law.sensitive_list in c.sensitive]
        collected = [id for s in self.stated if s.fact.positive and s.fact.verb == "collects" for id in s.fact.data]
        holding = [[s for s in sensitive if self.vocabulary.within(id, s, "data")] for id in collected]
        found = {max(ids, key=len) for ids in holding if ids}  # the deepest id is the narrowest category
        return [lower_first(self.vocabulary.categories[id].title) for id in sensitive if id in found]

    def _purposes(self, law: Regime) -> list[str]:
        """The purposes the policy says it uses personal information for, in vocabulary order."""
        used = {s.fact.purpose for s in self.stated if s.fact.positive and s.fact.verb == "uses" and s.fact.purpose}
        return [lower_first(p.title) for p in self.vocabulary.purposes.values() if p.id in used]

    def _bases(self, law: Regime) -> list[str]:  # "Marketing emails and offers from our partners: your consent, …"
        """Each purpose the policy states, once, with its legal basis: one line per basis as worded, naming
        its purposes. A purpose with no basis is left out (the checks name it)."""
        groups: dict[str, list[str]] = {}
        for basis in purpose_bases(self.stated, self.vocabulary):
            if wording := basis_wording(basis, self.chosen):
                groups.setdefault(wording, []).append(self.vocabulary.purposes[basis.purpose].title)
        lines = [f"{join_words([titles[0], *map(lower_first, titles[1:])])}: {wording}" for wording, titles in groups.items()]
        return lines + self._explicit_consent(law)

    def _explicit_consent(self, law: Regime) -> list[str]:  # "Health information: your explicit consent (…), …"
        """Special-category information collected on the person's explicit consent, one line: using it
        needs a basis under Art. 6(1) and a condition under Art. 9(2), and here both are that consent."""
        ids = [id for s in self.stated if s.fact.positive and s.fact.verb == "special condition"
               and s.fact.source.startswith("asks explicit consent") for id in s.fact.data
               if self.vocabulary.sensitive_under(id, law.sensitive_list)]
        titles = list(dict.fromkeys(self.vocabulary.categories[id].title for id in ids if id in self.vocabulary.categories))
        if not titles:
            return []
        return [f"{join_words([titles[0], *map(lower_first, titles[1:])])}: your explicit consent (Art. 6(1)(a) and 9(2)(a)),"
                " which you can take back at any time by emailing us at {{company.contact_email}}"]

    def _interests(self, law: Regime) -> list[str]:
        """The legitimate interests the bases rely on."""
        return interests(self.stated, self.vocabulary)

    def _recipients(self, law: Regime) -> list[str]:
        """How the policy describes each recipient it gives information to for a business purpose;
        one within another listed recipient ("the courts that hear our claim" within "courts, the
        police and other public bodies") is already named by it."""
        found = [item.fact.recipient for item in self.stated if item.fact.positive and item.fact.verb == "shares"
                 and is_business_disclosure(item.fact, self.vocabulary) and not is_sale(item.fact, self.vocabulary)
                 and not is_cross_context(item.fact, self.vocabulary)]
        broadest = [id for id in dict.fromkeys(found)
                    if not any(other != id and self.vocabulary.within(id, other, "recipient") for other in found)]
        return list(dict.fromkeys(self.vocabulary.recipients[id].description for id in broadest))

    def _third_parties(self, law: Regime) -> list[str]:
        """How the policy describes each company it sells to or shares with for cross-context ads."""
        found = []
        for item in self.stated:
            fact = item.fact
            recipient = self.vocabulary.recipients.get(fact.recipient or "")
            if recipient is not None and fact.positive and (is_sale(fact, self.vocabulary) or is_cross_context(fact, self.vocabulary)):
                found.append(recipient.description)
        return list(dict.fromkeys(found))

    def _advertising(self) -> list[str]:
        """How the policy describes each company it gives information to for targeted advertising (cross-context
        ads), whatever the laws chosen; one within another listed recipient is already named by it."""
        found = [item.fact.recipient for item in self.stated if item.fact.positive and item.fact.verb == "shares"
                 and item.fact.recipient in self.vocabulary.recipients and is_cross_context(item.fact, self.vocabulary)]
        broadest = [id for id in dict.fromkeys(found)
                    if not any(other != id and self.vocabulary.within(id, other, "recipient") for other in found)]
        return list(dict.fromkeys(self.vocabulary.recipients[id].description for id in broadest))

    def _retention(self, owner: str | None) -> list[str]:  # "Account details: until 30 days after you close your account"
        """One row per kind of information. The schedule's own clause sets the period for what it
        names; for the rest, the first clause that states one."""
        ordered = sorted(self.stated, key=lambda s: s.clause_id != owner)
        return [f"{title}: {period}" for title, period in retention_schedule(ordered, self.vocabulary)]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _category_line(group: list[tuple[str, LawRow]]) -> str:
    """"Identifiers (name and email address) and customer records (phone number). Sources: you and
    the company you sign in with. Purposes: giving support. Given to: companies that host the Site."."""
    categories = join_words([f"{category} ({join_words([lower_first(t) for t in row.collected])})" for category, row in group])
    row = group[0][1]
    parts = [f"{_capital(categories)}.",
             f"Sources: {join_words(list(row.sources))}." if row.sources else "",
             f"Purposes: {join_words(list(row.purposes))}." if row.purposes else "",
             f"Given to: {join_words(list(row.recipients))}." if row.recipients else "Given to no one outside our company."]
    return " ".join(part for part in parts if part)


# --- Claims in the user's own wording ------------------------------------------------------

_NOT = r"(?:do not|don't|does not|doesn't|never|will not|won't|shall not|not)"
_CLAIMS = [  # (pattern over one lower-case sentence, verb, positive, recipient, purpose, data when none is named)
    (re.compile(rf"\b{_NOT}\s+(?:let|allow)\s+(?:\w+\s+){{0,4}}(?:to\s+)?(?:collect|gather|track|follow)\b"), "lets collect", False,
     "third_parties", None, "activity"),
    (re.compile(rf"\b{_NOT}\s+(?:\w+\s+)?(?:sell|rent|trade)\b"), "sells", False, None, None, "personal"),
    (re.compile(rf"\b{_NOT}\s+(?:\w+\s+)?(?:share|disclose|give|pass on)\b"), "shares", False, None, None, "personal"),
    (re.compile(rf"\b{_NOT}\s+(?:\w+\s+)?(?:collect|gather|ask for|store|keep)\b"), "collects", False, None, None, "personal"),
    (re.compile(rf"\b{_NOT}\s+(?:\w+\s+)?(?:track|follow|profile)\b"), "collects", False, None, None, "activity"),
    (re.compile(r"\b(?:made|meant|designed|directed|intended) (?:for|at) (?:young )?children\b"), "audience", True, None, None, ""),
]
_NEGATED_AUDIENCE = re.compile(rf"\b{_NOT}\s+(?:\w+\s+)?(?:made|meant|designed|directed|intended) (?:for|at) (?:young )?children\b")


def claims_in_wording(text: str, vocabulary: Vocabulary) -> list[Fact]:
    """What a user's wording claims about sale, sharing, collection, tracking and children, as facts.

    Read plainly, sentence by sentence: a denial ("we never sell your data") becomes a negative
    fact about the data the sentence names (or all personal information); "made for children"
    says whom the service is for."""
    claims = []
    for sentence in re.split(r"(?<=[.!?;])\s+|\n+", text):
        lower = " ".join(sentence.lower().replace("\u2019", "'").split())
        for pattern, verb, positive, recipient, purpose, default in _CLAIMS:
            if not pattern.search(lower):
                continue
            if verb == "audience":
                claims.append(Fact("audience", not _NEGATED_AUDIENCE.search(lower), audience=CHILDREN, source=sentence.strip()))
                continue
            found = vocabulary.categories_in(lower)
            named = tuple(c for c in found if not vocabulary.within(c, "deidentified", "data"))
            if found and not named:
                continue  # statistics and other data that does not identify anyone
            if verb == "lets collect":  # tracking across websites is tracking here too: any activity
                named = tuple(dict.fromkeys("activity" if vocabulary.within(c, "activity", "data") else c for c in named))
            claims.append(Fact(verb, positive, named or (default,), recipient, purpose, source=sentence.strip()))
    return claims
