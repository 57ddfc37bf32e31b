"""Generated text derived from facts: a law's category table and the retention schedule.

Only positive facts count here; conflicts among facts are `contradictions`' business. Pass the
facts that hold, resolved against the profile.
"""

from dataclasses import dataclass

from desktop.engine.facts.model import AUTOMATICALLY, BY_INFERENCE, CROSS_CONTEXT, SALE, StatedFact
from desktop.engine.facts.wording import lower_first
from desktop.engine.language.words import join_words
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import ANYONE, PERSONAL, Vocabulary

RETENTION = "retention"  # the one list every library offers; the laws declare the others (`lists`)
# Every library offers this one too: the companies given information for targeted advertising (cross-context ads).
ADVERTISING = "advertising"
# The lists that name the services the company uses (policy/services.py): by recipient category, those
# that collect through the service for themselves, those based in another country, those whose videos,
# maps or posts the service shows (by name only), those that get information for targeted advertising.
SERVICE_LISTS = ("services", "services_collecting", "services_abroad", "services_embeds", "services_advertising")
# The kinds of list a law may offer under a name of its own: the first four group the data
# categories by the law's `categories`; `by_category` gives each of its categories with its
# examples, sources, purposes and recipients.
LIST_KINDS = ("collected", "disclosed", "sold", "shared", "purposes", "recipients", "third_parties", "sensitive",
              "bases", "interests", "by_category")


def generated_lists(laws) -> dict[str, tuple[Regime, str]]:
    """{{facts:NAME}} -> (the law that offers it, its kind), for every list the laws declare."""
    return {name: (law, kind) for law in laws for name, kind in law.lists.items()}


def list_names(laws) -> tuple[str, ...]:
    """Every name a clause may write as {{facts:NAME}}."""
    return (*generated_lists(laws), RETENTION, ADVERTISING, *SERVICE_LISTS)


@dataclass(frozen=True)
class LawRow:
    """One of a law's categories: the titles of the data categories under it, what became of
    them, and, from the facts about that data alone, where it came from, why it is used, and who
    receives it (so passwords are never said to go where only names and emails go)."""

    collected: tuple[str, ...] = ()
    disclosed: tuple[str, ...] = ()  # for a business purpose: given to a named recipient, not sold or shared for ads
    sold: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()  # for cross-context behavioral advertising
    recipients: tuple[str, ...] = ()  # their descriptions ("companies that take payments for us")
    sources: tuple[str, ...] = ()  # "you", "your device, automatically", a recipient's description
    purposes: tuple[str, ...] = ()  # purpose titles, lower case ("giving support")


_COLUMNS = ("collected", "disclosed", "sold", "shared")
_SOURCES = {None: "you", AUTOMATICALLY: "the device you use",
            BY_INFERENCE: "our own conclusions from other information we hold"}


def law_table(stated: list[StatedFact], vocabulary: Vocabulary, categories: dict[str, str]) -> dict[str, LawRow]:
    """Per category of a law (`categories`: data id -> the law's category, shown in vocabulary
    order): what is collected, disclosed, sold, shared; and for that data, its sources, the
    purposes it is used or given for, and to whom it is given. A broad id (`personal`) stands for
    the collected categories below it."""
    facts = [s.fact for s in stated if s.fact.positive]
    collected = [id for f in facts if f.verb == "collects" for id in f.data]
    cells: dict[str, dict[str, set]] = {}
    for fact in facts:
        columns = _columns(fact, vocabulary)
        discloses = fact.verb in ("sells", "shares") and is_business_disclosure(fact, vocabulary)
        purpose = SALE if fact.verb == "sells" else fact.purpose if fact.verb in ("uses", "shares") else None
        if not (columns or discloses or purpose):
            continue
        for id in _expand(fact.data, collected, vocabulary, categories):
            row = cells.setdefault(categories[id], {name: set() for name in (*_COLUMNS, "recipients", "sources", "purposes")})
            for column in columns:
                row[column].add(id)
            if discloses:
                row["recipients"].add(fact.recipient)
            if fact.verb == "collects":
                row["sources"].add(fact.origin)
            if purpose:
                row["purposes"].add(purpose)
    order = dict.fromkeys(categories[id] for id in vocabulary.categories if id in categories)
    return {category: _row(cells[category], vocabulary) for category in order if category in cells}


