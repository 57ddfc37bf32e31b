"""Problems with a profile's policy: the one place that judges what is missing or wrong."""

from dataclasses import dataclass

from desktop.engine.facts.grammar import contradictions, describe
from desktop.engine.facts.memo import remembered_contradictions
from desktop.engine.facts.model import StatedFact
from desktop.engine.interview.ruled_out import answer_contradictions
from desktop.engine.language.markup import refused_links
from desktop.engine.language.words import join_words
from desktop.engine.library.model import Library
from desktop.engine.policy.assemble import assemble, condition_lookup
from desktop.engine.policy.document import Document
from desktop.engine.policy.place import (
    DOCUMENT,
    PRACTICES,
    REQUIREMENT,
    Place,
    clause_place,
    field_place,
    practice_place,
    service_place,
    stated_place,
)
from desktop.engine.policy.services import NAMED_SERVICES, service_problems
from desktop.engine.policy.statements import claims_in_wording, stated_facts
from desktop.engine.profile.fields import PROFILE_FIELDS, needed_advice, needed_fields
from desktop.engine.profile.profile import Profile
from desktop.engine.review.causes import one_per_cause
from desktop.engine.review.cookie_consent import consent_reminders, cookie_problems
from desktop.engine.review.coverage import MISSING, NOT_REQUIRED, REWORDED, RegimeCoverage, states
from desktop.engine.review.fixes import clause_title, pair_fix, single_fix
from desktop.engine.review.lint import apply_fix, lint
from desktop.engine.review.retention import kept_not_collected, retention_gaps

ERROR, WARNING, INFO = "error", "warning", "info"
# A field's own check has a code of its own, so scripts can tell a bad address from a bad email.
_INVALID_CODES = {"company.contact_email": "invalid-email", "company.website": "invalid-url"}


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    message: str
    place: Place
    also: tuple[Place, ...] = ()  # the other places a problem concerns (the other side of a contradiction)
    detail: str = ""  # what the row need not say: the law's wording and reference, each side of a contradiction

    @property
    def where(self) -> str:
        return str(self.place)

    def as_dict(self) -> dict:
        return {"severity": self.severity, "code": self.code, "message": self.message,
                "where": self.where, "place": self.place.as_dict(), "also": [p.as_dict() for p in self.also],
                "detail": self.detail}


def field_problems(profile: Profile, library: Library) -> list[Problem]:
    """Problems with the company details (shown at the form's fields), and the fields the laws need."""
    problems, needed = [], needed_fields(profile, library.regimes.values())
    for declared in PROFILE_FIELDS:
        value = profile.field_value(declared.key).strip()
        if declared.required and not value:
            problems.append(Problem(ERROR, "missing-detail", declared.advice, field_place(declared.key)))
        elif value and declared.problem and (reason := declared.problem(value)):
            code = _INVALID_CODES.get(declared.key, "invalid-detail")
            problems.append(Problem(ERROR, code, reason, field_place(declared.key)))
        elif value and declared.doubt and (reason := declared.doubt(value)):
            problems.append(Problem(WARNING, "doubtful-detail", reason, field_place(declared.key)))
        elif not value and declared.key in needed:
            advice = needed_advice(declared.key, needed[declared.key])
            problems.append(Problem(WARNING, "needed-detail", advice, field_place(declared.key)))
    return problems


def practice_problems(profile: Profile, library: Library) -> list[Problem]:
    problems = []
    if not profile.practices:
        problems.append(Problem(ERROR, "no-practices", "Pick at least one practice.", Place(PRACTICES)))
    chosen = [p for p in profile.practices if p in library.practices]
    for practice_id in profile.practices:
        if practice_id not in library.practices:
            problems.append(Problem(ERROR, "unknown-practice",
                                    f"Practice {practice_id!r} is not in the clause library; remove it or add its clauses.",
                                    practice_place(practice_id)))
    problems += [Problem(ERROR, "unknown-regime", f"The profile covers {message}.", Place(PRACTICES))
                 for message in unknown_law_problems(profile, library)]
    problems += _option_problems(profile, library, chosen)
    problems += _group_problems(library, chosen)
    problems += _relation_problems(library, chosen)
    problems += answer_problems(profile, library)
    return problems


def answer_problems(profile: Profile, library: Library) -> list[Problem]:
    """A ticked practice that an answer in the interview rules out."""
    return [Problem(ERROR, "contradiction-answer", found.message, practice_place(found.practice_id))
            for found in answer_contradictions(profile, library)]


