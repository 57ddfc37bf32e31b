"""The gaps a regulator would see: each is asked for, shown in the policy, and warned about
when the profile makes it necessary and it is missing."""

import pytest

from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.place import FIELD, Place
from desktop.engine.review.checks import WARNING, check, field_problems
from desktop.engine.review.example import example_profile
from tests.laws import BUNDLED_LIBRARY


def warnings_at(profile, key: str) -> list:
    return [p for p in field_problems(profile, BUNDLED_LIBRARY) if p.place == Place(FIELD, key)]


@pytest.fixture
def gdpr_profile(bundled_library):
    profile = example_profile(bundled_library)
    profile.regimes = ["gdpr"]
    return profile


# --- GDPR: the representative (Art. 27) and the data protection officer (Art. 37-39)

@pytest.mark.parametrize(("country", "regimes", "warned"), [
    ("United States", ["gdpr"], True),
    ("Canada", ["gdpr", "ccpa"], True),
    ("United States", ["caloppa"], False),  # the GDPR is not chosen
    ("Germany", ["gdpr"], False),
    ("United Kingdom", ["gdpr"], True),  # outside the EU since 2020: its own representative for the UK GDPR
    ("Norway", ["gdpr"], False),  # in the EEA, not the EU
    ("uk", ["gdpr"], True),  # an alias
    ("Switzerland", ["gdpr"], True),
    ("", ["gdpr"], False),  # no country given: nothing to judge by
])
def test_a_company_outside_the_eea_is_warned_to_name_its_representative(gdpr_profile, country, regimes, warned):
    gdpr_profile.company.country, gdpr_profile.regimes = country, regimes
    found = warnings_at(gdpr_profile, "company.eu_representative")
    assert [(p.severity, p.code) for p in found] == ([(WARNING, "needed-detail")] if warned else [])
    gdpr_profile.set_field("company.eu_representative", "EU Rep Ltd, rep@eurep.example")
    assert warnings_at(gdpr_profile, "company.eu_representative") == []


def test_the_representative_is_shown_where_the_controller_is(bundled_library, gdpr_profile):
    assert "representative" not in assemble(gdpr_profile, bundled_library).plain_text()
    gdpr_profile.set_field("company.eu_representative", "EU Rep Ltd, 1 Quay Street, Dublin")
    text = assemble(gdpr_profile, bundled_library).plain_text()
    assert "Our representative in the European Union is EU Rep Ltd, 1 Quay Street, Dublin." in text
    assert not any(p.code == "needed-detail" for p in check(example_profile(bundled_library), bundled_library))


def test_a_data_protection_officer_is_warned_about_only_when_the_profile_says_one_is_required(bundled_library, gdpr_profile):
    assert warnings_at(gdpr_profile, "company.dpo_contact") == []
    gdpr_profile.set_field("company.dpo_required", "no")
    assert warnings_at(gdpr_profile, "company.dpo_contact") == []
    assert "We have not appointed a data protection officer" in assemble(gdpr_profile, bundled_library).plain_text()
    gdpr_profile.set_field("company.dpo_required", "yes")
    assert [p.code for p in warnings_at(gdpr_profile, "company.dpo_contact")] == ["needed-detail"]
    assert "data protection officer" not in assemble(gdpr_profile, bundled_library).plain_text()
    gdpr_profile.set_field("company.dpo_contact", "Jo Smith, dpo@acme-audio.example")
    assert warnings_at(gdpr_profile, "company.dpo_contact") == []
    assert "You can contact them at Jo Smith, dpo@acme-audio.example." in assemble(gdpr_profile, bundled_library).plain_text()
    gdpr_profile.regimes = ["caloppa"]
    gdpr_profile.set_field("company.dpo_contact", "")
    assert warnings_at(gdpr_profile, "company.dpo_contact") == []


# --- GDPR Art. 8: the age of digital consent and how a parent gives it

