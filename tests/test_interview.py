"""The interview: its questions file checked against the library, follow-ups, and answers ->
profile for three businesses of different shapes, each with the laws that apply and why."""

import copy

import pytest
from businesses import CALIFORNIA_APP, CHILDREN_APP, OREGON_TICKETS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine.interview.faults import question_faults
from desktop.engine.interview.interview import (
    answer_effects,
    apply_answers,
    asked,
    keep_owner_edits,
    load_questions,
    new_profile,
    regime_reasons,
    start_profile,
)
from desktop.engine.interview.ruled_out import answer_contradictions
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import ProfileError, ordered_regimes, profile_from_dict, profile_to_dict
from desktop.engine.profile.questions import CHOICE, LIST, SERVICES, TEXT, YES_NO, QuestionsError, parse_questions
from desktop.engine.review.checks import check
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
QUESTIONS = load_questions()

CONTRADICTIONS = ("contradiction", "conflict", "exclusive-group", "needs-practice")


def contradictions(profile) -> list[str]:
    return [p.message for p in check(profile, LIBRARY) if p.code.startswith(CONTRADICTIONS)]


# The questions file

def test_the_questions_file_agrees_with_the_library():
    """Every question reachable and doing something; every effect names an existing practice, option
    (with a value of its type), field or law; every condition parses and names earlier questions."""
    assert question_faults(QUESTIONS, LIBRARY) == []
    # five ask how long things are kept, eight about sensitive data, six decide the US state laws (asked for US
    # customers only), two where the business is, one picks services, two name Canada's person in charge, one
    # asks whether the website acts on Global Privacy Control, one lists the site's own cookies, one asks about
    # information taken in person or by phone
    assert 20 <= len(QUESTIONS.questions) <= 62
    assert {q.type for q in QUESTIONS.questions} == {YES_NO, CHOICE, TEXT, LIST, SERVICES}
    assert all(q.why and len(q.why) < 130 for q in QUESTIONS.questions), "each `why` is one line"


def minimal(**question) -> dict:
    base = {"id": "q", "page": "p", "type": "yes/no", "text": "Q?", "why": "Because."}
    return {"page": [{"id": "p", "title": "P"}], "question": [{**base, **question}]}


def test_faults_name_what_is_wrong():
    data = minimal(effects=[{"answer": True, "tick": ["no.such"], "options": {"collect.orders.processor": 5,
                                                                               "collect.orders.nope": "x"},
                             "fields": {"company.nope": "x"}, "when": "regime.nope"}])
    faults = "\n".join(question_faults(parse_questions(data), LIBRARY))
    assert "unknown practice 'no.such'" in faults
    assert "option 'collect.orders.processor' must be text" in faults
    assert "has no option 'nope'" in faults
    assert "unknown profile field 'company.nope'" in faults
    assert "unknown law 'regime.nope'" in faults
    assert "regime ccpa: the library declares it, but no [[regime]] says when it applies" in faults


def test_a_condition_may_name_only_earlier_questions_and_answers_it_can_have():
    with pytest.raises(QuestionsError, match="may name only earlier questions"):
        parse_questions(minimal(ask_when="answer.q"))
    with pytest.raises(QuestionsError, match="cannot read condition"):
        parse_questions(minimal(ask_when="answer.q ="))
    data = minimal()
    data["question"].append({"id": "r", "page": "p", "type": "yes/no", "text": "R?", "why": "W.", "ask_when": "answer.q == 'maybe'"})
    assert "'maybe' is not an answer to 'q' (yes, no)" in "\n".join(question_faults(parse_questions(data), LIBRARY))
    data["question"][1]["ask_when"] = "answer.q and not answer.q"
    assert "question r: no answers to the earlier questions ever ask it" in question_faults(parse_questions(data), LIBRARY)
    with pytest.raises(QuestionsError, match="says which `answer` it is for"):
        parse_questions(minimal(effects=[{"tick": ["intro.about"]}]))
    with pytest.raises(QuestionsError, match="`default` must be true or false"):
        parse_questions(minimal(default="yes"))


