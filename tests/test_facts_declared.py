"""Every bundled clause declares the facts its wording states.

(a) each fact parses against the vocabulary and the practice's options, and its list option's
    default items each name a data category;
(b) a clause whose wording denies a practice of ours ("we do not share…", "we keep it private",
    "no one at our company…") declares at least one negative fact;
(c) each data category named in a sentence that collects, shares or sells is covered by the data
    of a fact the clause declares (sentences about the reader's rights, or that point at "this
    policy", state no practice of their own and are skipped).
"""

import contextlib
import re
import tomllib
from functools import cache

import pytest

from desktop.engine.facts.grammar import FactError, parse_fact, resolve
from desktop.engine.library.loader import library_folders, load_library
from desktop.engine.library.model import Clause
from desktop.engine.reference.vocabulary import load_vocabulary, normal_text

# A denial by us: "we do not …", "we never …", "our cookies do not …", "not sell", "private",
# "no one at our company". "You do not need an account" or "if mediation does not settle the
# dispute" deny no practice of ours.
DENIAL = re.compile(
    r"\bwe (?:\w+ )?(?:do not|does not|don't|never)\b"
    r"|\bour (?:own )?\w+(?: \w+)? (?:do|does) not\b"
    r"|\bnot (?:sell|share)\b|\bprivate\b(?! relay)"
    r"|\b(?:no one|nobody) (?:at|working for|outside|else)\b")
# ... and it is about what we do with information, not "we do not charge for this".
PRACTICE = re.compile(
    r"\b(collect\w*|ask\w* for|shar\w*|sell\w*|sold|rent\w*|trade\w*|use[sd]?|using|keep\w*|kept|stor\w*|"
    r"show\w*|track\w*|treat\w*|link\w*|giv\w*|gave|post\w*|opens?|looks? at|respond\w*|receiv\w*|set|seen)\b")
DISCLOSURE = re.compile(
    r"\b(collect\w*|ask\w* for|shar(e|es|ed|ing)|sell\w*|sold|receiv\w*)\b|\b(give|gives|gave|giving)\b.*\bto\b")
# Sentences about the reader's rights and choices, or pointing at the rest of the policy, name
# data without stating a practice of this clause.
NOT_A_STATEMENT = re.compile(
    r"\b(you can (?:also )?(?:ask|tell)|ask us to|tell us to|right to|you agree|you do not want|this policy)\b")
NEGATIVE_FORMS = ("keeps private", "ignores dnt", "no consent by use", "not audience")
# Honouring Do Not Track is itself a promise not to track: it answers "we do not track …".
DENYING_FORMS = ("honours dnt",)


@cache
def library():
    return load_library(library_folders())


@cache
def vocabulary():
    vocabulary, faults = load_vocabulary(library_folders())
    assert faults == []
    return vocabulary


def clauses() -> list[Clause]:
    return sorted(library().clauses.values(), key=lambda c: c.id)


def declared(clause: Clause) -> list[str]:
    text = clause.path.read_text(encoding="utf-8")
    front = text.split("+++")[1]
    return tomllib.loads(front).get("facts", [])


def sentences(body: str) -> list[str]:
    """Sentences of paragraphs and bullets, `{{if …}}` markers kept (they name nothing)."""
    found = []
    for block in re.split(r"\n\s*\n|\n(?=- )", body):
        block = re.sub(r"^- ", "", " ".join(block.split()))
        found.extend(s for s in re.split(r"(?<=[.!?:])\s+(?=[A-Z{*“\"])", block) if s.strip())
    return found


def options(clause: Clause):
    return library().practices[clause.practice].options


def parsed_facts(clause: Clause) -> list:
    specs = options(clause)
    defaults = {name: spec.default for name, spec in specs.items()}
    facts = []
    for text in declared(clause):
        with contextlib.suppress(FactError):  # test_facts_parse reports these
            facts.append(resolve(parse_fact(text, vocabulary(), specs), defaults, vocabulary())[0])
    return facts