def _option_problems(profile, library, chosen) -> list[Problem]:
    problems = []
    for practice_id in chosen:
        specs = library.practices[practice_id].options
        for name, value in profile.practices[practice_id].items():
            where = practice_place(practice_id, name)
            if name not in specs:
                problems.append(Problem(WARNING, "unknown-option", f"Practice {practice_id!r} has no option {name!r}; it is ignored.", where))
            elif (reason := specs[name].problem(value)) is not None:
                problems.append(Problem(ERROR, "invalid-option", f"Option {specs[name].title!r} {reason}.", where))
    return problems


def option_type_problems(profile: Profile, library: Library) -> list[str]:
    """'practices.ID.NAME: must be …' for each option value of the wrong JSON type."""
    wrong = []
    for practice_id, options in profile.practices.items():
        specs = library.practices[practice_id].options if practice_id in library.practices else {}
        for name, value in options.items():
            reason = specs[name].type_problem(value) if name in specs else None
            if reason:
                wrong.append(f"practices.{practice_id}.{name}: {reason}")
    return wrong


def unknown_law_problems(profile: Profile, library: Library) -> list[str]:
    """'regimes: …' for the laws the profile covers that the library does not declare."""
    unknown = [r for r in profile.regimes if r not in library.regimes]
    if not unknown:
        return []
    return [f"regimes: unknown {', '.join(unknown)}; this library declares {', '.join(library.regimes)}"]


def _group_problems(library, chosen) -> list[Problem]:
    groups: dict[str, list[str]] = {}
    for practice_id in chosen:
        group = library.practices[practice_id].group
        if group:
            groups.setdefault(group, []).append(practice_id)
    return [
        Problem(ERROR, "exclusive-group",
                f"{_titles(library, members)} say opposite things, so a policy can make only one of them. Untick all but one.",
                practice_place(members[1]))
        for members in groups.values() if len(members) > 1
    ]


def _relation_problems(library, chosen) -> list[Problem]:
    chosen_set = set(chosen)
    problems, seen = [], set()
    for rule in library.rules:
        if rule.practice not in chosen_set:
            continue
        a, b = _titles(library, [rule.practice]), _titles(library, [rule.other])
        reason = f": {rule.reason}" if rule.reason else ""
        if rule.kind == "conflict" and rule.other in chosen_set and frozenset((rule.practice, rule.other)) not in seen:
            seen.add(frozenset((rule.practice, rule.other)))
            problems.append(Problem(ERROR, "conflict", f"{a} contradicts {b}{reason}. Untick one of them.", practice_place(rule.other),
                                    (practice_place(rule.practice),)))
        elif rule.kind == "needs" and rule.other not in chosen_set:
            problems.append(Problem(ERROR, "needs-practice", f"{a} needs {b}{reason}. Tick {b} too.", practice_place(rule.practice)))
    return problems


def _titles(library: Library, practice_ids: list[str]) -> str:
    return join_words([f"“{library.practices[p].title}”" for p in practice_ids])


def document_problems(document: Document, library: Library, profile: Profile,
                      covered: dict[str, RegimeCoverage]) -> list[Problem]:
    problems = []
    seen = set()
    for gap in document.gaps:
        key = (gap.kind, gap.name, gap.clause_id)
        if key in seen:
            continue
        seen.add(key)
        code = {"missing": "missing-detail", "token": "unknown-token", "reference": "broken-reference",
                "runaway": "runaway-option"}[gap.kind]
        problems.append(Problem(ERROR, code, gap.message, gap.place))
    problems += contradiction_problems(document, library, profile)
    problems += wording_contradictions(document, library, profile)
    problems += refused_link_problems(document, library, profile)
    problems += unknown_item_problems(document, library)
    problems += service_problems_of(profile, library)
    problems += [Problem(ERROR, "missing-retention", gap.message, gap.place) for gap in retention_gaps(document, library)]
    problems += [Problem(WARNING, "retention-not-collected", gap.message, gap.place) for gap in kept_not_collected(document, library)]
    problems += [Problem(ERROR, code, message, place) for code, message, place in cookie_problems(profile, library, document)]
    problems += [Problem(INFO, "cookie-consent-reminder", message, place) for message, place in consent_reminders(profile, library)]
    problems += terminology_problems(document, library, profile)
    problems += _coverage_problems(covered, library)
    score = document.reading_ease
    problems.append(Problem(INFO, "readability", f"Reading ease {score:.0f} (Flesch; 60 or more is plain English).", Place(DOCUMENT)))
    return problems


