"""Issue 22, part 2: the UK GDPR, PIPEDA, Quebec's Law 25 and the Washington and Nevada consumer health
data laws, decided by the interview and checked like the four laws before them. Profiles are built
through the interview (tests/businesses.py); exports are read back with python-docx and markdown-it."""

import datetime as dt
import io
import json

import docx
import pytest
from businesses import BRISTOL_SHOP, MONTREAL_CAFE, SEATTLE_CLINIC, TEXAS_STUDIO
from markdown_it import MarkdownIt

from desktop.cli import main
from desktop.engine.facts.grammar import parse_fact
from desktop.engine.facts.model import StatedFact
from desktop.engine.facts.rules import contradictions
from desktop.engine.interview.interview import new_profile, regime_reasons
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import load_profile, profile_json
from desktop.engine.profile.questions import bundled_questions, resolve
from desktop.engine.review.checks import check
from desktop.engine.review.coverage import coverage
from desktop.engine.review.example import all_practices_profile

WORLD_LAWS = ("uk_gdpr", "ca_pipeda", "ca_quebec", "us_wa_health", "us_nv_health")
TODAY = dt.date(2026, 12, 7)
OFFICER = {"company.privacy_officer": "Owner and Privacy Officer, Sophie Gagnon",
           "company.privacy_officer_contact": "vieprivee@cafemontroyal.example, 4200 rue Saint-Denis, Montréal QC H2J 2K8"}


def interviewed(answers: dict, library, **fields):
    profile = new_profile(answers, library, TODAY)
    for key, value in fields.items():
        profile.set_field(key.replace("__", "."), value)
    return profile


def text_of(profile, library) -> str:
    """The policy's text with straight apostrophes (the policy prints curly ones)."""
    return assemble(profile, library).plain_text().replace("\u2019", "'")


def laws_and_reasons(profile) -> dict[str, str]:
    return {law: reason.text for law, reason in regime_reasons(profile.answers).items() if reason.applies}


def codes_at(profile, library, key: str) -> list[str]:
    return [p.code for p in check(profile, library) if p.place.id == key]


# --- A café in Montreal: Quebec's Law 25 and PIPEDA ------------------------------------------------------

def test_the_montreal_cafe_gets_quebec_law_and_pipeda_with_its_person_in_charge_named(bundled_library):
    cafe = interviewed(MONTREAL_CAFE, bundled_library)
    reasons = laws_and_reasons(cafe)
    assert sorted(reasons) == ["ca_pipeda", "ca_quebec"] and sorted(cafe.regimes) == ["ca_pipeda", "ca_quebec"]
    assert reasons["ca_quebec"].startswith("Your business is based in Quebec")  # answered “Québec”
    assert (cafe.company.country, cafe.company.region) == ("Canada", "Québec")
    assert "needed-detail" in codes_at(cafe, bundled_library, "company.privacy_officer")
    for key, value in OFFICER.items():
        cafe.set_field(key, value)
    assert codes_at(cafe, bundled_library, "company.privacy_officer") == []
    text = text_of(cafe, bundled_library)
    assert ("The person accountable for how we protect your personal information: Owner and Privacy Officer, Sophie Gagnon." in text
            and "“the person in charge of the protection of personal information”" in text)
    assert OFFICER["company.privacy_officer_contact"] in text
    assert "Office of the Privacy Commissioner of Canada" in text and "Commission d'accès à l'information" in text
    assert "may be communicated outside Quebec" in text  # its web host is abroad
    assert "Your location, such as approximate location" in text  # its IP address shows roughly where people are
    assert "it stays off until you turn it on" in text
    found = coverage(cafe, bundled_library)
    assert [item.id for law in ("ca_pipeda", "ca_quebec") for item in found[law].missing] == []


def test_the_interview_asks_a_canadian_business_for_its_person_in_charge(bundled_library):
    """Canada's and Quebec's laws ask for the person by title and contact: the owner says it in the interview."""
    answers = {**MONTREAL_CAFE, "privacy_officer": OFFICER["company.privacy_officer"],
               "privacy_officer_contact": OFFICER["company.privacy_officer_contact"]}
    assert {"privacy_officer", "privacy_officer_contact"} <= set(resolve(bundled_questions(), answers))
    cafe = interviewed(answers, bundled_library)
    assert cafe.field_value("company.privacy_officer") == OFFICER["company.privacy_officer"]
    assert codes_at(cafe, bundled_library, "company.privacy_officer") == []
    assert codes_at(cafe, bundled_library, "company.privacy_officer_contact") == []
    assert "privacy_officer" not in resolve(bundled_questions(), BRISTOL_SHOP)  # asked only where Canada's laws reach


# --- A shop in Bristol: the UK GDPR with the ICO, and the GDPR for its EU customers ---------------------

