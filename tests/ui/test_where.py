"""Reading where a problem points (no Qt needed)."""

import pytest

from desktop.engine.profile import REGIMES
from desktop.ui.where import (
    CLAUSE,
    DOCUMENT,
    FIELD,
    PRACTICE,
    PRACTICES,
    REGIME,
    REGIME_TITLES,
    UNKNOWN,
    Target,
    describe,
    parse_where,
    practices_covering,
)


@pytest.mark.parametrize(("where", "target"), [
    ("company.phone", Target(FIELD, "company.phone")),
    ("effective_date", Target(FIELD, "effective_date")),
    ("terms.service", Target(FIELD, "terms.service")),
    ("practice:cookies.ads", Target(PRACTICE, "cookies.ads")),
    ("practice:cookies.ads.days", Target(PRACTICE, "cookies.ads", "days")),
    ("cookies.ads.days", Target(PRACTICE, "cookies.ads", "days")),
    ("practice:no.such", Target(PRACTICE, "no.such")),
    ("clause:contact.details", Target(CLAUSE, "contact.details")),
    ("regime:caloppa.do_not_track", Target(REGIME, "caloppa.do_not_track")),
    ("practices", Target(PRACTICES)),
    ("document", Target(DOCUMENT)),
    ("what:ever", Target(UNKNOWN, "what:ever")),
])
def test_parse_where(fixture_library, where, target):
    assert parse_where(where, fixture_library) == target


def test_describe(fixture_library):
    def place(where):
        return describe(parse_where(where, fixture_library), fixture_library)

    assert place("company.contact_email") == "Contact email"
    assert place("practice:cookies.ads.days") == "Advertising cookies › Days cookies last"
    assert place("clause:contact.details") == "Wording of “How to reach us”"
    assert place("regime:caloppa.do_not_track") == "CalOPPA requirement"
    assert place("document") == "Whole policy"


def test_practices_covering(fixture_library):
    assert practices_covering("caloppa.do_not_track", fixture_library) == ["dnt.honour", "dnt.ignore"]


def test_regime_titles_are_keyed_by_the_engines_regimes(fixture_library):
    assert list(REGIME_TITLES) == list(REGIMES)
    places = [describe(Target(REGIME, f"{regime}.something"), fixture_library) for regime in REGIMES]
    assert places == ["GDPR requirement", "CCPA/CPRA requirement", "CalOPPA requirement", "COPPA requirement"]
    assert REGIME_TITLES["coppa"].label == "COPPA (children under 13 in the US)"
    assert describe(Target(REGIME, "pipeda.access"), fixture_library) == "PIPEDA requirement"
