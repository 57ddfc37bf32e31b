"""A lawyer's read of the all-practices policy: places where two clauses disagreed, a clause said
more than what was ticked, or a generated list left out what the policy says elsewhere."""

import re
from dataclasses import replace

import pytest
from conftest import make_profile

from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.review.checks import check
from desktop.engine.review.example import all_practices_profile
from desktop.paths import bundled_dir


def _blocks(profile, library) -> list[str]:
    """Paragraphs, and list items marked "- "."""
    blocks = assemble(profile, library).text_blocks()
    return [("- " if kind == "item" else "") + text for kind, text in blocks if kind in ("paragraph", "item")]


def _text(profile, library) -> str:
    return "\n".join(_blocks(profile, library))


@pytest.fixture(scope="module")
def everything(bundled_library) -> list[str]:
    return _blocks(all_practices_profile(bundled_library), bundled_library)


def _containing(blocks: list[str], words: str) -> str:
    return next(text for text in blocks if words in text)


def _items_after(blocks: list[str], words: str) -> list[str]:
    """The list items that follow the paragraph holding `words`, up to the next paragraph."""
    start = blocks.index(_containing(blocks, words)) + 1
    end = next((i for i in range(start, len(blocks)) if not blocks[i].startswith("- ")), len(blocks))
    return [item.removeprefix("- ") for item in blocks[start:end]]


# 1. Partner offers: one consent model (opt in) in the sharing, California and legal-bases sections
@pytest.mark.parametrize("choice_at_signup", [True, False])
def test_partner_offers_are_sent_only_to_those_who_agree(bundled_library, choice_at_signup):
    profile = make_profile(share__partner_promotions={"choice_at_signup": choice_at_signup})
    text = _text(profile, bundled_library)
    assert "We send you these offers only if you agree to get them." in text
    assert "choose not to get these offers" not in text


def test_the_legal_bases_name_consent_for_partner_offers(everything):
    assert "offers from our partners: your consent, which you can take back at any time" in _containing(
        everything, "offers from our partners:")
    assert "you opt in by joining a program" in _text_of(everything)


def test_the_legal_bases_leave_partner_offers_out_when_none_are_sent(bundled_library):
    text = _text(make_profile(legal_bases__overview={}, comms__newsletter={}), bundled_library)
    assert "- Marketing emails: your consent" in text and "Offers from our partners" not in text


def _text_of(blocks: list[str]) -> str:
    return "\n".join(blocks)


# 2. Tracking by other companies: only what is ticked
def test_analytics_confirmed_for_us_alone_is_not_tracking_across_websites(bundled_library):
    profile = make_profile(cookies__third_party_tracking={}, cookies__analytics={"only_for_us": True})
    blocks = _blocks(profile, bundled_library)
    text = _containing(blocks, "what you do online over time and across different websites")
    assert text.startswith("We do not let other companies that use the information for their own purposes collect")
    assert "analytics services that work only for us" in _containing(blocks, "We also use analytics services")


def test_sign_in_with_another_company_is_listed_as_tracking_not_denied(everything):
    trackers = _items_after(everything, "Some other companies may collect information")
    assert "the company you sign in with, when you sign in with it" in trackers
    assert not any("We do not let other companies" in text for text in everything)


def test_ad_networks_are_listed_as_trackers_and_analytics_for_us_is_not(bundled_library):
    profile = make_profile(cookies__third_party_tracking={}, cookies__analytics={"only_for_us": True}, cookies__ad_network={})
    blocks = _blocks(profile, bundled_library)
    trackers = _items_after(blocks, "Some other companies may collect information")
    assert trackers == ["advertising networks and ad tech companies that pick ads based on your interests"]
    assert any(text.startswith("We also use analytics services that work only for us") for text in blocks)


# 3. Retention: a deletion reads as one, and the catch-all comes last
def test_the_retention_schedule_ends_with_anything_else(everything):
    rows = _items_after(everything, "Here is how long we usually keep each kind of information")
    assert "Children’s information: deleted as soon as we learn we have it" in rows
    assert rows[-1] == "Anything else: until we no longer need it for the uses in this policy"
    assert not any(row.startswith("Personal information:") for row in rows)


