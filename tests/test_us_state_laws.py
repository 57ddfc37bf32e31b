"""The US state privacy laws (issue 22), decided by the interview and checked like every law: businesses
built through the interview, each law's rules made to fire, and a gap in each law named in a warning."""

import datetime as dt

import pytest
from businesses import CALIFORNIA_APP, TEXAS_STUDIO
from laws import BUNDLED_LAWS

from desktop.engine.interview.interview import new_profile, regime_reasons
from desktop.engine.language.conditions import parse_condition
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.answer_values import lookup
from desktop.engine.review.checks import check
from desktop.engine.review.coverage import MISSING, coverage
from desktop.engine.review.example import example_profile

TODAY = dt.date(2026, 12, 7)
US_LAWS = [law for law in BUNDLED_LAWS if BUNDLED_LAWS[law].sensitive_list == "us_states" and BUNDLED_LAWS[law].requirements]

# A Colorado outdoor-gear shop with 150,000 Colorado customers a year and an ad network's targeted ads.
COLORADO_SHOP = {
    "company_name": "Peak Gear LLC", "service_name": "Peak Gear", "service_kind": "website",
    "website": "peakgear.example", "contact_email": "privacy@peakgear.example", "takes_payments": True,
    "analytics": True, "ad_network": True, "cookie_settings": "the Cookie choices link at the foot of every page",
    "user_places": [], "california_users": False, "us_states": ["Colorado"], "us_people": ["Colorado: 150,000"],
    "children": "general audience", "sells_data": False, "keep_logs": "for 6 months",
}


def codes(profile, library) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in check(profile, library):
        found.setdefault(problem.code, []).append(problem.message)
    return found


def test_a_condition_reads_numbers_and_the_items_of_a_list_answer():
    find = lookup({"us_states": ["Colorado", "New Hampshire"], "us_people": ["Colorado: 150,000", "Oregon"],
                   "sale_revenue_share": "30%"})
    holds = lambda text: parse_condition(text).holds(find)  # noqa: E731
    assert holds("answer.us_states.new_hampshire") and not holds("answer.us_states.oregon")
    assert holds("answer.us_people.colorado >= 100000") and not holds("answer.us_people.colorado < 100000")
    assert not holds("answer.us_people.oregon >= 0"), "a state without a number has no count"
    assert holds("answer.sale_revenue_share > 25") and not holds("answer.sale_revenue_share > 50")
    assert not holds("answer.us_people.texas >= 0") and holds("not answer.us_people.texas >= 0")


def test_the_colorado_shop_gets_colorado_law_with_its_opt_out_and_appeal(bundled_library):
    reasons = regime_reasons(COLORADO_SHOP)
    assert reasons["us_co"].text == "Colorado: applies because you handle data of 100,000 or more Coloradans a year."
    assert reasons["us_or"].text == "Oregon: does not apply, you have not said that people in Oregon use your service."
    profile = new_profile(COLORADO_SHOP, bundled_library, TODAY)
    assert profile.regimes == ["us_co"]
    assert {"us_states.opt_out", "us_states.appeal", "us_states.rights"} <= set(profile.practices)
    found = codes(profile, bundled_library)
    assert "contradiction-opt-out" not in found and "contradiction-appeal" not in found
    assert not [m for m in found.get("regime-gap", []) if m.startswith("Colorado")]

    without_opt_out = new_profile(COLORADO_SHOP, bundled_library, TODAY)
    without_opt_out.practices.pop("us_states.opt_out")
    opt_outs = codes(without_opt_out, bundled_library)["contradiction-opt-out"]  # one per clause sharing for ads
    assert opt_outs and all("Colorado law then requires a way to opt out of targeted advertising" in m for m in opt_outs)

    without_appeal = new_profile(COLORADO_SHOP, bundled_library, TODAY)
    without_appeal.practices.pop("us_states.appeal")
    [appeal] = codes(without_appeal, bundled_library)["contradiction-appeal"]
    assert "how people can appeal when you refuse a request" in appeal


def test_fewer_residents_than_the_threshold_leave_the_law_out_with_a_reason():
    answers = {**COLORADO_SHOP, "us_states": ["Oregon"], "us_people": ["Oregon: 20000"]}
    assert regime_reasons(answers)["us_or"].text == (
        "Oregon: does not apply, you handle data of fewer than 100,000 Oregonians a year and less than a quarter "
        "of your revenue comes from selling it.")
    selling = {**answers, "sells_data": True, "sale_revenue_share": "30", "us_people": ["Oregon: 30000"]}
    assert regime_reasons(selling)["us_or"].applies
    assert not regime_reasons({**answers, "us_people": []})["us_or"].applies


