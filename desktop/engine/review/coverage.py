"""What each chosen law asks the policy to state, and whether the assembled policy states it.

The one place that decides coverage: `check` turns it into warnings, `policywright coverage`
prints it, and the window's Compliance panel shows it as a checklist. A requirement is

- covered: a clause in the policy states it, in the library's wording or in wording the user
  confirmed still says what the library's did;
- reworded: only clauses the user reworded and has not confirmed state it ("check your wording");
- missing: no clause in the policy states it (the practices that would are suggested, best first),
  or a clause does but a detail it needs is empty: a law's `needs` with a `requirement`, or a
  blank the clause shows (an empty option, a company detail it uses); the details to fill in are
  named, and `check` warns at each;
- not required: the owner recorded why the law does not ask it of them (`profile.not_required`).

An `alone` requirement (COPPA's general audience) answers its regime by itself when it is met;
when it is not, it is not needed, and is offered `instead` of the others.
"""

from dataclasses import dataclass, replace

from desktop.engine.facts.rules import contradictions_adding
from desktop.engine.facts.sensitive import sensitive_collected
from desktop.engine.interview.ruled_out import ruled_out
from desktop.engine.library.model import Clause, Library, Practice
from desktop.engine.policy.assemble import appearing, assemble, condition_lookup
from desktop.engine.policy.document import Document
from desktop.engine.policy.notices import notice_clauses
from desktop.engine.policy.place import OPTION
from desktop.engine.policy.statements import stated_facts
from desktop.engine.profile.fields import label, need_holds
from desktop.engine.profile.profile import Profile
from desktop.engine.profile.questions import answer_text
from desktop.engine.reference.regimes import Regime, Requirement, applicable

COVERED, REWORDED, MISSING, NOT_REQUIRED = "covered", "reworded", "missing", "not required"
STATES = (COVERED, REWORDED, MISSING, NOT_REQUIRED)


@dataclass(frozen=True)
class RequirementCoverage:
    requirement: Requirement
    state: str  # one of STATES
    clauses: tuple[str, ...] = ()  # covered: the clauses that state it; reworded: the rewordings to check
    practices: tuple[str, ...] = ()  # missing: practices whose clauses would state it, best first
    details: tuple[str, ...] = ()  # missing: the empty details, as profile field keys or option keys (option_key)
    reason: str = ""  # not required: why, in the owner's words

    @property
    def id(self) -> str:
        return self.requirement.id


@dataclass(frozen=True)
class RegimeCoverage:
    regime: Regime
    requirements: tuple[RequirementCoverage, ...]  # the applicable ones, in declared order
    instead: tuple[RequirementCoverage, ...] = ()  # unmet `alone` requirements: one met would answer the regime alone

    def in_state(self, state: str) -> tuple[RequirementCoverage, ...]:
        return tuple(r for r in self.requirements if r.state == state)

    @property
    def missing(self) -> tuple[RequirementCoverage, ...]:
        return self.in_state(MISSING)

    def as_dict(self) -> dict:
        """`{"covered": {req: [clause ids]}, "missing": {req: [practice ids]}, "reworded": {req: [clause ids]},
        "instead": {req: [practice ids]}, "fill_in": {req: [profile fields]}, "not_required": {req: reason}}`."""
        result: dict[str, dict] = {state: {} for state in (COVERED, MISSING, REWORDED)}
        result["not_required"] = {item.id: item.reason for item in self.in_state(NOT_REQUIRED)}
        for item in self.requirements:
            if item.state != NOT_REQUIRED:
                result[item.state][item.id] = list(item.practices if item.state == MISSING else item.clauses)
        result["instead"] = {item.id: list(item.practices) for item in self.instead}
        result["fill_in"] = {item.id: list(item.details) for item in self.requirements if item.details}
        return result


def coverage(profile: Profile, library: Library, document: Document | None = None,
             suggest: bool = True) -> dict[str, RegimeCoverage]:
    """Regime id -> its coverage, for each regime the profile chose that the library declares, in
    the profile's order. Pass the profile's assembled `document` to spare assembling it again;
    `suggest=False` leaves out the practices that would close each gap (the checks need none)."""
    document = document or assemble(profile, library)
    found = states(profile, library, document)
    return with_suggestions(found, profile, library, document) if suggest else found


