"""What can be wrong with one clause: its front matter, the names it refers to, its tokens."""

import re

from desktop.engine.facts.grammar import parse_fact
from desktop.engine.facts.model import FactError
from desktop.engine.facts.rules import RULES
from desktop.engine.facts.tables import LIST_KINDS, SERVICE_LISTS, list_names
from desktop.engine.files.reading import LIBRARY_FILE_BYTES, read_text
from desktop.engine.language.markup import TOKEN, tokens_in
from desktop.engine.library.model import Clause, Practice
from desktop.engine.library.tokens import TABLES, TokenError, classify
from desktop.engine.profile.fields import fields_by_key, token_fields
from desktop.engine.reference.regimes import Regime, group_key
from desktop.engine.reference.vocabulary import Vocabulary

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
CLAUSE_KEYS = {
    "id": str, "practice": str, "section": str, "title": str, "sources": list,
    "summary": str, "heading": str, "order": int, "options": dict, "group": str,
    "excludes": list, "requires": list, "regimes": list,
    "when": str, "example": bool, "facts": list,
}
REQUIRED_KEYS = ("id", "practice", "section", "title", "sources")


def front_matter_problems(data: dict) -> list[str]:
    problems = [f"missing `{key}`" for key in REQUIRED_KEYS if key not in data]
    for key, value in data.items():
        expected = CLAUSE_KEYS.get(key)
        if key == "requires_practices":
            problems.append("`requires_practices` is not read here: declare what a practice needs in "
                            "_rules/ (kind = \"needs\", practice, others, reason)")
        elif expected is None:
            problems.append(f"unknown key `{key}`")
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problems.append(f"`{key}` must be a {expected.__name__}")
        elif expected is list and not all(isinstance(item, str) for item in value):
            problems.append(f"`{key}` must be a list of texts")
    for key in ("id", "practice"):
        if isinstance(data.get(key), str) and not ID_PATTERN.match(data[key]):
            problems.append(f"`{key}` {data[key]!r} must be lowercase letters, digits, _ . -")
    if isinstance(data.get("sources"), list) and not data["sources"]:
        problems.append("`sources` names the seed files, or [\"new\"]")
    return problems


def reference_problems(clause, practice, practices, sections, regimes) -> list[str]:
    """What the clause names that the library lacks; `regimes` are the library's laws."""
    problems = []
    requirement_ids = {r.id for regime in regimes.values() for r in regime.requirements}
    if clause.section not in sections:
        problems.append(f"unknown section {clause.section!r}")
    for other in clause.excludes:
        if other not in practices:
            problems.append(f"names unknown practice {other!r}")
    for name in clause.requires:
        if name not in token_fields():
            problems.append(f"`requires` names unknown profile field {name!r}")
    for rid in clause.regimes:
        if requirement_ids and rid not in requirement_ids:
            problems.append(f"unknown regime requirement id {rid!r}")
    if clause is not practice.primary:
        for key in ("options", "group", "excludes", "example"):
            if getattr(clause, key):
                problems.append(f"`{key}` belongs on the practice's primary clause {practice.id!r}")
    conditions = [b.condition for b in clause.blocks if b.condition] + ([clause.when] if clause.when else [])
    for condition in conditions:
        for name in condition.names():
            problem = condition_name_problem(name, practice, practices, regimes)
            if problem:
                problems.append(problem)
    # The services' lists come from the profile's services, known before any clause is picked.
    if clause.when and any(name.startswith("facts.") and name[6:] not in SERVICE_LISTS for name in clause.when.names()):
        problems.append("`when` cannot ask about generated lists (facts.NAME) other than the services' "
                        f"({', '.join(SERVICE_LISTS)}): they come from the clauses picked")
    return problems


def fact_problems(clause: Clause, practice: Practice, practices, vocabulary, regimes) -> tuple[list, list[tuple[int, str]]]:
    """The clause's facts read against the vocabulary, and (line, what is wrong) for each that is not."""
    facts, faults = [], []
    for text in clause.fact_texts:
        try:
            fact = parse_fact(text, vocabulary, practice.options)
        except FactError as error:
            faults.append((_line_of(clause, text), f"fact {text!r}: {error}"))
            continue
        for name in fact.condition.names() if fact.condition else []:
            problem = condition_name_problem(name, practice, practices, regimes)
            if problem or name.startswith("facts."):
                faults.append((_line_of(clause, text), f"fact {text!r}: {problem or 'a fact cannot depend on generated lists'}"))
                break
        else:
            facts.append(fact)
    return facts, faults


def _line_of(clause: Clause, text: str) -> int:
    """The front-matter line that holds a fact's text (2, the first front-matter line, if not found)."""
    try:
        lines = read_text(clause.path, LIBRARY_FILE_BYTES).splitlines()[:clause.body_line]
    except (OSError, UnicodeDecodeError):
        return 2
    return next((number for number, line in enumerate(lines, start=1) if text in line), 2)