def test_the_bristol_shop_gets_the_uk_gdpr_and_the_gdpr_in_one_rights_section_naming_both_regulators(bundled_library):
    shop = interviewed(BRISTOL_SHOP, bundled_library)
    reasons = laws_and_reasons(shop)
    assert sorted(reasons) == ["gdpr", "uk_gdpr"]
    assert reasons["uk_gdpr"] == "Your business is based in the United Kingdom, so the UK GDPR applies to the information it handles."
    text = text_of(shop, bundled_library)
    assert "Information Commissioner's Office (ICO)" in text and "acknowledge every complaint within 30 days" in text
    assert "If you are in the European Economic Area, you have the right to complain" in text
    assert text.count("If you are in the European Economic Area or the UK, you have these rights") == 1
    assert text.count("Portability.") == 1  # one list of rights, not a copy per law
    # Outside the EU since 2020, a UK shop with EU customers names an EU representative, but needs no UK one
    assert "needed-detail" in codes_at(shop, bundled_library, "company.eu_representative")
    assert codes_at(shop, bundled_library, "company.uk_representative") == []


def test_a_us_company_with_uk_users_is_asked_for_its_uk_representative_and_the_policy_names_it(bundled_library):
    profile = interviewed({**TEXAS_STUDIO, "business_country": "United States", "user_places": ["the United Kingdom"]},
                          bundled_library)
    assert profile.regimes == ["uk_gdpr"]
    assert "needed-detail" in codes_at(profile, bundled_library, "company.uk_representative")
    profile.set_field("company.uk_representative", "UK Rep Ltd, 1 Temple Way, Bristol")
    assert codes_at(profile, bundled_library, "company.uk_representative") == []
    text = text_of(profile, bundled_library)
    assert "Our representative in the United Kingdom is UK Rep Ltd, 1 Temple Way, Bristol." in text
    assert "If you are in the UK, you have these rights" in text and "European Economic Area, you have" not in text


# --- The Texas studio with customers in Canada and the EU -----------------------------------------------

def test_the_texas_studio_with_canadian_and_european_customers_gets_pipeda_and_the_gdpr(bundled_library):
    studio = interviewed({**TEXAS_STUDIO, "business_country": "United States", "business_region": "Texas",
                          "user_places": ["the European Union", "Canada outside Quebec"]}, bundled_library)
    assert {"gdpr", "ca_pipeda"} <= set(studio.regimes)
    assert not {"uk_gdpr", "ca_quebec", "us_wa_health", "us_nv_health"} & set(studio.regimes)
    assert laws_and_reasons(studio)["ca_pipeda"] == "People in Canada use your service, so PIPEDA protects their information."
    text = text_of(studio, bundled_library)
    assert "Your privacy rights in Canada" in text and "Commission d'accès" not in text


# --- A clinic in Seattle: Washington's consumer health data policy, exported alone ----------------------

@pytest.fixture
def clinic_file(tmp_path, bundled_library):
    clinic = interviewed(SEATTLE_CLINIC, bundled_library)
    path = tmp_path / "clinic.json"
    path.write_text(profile_json(clinic), encoding="utf-8")
    return path


def test_the_seattle_clinic_gets_washingtons_law_and_its_policy_links_the_health_data_policy(bundled_library, clinic_file):
    clinic = load_profile(clinic_file)
    assert clinic.regimes == ["us_wa_health"]
    policy = assemble(clinic, bundled_library)
    assert "our Consumer Health Data Privacy Policy tells you how we handle your health information" in policy.plain_text()
    assert "Consumer health data we collect" not in policy.plain_text()  # the notice is never part of the policy
    assert [p for p in check(clinic, bundled_library) if p.severity != "info"] == []
    assert all(not law.missing for law in coverage(clinic, bundled_library).values())


def test_the_health_data_policy_is_exported_alone_in_word_and_markdown(capsys, tmp_path, clinic_file):
    word, markdown = tmp_path / "health.docx", tmp_path / "health.md"
    for out, fmt in ((word, "docx"), (markdown, "md")):
        assert main(["export", str(clinic_file), "--notice", "health-data", "--format", fmt, "--out", str(out)]) == 0
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.read_bytes())).paragraphs]
    assert paragraphs[0] == "Rainier Physio PLLC Consumer Health Data Privacy Policy"
    body = "\n".join(paragraphs)
    for words in ("the injury or pain you want treated and any medication you take", "You give it to us yourself",
                  "to prepare your appointment and treat you safely", "your physiotherapist and our front desk",
                  "Washington State Attorney General", "privacy@rainierphysio.example"):
        assert words in body
    assert "Nevada" not in body and "cookie" not in body.lower()
    tokens = MarkdownIt().parse(markdown.read_text(encoding="utf-8"))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert headings == ["1. About this policy", "2. Consumer health data we collect", "3. Who receives it",
                        "4. Your rights over your consumer health data"]