def states(profile: Profile, library: Library, document: Document) -> dict[str, RegimeCoverage]:
    """The coverage of each chosen regime without suggestions: which clauses state what."""
    shown = [*document.clause_sections(), *(c for ids in notice_clauses(profile, library).values() for c in ids)]
    clauses = [library.clauses[c] for c in shown if c in library.clauses]
    stating: dict[str, list[Clause]] = {}
    for clause in clauses:
        for requirement_id in clause.regimes:
            stating.setdefault(requirement_id, []).append(clause)
    blanks = _blanks(document)
    result = {}
    for regime in library.laws(profile.regimes):
        needed = [r for r in applicable(regime, set(stating))
                  if not r.sensitive or sensitive_collected(document.facts, regime, library.vocabulary)]
        items = tuple(_state(r, stating.get(r.id, []), profile, regime, blanks) for r in needed)
        instead = () if any(r.alone for r in needed) else tuple(
            RequirementCoverage(r, MISSING) for r in regime.requirements if r.alone)
        result[regime.id] = RegimeCoverage(regime, items, instead)
    return result


def with_suggestions(found: dict[str, RegimeCoverage], profile: Profile, library: Library,
                     document: Document) -> dict[str, RegimeCoverage]:
    """`found` (from `states`, as `check` exposes it) with the practices that would close each gap, best first."""
    stated = {item.id for regime in found.values() for item in regime.requirements if item.state != MISSING or item.clauses}
    missing = {r.id for regime in found.values() for r in regime.regime.requirements if r.id not in stated}
    suggestions = _Suggestions(profile, library, document, missing)

    def suggested(item: RequirementCoverage) -> RequirementCoverage:
        return replace(item, practices=suggestions(item.id)) if item.state == MISSING and not item.clauses else item

    return {regime_id: replace(regime, requirements=tuple(map(suggested, regime.requirements)),
                               instead=tuple(map(suggested, regime.instead))) for regime_id, regime in found.items()}


def is_complete(result: dict[str, RegimeCoverage]) -> bool:
    """True when no chosen regime misses a requirement (rewordings to check and requirements marked
    not required do not count as missing)."""
    return not any(regime.missing for regime in result.values())


def ruled_out_stating(profile: Profile, library: Library, requirement_id: str) -> list[str]:
    """Why no practice is offered for a missing requirement: each practice that would state it but an
    interview answer rules out, as “Title” (you answered “…” to “…”)."""
    found = []
    for item in ruled_out(profile, library):
        practice = library.practices.get(item.practice_id)
        if practice and any(requirement_id in clause.regimes for clause in practice.clauses):
            answer = answer_text(item.question, profile.answers.get(item.question.id))
            found.append(f"“{practice.title}” (you answered “{answer}” to “{item.question.text}”)")
    return list(dict.fromkeys(found))


def option_key(practice_id: str, option: str) -> str:
    """A requirement's detail that is an option of a practice: "option:california.opt_out:page"."""
    return f"option:{practice_id}:{option}"


def detail_words(key: str, library: Library) -> str:
    """A detail to fill in, with where the owner fills it in."""
    if key.startswith("option:"):
        _, practice_id, option = key.split(":", 2)
        practice = library.practices.get(practice_id)
        spec = practice.options.get(option) if practice else None
        return f"“{spec.title if spec else option}” in the options of “{practice.title if practice else practice_id}”"
    return f"{label(key)} (company details)"


def _blanks(document: Document) -> dict[str, tuple[str, ...]]:
    """Clause id -> the empty details it shows as blanks, as detail keys."""
    found: dict[str, list[str]] = {}
    for gap in document.gaps:
        if gap.kind == "missing":
            key = option_key(gap.place.id, gap.place.option) if gap.place.kind == OPTION else gap.name
            found.setdefault(gap.clause_id, []).append(key)
    return {clause_id: tuple(dict.fromkeys(keys)) for clause_id, keys in found.items()}


