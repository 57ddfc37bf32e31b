"""The countries, declared once in snippets/countries.toml: membership, date style and paper size."""

import datetime as dt

import pytest

from desktop.engine.policy.assemble import assemble
from desktop.engine.reference.countries import (
    countries,
    country_names,
    country_problem,
    find_country,
    in_group,
    is_us,
    month_first,
    paper_size,
)
from desktop.engine.review.example import example_profile


@pytest.mark.parametrize(("name", "paper", "month_day"), [
    ("Canada", "letter", False),
    ("United States", "letter", True),
    ("U.S.A.", "letter", True),
    ("Mexico", "letter", False),
    ("Germany", "a4", False),
    ("United Kingdom", "a4", False),
    ("Atlantis", "a4", False),  # unknown: the defaults
])
def test_paper_and_date_style_come_from_the_country(name, paper, month_day):
    assert paper_size(name) == paper
    assert month_first(name) == month_day


def test_canada_gets_letter_paper_and_day_first_dates_in_the_policy(bundled_library):
    profile = example_profile(bundled_library, dt.date(2026, 11, 22))
    profile.set_field("company.country", "Canada")
    document = assemble(profile, bundled_library)
    assert document.page_size == "letter"
    assert "Effective date: 22 November 2026" in document.plain_text()
    profile.set_field("company.country", "France")
    assert assemble(profile, bundled_library).page_size == "a4"


def test_membership_of_the_eu_the_eea_and_the_uk():
    assert in_group("France", "eu") and in_group("France", "eea") and not in_group("France", "uk")
    assert in_group("Norway", "eea") and not in_group("Norway", "eu")
    assert in_group("Scotland", "uk") and in_group("  great   BRITAIN ", "uk")
    assert not any(in_group("Switzerland", group) for group in ("eu", "eea", "uk"))
    assert not in_group("", "eu") and not in_group("Atlantis", "eu")


def test_is_us_knows_the_aliases():
    assert all(is_us(name) for name in ("United States", "US", "usa", "United States of America", "America"))
    assert not is_us("Canada") and not is_us("")


def test_every_name_and_alias_is_one_countrys():
    declared = countries().declared
    names = [name.casefold() for c in declared for name in (c.name, *c.aliases)]
    assert len(names) == len(set(names))
    codes = [c.code for c in declared]
    assert len(codes) == len(set(codes)) and all(len(code) == 2 and code.isupper() for code in codes)
    assert len(country_names()) >= 195 and all(find_country(name) for name in country_names())
    assert all(c.paper in ("a4", "letter") and c.date in ("day-first", "month-first") for c in declared)


def test_an_unknown_name_is_flagged_not_refused():
    assert country_problem("Untied States") is not None
    assert country_problem("Côte d'Ivoire") is None and find_country("Ivory Coast").code == "CI"
