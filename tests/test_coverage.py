"""Coverage: which requirements of each chosen law the policy states, in whose words, and which
practices would state the ones it misses."""

import copy

import pytest
from conftest import FIXTURES

from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import Profile
from desktop.engine.review.checks import ERROR, check, review
from desktop.engine.review.coverage import COVERED, REWORDED, coverage, is_complete, with_suggestions
from desktop.engine.review.example import example_profile
from tests.laws import regime_ids

CLAUSE = """+++
id = "{id}"
practice = "{id}"
section = "cookies"
title = "Tracking by others"
summary = "Say whether others track users."
sources = ["new"]
regimes = ["caloppa.do_not_track"]
{extra}
+++
Others may track you.
"""


def states(regime) -> dict[str, str]:
    return {item.id: item.state for item in regime.requirements}


def test_each_requirement_is_covered_by_the_clauses_in_the_policy(profile, fixture_library):
    profile.regimes = ["caloppa"]
    assert coverage(profile, fixture_library)["caloppa"].as_dict() == {
        "covered": {"caloppa.do_not_track": ["dnt.honour"], "caloppa.effective_date": ["intro.about"]},
        "missing": {}, "reworded": {}, "instead": {}, "fill_in": {}, "not_required": {}}
    assert is_complete(coverage(profile, fixture_library))


def test_a_missing_requirement_names_the_practices_that_would_state_it_typical_first(profile, fixture_library):
    profile.regimes = ["caloppa"]
    profile.practices.pop("dnt.honour")
    result = coverage(profile, fixture_library)
    assert result["caloppa"].as_dict()["missing"] == {"caloppa.do_not_track": ["dnt.honour", "dnt.ignore"]}
    assert not is_complete(result)


def test_a_practice_that_clashes_with_a_ticked_one_comes_last(profile, fixture_library):
    profile.regimes = ["caloppa"]
    profile.practices.pop("dnt.honour")
    profile.practices["cookies.ads"] = {}  # excludes dnt.honour
    assert coverage(profile, fixture_library)["caloppa"].missing[0].practices == ("dnt.ignore", "dnt.honour")


def test_a_reworded_clause_covers_only_once_its_wording_is_confirmed(profile, fixture_library):
    profile.regimes = ["caloppa"]
    profile.overrides["dnt.honour"] = "We ignore nothing."
    regime = coverage(profile, fixture_library)["caloppa"]
    assert states(regime)["caloppa.do_not_track"] == REWORDED
    assert regime.as_dict()["reworded"] == {"caloppa.do_not_track": ["dnt.honour"]}
    assert is_complete({"caloppa": regime})  # a wording to check is not a gap
    profile.confirmed["dnt.honour"] = "We ignore nothing."
    assert states(coverage(profile, fixture_library)["caloppa"])["caloppa.do_not_track"] == COVERED


def test_library_wording_beside_a_rewording_covers_and_names_only_the_trusted_clause(fixture_library, tmp_path, profile):
    root = tmp_path / "firm"
    (root / "30-cookies").mkdir(parents=True)
    (root / "30-cookies" / "cookies.others.md").write_text(CLAUSE.format(id="cookies.others", extra=""), encoding="utf-8")
    library = load_library([FIXTURES / "library", root])
    profile.regimes = ["caloppa"]
    profile.practices["cookies.others"] = {}
    profile.overrides["dnt.honour"] = "Our words."
    item = coverage(profile, library)["caloppa"].requirements[0]
    assert (item.id, item.state, item.clauses) == ("caloppa.do_not_track", COVERED, ("cookies.others",))


def test_a_clause_whose_condition_keeps_it_out_of_the_policy_covers_nothing(fixture_library, tmp_path, profile):
    root = tmp_path / "firm"
    (root / "30-cookies").mkdir(parents=True)
    clause = CLAUSE.format(id="cookies.others", extra='when = "company.phone"')
    (root / "30-cookies" / "cookies.others.md").write_text(clause, encoding="utf-8")
    library = load_library([FIXTURES / "library", root])
    assert not library.faults
    profile.regimes = ["caloppa"]
    profile.practices.pop("dnt.honour")
    profile.practices["cookies.others"] = {}
    assert "cookies.others" not in assemble(profile, library).clause_sections()
    item = coverage(profile, library)["caloppa"].missing[0]
    assert item.id == "caloppa.do_not_track" and "cookies.others" not in item.practices  # ticked already, and shown by no tick
    profile.company.phone = "+1 555 0100"
    assert coverage(profile, library)["caloppa"].as_dict()["covered"]["caloppa.do_not_track"] == ["cookies.others"]


def test_only_chosen_regimes_the_library_declares_are_reported_in_the_profiles_order(profile, fixture_library, bundled_library):
    profile.regimes = ["gdpr", "caloppa"]
    assert list(coverage(profile, fixture_library)) == ["caloppa"]  # the fixture library declares CalOPPA only
    assert list(coverage(example_profile(bundled_library, None), bundled_library)) == ["caloppa"]


