"""Only confirmed claims (issue 20, item 5): a denial ("no other company tracks you", "analytics
services that work only for us") appears only when the facts support it; otherwise the policy says
what is true. Businesses are built through the interview, as their owners would answer."""

import json

import pytest
from businesses import CALIFORNIA_APP, CHILDREN_APP, OREGON_TICKETS
from conftest import make_profile

from desktop.engine.interview.interview import new_profile
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.statements import Generated
from desktop.engine.review.checks import ERROR, check
from desktop.engine.review.example import all_practices_profile
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
CHECKED = {"analytics_only_for_us": "yes, we checked"}
DENIAL = "We do not let other companies that use the information for their own purposes collect"
ONLY_FOR_US = "analytics services that work only for us"


def text_of(profile, library=LIBRARY) -> str:
    return "\n".join(text for _, text in assemble(profile, library).text_blocks())


def errors(profile, library=LIBRARY) -> list:
    return [p for p in check(profile, library) if p.severity == ERROR and p.code.startswith("contradiction")]


# --- Analytics: "only for us" only once the owner has checked -------------------------------------

@pytest.mark.parametrize("answers", [
    OREGON_TICKETS, CALIFORNIA_APP, {**OREGON_TICKETS, "analytics_only_for_us": "no, it also uses it for itself"},
    {**OREGON_TICKETS, "analytics_only_for_us": "I don't know"},
], ids=["oregon", "california", "own-purposes", "unknown"])
def test_analytics_without_the_owners_confirmation_never_says_it_works_only_for_us(answers):
    profile = new_profile(answers, LIBRARY)
    text = text_of(profile)
    assert "only for us" not in text and "only to do that work for us" not in text
    assert "analytics providers that may also use what they learn for their own purposes" in text
    assert "Their own privacy policies say what they do with what they learn." in text
    assert errors(profile) == []


def test_the_all_practices_policy_does_not_claim_analytics_works_only_for_us():
    assert "only for us" not in text_of(all_practices_profile(LIBRARY))


def test_with_the_owners_confirmation_analytics_works_only_for_us():
    profile = new_profile({**OREGON_TICKETS, **CHECKED}, LIBRARY)
    assert profile.practices["cookies.analytics"]["only_for_us"] is True
    text = text_of(profile)
    assert f"we use {ONLY_FOR_US}" in text
    assert "may also use what they learn for their own purposes" not in text
    assert DENIAL in text  # nothing else collects through the ticket shop: the denial is true
    assert errors(profile) == []


# --- Tracking by other companies: denied only when nobody else collects -------------------------

SHOP = {**OREGON_TICKETS, **CHECKED, "has_accounts": True}


@pytest.mark.parametrize("added, listed", [
    ({"sign_in_with": ["Google"]}, "the company you sign in with, when you sign in with it"),
    ({"social_buttons": True}, "social networks whose buttons, widgets or sign-in appear on the Site"),
    ({"embeds": True}, "companies whose videos, maps or posts appear on the Site"),
    ({"ad_network": True}, "advertising networks and ad tech companies that pick ads based on your interests"),
    ({"analytics_only_for_us": "I don't know"}, "analytics providers that may also use what they learn for their own purposes"),
])
def test_a_company_that_collects_through_the_service_is_listed_never_denied(added, listed):
    assert DENIAL in text_of(new_profile(SHOP, LIBRARY))
    profile = new_profile({**SHOP, **added}, LIBRARY)
    blocks = [text for _, text in assemble(profile, LIBRARY).text_blocks()]
    assert DENIAL not in "\n".join(blocks)
    assert listed in blocks[blocks.index(next(b for b in blocks if b.startswith("Some other companies may collect"))):]
    assert [e.message for e in errors(profile)] == []


def firm_library(tmp_path, clause_id: str, facts: list[str], body: str):
    folder = tmp_path / "firm" / "40-cookies"
    folder.mkdir(parents=True)
    (folder / f"{clause_id}.md").write_text(
        f'+++\nid = "{clause_id}"\npractice = "{clause_id}"\nsection = "cookies"\ntitle = "Videos from YouTube"\n'
        f'summary = "Embedded videos."\nsources = ["new"]\nfacts = {json.dumps(facts)}\n+++\n{body}\n', encoding="utf-8")
    return load_library([bundled_dir("snippets"), tmp_path / "firm"])