def where(clause: Clause, sentence: str) -> str:
    return f"{clause.id} ({clause.path.parent.name}/{clause.path.name}): {sentence!r}"


@pytest.mark.parametrize("clause", clauses(), ids=lambda c: c.id)
def test_facts_parse(clause):
    specs = options(clause)
    defaults = {name: spec.default for name, spec in specs.items()}
    problems = []
    for text in declared(clause):
        try:
            _, missing = resolve(parse_fact(text, vocabulary(), specs), defaults, vocabulary())
        except FactError as error:
            problems.append(f"{clause.id}: fact {text!r}: {error}")
            continue
        problems += [f"{clause.id}: fact {text!r}: the default item {item!r} names no data category" for item in missing]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("clause", clauses(), ids=lambda c: c.id)
def test_denials_have_a_negative_fact(clause):
    denials = [s for s in sentences(clause.body) if denies(s)]
    negative = [f for f in parsed_facts(clause) if not f.positive or f.verb in DENYING_FORMS]
    assert not denials or negative, (
        f"no negative fact (`does not …`, {', '.join(NEGATIVE_FORMS + DENYING_FORMS)}) declared for:\n"
        + "\n".join(where(clause, s) for s in denials))


def denies(sentence: str) -> bool:
    text = normal_text(sentence.replace("Do Not Track", "DNT"))
    return bool(DENIAL.search(text)) and bool(PRACTICE.search(text) or vocabulary().categories_in(text))


@pytest.mark.parametrize("clause", clauses(), ids=lambda c: c.id)
def test_named_data_is_covered_by_a_fact(clause):
    data = [id for fact in parsed_facts(clause) for id in fact.data]
    problems = [f"{where(clause, sentence)} names {named!r}, which no fact covers"
                for sentence in sentences(clause.body) if not introduces_generated(sentence, clause)
                for named in uncovered(sentence, data)]
    assert problems == [], "\n".join(problems)


def introduces_generated(sentence: str, clause: Clause) -> bool:
    """A sentence that holds, or leads into, a list generated from the other clauses' facts
    restates those facts; the clause does not declare them again."""
    return "{{facts:" in sentence or (sentence.rstrip().endswith(":") and "{{facts:" in clause.body)


def uncovered(sentence: str, data: list[str]) -> list[str]:
    """Categories a collecting or sharing sentence names that none of `data` overlaps."""
    text = normal_text(sentence)
    if not DISCLOSURE.search(text) or NOT_A_STATEMENT.search(text):
        return []
    return [named for named in vocabulary().categories_in(sentence)
            if not any(vocabulary().overlaps(named, id, "data") for id in data)]


# --- The checks themselves ------------------------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("We do not share your {{personal information}} with anyone outside our company.", True),
    ("We also do not rent it out.", True),
    ("We treat these messages as private.", True),
    ("No one at our company opens or looks at it.", True),
    ("Our own cookies do not store your name.", True),
    ("We never sell the information of a child.", True),
    ("You do not need an account to look around.", False),
    ("We do not charge for this in most cases.", False),
    ("Many browsers have a setting called Do Not Track (DNT).", False),
    ("If mediation does not settle the dispute, it will go to the courts.", False),
])
def test_what_counts_as_a_denial(sentence, expected):
    assert denies(sentence) == expected


def test_coverage_goes_through_the_hierarchy():
    sentence = "We ask for your name, your email address and your phone number."
    assert uncovered(sentence, ["identifiers.name", "identifiers.email"]) == ["identifiers.phone"]
    assert uncovered(sentence, ["identifiers"]) == []
    assert uncovered("We share your {{personal information}} with our lawyers.", ["identifiers.email"]) == []
    assert uncovered("We keep your phone number.", []) == []
    assert uncovered("You can ask us to stop collecting your phone number.", []) == []