def test_check_warns_about_exactly_what_coverage_finds(bundled_library):
    profile = example_profile(bundled_library)
    profile.regimes = list(regime_ids())
    profile.overrides["rights.access_correct"] = "Write to us to see your data."
    result = coverage(profile, bundled_library)
    problems = check(profile, bundled_library)
    missing = {item.id for regime in result.values() for item in regime.missing if not item.details}
    assert {p.place.id for p in problems if p.code == "regime-gap"} == missing and missing
    # A requirement whose content is an empty detail is warned at that detail, once
    details = {key for regime in result.values() for item in regime.missing for key in item.details}
    # the example company is in the United States: it needs EU and UK representatives, and Canada a person in charge
    assert details == {"company.eu_representative", "company.uk_representative", "company.privacy_officer",
                       "company.privacy_officer_contact"}
    assert details <= {p.place.id for p in problems if p.code == "needed-detail"}
    reworded = [item for regime in result.values() for item in regime.in_state(REWORDED)]
    assert [p.place.id for p in problems if p.code == "check-wording"] == [item.clauses[0] for item in reworded]
    assert [item.id for item in reworded] == ["caloppa.review_changes"]
    found = review(profile, bundled_library)
    assert found.problems == problems
    assert found.coverage == coverage(profile, bundled_library, suggest=False)
    assert with_suggestions(found.coverage, profile, bundled_library, assemble(profile, bundled_library)) == result


# --- The general audience answers COPPA alone ----------------------------------------------------------


def coppa(bundled_library, **practices) -> Profile:
    profile = example_profile(bundled_library)
    profile.regimes = ["coppa"]
    profile.practices.update(practices)
    return profile


def test_a_general_audience_statement_answers_coppa_alone(bundled_library):
    profile = coppa(bundled_library)
    assert "children.under13" in profile.practices
    regime = coverage(profile, bundled_library)["coppa"]
    assert states(regime) == {"coppa.retention": COVERED, "coppa.general_audience": COVERED}
    assert regime.instead == ()


def test_without_it_every_other_coppa_requirement_is_needed_and_it_is_offered_instead(bundled_library):
    profile = coppa(bundled_library)
    profile.practices.pop("children.under13")
    profile.answers.pop("children")  # the owner has not said whom the service is for
    regime = coverage(profile, bundled_library)["coppa"]
    assert [item.id for item in regime.missing] == ["coppa.operators", "coppa.practices", "coppa.parent_rights", "coppa.third_parties"]
    assert "coppa.general_audience" not in states(regime)
    assert regime.as_dict()["instead"] == {"coppa.general_audience": ["children.under13"]}
    assert regime.missing[0].practices[0] == "children.directed"


# --- Every regime: the suggestions close every gap, and each clause covers exactly its requirements -----


def blank(bundled_library) -> Profile:
    example = example_profile(bundled_library)
    return Profile(company=example.company, service=example.service, practices={"contact.details": {}},
                   effective_date=example.effective_date)


def fill_in(profile: Profile, library, key: str) -> None:
    """Fill in a detail a requirement waits for, as its owner would: a company detail or a practice's option."""
    if not key.startswith("option:"):
        profile.set_field(key, "EU Rep Ltd, 1 Quay Street, Dublin, rep@eurep.example")
        return
    _, practice_id, name = key.split(":", 2)
    spec = library.practices[practice_id].options[name]
    title = spec.title.lower()
    text = ("https://acme-audio.example/privacy-choices" if "address" in title or "link" in title
            else "1-800-555-0100" if "number" in title else "for 30 days")
    profile.practices.setdefault(practice_id, {})[name] = [text] if spec.type == "list" else text


def tick_suggestions(profile: Profile, library, limit: int = 60) -> list[str]:
    """Tick the first suggestion for the first missing requirement until none is missing."""
    ticked = []
    for _ in range(limit):
        gaps = [item for regime in coverage(profile, library).values() for item in regime.missing]
        if not gaps:
            return ticked
        for key in gaps[0].details:  # the owner fills in what only they know
            fill_in(profile, library, key)
        if gaps[0].details:
            continue
        if not gaps[0].practices and gaps[0].id in ("gdpr.children", "uk_gdpr.children") and (
                profile.answers.get("children") == "general audience"):
            profile.not_required[gaps[0].id] = "our service is not offered to children directly"
            continue
        assert gaps[0].practices, f"nothing in the library states {gaps[0].id}"
        ticked.append(gaps[0].practices[0])
        profile.practices[gaps[0].practices[0]] = {}
    raise AssertionError(f"still missing after ticking {ticked}")