def _columns(fact, vocabulary: Vocabulary) -> tuple[str, ...]:
    if fact.verb == "collects":
        return ("collected",)
    if fact.verb == "sells" or fact.verb == "shares" and _within(fact.purpose, SALE, vocabulary):
        return ("sold",)
    if fact.verb == "shares" and _within(fact.purpose, CROSS_CONTEXT, vocabulary):
        return ("shared",)
    if fact.verb == "shares" and is_business_disclosure(fact, vocabulary):
        return ("disclosed",)
    return ()


def is_business_disclosure(fact, vocabulary: Vocabulary) -> bool:
    """Given to a named recipient (a service provider, a debt collector, a buyer, a court …) for a
    reason other than a sale or ads. What is made public is the user's own posting, and `anyone`
    names no kind of recipient a law's list could show."""
    recipient = vocabulary.recipients.get(fact.recipient or "")
    return recipient is not None and recipient.id != ANYONE and recipient.role != "public"


def _within(purpose: str | None, ancestor: str, vocabulary: Vocabulary) -> bool:
    return purpose is not None and vocabulary.within(purpose, ancestor, "purpose")


def _expand(data: tuple[str, ...], collected: list[str], vocabulary: Vocabulary, categories: dict[str, str]) -> list[str]:
    """Each id, or the collected categories below it; only ids the law puts in a category."""
    found = []
    for id in data:
        below = [c for c in collected if vocabulary.within(c, id, "data")]
        found.extend(below or [id])
    return [id for id in dict.fromkeys(found) if id in vocabulary.categories and categories.get(id)]


def _row(cell: dict[str, set], vocabulary: Vocabulary) -> LawRow:
    def titles(ids: set[str], table: dict) -> tuple[str, ...]:
        return tuple(table[id].title for id in table if id in ids)

    columns = {name: titles(cell[name], vocabulary.categories) for name in _COLUMNS}
    given = cell["recipients"]  # one within another given the same data is already named by it ("courts" within "public bodies")
    recipients = tuple(dict.fromkeys(r.description for r in vocabulary.recipients.values() if r.id in given
                                     and not any(other != r.id and vocabulary.within(r.id, other, "recipient") for other in given)))
    origins = [o for o in _SOURCES if o in cell["sources"]] + [o for o in vocabulary.recipients if o in cell["sources"]]
    sources = tuple(_SOURCES[o] if o in _SOURCES else vocabulary.recipients[o].description for o in origins)
    purposes = tuple(lower_first(title) for title in titles(cell["purposes"], vocabulary.purposes))
    return LawRow(**columns, recipients=recipients, sources=sources, purposes=purposes)


def retention_schedule(stated: list[StatedFact], vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(what is kept, "for 12 months" / "until …"), one row per retention statement, in the order stated.

    A row names the kinds of information its statement keeps that no earlier row has given a
    period (so the first period stated for a kind wins), in the owner's own words when the owner
    typed them (“Photos you upload: until you delete them”). A period for all personal
    information comes last, as "Anything else".
    """
    rows, seen, catch_all = [], set(), ""
    for stated_fact in stated:
        fact = stated_fact.fact
        if fact.verb != "retains" or not fact.positive or not fact.value.strip():
            continue
        if PERSONAL in fact.data:
            catch_all = catch_all or fact.value
        ids = [id for id in vocabulary.categories if id in fact.data and id not in seen and id != PERSONAL]
        seen.update(ids)
        if fact.label or ids:
            rows.append((fact.label or _capital(join_words([lower_first(vocabulary.title(id, "data")) for id in ids])), fact.value))
    if catch_all:  # the catch-all: last, and named for what it covers once other rows stand above it
        rows.append(("Anything else" if rows else vocabulary.title(PERSONAL, "data"), catch_all))
    return rows


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
