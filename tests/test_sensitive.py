"""Sensitive information as a property of data: each law's sensitive categories are marked in the
vocabulary, the interview asks about them, and the policy says what, why, who sees it, how long and
on what condition, wherever the business is (a Texas yoga studio, not only a Californian company)."""

import pytest
from businesses import TEXAS_STUDIO

from desktop.engine.facts.grammar import describe, parse_fact
from desktop.engine.interview.interview import new_profile
from desktop.engine.policy.assemble import assemble
from desktop.engine.reference.vocabulary import load_vocabulary
from desktop.engine.review.checks import check
from desktop.engine.review.coverage import coverage
from desktop.engine.review.example import example_profile

EXPLICIT_CONSENT = "We ask for your explicit consent before you give it to us"


def studio(library, **answers):
    return new_profile({**TEXAS_STUDIO, **answers}, library)


def errors(profile, library) -> list:
    return [p for p in check(profile, library) if p.severity == "error"]


def test_a_texas_studio_built_through_the_interview_says_what_it_asks_why_who_sees_it_and_how_long(bundled_library):
    profile = studio(bundled_library)
    document = assemble(profile, bundled_library)
    text = document.plain_text()
    assert "We ask about injuries or health conditions that affect your practice and whether you are pregnant." in text
    assert "We use it only to keep you safe in class and adapt the poses to you." in text
    assert "It is seen only by your teacher and our studio manager" in text
    assert EXPLICIT_CONSENT in text and "You can withdraw your consent at any time" in text
    assert "Health information: until you cancel your membership, or sooner if you ask us" in text
    assert errors(profile, bundled_library) == []


def test_a_texas_studio_gets_no_california_section(bundled_library):
    profile = studio(bundled_library)
    document = assemble(profile, bundled_library)
    assert "california" not in {section.id for section in document.sections}
    assert "California" not in document.plain_text()
    assert "keeping your account secure" not in document.plain_text()


def test_a_california_practice_ticked_where_california_law_does_not_apply_says_nothing(bundled_library):
    profile = studio(bundled_library)
    profile.practices["california.sensitive"] = {"sensitive_items": ["details about your health"]}
    assert "California" not in assemble(profile, bundled_library).plain_text()
    profile.regimes.append("ccpa")
    assert "sensitive personal information under California law" in assemble(profile, bundled_library).plain_text()


def test_health_data_under_the_gdpr_without_a_condition_is_an_error_naming_the_data_and_the_fix(bundled_library):
    profile = studio(bundled_library, sensitive_basis="none of these yet")
    assert EXPLICIT_CONSENT not in assemble(profile, bundled_library).plain_text()
    found = [p for p in errors(profile, bundled_library) if p.code == "contradiction-special-category"]
    assert len(found) == 1
    assert "you collect health information, which the GDPR counts as sensitive" in found[0].message
    assert "fill in “What lets you use it under European law (GDPR Art. 9(2))” in “Health and other sensitive information”" in found[0].message
    profile.practices["collect.sensitive"]["basis"] = "your explicit consent"
    assert errors(profile, bundled_library) == []


def test_another_condition_of_article_9_also_answers_the_gdpr(bundled_library):
    profile = studio(bundled_library, sensitive_basis="health care by professionals")
    text = assemble(profile, bundled_library).plain_text()
    assert "only professionals bound by a duty of secrecy see it" in text and EXPLICIT_CONSENT not in text
    assert errors(profile, bundled_library) == []


def test_without_the_gdpr_no_condition_is_required_by_it(bundled_library):
    profile = studio(bundled_library, sensitive_basis="none of these yet", user_places=[])
    assert "gdpr" not in profile.regimes
    assert [p for p in errors(profile, bundled_library) if p.code == "contradiction-special-category"] == []


def test_a_blank_period_for_sensitive_data_is_an_error_naming_it(bundled_library):
    profile = studio(bundled_library, keep_sensitive="")
    found = [p for p in errors(profile, bundled_library) if p.code == "missing-retention"]
    assert len(found) == 1 and "how long you keep health information" in found[0].message
    assert found[0].place.id == "collect.sensitive" and found[0].place.option == "period"