def test_a_new_profile_starts_with_no_claim_that_no_answer_made():
    """What a new profile holds before any answer says nothing about selling, sharing, children,
    Do Not Track or what stays private: the interview decides those."""
    start = start_profile(LIBRARY)
    assert not set(start.practices) & QUESTIONS.decided_practices
    for practice_id in start.practices:
        for clause in LIBRARY.practices[practice_id].clauses:
            for fact in clause.facts:
                assert fact.verb not in ("sells", "audience", "honours dnt", "makes public"), (practice_id, fact.source)
                assert fact.purpose not in ("ads", "ads.cross_context", "sale"), (practice_id, fact.source)
                assert fact.positive or fact.verb == "uses", (practice_id, fact.source)  # only "does not use … to identify you"
    unanswered = new_profile({}, LIBRARY)
    assert unanswered.regimes == []
    for claim in ("share.no_selling", "california.no_sale", "children.under13", "cookies.dnt_ignore", "use.automated_decisions"):
        assert claim not in unanswered.practices


# Follow-ups

def test_follow_ups_are_asked_only_when_an_answer_calls_for_them():
    def ids(answers):
        return {q.id for q in asked(QUESTIONS, answers)}

    assert {"sign_in_with", "payment_processor", "dnt", "revenue_over_25m", "transfers_abroad", "ad_network_use"} & ids({}) == set()
    assert "sign_in_with" in ids({"has_accounts": True})
    assert "payment_processor" in ids({"takes_payments": True})
    assert {"dnt", "revenue_over_25m", "californians_100k", "half_revenue_from_data", "teens"} <= ids({"california_users": True})
    assert "teens" not in ids({"california_users": True, "children": "children under 13"})
    assert "shares_for_ads" in ids({}) and "shares_for_ads" not in ids({"ad_network": True})
    # A follow-up's answer does nothing once it is no longer asked.
    assert "signin.google" not in new_profile({"has_accounts": False, "sign_in_with": ["Google"]}, LIBRARY).practices


# Three businesses

def test_an_oregon_ticket_website_gets_caloppa_and_gdpr_not_ccpa_and_says_why():
    profile = new_profile(OREGON_TICKETS, LIBRARY)
    assert profile.regimes == ["gdpr", "caloppa"]
    reasons = regime_reasons(OREGON_TICKETS)
    assert not reasons["ccpa"].applies and "under all three CCPA thresholds" in reasons["ccpa"].text
    assert reasons["caloppa"].applies and "whatever the size of your business" in reasons["caloppa"].text
    assert reasons["gdpr"].applies and "European Union" in reasons["gdpr"].text
    assert not reasons["coppa"].applies
    for practice in ("collect.orders", "comms.newsletter", "cookies.analytics", "share.no_selling", "transfers.international",
                     "rights.gdpr_rights", "legal_bases.overview", "children.under13", "cookies.dnt_ignore", "security.measures"):
        assert practice in profile.practices, practice
    assert not [p for p in profile.practices if p.startswith("california.")], "no California section without the CCPA"
    assert "collect.registration" not in profile.practices and "cookies.ad_network" not in profile.practices
    assert profile.practices["collect.orders"]["processor"] == "Stripe"
    assert profile.practices["collect.obligation"]["account_fields"] == []
    assert profile.company.legal_name == "Rose City Tickets LLC" and profile.terms.service == "Site"
    assert contradictions(profile) == []


def test_a_california_app_over_the_revenue_threshold_with_interest_based_ads_gets_ccpa_and_an_opt_out():
    profile = new_profile(CALIFORNIA_APP, LIBRARY)
    assert profile.regimes == ["ccpa", "caloppa"]
    reasons = regime_reasons(CALIFORNIA_APP)
    assert reasons["ccpa"].applies and "revenue is over about $25 million" in reasons["ccpa"].text
    assert "Nobody in the European Union" in reasons["gdpr"].text
    for practice in ("cookies.ad_network", "cookies.third_party_tracking", "california.opt_out", "california.gpc", "california.rights",
                     "california.categories", "signin.google", "signin.apple", "use.advertising", "share.no_selling"):
        assert practice in profile.practices, practice
    assert "california.no_sale" not in profile.practices, "an ad network shares for ads: no “we do not sell or share”"
    assert profile.practices["cookies.ad_network"]["uses"] == "show ads on {{the service}}"
    assert (profile.service.kind, profile.terms.service) == ("app", "App")
    assert contradictions(profile) == []


