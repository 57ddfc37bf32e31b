"""The CCPA lists per category: each category with its own examples, sources, purposes and
recipients, all from the facts, never every category paired with every recipient."""

import pytest
from businesses import CALIFORNIA_APP

from desktop.engine.export.markdown import render
from desktop.engine.facts.grammar import FactError, parse_fact
from desktop.engine.facts.model import StatedFact
from desktop.engine.facts.tables import law_table
from desktop.engine.interview.interview import new_profile
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.review.checks import ERROR, check
from desktop.engine.review.example import all_practices_profile
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
VOCABULARY = LIBRARY.vocabulary
CCPA = LIBRARY.regimes["ccpa"].categories


def table(*facts: str):
    stated = [StatedFact("c", "p", parse_fact(f, VOCABULARY)) for f in facts]
    return law_table(stated, VOCABULARY, CCPA)


def describe(recipient: str) -> str:
    return VOCABULARY.recipients[recipient].description


def test_each_category_has_only_the_recipients_and_purposes_of_its_own_data():
    rows = table("collects identifiers.email, account.password",
                 "shares identifiers.email with third_parties.marketplace for service",
                 "uses account.password for security")
    email, password = rows[CCPA["identifiers.email"]], rows[CCPA["account.password"]]
    assert email.recipients == (describe("third_parties.marketplace"),) and email.purposes == ("providing {{the service}}",)
    assert password.recipients == () and password.purposes == ("keeping {{the service}} safe and stopping fraud",)


def test_sources_come_from_where_each_fact_says_the_data_comes_from():
    rows = table("collects identifiers.email from third_parties.sign_in", "collects identifiers.name",
                 "collects activity.service automatically", "collects inferences by inference")
    assert rows[CCPA["identifiers.email"]].sources == ("you", describe("third_parties.sign_in"))
    assert rows[CCPA["activity.service"]].sources == ("the device you use",)
    assert rows[CCPA["inferences"]].sources == ("our own conclusions from other information we hold",)


def test_a_source_must_be_a_known_party():
    with pytest.raises(FactError, match="unknown recipient 'sign_in_company'"):
        parse_fact("collects identifiers.email from sign_in_company", VOCABULARY)


def california_section(profile) -> list[str]:
    text = render(assemble(profile, LIBRARY)).decode()
    start = text.index("The lists below come from")
    return [line for line in text[start:].splitlines() if line.startswith("- ")][:20]


def test_an_app_built_through_the_interview_lists_its_own_sources_purposes_and_recipients():
    profile = new_profile(CALIFORNIA_APP, LIBRARY)
    lines = california_section(profile)
    identifiers = next(line for line in lines if line.startswith("- Identifiers ("))
    assert "Sources: you, the device you use and the company you sign in with." in identifiers
    assert "ads based on what you do on other websites" in identifiers  # the ad network is a purpose now
    password = next(line for line in lines if "(password)" in line)
    assert "advertising networks" not in password and "ads based on" not in password
    assert not [p for p in check(profile, LIBRARY) if p.severity == ERROR and "california.categories" in p.where]


def test_in_the_all_practices_policy_passwords_never_go_to_booking_partners():
    lines = california_section(all_practices_profile(LIBRARY))
    password = next(line for line in lines if line.startswith("- Sensitive personal information (password"))
    assert "booking" not in password
    assert any("booking" in line for line in lines if line.startswith("- Identifiers"))
