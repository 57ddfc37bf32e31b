"""A law is explained as decided only once the owner has answered the questions its reasons depend on:
on the interview's first page nothing says that a law "does not apply" (issue 23's new user's try)."""

from businesses import OREGON_TICKETS

from desktop.engine.interview.interview import answer_effects, load_questions, regime_reasons
from desktop.engine.library.loader import load_library
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
QUESTIONS = load_questions()
PAGE_ONE = [q.id for q in QUESTIONS.on_page(QUESTIONS.pages[0].id)]
PLACES = "“Do people in any of these places use your service? Tick each one.”"
THRESHOLDS = ("revenue_over_25m", "californians_100k", "half_revenue_from_data")


def test_on_the_first_page_a_law_waits_for_the_questions_it_depends_on():
    answers = {"company_name": "Crumb & Hearth Bakery LLC", "business_country": "United States"}
    reasons = regime_reasons(answers, QUESTIONS, given=PAGE_ONE)
    pipeda = reasons["ca_pipeda"]
    assert (pipeda.applies, pipeda.waits_for, pipeda.text) == (False, ("user_places",), f"Decided once you answer {PLACES}")
    for reason in reasons.values():  # the one generic rule: a law decided on page one needs only page one's answers
        assert reason.waits_for or set(reason.questions) <= set(PAGE_ONE), reason
        assert "not apply" not in reason.text and "left out" not in reason.text, reason
    assert regime_reasons(answers, QUESTIONS)["ca_pipeda"].text.startswith("Nobody in Canada uses your service")


def test_an_answer_that_decides_a_law_on_its_own_decides_it_at_once():
    reason = regime_reasons({"business_country": "Canada"}, QUESTIONS, given=PAGE_ONE)["ca_pipeda"]
    assert reason.applies and not reason.waits_for and reason.text.startswith("Your business is based in Canada")


def test_the_ccpa_waits_for_its_thresholds_then_says_it_does_not_apply():
    given = set(PAGE_ONE) | {"california_users"}
    waiting = regime_reasons({"california_users": True}, QUESTIONS, given=given)["ccpa"]
    assert waiting.waits_for == THRESHOLDS and not waiting.applies
    assert "under all three" not in waiting.text and "“Was your business's revenue last year" in waiting.text
    decided = regime_reasons({"california_users": True}, QUESTIONS, given=given | set(THRESHOLDS))["ccpa"]
    assert not decided.applies and not decided.waits_for and "under all three CCPA thresholds" in decided.text


def test_without_given_every_answer_counts_as_for_a_saved_profile():
    everything = [q.id for q in QUESTIONS.questions]
    assert regime_reasons(OREGON_TICKETS, QUESTIONS) == regime_reasons(OREGON_TICKETS, QUESTIONS, given=everything)
    assert not any(reason.waits_for for reason in regime_reasons({}, QUESTIONS).values())


def test_what_an_answer_changes_names_the_laws_still_waiting_and_what_for():
    answers = {"business_country": "United States"}
    effects = {e.question.id: e.lines for e in answer_effects(answers, LIBRARY, QUESTIONS, given=PAGE_ONE) if e.question}
    titles = [LIBRARY.regimes[r].title for r in ("uk_gdpr", "ca_pipeda", "ca_quebec")]
    lines = effects["business_country"]
    assert lines[0] == "Sets country to “United States”."
    assert f"Whether {titles[0]}, {titles[1]} and {titles[2]} apply is decided once you answer {PLACES}" in lines
    # where the business is decides whether COPPA, a US law, can reach it: that waits for who the service is for
    assert any(line.startswith("Whether COPPA applies is decided once you answer") and "“Who is your service made for?”" in line
               for line in lines), lines
    everything = {e.question.id: e.lines for e in answer_effects(answers, LIBRARY, QUESTIONS) if e.question}
    assert any("PIPEDA does not apply" in line for line in everything["business_country"])