@pytest.mark.parametrize("start", [example_profile, blank], ids=["example", "blank"])
@pytest.mark.parametrize("regime", regime_ids())
def test_ticking_the_suggested_practices_leaves_nothing_missing_and_adds_no_error(bundled_library, regime, start):
    profile = start(bundled_library)
    profile.regimes = [regime]
    errors_before = {p for p in check(profile, bundled_library) if p.severity == ERROR}
    ticked = tick_suggestions(profile, bundled_library)
    assert is_complete(coverage(profile, bundled_library))
    assert not [p for p in check(profile, bundled_library) if p.code == "regime-gap"]
    # A ticked practice may ask for a detail only the owner knows (a toll-free number); nothing else.
    new_errors = {p for p in check(profile, bundled_library) if p.severity == ERROR} - errors_before
    assert {(p.code, p.place.kind) for p in new_errors} <= {("missing-detail", "option"), ("missing-retention", "option")}, ticked


@pytest.fixture(scope="module")
def everything_covered(bundled_library):
    profile = example_profile(bundled_library)
    profile.regimes = list(regime_ids())
    tick_suggestions(profile, bundled_library)
    return profile, assemble(profile, bundled_library)


def without(document, clause_id):
    cut = copy.deepcopy(document)
    for section in cut.sections:
        section.blocks = [block for block in section.blocks if block.clause_id != clause_id]
    return cut


def test_removing_a_covering_clause_makes_exactly_its_requirements_missing(bundled_library, everything_covered):
    profile, document = everything_covered
    shown = list(document.clause_sections())
    alone = {r.id for regime in bundled_library.regimes.values() for r in regime.requirements if r.alone}
    stated = {r for c in shown for r in bundled_library.clauses[c].regimes}
    answered_alone = {r.partition(".")[0] for r in alone & stated}  # their other requirements are not needed
    assert answered_alone == {"coppa"}
    covering = [c for c in shown if bundled_library.clauses[c].regimes]
    assert len(covering) > 20
    for clause_id in covering:
        tags = set(bundled_library.clauses[clause_id].regimes)
        if tags & alone:
            continue  # the general audience: the next test
        others = {r for c in shown if c != clause_id for r in bundled_library.clauses[c].regimes}
        result = coverage(profile, bundled_library, without(document, clause_id))
        missing = {item.id for regime in result.values() for item in regime.missing}
        assert missing == {r for r in tags - others if r.partition(".")[0] not in answered_alone}, clause_id
        for regime in result.values():
            for item in regime.missing:
                assert profile.practices.keys().isdisjoint(item.practices)


def test_removing_the_general_audience_statement_makes_the_rest_of_coppa_needed(bundled_library, everything_covered):
    profile, document = everything_covered
    result = coverage(profile, bundled_library, without(document, "children.under13"))
    stated = {r for c in document.clause_sections() for r in bundled_library.clauses[c].regimes}
    needed = {r.id for r in bundled_library.regimes["coppa"].requirements if not r.alone}
    assert {item.id for item in result["coppa"].missing} == needed - stated
    assert {item.id for regime in result.values() if regime.regime.id != "coppa" for item in regime.missing} == set()


# --- Suggestions read the policy's facts ----------------------------------------------------------------


def test_the_suggestion_for_selling_follows_what_the_policy_says(bundled_library):
    profile = example_profile(bundled_library)
    profile.regimes = ["ccpa"]
    first = {item.id: item.practices[0] for item in coverage(profile, bundled_library)["ccpa"].missing}
    assert first["ccpa.sold_shared"] == "california.no_sale" and first["ccpa.rights"] == "california.rights"
    profile.practices["cookies.ad_network"] = {}  # shares for cross-context ads
    first = {item.id: item.practices[0] for item in coverage(profile, bundled_library)["ccpa"].missing}
    assert first["ccpa.sold_shared"] == "california.opt_out"


def test_contradictions_adding_finds_what_the_whole_set_would(bundled_library):
    from desktop.engine.facts.rules import contradictions, contradictions_adding
    from desktop.engine.policy.assemble import condition_lookup
    from desktop.engine.policy.statements import stated_facts

    profile = example_profile(bundled_library)
    profile.regimes = list(regime_ids())
    stated = assemble(profile, bundled_library).facts
    lookup = condition_lookup(bundled_library, profile)

    def key(found):
        return {(f.kind, frozenset((f.first.clause_id, f.second.clause_id if f.second else None))) for f in found}

    for practice in bundled_library.practices.values():
        if practice.id in profile.practices:
            continue
        added, _ = stated_facts(practice.clauses, bundled_library, lambda _id: True, lookup.for_practice, lookup.options_of)
        laws = bundled_library.laws(profile.regimes)
        whole = [f for f in contradictions(stated + added, laws, bundled_library.vocabulary)
                 if f.first in added or f.second in added]
        assert key(contradictions_adding(stated, added, laws, bundled_library.vocabulary)) == key(whole), practice.id


def test_every_requirement_has_plain_words_and_a_whole_citation(bundled_library):
    for regime in bundled_library.regimes.values():
        for requirement in regime.requirements:
            assert requirement.plain and requirement.plain[0].isupper() and not requirement.plain.endswith("."), requirement.id
            assert requirement.citation and requirement.citation[0].isalnum(), requirement.id
            assert requirement.words == requirement.plain