def test_the_gdpr_checklist_asks_about_special_categories_only_when_the_policy_collects_them(bundled_library):
    def special(profile):
        items = {r.id: r for r in coverage(profile, bundled_library)["gdpr"].requirements}
        return items.get("gdpr.special_categories")

    profile = example_profile(bundled_library)
    profile.regimes = ["gdpr", "ccpa"]
    assert special(profile) is None  # nothing sensitive under the GDPR: nothing to say
    profile.practices["california.sensitive"] = {"sensitive_items": ["details about your health"]}
    missing = special(profile)
    assert missing.state == "missing" and missing.practices[0] == "collect.sensitive"
    assert missing.requirement.citation.startswith("GDPR Art. 9")
    assert any(p.code == "contradiction-special-category" for p in errors(profile, bundled_library))
    profile.practices["collect.sensitive"] = {"kinds": ["health information"], "basis": "your explicit consent"}
    waiting = special(profile)  # the clause is in, but its blanks say nothing yet
    assert waiting.state == "missing"
    assert waiting.details == ("option:collect.sensitive:purpose", "option:collect.sensitive:who_sees")
    profile.practices["collect.sensitive"].update(purpose="to keep you safe in class", who_sees="your teacher")
    assert special(profile).state == "covered"


def test_the_limit_link_is_offered_only_when_california_law_applies_and_the_use_goes_beyond_it(bundled_library):
    californian = {"california_users": True, "revenue_over_25m": True}
    limited = assemble(studio(bundled_library, **californian), bundled_library).plain_text()
    assert "sensitive personal information under California law" in limited
    assert "Limit the Use of My Sensitive Personal Information" not in limited
    beyond = studio(bundled_library, **californian, sensitive_other_uses="to suggest classes you may like")
    text = assemble(beyond, bundled_library).plain_text()
    assert "Limit the Use of My Sensitive Personal Information" in text and "to suggest classes you may like" in text
    assert "Limit the Use" not in assemble(studio(bundled_library), bundled_library).plain_text()


# --- The vocabulary marks sensitivity per law, as data ---------------------------------------

@pytest.mark.parametrize("id, laws", [
    ("sensitive.health", {"gdpr", "ccpa", "us_states", "health_data"}),
    ("sensitive.biometric", {"gdpr", "ccpa", "us_states", "health_data"}),
    ("criminal_records", {"gdpr"}),
    ("account.password", {"ccpa"}),
    ("location.precise", {"ccpa", "us_states", "health_data"}),
    ("identifiers.email", set()),
])
def test_each_law_marks_its_own_sensitive_categories(bundled_library, id, laws):
    vocabulary = bundled_library.vocabulary
    assert {law for law in ("gdpr", "ccpa", "us_states", "health_data") if vocabulary.sensitive_under(id, law)} == laws


def test_the_owners_words_name_the_sensitive_kinds(bundled_library):
    vocabulary = bundled_library.vocabulary
    assert vocabulary.categories_in("injuries or pregnancy") == ["sensitive.health"]
    assert vocabulary.categories_in("fingerprints, face scans or other biometrics") == ["sensitive.biometric"]
    assert vocabulary.categories_in("sex life or sexual orientation") == ["sensitive.sex_life"]


def test_a_library_that_marks_sensitivity_as_true_still_means_california(tmp_path):
    (tmp_path / "data.toml").write_text(
        '[[category]]\nid = "personal"\nroot = true\ntitle = "P"\nsensitive = false\nwords = []\n\n'
        '[[category]]\nid = "a"\ntitle = "A"\nsensitive = true\nwords = []\n\n'
        '[[category]]\nid = "b"\ntitle = "B"\nsensitive = ["gdpr"]\nwords = []\n\n'
        '[[category]]\nid = "c"\ntitle = "C"\nsensitive = ["GDPR!"]\nwords = []\n', encoding="utf-8")
    vocabulary, faults = load_vocabulary(tmp_path)
    assert vocabulary.categories["a"].sensitive == ("ccpa",) and vocabulary.categories["b"].sensitive == ("gdpr",)
    assert faults == [(tmp_path / "data.toml", 23, "`sensitive` must list law ids, such as \"gdpr\"")]


@pytest.mark.parametrize("fact, words", [
    ("asks explicit consent for sensitive.health", "you ask for explicit consent before you use health information"),
    ("meets a special condition for sensitive.biometric", "you use biometric information only on a condition the law names"),
])
def test_a_condition_for_sensitive_data_reads_as_plain_words(bundled_library, fact, words):
    assert describe(parse_fact(fact, bundled_library.vocabulary), bundled_library.vocabulary) == words
