"""What changed between two profiles, in plain words for the notice to users.

Made from what the policies state (their facts), then the practices, options, laws, company
details and rewordings that changed: "We now share your contact details with advertisers",
"We now keep account details for 6 months instead of 12 months", "Under “If a breach happens”,
we now say: “We will do so within 3 business days…”". Each line is a sentence, ready to paste.
An option is told by quoting the policy's sentence it changed: its own title ("Business days
to tell users") is written for the company, not for the people who read the notice.
"""

import re
from collections.abc import Iterable
from dataclasses import replace

from desktop.engine.facts.model import Fact, StatedFact
from desktop.engine.facts.wording import describe, lower_first
from desktop.engine.language.words import join_words
from desktop.engine.library.model import Library
from desktop.engine.policy.assemble import assemble, practice_options
from desktop.engine.policy.document import BulletList, Document, Heading, pieces, plain
from desktop.engine.profile.fields import PROFILE_FIELDS
from desktop.engine.profile.profile import Profile
from desktop.engine.reference.vocabulary import Vocabulary, spoken

SKIPPED_FIELDS = ("effective_date",)  # changes with every version and is in the text itself


def summarise(old: Profile, old_facts: list[StatedFact], new: Profile, new_facts: list[StatedFact], library: Library) -> list[str]:
    lines = fact_changes(old_facts, new_facts, library.vocabulary)
    lines += practice_changes(old, new, library, stated=_practices_with_changed_facts(old_facts, new_facts))
    lines += option_changes(old, new, library, said=_changed_values(old_facts, new_facts))
    lines += regime_changes(old, new, library)
    lines += field_changes(old, new)
    lines += rewordings(old, new, library)
    return list(dict.fromkeys(lines))


def _atoms(stated: list[StatedFact]) -> dict[tuple, Fact]:
    """Each fact split into one claim per kind of data, so "we share A and B" then "A, B and C"
    changes by C alone."""
    atoms = {}
    for item in stated:
        fact = item.fact
        for datum in fact.data or (None,):
            key = (fact.verb, fact.positive, fact.recipient, fact.purpose, fact.audience, fact.value, datum)
            atoms.setdefault(key, replace(fact, data=(datum,) if datum else (), option=None, condition=None, source=""))
    return atoms


def _grouped(atoms: list[Fact]) -> list[Fact]:
    """Claims that differ only in their data joined again into one fact, in first-seen order."""
    groups: dict[tuple, Fact] = {}
    for fact in atoms:
        key = (fact.verb, fact.positive, fact.recipient, fact.purpose, fact.audience, fact.value)
        found = groups.get(key)
        groups[key] = fact if found is None else replace(found, data=tuple(dict.fromkeys(found.data + fact.data)))
    return list(groups.values())


def fact_changes(old: list[StatedFact], new: list[StatedFact], vocabulary: Vocabulary) -> list[str]:
    before, after = _atoms(old), _atoms(new)
    added = [f for k, f in after.items() if k not in before]
    removed = [f for k, f in before.items() if k not in after]
    periods: dict[tuple[str, str], Fact] = {}  # (old period, new period) -> the data kept for it, joined
    for fact in [f for f in added if f.verb == "retains"]:
        earlier = next((f for f in removed if f.verb == "retains" and f.data == fact.data), None)
        if earlier is not None:
            removed.remove(earlier)
            added.remove(fact)
            found = periods.get((earlier.value, fact.value))
            periods[earlier.value, fact.value] = fact if found is None else replace(found, data=found.data + fact.data)
    lines = [_sentence(f"we now keep {_data(fact, vocabulary)} {fact.value} instead of {_without_shared_start(old, fact.value)}")
             for (old, _), fact in periods.items()]
    lines += [_stated(fact, vocabulary, now=True) for fact in _grouped(added)]
    lines += [_stated(fact, vocabulary, now=False) for fact in _grouped(removed)]
    return lines


