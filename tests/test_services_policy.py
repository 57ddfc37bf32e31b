"""The services a company uses (issue 21): each named in its category with its privacy policy, the
companies that collect through them named, what goes abroad and under what safeguard, the CCPA and
GDPR consequences of an ad pixel, and no denial of what a picked service does."""

import pytest
from businesses import CHILDREN_APP, OREGON_TICKETS, STUDIO_WITH_SERVICES, TEXAS_STUDIO

from desktop.engine.interview.interview import new_profile
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.place import SERVICE
from desktop.engine.review.checks import ERROR, check
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
DENIAL = "We do not let other companies that use the information for their own purposes collect"
TRACKERS = "Some other companies may collect information about what you do online over time"
# Nothing collects through this ticket shop, so its policy denies tracking by other companies.
SHOP_CHECKED = {**OREGON_TICKETS, "analytics_only_for_us": "yes, we checked", "has_accounts": True}
BOOKWHEN = {"entry": {"name": "Bookwhen", "kind": "ads", "provider": "Bookwhen Ltd", "country": "United Kingdom",
                      "data": ["identifiers.email", "activity.service"], "own_purposes": True}}


def blocks_of(profile) -> list[str]:
    return [text for _, text in assemble(profile, LIBRARY).text_blocks()]


def contradictions(profile) -> list:
    return [p for p in check(profile, LIBRARY) if p.severity == ERROR and p.code.startswith("contradiction")]


def after(blocks: list[str], start: str) -> list[str]:
    return blocks[blocks.index(next(b for b in blocks if b.startswith(start))):]


@pytest.fixture
def studio():
    return new_profile(STUDIO_WITH_SERVICES, LIBRARY)


def test_the_studio_built_through_the_interview_uses_its_picks(studio):
    assert studio.services == {"stripe": {}, "mailchimp": {}, "google_analytics": {}, "youtube": {}}
    assert {"share.named_services", "cookies.analytics", "cookies.embeds", "comms.newsletter"} <= set(studio.practices)
    assert studio.practices["collect.orders"]["processor"] == "Stripe"  # the pick answers the payment question
    assert "cookies.social_widgets" not in studio.practices  # a video is not a like button: no "run by us"


def test_every_service_is_named_in_its_category_with_its_privacy_policy(studio):
    named = after(blocks_of(studio), "These are the companies whose tools we use")
    assert "Payment processors: Stripe (its privacy policy: https://stripe.com/privacy)" in named
    assert "Email services: Mailchimp (its privacy policy: https://www.intuit.com/privacy/statement/)" in named
    assert "Analytics providers: Google Analytics (its privacy policy: https://policies.google.com/privacy)" in named
    assert any(b.startswith("Services whose videos, maps or posts") and ": YouTube" in b for b in named)
    links = {run.href for section in assemble(studio, LIBRARY).sections for block in section.blocks
             for item in getattr(block, "items", [getattr(block, "runs", [])]) for run in item}
    assert {"https://stripe.com/privacy", "https://policies.google.com/privacy"} <= links


def test_youtube_is_a_company_that_may_collect_through_the_embed_and_nothing_denies_it(studio):
    blocks = blocks_of(studio)
    assert "Google LLC, through YouTube (its privacy policy: https://policies.google.com/privacy)" in after(blocks, TRACKERS)
    text = "\n".join(blocks)
    assert DENIAL not in text
    assert "Some of these are run by us" not in text
    assert contradictions(studio) == []


def test_what_goes_abroad_says_where_and_under_what_safeguard(studio):
    studio.company.country = "Ireland"
    abroad = after(blocks_of(studio), "Some of the companies whose tools we use are based in another country")
    assert "Stripe (Stripe, Inc.), in the United States; safeguard: EU-US Data Privacy Framework" in abroad
    studio.company.country = "United States"
    assert not any(b.startswith("Some of the companies whose tools") for b in blocks_of(studio))
    studio.company.country = ""  # where the company is not said, the policy cannot tell what is abroad
    assert not any(b.startswith("Some of the companies whose tools") for b in blocks_of(studio))
    assert [str(p.place) for p in check(studio, LIBRARY) if p.code == "services-need-country"] == ["company.country"]


def test_a_picked_service_that_collects_takes_the_tracking_denial_away_by_its_facts_alone():
    profile = new_profile(SHOP_CHECKED, LIBRARY)
    assert DENIAL in "\n".join(blocks_of(profile))
    profile.services = {"youtube": {}}  # picked in the window: no interview answer ticks a practice
    blocks = blocks_of(profile)
    assert DENIAL not in "\n".join(blocks)
    assert "Google LLC, through YouTube (its privacy policy: https://policies.google.com/privacy)" in after(blocks, TRACKERS)
    assert contradictions(profile) == []