def test_sensitive_data_under_colorado_law_needs_consent(bundled_library):
    answers = {**COLORADO_SHOP, "sensitive_kinds": ["precise location (GPS)"], "sensitive_why": "to find your nearest store",
               "sensitive_who": "our staff", "sensitive_basis": "none of these yet", "keep_sensitive": "for a day"}
    [consent] = codes(new_profile(answers, bundled_library, TODAY), bundled_library)["contradiction-sensitive-consent"]
    assert "Colorado law then requires the person's consent before you use precise location" in consent
    consented = new_profile({**answers, "sensitive_basis": "your explicit consent"}, bundled_library, TODAY)
    assert "contradiction-sensitive-consent" not in codes(consented, bundled_library)


def test_the_texas_studio_as_a_small_business_is_outside_texas_law_unless_it_sells_sensitive_data(bundled_library):
    studio = {**TEXAS_STUDIO, "us_states": ["Texas"], "sba_small_business": True}
    reasons = regime_reasons(studio)
    assert reasons["us_tx"].text.startswith("Texas: does not apply, you are a small business under the SBA's standards")
    assert not reasons["us_tx_small"].applies
    assert "us_tx" not in new_profile(studio, bundled_library, TODAY).regimes

    selling = {**studio, "sells_data": True, "sells_sensitive": True, "sensitive_basis": "none of these yet"}
    assert regime_reasons(selling)["us_tx_small"].applies
    profile = new_profile(selling, bundled_library, TODAY)
    assert "us_tx_small" in profile.regimes and "us_states.sensitive_sale" in profile.practices
    [consent] = codes(profile, bundled_library)["contradiction-sensitive-consent"]
    assert "Texas law then requires the person's consent before you sell health" in consent


def test_a_larger_texas_business_selling_sensitive_data_needs_the_notice_word_for_word(bundled_library):
    answers = {**TEXAS_STUDIO, "us_states": ["Texas"], "sba_small_business": False, "sells_data": True,
               "sells_sensitive": True}
    assert regime_reasons(answers)["us_tx"].text == "Texas: applies because you are not a small business under the SBA's standards."
    profile = new_profile(answers, bundled_library, TODAY)
    assert "us_states.sale_notice" in profile.practices
    assert "contradiction-sale-notice" not in codes(profile, bundled_library)
    profile.practices.pop("us_states.sale_notice")
    [notice] = codes(profile, bundled_library)["contradiction-sale-notice"]
    assert "“NOTICE: We may sell your sensitive personal data.”" in notice


def test_maryland_forbids_selling_sensitive_data(bundled_library):
    answers = {**TEXAS_STUDIO, "us_states": ["Maryland"], "us_people": ["Maryland: 40000"], "sells_data": True,
               "sells_sensitive": True}
    profile = new_profile(answers, bundled_library, TODAY)
    assert "us_md" in profile.regimes
    [ban] = codes(profile, bundled_library)["contradiction-sensitive-sale"]
    assert "Maryland law forbids selling sensitive data" in ban


def test_several_states_share_one_section(bundled_library):
    answers = {**COLORADO_SHOP, "us_states": ["Colorado", "Virginia", "Oregon"],
               "us_people": ["Colorado: 150000", "Virginia: 120000", "Oregon: 110000"]}
    profile = new_profile(answers, bundled_library, TODAY)
    assert profile.regimes == ["us_va", "us_co", "us_or"]
    from desktop.engine.policy.assemble import assemble
    sections = [s for s in assemble(profile, bundled_library).sections if s.title == "Your US state privacy rights"]
    assert len(sections) == 1


@pytest.mark.parametrize("law", US_LAWS)
def test_a_missing_requirement_is_a_warning_naming_the_law_and_the_requirement(law, bundled_library):
    profile = example_profile(bundled_library, TODAY)
    profile.regimes = [law]
    found = coverage(profile, bundled_library)[law]
    for item in found.requirements:
        for practice in item.practices[:1] if item.state == MISSING else ():
            profile.practices.setdefault(practice, {})
    assert not [p for p in check(profile, bundled_library) if p.code == "regime-gap"]
    requirement = BUNDLED_LAWS[law].requirements[0]
    removed = [bundled_library.clauses[c] for c in coverage(profile, bundled_library)[law].requirements[0].clauses]
    for clause in removed:
        profile.practices.pop(clause.practice, None)
    gaps = {p.place.id: p for p in check(profile, bundled_library) if p.code == "regime-gap"}
    assert requirement.id in gaps and set(gaps) <= {id for clause in removed for id in clause.regimes}
    gap = gaps[requirement.id]
    assert gap.message.startswith(f"{BUNDLED_LAWS[law].title}: the policy should say {requirement.words[:1].lower()}")
    assert requirement.citation and requirement.citation in gap.detail


