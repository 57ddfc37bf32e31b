"""The text form of coverage that `policywright coverage` prints: one block per chosen law, one
line per requirement with its state and id in fixed columns, then where it is covered or what
would cover it."""

from desktop import NOT_LEGAL_ADVICE
from desktop.engine.review.coverage import COVERED, MISSING, REWORDED, RegimeCoverage

_WHAT = {COVERED: "in", REWORDED: "check your wording of", MISSING: "tick one of"}
_INDENT = " " * 12


def coverage_lines(result: dict[str, RegimeCoverage]) -> list[str]:
    if not result:
        return ['No law chosen: add "regimes" to the profile to see what each asks the policy to state.',
                NOT_LEGAL_ADVICE]
    lines = []
    for regime in result.values():
        counts = {state: len(regime.in_state(state)) for state in (COVERED, REWORDED, MISSING)}
        lines.append(f"{regime.regime.label}: {counts[COVERED]} of {len(regime.requirements)} covered, "
                     f"{counts[REWORDED]} to check, {counts[MISSING]} missing")
        for item in regime.requirements:
            citation = f" [{item.requirement.citation}]" if item.requirement.citation else ""
            lines.append(f"  {item.state:<9} {item.id:<32} {item.requirement.words}{citation}")
            ids = item.practices if item.state == MISSING else item.clauses
            lines.append(f"{_INDENT}{_WHAT[item.state]}: {', '.join(ids) or 'no practice in the library'}")
        for item in regime.instead:
            lines.append(f"  {'instead':<9} {item.id:<32} {item.requirement.words} (answers {regime.regime.title} alone)")
            lines.append(f"{_INDENT}tick one of: {', '.join(item.practices) or 'no practice in the library'}")
        lines.append("")
    missing = sum(len(regime.missing) for regime in result.values())
    lines.append(f"{missing} missing: tick a practice named above to cover each." if missing else "Nothing missing.")
    lines.append(NOT_LEGAL_ADVICE)
    return lines