def condition_name_problem(name: str, practice, practices, regimes) -> str | None:
    kind, _, rest = name.partition(".")
    if kind == "opt" and rest not in practice.options:
        return f"condition names unknown option {rest!r}"
    if kind == "practice" and rest not in practices:
        owner, _, option = rest.rpartition(".")
        if owner not in practices:
            return f"condition names unknown practice {rest!r}"
        if option not in practices[owner].options:
            return f"condition names unknown option {option!r} of practice {owner!r}"
    if kind == "regime" and rest not in regimes:
        return f"condition names unknown regime {rest!r}"
    if kind == "laws" and rest not in {group_key(law.group) for law in regimes.values() if law.group}:
        return f"condition names unknown group of laws {rest!r}"
    if kind == "facts" and rest not in list_names(regimes.values()):
        return f"condition names unknown generated list {name!r}; use one of {', '.join(list_names(regimes.values()))}"
    if kind == "tables" and rest not in TABLES:
        return f"condition names unknown table {name!r}; use one of {', '.join(f'tables.{t}' for t in TABLES)}"
    if kind == "terms" and rest not in ("service", "personal_information"):
        return f"condition names unknown term choice {name!r}"
    if kind == "answer":
        return f"condition {name!r} asks about an interview answer; a clause can ask only about the profile"
    if kind in ("company", "service") and name not in token_fields():
        return f"condition names unknown profile field {name!r}"
    return None


def tokens_with_lines(clause: Clause):
    for offset, line in enumerate(clause.body.splitlines()):
        for raw in tokens_in(line):
            if not raw.startswith("if "):
                yield raw, clause.body_line + offset
    for spec in clause.options.values():
        for value in spec.text_values():
            for raw in tokens_in(value):
                yield raw, 2


def token_problem(raw: str, term_ids, practice: Practice, sections, recipients=(), lists=()) -> str | None:
    try:
        token = classify(raw, term_ids)
    except TokenError as error:
        return str(error)
    if token.kind == "option" and token.name not in practice.options:
        return f"{{{{opt.{token.name}}}}} is not an option of practice {practice.id!r}"
    if token.kind == "generated" and token.name not in lists:
        return f"{{{{facts:{token.name}}}}} is not a generated list; use one of {', '.join(lists)}"
    if token.kind == "recipient" and token.name not in recipients:
        return f"{{{{recipient:{token.name}}}}} names no recipient in the vocabulary"
    if token.kind == "table" and token.name not in TABLES:
        return f"{{{{table:{token.name}}}}} names no table; use one of {', '.join(TABLES)}"
    if token.kind == "ref" and token.name not in sections:
        return f"{{{{ref:{token.name}}}}} names no section"
    return None


def table_problems(clause: Clause) -> list[tuple[int, str]]:
    """(line, what is wrong) for each {{table:NAME}} that is not a paragraph of its own: only that becomes a table."""
    found = []
    for template in clause.blocks:
        tables = [raw for raw in tokens_in(template.text) if raw.startswith("table:")]
        alone = template.kind == "p" and len(tables) == 1 and TOKEN.fullmatch(template.text.strip())
        if tables and not alone:
            found.append((clause.body_line + template.line - 1,
                          f"{{{{{tables[0]}}}}} must be a paragraph of its own, not in “{template.text}”"))
    return found


def law_problems(regime: Regime) -> list[str]:
    """What a law in regimes.toml names that does not exist: rules, kinds of list, profile fields."""
    where = f"regime {regime.id!r}"
    problems = [] if ID_PATTERN.match(regime.id) else [f"{where}: an id is lowercase letters, digits, _ . -"]
    problems += [f"{where}: unknown rule {rule!r}; use one of {', '.join(RULES)}" for rule in regime.rules if rule not in RULES]
    problems += [f"{where}: list {name!r} is of unknown kind {kind!r}; use one of {', '.join(LIST_KINDS)}"
                 for name, kind in regime.lists.items() if kind not in LIST_KINDS]
    problems += [f"{where}: `needs` names unknown profile field {need.field!r}"
                 for need in regime.needs if need.field not in fields_by_key()]
    asked = [name for need in regime.needs if need.when for name in need.when.names()]
    problems += [f"{where}: a `needs` condition asks about {name!r}, which is no profile field nor company.country.GROUP"
                 for name in asked if name not in fields_by_key() and not name.startswith("company.country.")]
    return problems


def category_problems(regime: Regime, vocabulary: Vocabulary) -> list[str]:
    return [f"regime {regime.id!r}: [{regime.id}.categories] names unknown data category {id!r}"
            for id in regime.categories if id not in vocabulary.categories]