def test_a_childrens_learning_app_gets_coppa_and_the_childrens_clauses():
    profile = new_profile(CHILDREN_APP, LIBRARY)
    assert profile.regimes == ["caloppa", "coppa"]
    assert regime_reasons(CHILDREN_APP)["coppa"].text == "Your service is made for children under 13, so COPPA applies."
    assert {"children.directed", "children.directed_parent_rights", "children.directed_retention", "cookies.dnt_honour"} <= set(profile.practices)
    assert "children.under13" not in profile.practices
    assert not {"cookies.ad_network", "cookies.analytics", "use.advertising"} & set(profile.practices)
    assert contradictions(profile) == []


def test_each_ccpa_threshold_alone_brings_the_ccpa_with_its_own_reason():
    for threshold, words in (("revenue_over_25m", "$25 million"), ("californians_100k", "100,000"), ("half_revenue_from_data", "half")):
        reason = regime_reasons({"california_users": True, threshold: True})["ccpa"]
        assert reason.applies and words in reason.text
    assert not regime_reasons({"revenue_over_25m": True})["ccpa"].applies  # not asked without Californians


def test_answers_are_applied_without_changing_the_profile_given():
    before = new_profile(OREGON_TICKETS, LIBRARY)
    kept = copy.deepcopy(before)
    after = apply_answers(before, {**OREGON_TICKETS, "newsletter": False, "has_accounts": True}, LIBRARY)
    assert before == kept
    assert "comms.newsletter" not in after.practices and "collect.registration" in after.practices
    assert after.answers["newsletter"] is False


def test_practices_the_interview_does_not_decide_keep_what_the_user_ticked():
    profile = new_profile(OREGON_TICKETS, LIBRARY)
    profile.practices["law.governing"] = {"mediation": False}
    profile.practices.pop("share.protect")
    again = apply_answers(profile, OREGON_TICKETS, LIBRARY)
    assert again.practices["law.governing"] == {"mediation": False} and "share.protect" not in again.practices


# What each answer changed

def test_answer_effects_say_in_plain_words_what_each_answer_changed():
    effects = {e.question.id if e.question else e.title: e for e in answer_effects(OREGON_TICKETS, LIBRARY)}
    assert effects["newsletter"].answer == "Yes"
    assert "Ticks “Newsletter” and “Keeping in touch”." in effects["newsletter"].lines
    assert "Rules out “Your files and content”." in effects["uploads"].lines
    assert any("companies that take payments for us" in line for line in effects["takes_payments"].lines), "tokens read plainly"
    assert any("CCPA does not apply" in line for line in effects["revenue_over_25m"].lines)
    assert effects["Because GDPR applies"].lines[0].startswith("Ticks “Legal bases for each use”")
    assert "sign_in_with" not in effects, "a follow-up not asked is not shown"
    assert effects["sells_data"].lines == ("Ticks “We do not sell your information”.",)
    assert answer_effects({}, LIBRARY)[0].lines == ("Not answered, so the policy says nothing about it.",)


# Contradicting an answer

def test_a_ticked_practice_that_contradicts_an_answer_is_an_error_until_unticked():
    profile = new_profile(OREGON_TICKETS, LIBRARY)
    profile.practices["collect.registration"] = {}
    profile.practices["community.forums"] = {}
    problems = [p for p in check(profile, LIBRARY) if p.code == "contradiction-answer"]
    assert [(p.severity, p.where) for p in problems] == [("error", "practice:collect.registration"), ("error", "practice:community.forums")]
    assert problems[0].message == ("“Sign-up details” is ticked, but you answered “No” to “Can people create an account?”. "
                                   "Untick it, or change your answer in the interview.")
    profile.practices.pop("collect.registration")
    profile.practices.pop("community.forums")
    assert not [p for p in check(profile, LIBRARY) if p.code == "contradiction-answer"]


