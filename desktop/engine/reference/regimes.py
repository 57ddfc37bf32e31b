"""The laws a policy can cover, declared in `regimes.toml` (the bundled library's, and any user
library's, which may add laws of its own): title, scope, the question that decides whether it
applies, its citation, when it came into force and when we last checked it (with the sources),
what it requires the policy to disclose, which fact rules apply under it, which profile
fields it makes necessary, how its generated lists group data categories, and which lists it offers.

The UI builds its check boxes, the checks their warnings and rules, the profile its validation and
the policy its lists from these declarations, read from the loaded library (`library.regimes`);
adding a law is data, not code.
"""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from desktop.engine.files.reading import LIBRARY_FILE_BYTES, read_text
from desktop.engine.files.toml_text import parse_toml
from desktop.engine.language.conditions import Condition, ConditionError, parse_condition

FILE_NAME = "regimes.toml"


@dataclass(frozen=True)
class Requirement:
    id: str
    text: str  # what the policy must state, completing "… asks the policy to state …"
    citation: str = ""  # the whole reference, law included: "GDPR Art. 13(2)(d)"
    alone: bool = False  # met: the regime's other requirements do not apply; unmet: not needed
    plain: str = ""  # what `text` says in everyday words, for the checklist
    sensitive: bool = False  # asked only of a policy that collects data the law counts as sensitive

    @property
    def words(self) -> str:
        """The requirement in plain words: `plain`, or `text` with a capital where none is declared."""
        return self.plain or self.text[:1].upper() + self.text[1:]


@dataclass(frozen=True)
class Need:
    """A profile field the law makes necessary when `when` holds for the profile (always when None)."""

    field: str  # "company.dpo_contact"
    when: Condition | None = None
    # The requirement whose content the field is: while the need holds and the field is empty,
    # the requirement is missing, whatever clause mentions it.
    requirement: str = ""


@dataclass(frozen=True)
class Regime:
    id: str
    title: str  # short: "GDPR"
    scope: str  # whom it protects: "Europe and the UK"
    explanation: str
    question: str  # the yes/no question that decides whether it applies
    requirements: tuple[Requirement, ...] = ()
    called: str = ""  # how a sentence names it: "California law"; the title when empty
    rules: tuple[str, ...] = ()  # fact rules (facts/rules.py) that apply under it
    needs: tuple[Need, ...] = ()
    # hash=False: a dict cannot be hashed, and the id already tells laws apart
    categories: dict[str, str] = field(default_factory=dict, hash=False)  # data category id -> the law's category
    lists: dict[str, str] = field(default_factory=dict, hash=False)  # {{facts:NAME}} -> the kind of list it is
    citation: str = ""  # the law's whole citation: "Va. Code §§ 59.1-575 to 59.1-585"
    effective: str = ""  # ISO date it came into force
    checked_on: str = ""  # ISO date we last checked it against the official text
    sources: tuple[str, ...] = ()  # the official texts it was checked on (URLs)
    # the vocabulary's `sensitive` list it reads (several laws may share one: "us_states"); its id when empty
    sensitive_as: str = ""
    group: str = ""  # the heading the company form lists it under with its like ("US state laws"); alone when empty

    @property
    def label(self) -> str:
        return f"{self.title} ({self.scope})"

    @property
    def name(self) -> str:
        return self.called or self.title

    @property
    def sensitive_list(self) -> str:
        return self.sensitive_as or self.id


class RegimeError(ValueError):
    pass


def parse_regimes(data: dict) -> dict[str, Regime]:
    """Regimes from the TOML of a `regimes.toml`; RegimeError names the first fault."""
    return {regime_id: _regime(regime_id, table) for regime_id, table in data.items()}