@pytest.mark.parametrize(("age_rule", "says"), [
    ("16 in every country", "We use 16 for everyone in the EU and the UK"),
    ("the age set in each country", "We use the age set in the country where the child lives."),
])
def test_the_consent_age_is_stated_with_how_a_parent_gives_consent(bundled_library, gdpr_profile, age_rule, says):
    gdpr_profile.practices["children.gdpr_consent_age"] = {"age_rule": age_rule, "consent_method": "through a signed form"}
    text = assemble(gdpr_profile, bundled_library).plain_text()
    assert says in text and "lets each country lower it to 15, 14 or 13" in text
    assert "we ask a parent or guardian to give it through a signed form." in text


# --- CCPA: a toll-free number, unless the business is only online and deals with people directly

def ccpa_profile(bundled_library, **practices):
    profile = example_profile(bundled_library)
    profile.regimes = ["ccpa", "caloppa"]
    profile.practices.update({"california.rights": {}, **practices})
    return profile


def test_a_toll_free_number_is_asked_for_unless_the_business_is_only_online(bundled_library):
    profile = ccpa_profile(bundled_library, **{"california.request_methods": {}})
    document = assemble(profile, bundled_library)
    assert "california.request_methods.toll_free" in {gap.name for gap in document.gaps}
    assert any(p.severity == "error" and p.place.option == "toll_free" for p in check(profile, bundled_library, document))
    profile.practices["california.request_methods"] = {"online_only": True}
    document = assemble(profile, bundled_library)
    assert document.gaps == []
    text = document.plain_text()
    assert "toll-free" not in text and "Email us at privacy@acme-audio.example." in text
    profile.practices["california.request_methods"] = {"toll_free": "+1 800 555 0100", "web_form": "https://acme-audio.example/privacy-request"}
    text = assemble(profile, bundled_library).plain_text()
    assert "Call us toll-free at +1 800 555 0100." in text
    assert "Fill in the request form at https://acme-audio.example/privacy-request." in text


# --- CCPA: a notice of financial incentive when contests, referral rewards or partner offers are ticked

NO_INCENTIVE = "We do not offer financial incentives"


def test_the_financial_incentive_notice_follows_the_programs_ticked(bundled_library):
    profile = ccpa_profile(bundled_library, **{"california.financial_incentive": {"value": "about $5 a year"}})
    text = assemble(profile, bundled_library).plain_text()
    assert NO_INCENTIVE in text and "notice of financial incentive" not in text
    profile.practices["community.referrals"] = {}  # inviting a friend earns nothing: no incentive
    assert NO_INCENTIVE in assemble(profile, bundled_library).plain_text()
    profile.practices["california.financial_incentive"]["referral_reward"] = "a month of our paid plan for free"
    text = assemble(profile, bundled_library).plain_text()
    assert NO_INCENTIVE not in text and "This is our notice of financial incentive." in text
    assert "Telling a friend. You give us a friend’s name and email address" in text
    assert "You get a month of our paid plan for free." in text and "Contests and prize draws" not in text
    profile.practices["share.partner_promotions"] = {}
    assert "Offers from our partners." in assemble(profile, bundled_library).plain_text()


def test_the_value_of_the_data_must_be_given(bundled_library):
    profile = ccpa_profile(bundled_library, **{"california.financial_incentive": {}, "use.contests": {}})
    assert "california.financial_incentive.value" in {gap.name for gap in assemble(profile, bundled_library).gaps}


# --- CCPA: the sensitive kinds the vocabulary lists, disclosed when collected, and their limited use

def test_each_sensitive_kind_collected_is_listed_from_the_facts(bundled_library):
    items = ["your precise location", "your Social Security number", "details about your health", "your racial or ethnic origin"]
    profile = ccpa_profile(bundled_library, **{"california.sensitive": {"sensitive_items": items}})
    document = assemble(profile, bundled_library)
    listed = next(block for section in document.sections for block in section.blocks
                  if block.clause_id == "california.sensitive" and type(block).__name__ == "BulletList")
    assert [block_text_of(item) for item in listed.items] == [
        "password", "precise location", "government identity numbers", "health information",
        "racial or ethnic origin, beliefs or union membership"]
    assert "We use this information only for the purposes the law allows, such as" in document.plain_text()


def block_text_of(runs) -> str:
    return "".join(run.text for run in runs)