def test_a_clause_that_denies_what_a_service_does_contradicts_it():
    profile = new_profile(SHOP_CHECKED, LIBRARY)
    profile.practices["share.none"] = {}
    profile.services = {"stripe": {}}
    found = [p for p in contradictions(profile) if any(place.kind == SERVICE for place in (p.place, *p.also))]
    assert found and "“Stripe” (a service you use)" in found[0].message


def test_a_meta_pixel_under_the_ccpa_needs_the_sharing_disclosure_until_the_interview_answers_it():
    app = new_profile({**STUDIO_WITH_SERVICES, "california_users": True, "revenue_over_25m": True}, LIBRARY)
    assert "ccpa" in app.regimes and contradictions(app) == []
    app.services["meta_pixel"] = {}  # picked in the window: the policy has no sharing notice yet
    found = {p.code: p.message for p in contradictions(app)}
    assert "contradiction-sharing-disclosure" in found  # the pixel is CCPA "sharing": the notice and its opt-out
    assert "We sell or share some data" in found["contradiction-sharing-disclosure"]
    assert found["contradiction-opposite"].startswith("“We do not sell or share” and “Meta Pixel” (a service you use)")
    answered = new_profile({**STUDIO_WITH_SERVICES, "california_users": True, "revenue_over_25m": True,
                            "services": {**STUDIO_WITH_SERVICES["services"], "meta_pixel": {}}, "opt_out_signals": "yes"}, LIBRARY)
    assert answered.answers["ad_network"] is True  # the pick answers the ad question
    assert contradictions(answered) == []
    assert "Do Not Sell or Share My Personal Information" in "\n".join(blocks_of(answered))


def test_a_meta_pixel_under_the_gdpr_is_used_on_consent(studio):
    consent = "Ads based on what you do on other websites: your consent"
    assert not any(b.startswith(consent) for b in blocks_of(studio))
    studio.services = {**studio.services, "meta_pixel": {}}
    assert any(b.startswith(consent) for b in blocks_of(studio))


def test_another_service_behaves_like_a_catalogue_one():
    profile = new_profile({**STUDIO_WITH_SERVICES, "california_users": True, "revenue_over_25m": True}, LIBRARY)
    profile.services["custom.bookwhen"] = BOOKWHEN
    blocks = blocks_of(profile)
    assert any(b.startswith("Advertising networks") and ": Bookwhen" in b for b in blocks)
    assert "Bookwhen Ltd, through Bookwhen (its own privacy policy)" in after(blocks, TRACKERS)
    assert "contradiction-sharing-disclosure" in {p.code for p in contradictions(profile)}
    profile.company.country = "Ireland"
    assert "Bookwhen (Bookwhen Ltd), in the United Kingdom" in after(blocks_of(profile), "Some of the companies whose")


def test_an_unknown_service_is_a_warning_never_a_crash():
    profile = new_profile(TEXAS_STUDIO, LIBRARY)
    profile.services = {"no_such_service": {}, "custom.x": {"entry": {**BOOKWHEN["entry"], "kind": "rockets"}}}
    profile.practices.pop("share.named_services")  # the payment pick ticked it; the window may untick it
    found = {(p.code, str(p.place)) for p in check(profile, LIBRARY)}
    assert ("unknown-service", "service:no_such_service") in found
    assert ("unknown-service", "service:custom.x") in found
    assert ("services-unnamed", "practice:share.named_services") in found


def test_an_old_payment_answer_in_words_becomes_a_pick():
    known = new_profile({**TEXAS_STUDIO, "payment_processor": "stripe "}, LIBRARY)
    assert known.services == {"stripe": {}} and known.answers["payment_processor"] == {"stripe": {}}
    unknown = new_profile({**TEXAS_STUDIO, "payment_processor": "Acme Pay"}, LIBRARY)
    assert unknown.services["custom.acme_pay"]["entry"]["kind"] == "payments"
    assert unknown.practices["collect.orders"]["processor"] == "Acme Pay"
    assert any(b.startswith("Payment processors: Acme Pay") for b in blocks_of(unknown))


def test_a_childrens_app_names_the_service_that_collects_as_another_operator_until_a_parent_agrees():
    app = new_profile(CHILDREN_APP, LIBRARY)
    assert "No other company collects" in "\n".join(blocks_of(app)) and contradictions(app) == []
    app.services = {"youtube": {"privacy_enhanced": True}}
    blocks = blocks_of(app)
    assert "No other company collects" not in "\n".join(blocks)
    assert "Google LLC, through YouTube (its privacy policy: https://policies.google.com/privacy)" in after(
        blocks, "Other companies also collect")
    # COPPA wants each operator's address and a parent's consent: until the owner lists them, check says so
    assert {p.code for p in contradictions(app)} >= {"contradiction-children"}
    app.practices["children.directed"]["other_operators"] = ["Google LLC, 1600 Amphitheatre Parkway, Mountain View, "
                                                             "CA 94043, +1 650-253-0000, privacy@google.com"]
    assert contradictions(app) == []
