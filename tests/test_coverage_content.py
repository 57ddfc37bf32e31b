"""Coverage by content: a requirement whose content is a detail is covered only once the detail is
filled in, and `check` says the same; the owner may record why a law does not ask something of
them; a suggestion never brings in a process the business said it does not have."""

import json

import pytest
from businesses import CALIFORNIA_APP, OREGON_TICKETS

from desktop.cli import main
from desktop.engine.interview.interview import new_profile
from desktop.engine.library.loader import load_library
from desktop.engine.profile.profile import ProfileError, profile_from_dict, profile_json, profile_to_dict
from desktop.engine.reference.regimes import RegimeError, parse_regimes
from desktop.engine.review.checks import INFO, check
from desktop.engine.review.coverage import COVERED, MISSING, NOT_REQUIRED, coverage
from desktop.engine.review.coverage_text import coverage_lines
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
REASON = "we serve people there only occasionally"


@pytest.fixture
def tickets():
    """The Oregon ticket shop, built through the interview: based in the US, some visitors from Europe."""
    profile = new_profile(OREGON_TICKETS, LIBRARY)
    profile.company.country = "United States"
    assert "gdpr" in profile.regimes and not profile.field_value("company.eu_representative")
    return profile


def requirement(profile, requirement_id: str):
    return next(item for item in coverage(profile, LIBRARY)["gdpr"].requirements if item.id == requirement_id)


def representative(profile):
    return requirement(profile, "gdpr.representative")


def codes_at(profile, place_id):
    return {p.code for p in check(profile, LIBRARY) if p.place.id == place_id}


def test_a_representative_nobody_named_is_missing_and_check_warns_at_the_detail(tickets):
    item = representative(tickets)
    assert (item.state, item.clauses, item.details) == (MISSING, ("intro.controller",), ("company.eu_representative",))
    assert "needed-detail" in codes_at(tickets, "company.eu_representative")
    assert "regime-gap" not in codes_at(tickets, "gdpr.representative")  # one warning, at the detail
    assert "fill in: EU representative (company details)" in "\n".join(coverage_lines(coverage(tickets, LIBRARY), LIBRARY))


def test_naming_the_representative_covers_it_and_silences_the_warning(tickets):
    tickets.company.extra["eu_representative"] = "EU Rep Ltd, 1 Quay Street, Dublin, rep@eurep.example"
    assert representative(tickets).state == COVERED
    assert not codes_at(tickets, "company.eu_representative")


def test_a_company_in_europe_needs_no_representative(tickets):
    tickets.company.country = "Ireland"
    assert representative(tickets).state == COVERED
    assert "needed-detail" not in codes_at(tickets, "company.eu_representative")


def test_not_required_with_its_reason_shows_in_coverage_check_and_both_cli_forms(tickets, tmp_path, capsys):
    tickets.not_required["gdpr.representative"] = REASON
    item = representative(tickets)
    assert (item.state, item.reason) == (NOT_REQUIRED, REASON)
    assert codes_at(tickets, "company.eu_representative") == set()
    notes = [p for p in check(tickets, LIBRARY) if p.code == "not-required"]
    assert [(p.severity, p.place.id) for p in notes] == [(INFO, "gdpr.representative")] and REASON in notes[0].message
    path = tmp_path / "tickets.json"
    path.write_text(profile_json(tickets), encoding="utf-8")
    main(["coverage", str(path), "--json"])
    assert json.loads(capsys.readouterr().out)["gdpr"]["not_required"] == {"gdpr.representative": REASON}
    main(["coverage", str(path)])
    lines = capsys.readouterr().out.splitlines()
    row = next(i for i, line in enumerate(lines) if "gdpr.representative" in line)
    assert lines[row].split()[:3] == ["not", "req.", "gdpr.representative"]
    assert lines[row + 1].strip() == f"you said: {REASON}"
    assert "1 not required" in next(line for line in lines if line.startswith("GDPR"))


def test_the_reason_is_saved_and_loaded_and_a_blank_one_is_refused(tickets):
    tickets.not_required["gdpr.representative"] = REASON
    data = profile_to_dict(tickets)
    assert profile_from_dict(json.loads(json.dumps(data))).not_required == {"gdpr.representative": REASON}
    with pytest.raises(ProfileError, match=r"not_required\.gdpr\.representative: give the reason"):
        profile_from_dict({**data, "not_required": {"gdpr.representative": "  "}})
    with pytest.raises(ProfileError, match="not_required: must be an object"):
        profile_from_dict({**data, "not_required": ["gdpr.representative"]})


def test_a_need_naming_a_requirement_the_law_lacks_is_refused():
    law = {"title": "T", "scope": "S", "explanation": "E", "question": "Q?",
           "requirements": [{"id": "t.a", "text": "a"}], "needs": [{"field": "company.phone", "requirement": "t.b"}]}
    with pytest.raises(RegimeError, match="'t.b' is not one of its requirements"):
        parse_regimes({"t": law})


def test_a_general_audience_is_never_offered_a_parents_consent_process(tickets):
    gap = requirement(tickets, "gdpr.children")
    assert gap.state == MISSING and "children.gdpr_consent_age" not in gap.practices
    tickets.answers.pop("children")  # an owner who has not said whom the service is for is offered it
    gap = requirement(tickets, "gdpr.children")
    assert "children.gdpr_consent_age" in gap.practices


def test_a_required_data_protection_officer_is_covered_only_once_their_contact_is_given(tickets):
    tickets.company.extra["dpo_required"] = "yes"
    dpo = requirement(tickets, "gdpr.dpo")
    assert (dpo.state, dpo.details) == (MISSING, ("company.dpo_contact",))
    tickets.company.extra["dpo_contact"] = "dpo@rosecitytickets.example"
    assert requirement(tickets, "gdpr.dpo").state == COVERED


def test_a_requirement_whose_clause_shows_a_blank_is_not_covered_until_the_owner_fills_it(bundled_library):
    """Compliance and Problems agree: the California app's request clause waits for its toll-free number."""
    app = new_profile(CALIFORNIA_APP, LIBRARY)
    item = {r.id: r for r in coverage(app, LIBRARY)["ccpa"].requirements}["ccpa.toll_free"]
    key = "option:california.request_methods:toll_free"
    assert (item.state, item.details, item.clauses) == (MISSING, (key,), ("california.request_methods",))
    blank = [p for p in check(app, LIBRARY) if str(p.place) == "practice:california.request_methods.toll_free"]
    assert blank and "empty" in blank[0].message
    assert "fill in: “Toll-free number for requests” in the options of “" in "\n".join(coverage_lines(coverage(app, LIBRARY), LIBRARY))

    app.practices["california.request_methods"]["toll_free"] = "1-800-555-0100"
    assert {r.id: r for r in coverage(app, LIBRARY)["ccpa"].requirements}["ccpa.toll_free"].state == COVERED
