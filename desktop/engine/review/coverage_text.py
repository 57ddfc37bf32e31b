"""The text form of coverage that `policywright coverage` prints: one block per chosen law, one
line per requirement with its state and id in fixed columns, then where it is covered or what
would cover it."""

from desktop import NOT_LEGAL_ADVICE
from desktop.engine.library.model import Library
from desktop.engine.review.coverage import (
    COVERED,
    MISSING,
    NOT_REQUIRED,
    REWORDED,
    RegimeCoverage,
    RequirementCoverage,
    detail_words,
)

_WHAT = {COVERED: "in", REWORDED: "check your wording of", MISSING: "tick one of"}
_INDENT = " " * 12


def coverage_lines(result: dict[str, RegimeCoverage], library: Library) -> list[str]:
    if not result:
        return ['No law chosen: add "regimes" to the profile to see what each asks the policy to state.',
                NOT_LEGAL_ADVICE]
    lines = []
    for regime in result.values():
        counts = {state: len(regime.in_state(state)) for state in (COVERED, REWORDED, MISSING, NOT_REQUIRED)}
        not_required = f", {counts[NOT_REQUIRED]} not required" if counts[NOT_REQUIRED] else ""
        lines.append(f"{regime.regime.label}: {counts[COVERED]} of {len(regime.requirements)} covered, "
                     f"{counts[REWORDED]} to check, {counts[MISSING]} missing{not_required}")
        for item in regime.requirements:
            citation = f" [{item.requirement.citation}]" if item.requirement.citation else ""
            state = "not req." if item.state == NOT_REQUIRED else item.state
            lines.append(f"  {state:<9} {item.id:<32} {item.requirement.words}{citation}")
            lines.append(f"{_INDENT}{_what(item, library)}")
        for item in regime.instead:
            lines.append(f"  {'instead':<9} {item.id:<32} {item.requirement.words} (answers {regime.regime.title} alone)")
            lines.append(f"{_INDENT}tick one of: {', '.join(item.practices) or 'no practice in the library'}")
        lines.append("")
    missing = sum(len(regime.missing) for regime in result.values())
    lines.append(f"{missing} missing: tick a practice or fill in a detail named above to cover each, "
                 "or record why the law does not ask it of you." if missing else "Nothing missing.")
    lines.append(NOT_LEGAL_ADVICE)
    return lines


def _what(item: RequirementCoverage, library: Library) -> str:
    """The line under a requirement: where it is covered, why it is not required, or what would cover it."""
    if item.state == NOT_REQUIRED:
        return f"you said: {item.reason}"
    if item.details:
        return f"fill in: {', '.join(detail_words(key, library) for key in item.details)}"
    ids = item.practices if item.state == MISSING else item.clauses
    return f"{_WHAT[item.state]}: {', '.join(ids) or 'no practice in the library'}"