def _without_shared_start(earlier: str, now: str) -> str:
    """"for 12 months" after "for 6 months" as "12 months": the repeated preposition reads as a slip."""
    first, _, rest = earlier.partition(" ")
    return rest if rest and now.split(" ", 1)[0] == first else earlier


def _stated(fact: Fact, vocabulary: Vocabulary, now: bool) -> str:
    said = _ours(describe(fact, vocabulary))
    if fact.verb == "retains" and not now:
        return _sentence(f"we no longer say how long we keep {_data(fact, vocabulary)}")
    if said.startswith("we ") and fact.positive:
        return _sentence(("we now " if now else "we no longer ") + said[3:])
    return _sentence(("we now say that " if now else "we no longer say that ") + said)


def _ours(text: str) -> str:
    """describe()'s words to the owner ("you collect…") as the owner's words to users ("we collect…")."""
    if text.startswith("you "):
        text = "we " + text[4:]
    return text.replace(" your purposes", " our purposes")


def _data(fact: Fact, vocabulary: Vocabulary) -> str:
    return join_words([lower_first(spoken(vocabulary.title(id, "data"))) for id in fact.data]) or "information"


def _changed_values(old: list[StatedFact], new: list[StatedFact]) -> set[str]:
    """The values (a retention period…) of the facts that changed, which the fact lines already told."""
    before, after = _atoms(old), _atoms(new)
    return {fact.value for key, fact in (before | after).items() if key in before.keys() ^ after.keys() and fact.value}


def _practices_with_changed_facts(old: list[StatedFact], new: list[StatedFact]) -> set[str]:
    before, after = _atoms(old), _atoms(new)
    changed = before.keys() ^ after.keys()
    return {item.practice_id for item in [*old, *new] if _atoms([item]).keys() & changed}


def practice_changes(old: Profile, new: Profile, library: Library, stated: set[str] = frozenset()) -> list[str]:
    """A line per practice ticked or unticked; one whose title is a statement ("We do not respond
    to Do Not Track") is left out when a fact line in `stated`'s practices already says it."""
    def title(practice_id: str) -> str:
        practice = library.practices.get(practice_id)
        return spoken(practice.title) if practice else practice_id

    def verb(practice_id: str) -> str:  # a title that is itself a statement is said, the others are covered
        return "says" if title(practice_id).startswith(("We ", "Our ")) else "covers"

    def told(practice_id: str) -> bool:
        return verb(practice_id) == "says" and practice_id in stated

    added = [p for p in _in_order(new.practices, library) if p not in old.practices and not told(p)]
    removed = [p for p in _in_order(old.practices, library) if p not in new.practices and not told(p)]
    return ([_sentence(f"the policy now {verb(p)} “{title(p)}”") for p in added]
            + [_sentence(f"the policy no longer {verb(p)} “{title(p)}”") for p in removed])


def _in_order(practice_ids: Iterable[str], library: Library) -> list[str]:
    order = {section.id: index for index, section in enumerate(library.outline())}

    def key(practice_id: str):
        practice = library.practices.get(practice_id)
        return (order.get(practice.section, 999), practice.primary.order, practice_id) if practice else (999, 999, practice_id)

    return sorted(practice_ids, key=key)