def test_an_answer_that_contradicts_what_a_law_requires_is_reported_with_its_reason():
    """Teens whose data is shared without their consent: the CCPA's opt-out notice is still required,
    and its promise to ask teens first is then untrue, so the owner must change the practice."""
    assert answer_contradictions(new_profile({**CALIFORNIA_APP, "teens": True, "teen_consent": True}, LIBRARY), LIBRARY) == []
    found = answer_contradictions(new_profile({**CALIFORNIA_APP, "teens": True, "teen_consent": False}, LIBRARY), LIBRARY)
    assert [(f.question.id, f.practice_id) for f in found] == [("teen_consent", "california.opt_out")]
    assert "do not knowingly sell or share the information of anyone under 16 without consent" in found[0].message
    assert answer_contradictions(start_profile(LIBRARY), LIBRARY) == [], "no answers, nothing to contradict"


def _answer_strategy(question):
    if question.type == YES_NO:
        return st.sampled_from([True, False, None])
    if question.type == CHOICE:
        return st.sampled_from([*question.choices, None])
    if question.type == LIST:
        return st.lists(st.sampled_from(question.choices), unique=True) if question.choices else st.lists(st.text(max_size=8))
    return st.sampled_from(["", "Acme", "acme.example"])


ANSWERS = st.fixed_dictionaries({}, optional={q.id: _answer_strategy(q) for q in QUESTIONS.questions})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS)
def test_the_interview_never_ticks_what_an_answer_rules_out_unless_a_law_requires_it(answers):
    profile = new_profile(answers, LIBRARY)
    required = {p for rule in QUESTIONS.regimes if rule.id in profile.regimes for e in rule.effects for p in e.tick}
    assert [f.practice_id for f in answer_contradictions(profile, LIBRARY) if f.practice_id not in required] == []
    assert profile.regimes == ordered_regimes([r for r, reason in regime_reasons(answers).items() if reason.applies])
    assert profile_from_dict(profile_to_dict(profile)) == profile


# Answers in the profile file

def test_answers_are_saved_and_read_back_and_unknown_questions_are_kept():
    profile = new_profile(OREGON_TICKETS, LIBRARY)
    data = profile_to_dict(profile)
    assert data["answers"]["takes_payments"] is True and data["answers"]["service_kind"] == "website"
    data["answers"]["asked_by_a_newer_version"] = {"anything": 1}
    read = profile_from_dict(data)
    assert read.answers["asked_by_a_newer_version"] == {"anything": 1}
    assert profile_to_dict(apply_answers(read, read.answers, LIBRARY))["answers"]["asked_by_a_newer_version"] == {"anything": 1}
    assert "answers" not in profile_to_dict(start_profile(LIBRARY)), "no answers, no key"


@pytest.mark.parametrize(("answers", "problem"), [
    ({"has_accounts": "yes"}, "answers.has_accounts: must be true or false"),
    ({"service_kind": "spaceship"}, "answers.service_kind: must be one of"),
    ({"company_name": 3}, "answers.company_name: must be text"),
    ({"sign_in_with": ["MySpace"]}, "answers.sign_in_with: may hold only"),
    ([True], "answers: must be an object"),
])
def test_an_answer_of_the_wrong_type_is_bad_input_naming_the_question(answers, problem):
    with pytest.raises(ProfileError) as error:
        profile_from_dict({"answers": answers}, "acme.json")
    assert len(error.value.problems) == 1 and error.value.problems[0].startswith(problem)


