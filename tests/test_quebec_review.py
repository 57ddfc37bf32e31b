"""A lawyer's review of the Montreal café's policy (Quebec's private-sector act as amended by Law 25, and PIPEDA):
each finding, on the policy text the interview builds."""

import datetime as dt

import pytest
from businesses import BRISTOL_SHOP, MONTREAL_CAFE, OREGON_TICKETS

from desktop.engine.interview.interview import new_profile
from desktop.engine.policy.assemble import assemble

TODAY = dt.date(2026, 12, 7)
OFFICER = {"privacy_officer": "Owner and manager, Marie Tremblay",
           "privacy_officer_contact": "vieprivee@cafemontroyal.example, 1234 avenue du Mont-Royal Est, Montréal (Québec) H2J 1X9"}


def text_of(answers: dict, library) -> str:
    return assemble(new_profile(answers, library, TODAY), library).plain_text().replace("\u2019", "'")


@pytest.fixture(scope="module")
def cafe(bundled_library) -> str:
    return text_of({**MONTREAL_CAFE, **OFFICER}, bundled_library)


# 1. s. 8.1: the policy may say it uses no technology that locates or profiles only when the facts allow it.
def test_a_policy_that_collects_location_does_not_say_it_uses_nothing_that_locates_people(cafe):
    assert "roughly where you are" in cafe
    assert "We use no technology that identifies you, locates you or builds a profile of you" not in cafe
    assert "Some of what we collect can show where you are, help build a profile of you, or identify you:" in cafe
    assert "Your location, such as approximate location" in cafe
    assert "Where such a feature can be turned off, it stays off until you turn it on." in cafe


def test_a_quebec_policy_that_collects_no_location_says_it_uses_nothing_that_locates_people(bundled_library):
    answers = {**MONTREAL_CAFE, **OFFICER, "keep_other": ["Cookie identifiers: for 13 months"]}
    profile = new_profile(answers, bundled_library, TODAY)
    profile.practices["collect.automatic"] = {"items": ["the kind of device you use"]}
    text = assemble(profile, bundled_library).plain_text().replace("\u2019", "'")
    assert "Some of what we collect can show where you are" not in text
    assert "We use no technology that identifies you, locates you or builds a profile of you." in text


# 2. s. 30: access and correction requests go in writing to the person in charge.
def test_canadian_access_requests_go_to_the_person_in_charge_not_the_general_email(cafe):
    rights = cafe.split("See and correct your information")[1].split("Delete your information")[0]
    assert "bonjour@cafemontroyal.example" not in rights
    assert "Write to the person in charge of protecting your information" in rights


# 3. s. 4.1: under 14 in Quebec.
def test_the_childrens_statement_says_14_where_quebec_law_applies(cafe, bundled_library):
    assert "It is not meant for children under 14." in cafe and "under 13" not in cafe
    assert "without the consent of a parent or tutor" in cafe
    assert "It is not meant for children under 13." in text_of(OREGON_TICKETS, bundled_library)


# 4. s. 27 para 3 and s. 28.1.
def test_the_quebec_rights_include_a_portable_copy_and_stopping_dissemination(cafe):
    assert "structured, commonly used technological format" in cafe
    assert "stop spreading your personal information, or to remove any link to your name" in cafe


# 5. PIPEDA 4.1.3 and the OPC's guidelines on processing across borders.
def test_a_canadian_policy_says_data_abroad_can_be_reached_by_that_countrys_authorities(cafe, bundled_library):
    assert "courts, police and national security authorities of that country" in cafe
    assert "national security authorities" not in text_of(BRISTOL_SHOP, bundled_library)


# 6. The EEA/UK safeguards only under the GDPR or the UK GDPR.
def test_the_eea_transfer_safeguards_appear_only_under_the_gdpr_or_uk_gdpr(cafe, bundled_library):
    assert "European Economic Area" not in cafe and "standard contractual clauses" not in cafe
    assert "If you are in the European Economic Area or the UK" in text_of(BRISTOL_SHOP, bundled_library)


# 7. Wording.
def test_the_canada_section_reads_right_whatever_the_title(cafe):
    assert "and Quebec's law people in Quebec" not in cafe
    assert "and what Quebec law asks us to tell people in Quebec" in cafe
    assert "Our Owner and manager" not in cafe and "our Owner and manager" not in cafe
    assert ("The person accountable for how we protect your personal information: Owner and manager, Marie Tremblay. "
            "How to reach them: " + OFFICER["privacy_officer_contact"] + ".") in cafe
    assert cafe.count("1234 avenue du Mont-Royal Est") == 1


def test_quebec_customers_read_of_the_commission_before_the_federal_commissioner(cafe):
    assert cafe.index("Commission d'accès à l'information") < cafe.index("Office of the Privacy Commissioner of Canada")


def test_one_thing_that_may_happen_without_cookies_is_no_list(cafe):
    assert "Here are some things that may happen" not in cafe
    assert "For example, your shopping cart may not keep the items you add." in cafe


def test_the_controller_is_named_so_only_under_the_gdpr_or_uk_gdpr(cafe, bundled_library):
    assert "controller" not in cafe
    assert "Data protection laws call this being the “controller”." in text_of(BRISTOL_SHOP, bundled_library).replace("\u201c", "“")


def test_the_controller_sentence_stays_in_its_paragraph_under_the_gdpr(bundled_library):
    text = text_of(BRISTOL_SHOP, bundled_library).replace("\u201c", "“")
    assert "so we are responsible for it. Data protection laws call this being the “controller”." in text