def test_profiling_for_important_decisions_needs_an_opt_out_where_the_law_gives_one(bundled_library):
    from desktop.engine.facts.grammar import parse_fact
    from desktop.engine.facts.model import StatedFact
    from desktop.engine.facts.rules import contradictions

    def stated(*texts):
        return [StatedFact(f"clause{i}", f"clause{i}", parse_fact(t, bundled_library.vocabulary)) for i, t in enumerate(texts)]
    deciding = stated("uses personal for automated_decisions")
    [found] = contradictions(deciding, [BUNDLED_LAWS["us_va"]], bundled_library.vocabulary)
    assert found.kind == "opt-out" and "Virginia law then requires a way to opt out of profiling" in found.reason
    assert not contradictions(deciding, [BUNDLED_LAWS["us_ia"]], bundled_library.vocabulary), "Iowa gives no such opt-out"
    opted = stated("uses personal for automated_decisions", "offers opt-out of profiling")
    [appeal] = contradictions(opted, [BUNDLED_LAWS["us_va"]], bundled_library.vocabulary)
    assert appeal.kind == "appeal", "an opt-out is a right, and a refused right can be appealed"
    assert not contradictions(opted + stated("offers appeal"), [BUNDLED_LAWS["us_va"]], bundled_library.vocabulary)


def test_the_states_no_one_lives_in_are_one_line_of_the_answer_s_effects(bundled_library):
    from desktop.engine.interview.interview import answer_effects

    effects = {e.question.id: e.lines for e in answer_effects(COLORADO_SHOP, bundled_library) if e.question}
    assert effects["us_states"] == (
        # whether people in the US use the service also decides whether COPPA can reach a business abroad
        "Your service is for a general audience and you know of no users under 13, so COPPA does not apply.",
        "Colorado: applies because you handle data of 100,000 or more Coloradans a year.",
        "Not covered, as you have not said that people live where they apply: the 18 other US state laws.")


@pytest.mark.parametrize("answers, law, section", [
    ({**COLORADO_SHOP}, "Colorado law", "Your US state privacy rights"),
    ({k: v for k, v in CALIFORNIA_APP.items() if k != "opt_out_signals"}, "California law", "Your California privacy rights"),
], ids=["Colorado shop", "California app"])
def test_global_privacy_control_is_promised_only_once_the_owner_says_the_site_acts_on_it(bundled_library, answers, law, section):
    """The policy promised to honour Global Privacy Control without asking; the law requires acting on it when you sell
    or show targeted ads (11 CCR § 7025(b); C.R.S. 6-1-1306(1)(a)(IV)(B)), so until the owner says the site does,
    the check says what to do and the policy promises nothing."""
    unanswered = new_profile(answers, bundled_library, TODAY)
    [signal] = codes(unanswered, bundled_library)["contradiction-opt-out-signals"]
    assert f"{law} then requires you to treat a browser's opt-out signal, such as Global Privacy Control" in signal
    assert "Global Privacy Control" not in assemble(unanswered, bundled_library).plain_text()

    not_yet = new_profile({**answers, "opt_out_signals": "not yet"}, bundled_library, TODAY)
    assert "california.gpc" not in not_yet.practices and "contradiction-opt-out-signals" in codes(not_yet, bundled_library)

    acting = new_profile({**answers, "opt_out_signals": "yes"}, bundled_library, TODAY)
    assert "contradiction-opt-out-signals" not in codes(acting, bundled_library)
    text = assemble(acting, bundled_library).plain_text()
    assert "Global Privacy Control" in text[text.index(section):]


def test_a_business_that_neither_sells_nor_shows_targeted_ads_is_not_asked_about_opt_out_signals(bundled_library):
    shop = {**COLORADO_SHOP, "ad_network": False, "shares_for_ads": False}
    assert "contradiction-opt-out-signals" not in codes(new_profile(shop, bundled_library, TODAY), bundled_library)