def test_the_example_profile_follows_from_its_answers():
    from desktop.engine.review.example import example_profile

    profile = example_profile(LIBRARY)
    assert profile.regimes == ["caloppa"]
    assert not [p for p in profile.practices if p.startswith("california.")], "no California section without the CCPA"
    again = apply_answers(profile, profile.answers, LIBRARY)
    assert (again.practices, again.regimes) == (profile.practices, profile.regimes)
    assert [p.message for p in check(profile, LIBRARY) if p.severity != "info"] == []


def test_a_start_profile_holds_honest_options_and_no_answers():
    start = start_profile(LIBRARY)
    assert start.answers == {} and start.regimes == []
    assert start.practices["collect.obligation"] == {"account_fields": [], "purchase_fields": []}, "no accounts or sales claimed"
    assert start.practices["intro.scope"] == {"written_agreement": False}
    start.practices["collect.registration"] = {}
    assert answer_contradictions(start, LIBRARY) == [], "nothing was answered, so nothing is contradicted"


def test_check_library_reads_the_interview_against_the_library_it_runs_on(monkeypatch, capsys):
    from desktop.cli import main

    assert main(["check-library"]) == 0
    assert "0 faults" in capsys.readouterr().out
    broken = parse_questions(minimal(effects=[{"answer": True, "tick": ["no.such"]}]))
    monkeypatch.setattr("desktop.cli.library.bundled_questions", lambda: broken)
    assert main(["check-library"]) == 1
    out = capsys.readouterr().out
    assert "_interview/questions.toml: question q: names unknown practice 'no.such'" in out.replace("\\", "/")


def test_new_answers_keep_the_owners_own_edits_to_what_the_earlier_answers_gave():
    earlier = ["{{recipient:a}}", "b", "c"]
    owner = ["{{recipient:a}} (Mailchimp)", "c", "mine"]  # reworded a, deleted b, typed mine
    assert keep_owner_edits(owner, earlier, ["{{recipient:a}}", "b", "c", "d"]) == ["{{recipient:a}} (Mailchimp)", "c", "d", "mine"]
    assert keep_owner_edits(owner, earlier, ["c"]) == ["c", "mine"], "a no longer given: its rewording goes too"
    assert keep_owner_edits(earlier, earlier, ["d"]) == ["d"], "nothing edited: the answers decide"
    assert keep_owner_edits("Paddle", "Stripe", "Stripe") == "Paddle"
    assert keep_owner_edits("Paddle", "Stripe", "Adyen") == "Adyen", "a changed answer wins"


def test_a_reopened_interview_keeps_an_item_the_owner_typed_into_an_option():
    profile = new_profile({"analytics": True, "newsletter": True}, LIBRARY)
    profile.practices["share.service_providers"]["tasks"].append("the studio's booking system")
    again = apply_answers(profile, {**profile.answers, "forums": True}, LIBRARY)
    assert "the studio's booking system" in again.practices["share.service_providers"]["tasks"]
    assert "community.forums" in again.practices


def test_an_answer_says_nothing_of_an_option_whose_practice_stays_unticked():
    """A new user ticked health information and read "Sets “Kinds of sensitive information you sell”…", though the gym
    sells nothing: the answer also fills the sale practice's list, which only matters once that practice is ticked."""
    answers = {**OREGON_TICKETS, "sensitive_kinds": ["health, injuries, pregnancy or disabilities"]}
    [effect] = [e for e in answer_effects(answers, LIBRARY) if e.question and e.question.id == "sensitive_kinds"]
    assert any("Kinds of sensitive information you ask for" in line for line in effect.lines)
    assert not any("sell" in line for line in effect.lines), effect.lines


def test_a_business_that_collects_in_person_has_a_policy_that_covers_it():
    """A second new user's climbing gym takes health answers and waivers at the front desk; its policy said it
    does not cover information got in person."""
    excluded = "It does not cover information we get in other ways, such as by phone or in person"
    assert excluded in assemble(new_profile(OREGON_TICKETS, LIBRARY), LIBRARY).plain_text()
    text = assemble(new_profile({**OREGON_TICKETS, "offline": True}, LIBRARY), LIBRARY).plain_text()
    assert excluded not in text and "and to what you give us in person or by phone" in text
