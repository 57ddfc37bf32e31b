"""The plain-language summary names the practices, options, facts and details that changed."""

import copy

import pytest

from desktop.engine.history.change_summary import summarise
from desktop.engine.policy.assemble import assemble
from desktop.engine.review.example import example_profile


@pytest.fixture
def before(bundled_library):
    profile = example_profile(bundled_library)
    profile.practices["security.breach_notice"] = {"days": 10}
    return profile


def summary(old, new, library) -> list[str]:
    return summarise(old, assemble(old, library).facts, new, assemble(new, library).facts, library)


def test_nothing_changed_says_nothing(before, bundled_library):
    assert summary(before, copy.deepcopy(before), bundled_library) == []


def test_a_ticked_practice_and_a_changed_option_are_named(before, bundled_library):
    after = copy.deepcopy(before)
    after.practices["transfers.international"] = {}
    after.practices["security.breach_notice"] = {"days": 3}
    lines = summary(before, after, bundled_library)
    assert "The policy now covers “Sending information to other countries”." in lines
    assert ("Under “If a breach happens”, we now say: “We will do so within 3 business days of finding out, "
            "or sooner if the law requires it.”") in lines
    assert not any("business days to tell users" in line for line in lines)  # the owner's words, not the reader's


def test_a_shortened_list_quotes_the_sentence_as_it_now_reads(before, bundled_library):
    after = copy.deepcopy(before)
    topics = after.practices["use.communicate"]["topics"]
    dropped = topics.pop()
    lines = summary(before, after, bundled_library)
    said = [line for line in lines if line.startswith("Under “How we use information”, we now say: “We write to you about")]
    assert said and dropped not in said[0], lines
    assert not any("what you write to people about" in line for line in lines), lines


def test_a_practice_that_is_a_statement_is_not_reported_twice(before, bundled_library):
    after = copy.deepcopy(before)
    after.practices.pop("cookies.dnt_ignore")
    lines = summary(before, after, bundled_library)
    assert "We no longer say that we ignore Do Not Track signals." in lines
    assert not any("Do Not Track" in line for line in lines if line != "We no longer say that we ignore Do Not Track signals."), lines


def test_an_unticked_practice_says_what_we_no_longer_do(before, bundled_library):
    after = copy.deepcopy(before)
    after.practices.pop("use.communicate")
    lines = summary(before, after, bundled_library)
    title = bundled_library.practices["use.communicate"].title
    assert f"The policy no longer covers “{title}”." in lines
    assert "We no longer use email address for writing to you." in lines


def test_a_fact_another_clause_still_states_is_not_reported_as_gone(before, bundled_library):
    after = copy.deepcopy(before)
    after.practices.pop("use.personalise")  # cookies.preferences still says it uses inferences to personalise
    lines = summary(before, after, bundled_library)
    assert "The policy no longer covers “Tailoring the service”." in lines
    assert not any("no longer use" in line and "infer" in line for line in lines)


def test_a_new_fact_reads_we_now(before, bundled_library):
    after = copy.deepcopy(before)
    assert "cookies.ad_network" not in after.practices
    after.practices["cookies.ad_network"] = {}
    lines = summary(before, after, bundled_library)
    assert any(line.startswith("We now ") for line in lines), lines


def test_a_changed_retention_period_reads_instead_of(before, bundled_library):
    after = copy.deepcopy(before)
    after.practices["retention.criteria"] = {**after.practices["retention.criteria"], "logs_period": "for 6 months"}
    lines = summary(before, after, bundled_library)
    [line] = [line for line in lines if "6 months" in line]  # one line for all a period covers
    assert line.startswith("We now keep server logs, IP address, ") and line.endswith(" for 6 months instead of 12 months.")


def test_details_laws_and_rewordings_are_named(before, bundled_library):
    after = copy.deepcopy(before)
    after.company.contact_email = "legal@acme-audio.example"
    after.regimes = [*after.regimes, "gdpr"] if "gdpr" not in after.regimes else after.regimes
    after.overrides["intro.about"] = "Our own words about this policy."
    lines = summary(before, after, bundled_library)
    assert "Our contact email is now “legal@acme-audio.example”." in lines
    assert any("GDPR" in line for line in lines)
    assert any(line.startswith("We reworded “") for line in lines)


def test_a_detail_the_policy_never_prints_is_not_reported_to_readers(before, bundled_library):
    """fields.py's not_printed fields only choose wording; a notice to users must not quote them."""
    before.regimes = sorted({*before.regimes, "gdpr"})
    after = copy.deepcopy(before)
    after.set_field("company.dpo_required", "yes")
    lines = summary(before, after, bundled_library)
    assert not [line for line in lines if "“yes”" in line or "required" in line.lower()], lines