def test_sensitive_information_used_beyond_the_law_offers_the_limit_link(bundled_library):
    profile = ccpa_profile(bundled_library, **{"california.sensitive": {"limited_use": False}})
    assert "california.sensitive.other_uses" in {gap.name for gap in assemble(profile, bundled_library).gaps}
    profile.practices["california.sensitive"]["other_uses"] = "to suggest products you may like"
    text = assemble(profile, bundled_library).plain_text()
    assert "We also use it to suggest products you may like." in text
    assert "use the “Limit the Use of My Sensitive Personal Information” link" in text
    assert "we do not offer a separate way to limit its use" not in text


def test_saying_no_sensitive_information_is_collected_contradicts_collecting_a_password(bundled_library):
    profile = ccpa_profile(bundled_library, **{"california.sensitive": {"collects_sensitive": False}})
    assert "collect.registration" in profile.practices
    problems = [p for p in check(profile, bundled_library) if p.code.startswith("contradiction")]
    assert [p.place.id for p in problems] and {"collect.registration", "california.sensitive"} <= {
        place.id for p in problems for place in (p.place, *p.also)}
    profile.practices.pop("collect.registration")
    profile.practices.pop("collect.obligation", None)
    assert not [p for p in check(profile, bundled_library) if p.code.startswith("contradiction")]


# --- CCPA: the "Do Not Sell or Share" link when selling or sharing

def test_the_do_not_sell_link_is_required_when_selling_or_sharing(bundled_library):
    profile = ccpa_profile(bundled_library, **{"california.opt_out": {}, "cookies.ad_network": {}})
    profile.practices.pop("california.no_sale", None)
    profile.practices.pop("share.no_selling", None)
    assert "california.opt_out.url" in {gap.name for gap in assemble(profile, bundled_library).gaps}
    profile.practices["california.opt_out"] = {"url": "https://acme-audio.example/do-not-sell"}
    text = assemble(profile, bundled_library).plain_text()
    assert "click the “Do Not Sell or Share My Personal Information” link" in text
    assert "go straight to the opt-out page at https://acme-audio.example/do-not-sell." in text
    profile.company.website = ""  # an app: the link is in its settings, and there is no page to name
    profile.practices["california.opt_out"] = {}
    document = assemble(profile, bundled_library)
    assert "california.opt_out.url" not in {gap.name for gap in document.gaps}
    assert "use the “Do Not Sell or Share My Personal Information” link in the settings" in document.plain_text()


def test_a_business_that_does_not_sell_says_why_it_shows_no_link(bundled_library):
    profile = ccpa_profile(bundled_library, **{"california.no_sale": {}})
    assert "we do not need to show a “Do Not Sell or Share My Personal Information” link" in assemble(profile, bundled_library).plain_text()


# --- COPPA: every other operator that collects from children, named with how to reach it

def children_profile(bundled_library, **options):
    profile = example_profile(bundled_library)
    profile.regimes, profile.answers = ["coppa"], {}  # a service for children, not the example's answers
    for adult_only in ("children.under13", "use.advertising", "use.personalise", "cookies.preferences"):
        profile.practices.pop(adult_only, None)  # ads and profiles of interests: not for a service made for children
    profile.practices.update({"children.directed": options, "children.directed_parent_rights": {},
                              "children.directed_retention": {}})
    return profile


def test_the_other_operators_that_collect_from_children_are_named_with_how_to_reach_them(bundled_library):
    text = assemble(children_profile(bundled_library), bundled_library).plain_text()
    assert "No other company collects personal information from children through the Platform." in text
    operator = "Example Ads Ltd, 2 Side Street, Springfield, IL 62701, +1 555 0101, privacy@ads.example"
    profile = children_profile(bundled_library, other_operators=[operator])
    document = assemble(profile, bundled_library)
    text = document.plain_text()
    assert "No other company collects" not in text
    assert ("Other companies also collect personal information from children through the Platform, but only "
            "when a parent has agreed to it.") in text
    assert operator in text and "Apart from the other companies named below, we give it only to:" in text
    shared = {(s.fact.verb, s.fact.recipient) for s in document.facts if s.clause_id == "children.directed" and s.fact.positive}
    assert ("lets collect", "third_parties") in shared
    assert [p.message for p in check(profile, bundled_library, document) if p.code.startswith("contradiction")] == []
