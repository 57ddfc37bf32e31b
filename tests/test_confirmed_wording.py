"""A reworded clause covers what the law asks only once the user confirms the wording still says it."""

from desktop.engine.profile.profile import profile_from_dict, profile_to_dict
from desktop.engine.review.checks import check
from desktop.engine.review.example import example_profile


def gdpr_profile(library):
    profile = example_profile(library)
    profile.regimes = ["gdpr"]
    profile.practices["rights.gdpr_complaint"] = {}
    return profile


def codes_at(profile, library, where):
    return [(p.code, p.message) for p in check(profile, library) if p.where == where]


def test_a_reworded_clause_asks_to_be_checked_until_confirmed(bundled_library):
    profile = gdpr_profile(bundled_library)
    assert not [p for p in check(profile, bundled_library) if "gdpr.complaint" in p.where or p.code == "check-wording"]
    profile.overrides["rights.gdpr_complaint"] = "Contact us if unhappy."
    warnings = codes_at(profile, bundled_library, "clause:rights.gdpr_complaint")
    assert [code for code, _ in warnings] == ["check-wording"]
    assert "right to lodge a complaint with a supervisory authority" in warnings[0][1]
    profile.confirmed["rights.gdpr_complaint"] = "Contact us if unhappy."
    assert codes_at(profile, bundled_library, "clause:rights.gdpr_complaint") == []


def test_editing_confirmed_wording_asks_again(bundled_library):
    profile = gdpr_profile(bundled_library)
    profile.overrides["rights.gdpr_complaint"] = "You may complain to a supervisory authority."
    profile.confirmed["rights.gdpr_complaint"] = "You may complain to a supervisory authority."
    assert profile.wording_confirmed("rights.gdpr_complaint")
    profile.overrides["rights.gdpr_complaint"] = "You may complain."
    assert not profile.wording_confirmed("rights.gdpr_complaint")
    assert [c for c, _ in codes_at(profile, bundled_library, "clause:rights.gdpr_complaint")] == ["check-wording"]


def test_confirmations_are_saved_and_read_back(bundled_library):
    profile = gdpr_profile(bundled_library)
    profile.overrides["intro.about"] = "Our words."
    profile.confirmed["intro.about"] = "Our words."
    again = profile_from_dict(profile_to_dict(profile))
    assert again.confirmed == {"intro.about": "Our words."} and again.wording_confirmed("intro.about")
    assert "confirmed" not in profile_to_dict(example_profile(bundled_library))
