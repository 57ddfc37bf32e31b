"""A reworded clause covers what the law asks only once the user confirms the wording still says it."""

from businesses import OREGON_TICKETS

from desktop.engine.interview.interview import new_profile
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.reword import Rewording, lines_template
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


def test_a_rewording_that_keeps_the_retention_list_keeps_the_owner_s_periods(bundled_library):
    """A new user reworded one sentence of "How long we keep information"; the periods they had filled in
    vanished from the list under it, with the checks clean."""
    shop = new_profile(OREGON_TICKETS, bundled_library)
    body = bundled_library.clauses["retention.criteria"].body

    def periods(profile) -> list[str]:
        start = "Here is how long we usually keep each kind of information"
        blocks = [text for _, text in assemble(profile, bundled_library).text_blocks()]
        at = next(i for i, text in enumerate(blocks) if text.startswith(start))
        return blocks[at + 1:at + 1 + next(i for i, t in enumerate(blocks[at + 1:]) if t.startswith("When we no longer"))]

    before = periods(shop)
    assert len(before) >= 6 and any("for 3 years, as tax law requires" in p for p in before)
    shop.overrides["retention.criteria"] = lines_template(Rewording(shop, bundled_library).lines(body, "retention.criteria")).replace(
        "To decide how long", "To work out how long")
    assert periods(shop) == before
    shop.overrides["retention.criteria"] = "We keep what we need."  # the list is gone from the wording: so are its facts
    assert not [f for f in assemble(shop, bundled_library).facts if f.clause_id == "retention.criteria"]