def contradiction_problems(document: Document, library: Library, profile: Profile) -> list[Problem]:
    """One error per pair of clauses whose facts cannot both be true, or per clause a law forbids."""
    problems = []
    for found in remembered_contradictions(document.facts, library.laws(profile.regimes), library.vocabulary):
        first = found.first
        if found.second is None:
            message = f"{clause_title(library, first)} {found.reason}. {single_fix(found, library, profile)}".rstrip()
            problems.append(Problem(ERROR, f"contradiction-{found.kind}", message, stated_place(first, whole_clause=True)))
            continue
        second = found.second
        message = (f"{clause_title(library, first)} and {clause_title(library, second)} contradict each other: "
                   f"{found.reason}. {pair_fix(found, library, profile)}")
        problems.append(Problem(ERROR, f"contradiction-{found.kind}", message, stated_place(first),
                                (stated_place(second),)))
    return problems


def wording_contradictions(document: Document, library: Library, profile: Profile) -> list[Problem]:
    """What the user's own wording claims (a denial of sale, sharing, collection, tracking; whom
    the service is for) against what the rest of the policy states."""
    shown = document.clause_sections()
    problems = []
    for clause_id, text in profile.overrides.items():
        clause = library.clauses.get(clause_id)
        if clause is None or clause_id not in shown:
            continue
        claims = [StatedFact(clause_id, clause.practice, fact) for fact in claims_in_wording(text, library.vocabulary)]
        others = [s for s in document.facts if s.clause_id != clause_id]
        for found in contradictions(others + claims, [], library.vocabulary):
            claim, other = (found.first, found.second) if found.first.clause_id == clause_id else (found.second, found.first)
            if found.second is None or claim.clause_id != clause_id or other.clause_id == clause_id:
                continue
            problems.append(Problem(ERROR, "contradiction-wording",
                                    f"Your wording of “{clause.title}” says “{claim.fact.source}”, but "
                                    f"{clause_title(library, other)} says {describe(other.fact, library.vocabulary)}. "
                                    "Change your wording, or untick the other practice.",
                                    clause_place(clause_id), (stated_place(other),)))
    return problems


def refused_link_problems(document: Document, library: Library, profile: Profile) -> list[Problem]:
    """A warning for each link in the user's wording that the policy shows as plain text, because
    its address is not a web or email address (javascript:, file:, a missing scheme…)."""
    shown = document.clause_sections()
    problems = []
    for clause_id, text in profile.overrides.items():
        if clause_id not in shown:
            continue
        title = library.clauses[clause_id].title if clause_id in library.clauses else clause_id
        for link in refused_links(text):
            problems.append(Problem(WARNING, "unsafe-link",
                                    f"Your wording of “{title}” has a link, {link}, whose address is not a web "
                                    "(https://…) or email (mailto:…) address, so the policy shows it as plain text. "
                                    "Give a full web address, or remove the link.", clause_place(clause_id)))
    return problems


def unknown_item_problems(document: Document, library: Library) -> list[Problem]:
    problems = []
    for unknown in document.unknown_items:
        spec = library.practices[unknown.practice_id].options.get(unknown.option)
        title = spec.title if spec else unknown.option
        problems.append(Problem(INFO, "unknown-data", f"“{unknown.item}” in “{title}” names no kind of information "
                                "Policywright knows: the policy shows it as you wrote it, but the lists it makes by kind "
                                "of information (for California) and the check that each kind collected has a period "
                                "leave it out; name it in everyday words (for example “phone number”).",
                                practice_place(unknown.practice_id, unknown.option)))
    return problems


def service_problems_of(profile: Profile, library: Library) -> list[Problem]:
    """A picked service the policy cannot use, and picked services the policy does not name."""
    problems = [Problem(WARNING, "unknown-service", f"The service {service_id!r} {what}; the policy leaves it out.",
                        service_place(service_id)) for service_id, what in service_problems(profile, library)]
    if profile.services and not profile.company.country.strip():
        problems.append(Problem(WARNING, "services-need-country", "Choose your company's Country: the policy names "
                                "the services you use that are based in another country from it.", field_place("company.country")))
    named = library.practices.get(NAMED_SERVICES)
    if profile.services and named and NAMED_SERVICES not in profile.practices:
        problems.append(Problem(WARNING, "services-unnamed", f"The policy does not name the services you use: tick "
                                f"“{named.title}”.", practice_place(NAMED_SERVICES)))
    return problems


def terminology_problems(document: Document, library: Library, profile: Profile) -> list[Problem]:
    problems = []
    for finding in lint(document, profile):
        clause = library.clauses.get(finding.clause_id)
        where = f"“{clause.title}”" if clause else "the policy"
        fix = f" Write “{finding.replacement}”." if finding.replacement else ""
        problems.append(Problem(WARNING, finding.code, f"“{finding.words}” in {where}: {finding.reason}.{fix}", clause_place(finding.clause_id)))
    return problems


