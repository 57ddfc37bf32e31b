"""How long the policy says it keeps each kind of information: no period left empty, and, once the
policy lists a schedule, a row for every kind it collects (GDPR Art. 13(2)(a), CCPA 1798.100(a)(3)).

A period left empty used to drop out of the schedule silently, and "Anything else: until we no
longer need it" then stood for everything: here each gap is named, with where to fill it in.
"""

from dataclasses import dataclass

from desktop.engine.facts.model import StatedFact
from desktop.engine.facts.wording import lower_first
from desktop.engine.language.words import join_words
from desktop.engine.library.model import Library
from desktop.engine.policy.document import Document
from desktop.engine.policy.place import Place, practice_place
from desktop.engine.reference.vocabulary import PERSONAL, Vocabulary, spoken


@dataclass(frozen=True)
class RetentionGap:
    message: str
    place: Place


def retention_gaps(document: Document, library: Library) -> list[RetentionGap]:
    facts, vocabulary = document.facts, library.vocabulary
    collected = _collected(facts, vocabulary)
    given = [id for s in facts if s.fact.verb == "retains" and s.fact.label and s.fact.value.strip()
             for id in s.fact.data if id != PERSONAL]
    gaps = [_empty_period(s, collected, library) for s in facts if _is_empty_period(s) and not _given(s, given, vocabulary)]
    schedule = next((s for s in facts if s.fact.verb == "retains each"), None)
    if schedule is not None:
        # a period left empty is named above: its data is not named again
        kept = [id for s in facts if s.fact.verb == "retains" for id in s.fact.data if id != PERSONAL]
        missing = [id for id in collected if not any(vocabulary.overlaps(id, k, "data") for k in kept)]
        gaps += [_no_row(kind, ids, schedule, library) for kind, ids in _by_kind(missing, vocabulary).items()]
    return [gap for gap in gaps if gap is not None]


def kept_not_collected(document: Document, library: Library) -> list[RetentionGap]:
    """A row the owner typed for information the policy never says it collects: the schedule knows more
    than the collection sections do ("Delivery addresses: for 3 years" with no delivery address collected)."""
    facts, vocabulary = document.facts, library.vocabulary
    collected = _collected(facts, vocabulary)
    found = []
    for stated in facts:
        fact = stated.fact
        if fact.verb != "retains" or not fact.label or not fact.data or PERSONAL in fact.data:
            continue
        if not any(vocabulary.overlaps(id, c, "data") for id in fact.data for c in collected):
            option = next((s.fact.option for s in facts if s.fact.verb == "retains each" and s.clause_id == stated.clause_id), "")
            found.append(RetentionGap(f"You say how long you keep “{fact.label}”, but the policy never says you collect "
                                      "it: add it where the policy says what you collect (such as the contact details "
                                      "asked for with an order), or remove the line.",
                                      practice_place(stated.practice_id, option or "")))
    return found


def _collected(facts: list[StatedFact], vocabulary: Vocabulary) -> list[str]:
    """The personal information the policy says it collects, each kind once, in the vocabulary's order."""
    ids = {id for s in facts if s.fact.verb == "collects" and s.fact.positive for id in s.fact.data}
    return [id for id in vocabulary.categories if id in ids and id != PERSONAL and vocabulary.root(id, "data") == PERSONAL]


def _is_empty_period(stated: StatedFact) -> bool:
    return stated.fact.verb == "retains" and not stated.fact.value.strip()


def _given(stated: StatedFact, given: list[str], vocabulary: Vocabulary) -> bool:
    """A row the owner typed in the schedule gives a period for all it keeps ("Account details: …" typed
    among the other periods rather than in the box for it)."""
    return bool(stated.fact.data) and all(any(vocabulary.within(id, g, "data") for g in given) for id in stated.fact.data)


def _empty_period(stated: StatedFact, collected: list[str], library: Library) -> RetentionGap | None:
    vocabulary = library.vocabulary
    if not any(vocabulary.overlaps(id, c, "data") for id in stated.fact.data for c in collected):
        return None  # a period for something the policy does not collect need not be given
    option = stated.fact.source.rsplit("opt.", 1)[-1].strip("{} ") if "{{opt." in stated.fact.source else ""
    spec = library.practices[stated.practice_id].options.get(option)
    what = join_words([lower_first(spoken(vocabulary.title(id, "data"))) for id in stated.fact.data])
    where = f"fill in “{spec.title}”" if spec else "say how long"
    return RetentionGap(f"The policy does not say how long you keep {what}: {where}.",
                        practice_place(stated.practice_id, option if spec else ""))


def _no_row(kind: str, ids: list[str], schedule: StatedFact, library: Library) -> RetentionGap:
    titles = [lower_first(spoken(library.vocabulary.title(id, "data"))) for id in ids]
    option = schedule.fact.option or ""
    return RetentionGap(f"The policy says you collect {join_words(titles)} but not how long you keep "
                        f"{'it' if len(ids) == 1 else 'them'}: add a line such as "
                        f"“{spoken(library.vocabulary.title(kind, 'data'))}: for 12 months” to "
                        f"“{library.practices[schedule.practice_id].options[option].title}”.",
                        practice_place(schedule.practice_id, option))


def _by_kind(ids: list[str], vocabulary: Vocabulary) -> dict[str, list[str]]:
    """The ids grouped by the broad kind each belongs to (the category just below personal information)."""
    groups: dict[str, list[str]] = {}
    for id in ids:
        kind = next((a for a in [id, *vocabulary.ancestors(id, "data")] if vocabulary.categories[a].parent == PERSONAL), id)
        groups.setdefault(kind, []).append(id)
    return groups