def _regime(regime_id: str, table: object) -> Regime:
    if not isinstance(table, dict):
        raise RegimeError(f"[{regime_id}] must be a table with title, scope, explanation, question")
    missing = [key for key in ("title", "scope", "explanation", "question") if not isinstance(table.get(key), str)]
    if missing:
        raise RegimeError(f"regime {regime_id!r} needs {', '.join(missing)}")
    return Regime(regime_id, table["title"], table["scope"], table["explanation"], table["question"],
                  _requirements(regime_id, table.get("requirements", [])), _text(regime_id, table, "called"),
                  tuple(_texts(regime_id, table, "rules")), _needs(regime_id, table),
                  _mapping(regime_id, table, "categories"), _mapping(regime_id, table, "lists"),
                  _text(regime_id, table, "citation"), _date(regime_id, table, "effective"),
                  _date(regime_id, table, "checked_on"), tuple(_texts(regime_id, table, "sources")),
                  _text(regime_id, table, "sensitive_as"), _text(regime_id, table, "group"))


def _requirements(regime_id: str, items: object) -> tuple[Requirement, ...]:
    requirements = []
    for item in items if isinstance(items, list) else [None]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("text"), str):
            raise RegimeError(f"each requirement of {regime_id!r} needs an `id` and a `text`")
        requirements.append(Requirement(item["id"], item["text"], str(item.get("citation", "")),
                                        bool(item.get("alone", False)), str(item.get("plain", "")),
                                        bool(item.get("sensitive", False))))
    return tuple(requirements)


def _needs(regime_id: str, table: dict) -> tuple[Need, ...]:
    items = table.get("needs", [])
    declared = {item.get("id") for item in table.get("requirements", []) if isinstance(item, dict)}
    needs = []
    for item in items if isinstance(items, list) else [None]:
        if not isinstance(item, dict) or not isinstance(item.get("field"), str):
            raise RegimeError(f"each `needs` of {regime_id!r} needs a `field` (and may have a `when` and a `requirement`)")
        when, requirement = item.get("when"), item.get("requirement", "")
        if requirement and requirement not in declared:
            raise RegimeError(f"`needs` {item['field']} of {regime_id!r}: `requirement` {requirement!r} "
                              f"is not one of its requirements")
        try:
            needs.append(Need(item["field"], parse_condition(when) if isinstance(when, str) else None, str(requirement)))
        except ConditionError as error:
            raise RegimeError(f"`needs` {item['field']} of {regime_id!r}: `when`: {error}") from None
    return tuple(needs)


def _text(regime_id: str, table: dict, key: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise RegimeError(f"`{key}` of {regime_id!r} must be text")
    return value


def _date(regime_id: str, table: dict, key: str) -> str:
    """An ISO date, as text; TOML's bare dates (2023-01-01) are accepted as well as quoted ones."""
    value = table.get(key, "")
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat() if value else ""
    except (TypeError, ValueError):
        raise RegimeError(f"`{key}` of {regime_id!r} must be a date such as 2023-01-01") from None


def _texts(regime_id: str, table: dict, key: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegimeError(f"`{key}` of {regime_id!r} must be a list of texts")
    return value


def _mapping(regime_id: str, table: dict, key: str) -> dict[str, str]:
    value = table.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise RegimeError(f"[{regime_id}.{key}] must map names to texts")
    return dict(value)


def read_regimes(path: Path) -> dict[str, Regime]:
    return parse_regimes(parse_toml(read_text(Path(path), LIBRARY_FILE_BYTES)))


def applicable(regime: Regime, covered: set[str]) -> list[Requirement]:
    """The requirements a policy must still meet, given the requirement ids its clauses cover."""
    alone = [r for r in regime.requirements if r.alone]
    if any(r.id in covered for r in alone):
        return [r for r in regime.requirements if r.id in covered]
    return [r for r in regime.requirements if not r.alone]


def group_key(group: str) -> str:
    """How a condition names a group of laws (`laws.us_state_laws`): its heading in lower case, `_` for spaces."""
    return "_".join(group.lower().split())