def fixed_override(profile: Profile, library: Library, clause_id: str, document: Document | None = None) -> str | None:
    """The user's wording of a clause with every terminology finding that has a fix applied,
    or None when there is no override or nothing to fix. Pass the profile's current `document`
    to spare assembling it again."""
    text = profile.overrides.get(clause_id)
    if text is None:
        return None
    findings = [f for f in lint(document or assemble(profile, library), profile) if f.clause_id == clause_id]
    fixed = text
    for finding in findings:
        fixed = apply_fix(fixed, finding) or fixed
    return fixed if fixed != text else None


def _coverage_problems(covered: dict[str, RegimeCoverage], library: Library) -> list[Problem]:
    """A warning for each requirement of a chosen law that the policy misses, or states only in
    wording the user has not confirmed; a note for each the owner marked not required; `coverage`
    decides which. A requirement whose empty detail is its content is warned at that detail."""
    problems = []
    for regime in covered.values():
        title = regime.regime.title
        for item in regime.requirements:
            text = item.requirement.text
            if item.state == NOT_REQUIRED:
                problems.append(Problem(INFO, "not-required", f"{title}: you marked “{item.requirement.words}” not "
                                        f"required: “{item.reason}”.", Place(REQUIREMENT, item.id)))
            elif item.state == MISSING and not item.details:
                words = item.requirement.words
                citation = f" ({item.requirement.citation})" if item.requirement.citation else ""
                problems.append(Problem(WARNING, "regime-gap", f"{title}: the policy should say {_lower_first(words)}; "
                                        "no picked practice does.", Place(REQUIREMENT, item.id),
                                        detail=f"{title} asks the policy to state {text}{citation}."))
            elif item.state == REWORDED:
                clause = library.clauses[item.clauses[0]]
                problems.append(Problem(WARNING, "check-wording",
                                        f"You reworded “{clause.title}”: check that your wording still says {text} "
                                        f"({title}), then confirm it beside the wording.", clause_place(clause.id)))
    return problems


def _lower_first(words: str) -> str:
    """'Who you are' -> 'who you are'; 'EU representative' stays as it is."""
    return words[:1].lower() + words[1:] if words[1:2].islower() else words


@dataclass(frozen=True)
class Review:
    """Every problem, errors first, and the coverage the warnings about the laws came from, so the
    Compliance panel shows the same coverage without working it out again."""

    problems: list[Problem]
    coverage: dict[str, RegimeCoverage]


def review(profile: Profile, library: Library, document: Document | None = None) -> Review:
    document = document or assemble(profile, library)
    covered = states(profile, library, document)
    problems = (field_problems(profile, library) + practice_problems(profile, library)
                + document_problems(document, library, profile, covered))
    problems = one_per_cause(_dedupe(_without_group_contradictions(problems, library)), library)
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    return Review(sorted(problems, key=lambda p: order[p.severity]), covered)


def check(profile: Profile, library: Library, document: Document | None = None) -> list[Problem]:
    """Every problem, errors first."""
    return review(profile, library, document).problems


def _without_group_contradictions(problems: list[Problem], library: Library) -> list[Problem]:
    """Two practices of one exclusive group contradict each other by design; the group's own
    problem ("a choice of one") says so more plainly."""
    def same_group(problem: Problem) -> bool:
        ids = [problem.place.id, *(p.id for p in problem.also)]
        groups = {library.practices[i].group if i in library.practices else None for i in ids}
        return len(set(ids)) == 2 and len(groups) == 1 and None not in groups

    return [p for p in problems if not (p.code.startswith("contradiction") and same_group(p))]


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, result = set(), []
    for problem in problems:
        key = (problem.code, problem.place) if problem.code == "missing-detail" else problem
        if key not in seen:
            seen.add(key)
            result.append(problem)
    return result


def clause_statements(library: Library, clause_id: str, profile: Profile) -> list[str]:
    """What the library's wording of a clause states for this profile, in plain words: what a
    user's rewording must still say for the policy to count on it."""
    clause = library.clauses[clause_id]
    requirements = {r.id: r.text for regime in library.regimes.values() for r in regime.requirements}
    lookup = condition_lookup(library, profile)
    stated, _ = stated_facts([clause], library, lambda _id: True, lookup.for_practice, lookup.options_of)
    facts = [_sentence(describe(s.fact, library.vocabulary)) for s in stated]
    return list(dict.fromkeys(facts + [_sentence(requirements[rid]) for rid in clause.regimes if rid in requirements]))


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:]


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)