@pytest.mark.parametrize("fact, denied", [
    ("lets third_parties collect identifiers.ip_address, activity.service", "you do not let third parties collect"),
    ("shares identifiers.email with third_parties.ad_networks for ads.cross_context", "you do not share personal information"),
], ids=["collects-through-the-service", "customer-list-for-ads"])
def test_a_firms_own_clause_the_denial_does_not_know_contradicts_it(tmp_path, fact, denied):
    library = firm_library(tmp_path, "embeds.youtube", [fact],
                           "Some pages show videos from YouTube. YouTube may collect what you watch, for its own purposes.")
    assert not library.faults
    profile = new_profile(SHOP, library)
    assert DENIAL in text_of(profile, library) and errors(profile, library) == []
    profile.practices["embeds.youtube"] = {}
    found = errors(profile, library)
    assert [p.code for p in found] == ["contradiction-opposite"]
    assert "Videos from YouTube" in found[0].message
    assert denied in found[0].message + found[0].detail


def test_the_owners_own_denial_of_tracking_contradicts_a_sign_in_provider():
    profile = new_profile({**SHOP, "sign_in_with": ["Facebook"]}, LIBRARY)
    profile.overrides["cookies.third_party_tracking"] = (
        "We do not let other companies collect information about what you do online over time and across different websites.")
    assert "contradiction-wording" in {p.code for p in errors(profile)}
    profile.practices.pop("signin.facebook")
    assert "contradiction-wording" not in {p.code for p in errors(profile)}


def test_a_video_or_map_from_another_service_in_a_service_for_children_needs_a_parents_consent():
    found = errors(new_profile({**CHILDREN_APP, "embeds": True}, LIBRARY))
    assert any("Videos, maps and posts from other services" in p.message for p in found), [p.message for p in found]


def test_analytics_not_confirmed_in_a_service_for_children_needs_a_parents_consent():
    profile = new_profile({**CHILDREN_APP, "analytics": True}, LIBRARY)
    found = [p for p in errors(profile) if p.code == "contradiction-children"]
    assert any("Analytics" in p.message for p in found), [p.message for p in found]
    assert errors(new_profile({**CHILDREN_APP, "analytics": True, **CHECKED}, LIBRARY)) == []


# --- The California lists: partners' beacons decided by their purpose; courts named once ---------

def ccpa_list(profile, name: str) -> list[str]:
    document = assemble(profile, LIBRARY)
    return Generated(document.facts, LIBRARY.vocabulary, LIBRARY.regimes.values()).get(name)


def test_partners_web_beacons_are_sharing_for_ads_not_a_business_purpose():
    profile = make_profile(cookies__about={}, cookies__beacons={}, california__categories={}, share__service_providers={})
    profile.regimes = ["ccpa"]
    assert "companies that use the information for their own purposes" not in ccpa_list(profile, "ccpa_recipients")
    assert "companies that use the information for their own purposes" in ccpa_list(profile, "ccpa_third_parties")
    assert "contradiction-opt-out" in {p.code for p in errors(profile)}  # the CCPA's rules now see the sharing
    profile.practices["cookies.beacons"] = {"placed_by": "us"}
    assert ccpa_list(profile, "ccpa_third_parties") == []
    assert "contradiction-opt-out" not in {p.code for p in errors(profile)}


def test_the_courts_are_named_once_among_those_who_got_information():
    both = make_profile(share__legal={}, share__debt_collection={}, california__categories={})
    both.regimes = ["ccpa"]
    recipients = ccpa_list(both, "ccpa_recipients")
    assert "courts, the police and other public bodies" in recipients
    assert "the courts that hear our claim" not in recipients
    both.practices.pop("share.legal")
    assert "the courts that hear our claim" in ccpa_list(both, "ccpa_recipients")


# --- The condition that reads another practice's option ------------------------------------------

def test_a_condition_naming_an_unknown_option_of_another_practice_is_a_library_fault(tmp_path):
    library = firm_library(tmp_path, "embeds.maps", [], "{{if practice.cookies.analytics.no_such_option}}Maps.")
    assert any("unknown option 'no_such_option' of practice 'cookies.analytics'" in fault.message for fault in library.faults)