def test_a_catch_all_alone_keeps_its_name(bundled_library):
    blocks = _blocks(make_profile(retention__criteria={}), bundled_library)
    rows = _items_after(blocks, "Here is how long we usually keep each kind of information")
    assert rows == ["Personal information: until we no longer need it for the uses in this policy"]


# 4. Debt collection goes to debt collectors and, if it comes to that, a court; not the police
def test_debt_collection_is_shared_with_courts_not_the_police(everything):
    text = _containing(everything, "If you owe us money")
    assert "the courts that hear our claim" in text
    assert "police" not in text and "public bodies" not in text


# 5. Transfers: a US company does not name its own country as a foreign one
def test_a_us_company_does_not_send_data_abroad_to_the_united_states(everything):
    text = _text_of(everything)
    assert "including the United States" not in text
    assert "We are based in the United States" in text


@pytest.mark.parametrize("spelling", ["USA", "U.S.", "united states of america"])
def test_a_us_company_is_known_however_its_country_is_spelled(bundled_library, spelling):
    profile = make_profile(transfers__international={})
    profile.company = replace(profile.company, country=spelling)
    text = _text(profile, bundled_library)
    assert "We are based in the United States" in text
    assert "including the United States" not in text


def test_a_company_elsewhere_names_the_countries_it_sends_data_to(bundled_library):
    profile = make_profile(transfers__international={})
    profile.company = replace(profile.company, country="United Kingdom")
    text = _text(profile, bundled_library)
    assert "in other countries, including the United States" in text
    assert "We are based in the United States" not in text


# 6. Disputes: one mediation step, named once
def test_mediation_refers_to_the_independent_service_when_there_is_one(everything):
    text = _text_of(everything)
    assert "pick the mediator together" not in text
    assert re.search(r"with the independent service named in section \d+ \(How to contact us\)", text)
    assert text.count("independent of us") == 1


def test_mediation_without_an_independent_service_has_the_sides_pick_a_mediator(bundled_library):
    profile = make_profile(law__governing={})
    profile.company = replace(profile.company, region="Illinois")
    assert "The two sides will pick the mediator together." in _text(profile, bundled_library)


# 7. California: every recipient the sharing section names is in the list of who got it
def test_the_california_recipients_include_everyone_section_7_names(everything):
    recipients = " ".join(_items_after(everything, "each with the sources we got it from"))
    for named in ("debt collection agencies that collect money owed to us",
                  "a company that merges with us, or buys our business or some of what we own",
                  "the other people or businesses on the Platform who are interested in a booking with you",
                  "courts, the police and other public bodies",
                  "companies that do work for us and may use your information only to do that work"):
        assert named in recipients, recipients
    assert "the courts that hear our claim" not in recipients  # the courts are named once, among public bodies
    assert "anyone who uses or visits the Platform" not in recipients  # what users post themselves


def test_an_opt_out_for_partner_offers_contradicts_the_opt_in_elsewhere(bundled_library, tmp_path):
    # the old wording ("when you sign up, you can choose not to get these offers"), as a user's own clause
    source = (bundled_library.clauses["share.partner_promotions"].path).read_text(encoding="utf-8")
    opt_out = source.replace("asks consent to use identifiers.name, identifiers.email, identifiers.phone, identifiers.postal_address",
                             "uses identifiers.name, identifiers.email, identifiers.phone, identifiers.postal_address")
    opt_out = opt_out.replace("for communicate.marketing.partners\",\n  \"does not share",
                              "for communicate.marketing.partners unless you opt out\",\n  \"does not share")
    assert "unless you opt out" in opt_out
    (tmp_path / "50-sharing").mkdir()
    (tmp_path / "50-sharing" / "share.partner_promotions.md").write_text(opt_out, encoding="utf-8")
    library = load_library([bundled_dir("snippets"), tmp_path])
    profile = make_profile(share__partner_promotions={}, california__financial_incentive={"value": "about $5 a year"})
    problems = [p for p in check(profile, library) if p.code.startswith("contradiction")]
    assert [sorted((p.place.id, *(a.id for a in p.also))) for p in problems] == [
        ["california.financial_incentive", "share.partner_promotions"]], [p.message for p in problems]
