"""Where a problem points: a profile field, a practice (and option), a clause, a regime requirement.

The engine names places as text (`company.phone`, `practice:ID.option`, `clause:ID`, ...);
practice ids contain dots, so the library is needed to split a practice from its option.
"""

from dataclasses import dataclass

from desktop.engine.library import Library
from desktop.engine.profile import REGIMES
from desktop.engine.tokens import FIELD_LABELS

FIELD, PRACTICE, CLAUSE, REGIME, PRACTICES, DOCUMENT, UNKNOWN = (
    "field", "practice", "clause", "regime", "practices", "document", "unknown")
TERM_LABELS = {
    "terms.service": "Word for the service",
    "terms.personal_information": "Word for personal information",
}
FIELD_TITLES = {**FIELD_LABELS, **TERM_LABELS}


@dataclass(frozen=True)
class RegimeTitle:
    short: str  # in problem places and undo steps: "GDPR requirement", "Cover GDPR"
    scope: str  # whom it protects, beside its check box

    @property
    def label(self) -> str:
        return f"{self.short} ({self.scope})"


_REGIME_WORDING = {
    "gdpr": RegimeTitle("GDPR", "Europe and the UK"),
    "ccpa": RegimeTitle("CCPA/CPRA", "California residents"),
    "caloppa": RegimeTitle("CalOPPA", "any US website or app"),
    "coppa": RegimeTitle("COPPA", "children under 13 in the US"),
}
# The engine's regimes, in its order, with their wording; a regime added without wording fails here.
REGIME_TITLES: dict[str, RegimeTitle] = {regime: _REGIME_WORDING[regime] for regime in REGIMES}


def regime_title(regime: str) -> str:
    title = REGIME_TITLES.get(regime)
    return title.short if title else regime.upper()


@dataclass(frozen=True)
class Target:
    kind: str
    name: str = ""
    option: str = ""


def _split_practice(text: str, library: Library) -> tuple[str, str] | None:
    """'security.breach_notice.days' -> ('security.breach_notice', 'days'), longest practice id first."""
    for practice_id in sorted(library.practices, key=len, reverse=True):
        if text == practice_id:
            return practice_id, ""
        if text.startswith(practice_id + "."):
            return practice_id, text[len(practice_id) + 1:]
    return None


def parse_where(where: str, library: Library) -> Target:
    kind, colon, rest = where.partition(":")
    if colon:
        if kind == "practice":
            found = _split_practice(rest, library)
            return Target(PRACTICE, *found) if found else Target(PRACTICE, rest)
        if kind in (CLAUSE, REGIME):
            return Target(kind, rest)
        return Target(UNKNOWN, where)
    if where in FIELD_TITLES:
        return Target(FIELD, where)
    if where in (PRACTICES, DOCUMENT):
        return Target(where)
    found = _split_practice(where, library)  # a missing option value: "PRACTICE.option"
    return Target(PRACTICE, *found) if found else Target(UNKNOWN, where)


def describe(target: Target, library: Library) -> str:
    """A short place name for the problems list."""
    if target.kind == FIELD:
        return FIELD_TITLES[target.name]
    if target.kind == PRACTICE:
        practice = library.practices.get(target.name)
        if practice is None:
            return f"Practice {target.name}"
        option = practice.options.get(target.option)
        return f"{practice.title} › {option.title}" if option else practice.title
    if target.kind == CLAUSE:
        clause = library.clauses.get(target.name)
        return f"Wording of “{clause.title}”" if clause else f"Clause {target.name}"
    if target.kind == REGIME:
        regime = target.name.split(".")[0]
        return f"{regime_title(regime)} requirement"
    if target.kind == PRACTICES:
        return "Practices"
    if target.kind == DOCUMENT:
        return "Whole policy"
    return target.name


def practices_covering(requirement: str, library: Library) -> list[str]:
    """Practice ids with a clause that satisfies a regime requirement."""
    return [p.id for p in library.practices.values() if any(requirement in c.regimes for c in p.clauses)]