def option_changes(old: Profile, new: Profile, library: Library, said: set[str] = frozenset()) -> list[str]:
    """What the policy now says where an option changed, unless `said` (the fact lines) already gives both its values."""
    lines = []
    documents: list[Document] = []
    for practice_id in _in_order(set(old.practices) & set(new.practices), library):
        practice = library.practices.get(practice_id)
        if practice is None:
            continue
        before, after = practice_options(library, old, practice_id), practice_options(library, new, practice_id)
        changed = [name for name in practice.options
                   if before.get(name) != after.get(name) and not _already_said(before.get(name), after.get(name), said)]
        if not changed:
            continue
        documents = documents or [assemble(old, library), assemble(new, library)]
        quoted = _reworded_sentences(documents[0], documents[1], practice_id, library)
        lines += quoted or [_sentence(f"“{spoken(practice.title)}”: {lower_first(spoken(practice.options[name].title))} is now "
                                      f"{_shown(after.get(name))} instead of {_shown(before.get(name))}") for name in changed]
    return lines


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _reworded_sentences(old: Document, new: Document, practice_id: str, library: Library) -> list[str]:
    """'Under “heading”, we now say: “sentence”' for each of the practice's clauses whose text changed."""
    before, after = _clause_sentences(old, practice_id, library), _clause_sentences(new, practice_id, library)
    lines = []
    for clause_id, (place, sentences) in after.items():
        earlier = before.get(clause_id, (place, []))[1]
        added = [s for s in sentences if s not in earlier]
        removed = [s for s in earlier if s not in sentences]
        if added:
            lines.append(f"Under “{place}”, we now say: “{_quoted_text(added)}”")
        elif removed:
            lines.append(f"Under “{place}”, we no longer say: “{_quoted_text(removed)}”")
    return lines


def _item_end(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?;:," else text + ";"


def _quoted_text(parts: list[str]) -> str:
    return " ".join(parts).removesuffix(";")


def _clause_sentences(document: Document, practice_id: str, library: Library) -> dict[str, tuple[str, list[str]]]:
    """clause id -> (where a reader finds it: its heading or its section's, its sentences)."""
    found: dict[str, tuple[str, list[str]]] = {}
    for section in document.sections:
        for block in section.blocks:
            clause = library.clauses.get(block.clause_id or "")
            if clause is None or clause.practice != practice_id:
                continue
            # A list item has no full stop: it gets a semicolon, so two items quoted together stay two.
            texts = [plain(runs) for runs in pieces(block)]
            if isinstance(block, BulletList):
                texts = [_item_end(text) for text in texts]
            if isinstance(block, Heading):
                found[clause.id] = (texts[0], found.get(clause.id, ("", []))[1])
                continue
            place, sentences = found.setdefault(clause.id, (section.title, []))
            sentences += [s for text in texts for s in _SENTENCE_END.split(text.strip()) if s]
    return found


def _already_said(before: object, after: object, said: set[str]) -> bool:
    return all(isinstance(v, str) and v.strip() in said for v in (before, after))


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return join_words([f"“{spoken(str(v))}”" for v in value]) or "nothing"
    if isinstance(value, str):
        return f"“{spoken(value)}”" if value.strip() else "empty"
    return str(value)


def regime_changes(old: Profile, new: Profile, library: Library) -> list[str]:
    def title(regime_id: str) -> str:
        regime = library.regimes.get(regime_id)
        return regime.title if regime else regime_id

    added = [r for r in new.regimes if r not in old.regimes]
    removed = [r for r in old.regimes if r not in new.regimes]
    return ([_sentence(f"the policy now tells you your rights under the {title(r)}") for r in added]
            + [_sentence(f"the policy no longer covers the {title(r)}") for r in removed])


def field_changes(old: Profile, new: Profile) -> list[str]:
    lines = []
    for declared in PROFILE_FIELDS:
        if declared.key in SKIPPED_FIELDS or declared.not_printed:  # readers never see a not-printed value
            continue
        before, after = old.field_value(declared.key).strip(), new.field_value(declared.key).strip()
        if before != after:
            what = lower_first(declared.label)
            lines.append(_sentence(f"our {what} is now “{after}”" if after else f"the policy no longer gives our {what}"))
    return lines


def rewordings(old: Profile, new: Profile, library: Library) -> list[str]:
    changed = [c for c in dict.fromkeys([*old.overrides, *new.overrides]) if old.overrides.get(c) != new.overrides.get(c)]
    titles = [spoken(library.clauses[c].title) if c in library.clauses else c for c in changed]
    return [_sentence(f"we reworded “{title}”") for title in titles]


def _sentence(words: str) -> str:
    words = words.strip()
    return words[:1].upper() + words[1:] + ("" if words.endswith((".", "!", "?")) else ".")
