"""How the window names a problem's place, and which practices would answer a regime requirement."""

from desktop.engine.library.model import Library
from desktop.engine.policy.place import CLAUSE, DOCUMENT, FIELD, OPTION, PRACTICE, PRACTICES, REQUIREMENT, Place
from desktop.engine.profile.fields import label as field_label


def regime_title(regime: str, library: Library) -> str:
    declared = library.regimes.get(regime)
    return declared.title if declared else regime.upper()


def describe(place: Place, library: Library) -> str:
    """A short place name for the problems list."""
    if place.kind == FIELD:
        return field_label(place.id)
    if place.kind in (PRACTICE, OPTION):
        practice = library.practices.get(place.id)
        if practice is None:
            return f"Practice {place.id}"
        option = practice.options.get(place.option)
        return f"{practice.title} › {option.title}" if option else practice.title
    if place.kind == CLAUSE:
        clause = library.clauses.get(place.id)
        return f"Wording of “{clause.title}”" if clause else f"Clause {place.id}"
    if place.kind == REQUIREMENT:
        return f"{regime_title(place.id.split('.')[0], library)} requirement"
    if place.kind == PRACTICES:
        return "Practices"
    if place.kind == DOCUMENT:
        return "Whole policy"
    return str(place)


def practices_covering(requirement: str, library: Library) -> list[str]:
    """Practice ids with a clause that satisfies a regime requirement."""
    return [p.id for p in library.practices.values() if any(requirement in c.regimes for c in p.clauses)]