def test_a_profile_no_health_law_reaches_has_no_health_data_policy_to_export(capsys, tmp_path, bundled_library):
    path = tmp_path / "shop.json"
    path.write_text(profile_json(interviewed(BRISTOL_SHOP, bundled_library)), encoding="utf-8")
    code = main(["export", str(path), "--notice", "health-data", "--format", "md", "--out", str(tmp_path / "x.md")])
    assert code == 2 and not (tmp_path / "x.md").exists()
    assert "has no Consumer Health Data Privacy Policy" in capsys.readouterr().err


# --- The health laws' rules, in the fact grammar ------------------------------------------------------------

def stated(library, clause_id: str, *facts: str) -> list[StatedFact]:
    return [StatedFact(clause_id, clause_id, parse_fact(text, library.vocabulary)) for text in facts]


@pytest.mark.parametrize("law", ["us_wa_health", "us_nv_health"])
def test_sharing_health_data_needs_a_separate_consent_and_selling_it_a_signed_authorization(bundled_library, law):
    laws = [bundled_library.regimes[law]]
    facts = stated(bundled_library, "a", "collects sensitive.health", "shares sensitive.health with third_parties",
                   "sells sensitive.health to third_parties", "asks explicit consent for sensitive.health")
    found = {c.kind: c.reason for c in contradictions(facts, laws, bundled_library.vocabulary)}
    assert set(found) == {"consent-to-share", "authorization-to-sell"}
    assert bundled_library.regimes[law].name in found["consent-to-share"] and "separate" in found["consent-to-share"]
    facts += stated(bundled_library, "b", "asks separate consent to share sensitive.health",
                    "asks signed authorization to sell sensitive.health")
    assert contradictions(facts, laws, bundled_library.vocabulary) == []
    # a service provider working for the business receives it without a consent of its own
    provider = stated(bundled_library, "c", "collects sensitive.health", "asks explicit consent for sensitive.health",
                      "shares sensitive.health with service_providers")
    assert contradictions(provider, laws, bundled_library.vocabulary) == []


def test_the_uk_gdpr_counts_as_sensitive_what_the_gdpr_does(bundled_library):
    facts = stated(bundled_library, "a", "collects sensitive.health")
    found = contradictions(facts, [bundled_library.regimes["uk_gdpr"]], bundled_library.vocabulary)
    assert [c.kind for c in found] == ["special-category"] and "UK law" in found[0].reason


# --- Each law: one requirement missing is a warning naming it ------------------------------------------------

@pytest.fixture(scope="module")
def complete(bundled_library):
    profile = all_practices_profile(bundled_library, TODAY)
    profile.practices["collect.sensitive"] = {"kinds": ["health information"], "items": ["injuries"], "purpose": "to help you",
                                              "who_sees": "our staff", "period": "for a year", "basis": "your explicit consent"}
    return profile


@pytest.mark.parametrize("law", WORLD_LAWS)
def test_one_requirement_missing_is_a_warning_naming_it_and_its_law(bundled_library, complete, law):
    profile = all_practices_profile(bundled_library, TODAY)
    profile.practices, profile.regimes = dict(complete.practices), [law]
    covered = coverage(profile, bundled_library)[law]
    assert not covered.missing
    item = next(item for item in covered.requirements if len({bundled_library.clauses[c].practice for c in item.clauses}) == 1)
    del profile.practices[bundled_library.clauses[item.clauses[0]].practice]
    gaps = [p for p in check(profile, bundled_library) if p.code == "regime-gap" and p.place.id == item.id]
    assert len(gaps) == 1 and gaps[0].severity == "warning"
    assert gaps[0].message.startswith(bundled_library.regimes[law].title + ":")


# --- Old answers keep meaning what they meant ------------------------------------------------------------------

def test_a_profile_saved_with_the_eu_or_uk_question_means_both_places(tmp_path, bundled_library):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"schema_version": 2, "company": {"legal_name": "Old Co"},
                                "answers": {"eu_users": True, "california_users": False}}), encoding="utf-8")
    profile = load_profile(path)
    assert profile.answers["user_places"] == ["the European Union", "the United Kingdom"] and "eu_users" not in profile.answers
    assert {"gdpr", "uk_gdpr"} <= set(laws_and_reasons(profile))
    path.write_text(json.dumps({"schema_version": 2, "answers": {"eu_users": False}}), encoding="utf-8")
    assert load_profile(path).answers["user_places"] == []


def test_coppa_reaches_a_business_abroad_only_with_users_in_the_united_states(bundled_library):
    """A third new user's English piano teacher, some pupils under 13, no one in the US: COPPA was said to apply."""
    mixed = {**BRISTOL_SHOP, "children": "mixed: we know some users are under 13"}
    assert "coppa" not in new_profile(mixed, bundled_library, TODAY).regimes
    assert "COPPA, a US law, does not apply" in regime_reasons(mixed)["coppa"].text
    assert regime_reasons({**mixed, "california_users": True})["coppa"].applies
    assert regime_reasons({**mixed, "business_country": "United States"})["coppa"].applies