def _state(requirement: Requirement, clauses: list[Clause], profile: Profile, regime: Regime,
           blanks: dict[str, tuple[str, ...]]) -> RequirementCoverage:
    if requirement.id in profile.not_required:
        return RequirementCoverage(requirement, NOT_REQUIRED, reason=profile.not_required[requirement.id])
    needed = (need.field for need in regime.needs if need.requirement == requirement.id
              and need_holds(profile, need) and not profile.field_value(need.field).strip())
    empty = tuple(dict.fromkeys([*needed, *(key for clause in clauses for key in blanks.get(clause.id, ()))]))
    if not clauses or empty:
        return RequirementCoverage(requirement, MISSING, tuple(c.id for c in clauses), details=empty)
    trusted = tuple(c.id for c in clauses if profile.wording_confirmed(c.id))
    if trusted:
        return RequirementCoverage(requirement, COVERED, trusted)
    return RequirementCoverage(requirement, REWORDED, tuple(c.id for c in clauses))


class _Suggestions:
    """The practices that would state a requirement, best first. None that an interview answer rules
    out: a suggestion never brings in a process the business said it does not have (a parent's
    consent by email in a policy for a general audience). Those that clash with nothing
    ticked (no conflict rule, no other choice of the same group) and contradict nothing the policy
    states, then those whose needed practices are ticked, then those mainly for a chosen law (a
    clause's first requirement is the one it is for: a section for Californians is a poor answer
    to CalOPPA alone), then the typical ones, then those
    that close the most gaps at once, in the library's order."""

    def __init__(self, profile: Profile, library: Library, document: Document, missing: set[str]):
        self.profile, self.library, self.document, self.missing = profile, library, document, missing
        self.order = {s.id: index for index, s in enumerate(library.outline())}
        ticked = set(profile.practices)
        self.clashing = {rule.other if rule.practice in ticked else rule.practice for rule in library.rules
                         if rule.kind == "conflict" and (rule.practice in ticked) != (rule.other in ticked)}
        self.groups = {library.practices[p].group for p in ticked if p in library.practices} - {None}
        self.ruled_out = {found.practice_id for found in ruled_out(profile, library)}
        self._shown: dict[str, list[Clause]] = {}
        self._contradicting: dict[str, bool] = {}

    def __call__(self, requirement_id: str) -> tuple[str, ...]:
        candidates = [p for p in self.library.practices.values() if p.id not in self.profile.practices
                      and p.id not in self.ruled_out and any(requirement_id in c.regimes for c in self._would_show(p))]
        return tuple(p.id for p in sorted(candidates, key=self._rank)) if len(candidates) > 1 else (
            tuple(p.id for p in candidates))

    def _ticked(self, practice: Practice) -> Profile:
        return replace(self.profile, practices={**self.profile.practices, practice.id: {}})

    def _would_show(self, practice: Practice) -> list[Clause]:
        """The practice's clauses that would appear were it ticked with its defaults."""
        if practice.id not in self._shown:
            self._shown[practice.id] = appearing(practice.clauses, condition_lookup(self.library, self._ticked(practice)))
        return self._shown[practice.id]

    def _contradicts(self, practice: Practice) -> bool:
        """Would ticking it contradict what the policy states, or what a chosen law forbids?"""
        if practice.id not in self._contradicting:
            lookup = condition_lookup(self.library, self._ticked(practice))
            added, _ = stated_facts(self._would_show(practice), self.library, lambda _id: True,
                                    lookup.for_practice, lookup.options_of)
            found = contradictions_adding(self.document.facts, added, self.library.laws(self.profile.regimes),
                                          self.library.vocabulary)
            self._contradicting[practice.id] = bool(found)
        return self._contradicting[practice.id]

    def _rank(self, practice: Practice):
        clashes = practice.id in self.clashing or practice.group in self.groups
        unmet = any(n not in self.profile.practices for n in self.library.needs(practice.id))
        stated = {r for c in practice.clauses for r in c.regimes}
        main = practice.primary.regimes[:1] or [r for c in practice.clauses for r in c.regimes][:1]
        elsewhere = any(r.partition(".")[0] not in self.profile.regimes for r in main)
        return (clashes, self._contradicts(practice), unmet, elsewhere, not practice.primary.example,
                -len(stated & self.missing),
                self.order.get(practice.section, len(self.order)), practice.primary.order, practice.id)
