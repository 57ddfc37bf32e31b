"""Terminology: the chosen words everywhere, each term defined once, and the linter that checks it."""

import itertools
import re

import pytest
from conftest import SEEDS

from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.terms import resolved_terms
from desktop.engine.review.checks import check
from desktop.engine.review.example import all_practices, example_profile
from desktop.engine.review.lint import apply_fix, lint
from tests.laws import regime_ids

SERVICE_WORDS = ["Site", "Website", "Platform", "Service", "App", "Portal", "web site"]
INFORMATION_WORDS = ["personal information", "personal data"]
LINT_CODES = {"spelling", "rival-term", "term-capitals", "company-name", "undefined-term", "unused-definition", "defined-twice"}


def full_profile(library, service="Platform", information="personal information"):
    profile = example_profile(library)
    profile.practices = all_practices(library)
    profile.regimes = list(regime_ids())
    profile.terms.service, profile.terms.personal_information = service, information
    return profile


def findings(profile, library):
    document = assemble(profile, library)
    return lint(document, profile)


def unquoted(text):
    return re.sub(r"[“\"][^”\"]*[”\"]", "", text)


@pytest.mark.parametrize(("service", "information"), list(itertools.product(SERVICE_WORDS, INFORMATION_WORDS)))
def test_every_term_choice_reads_consistently_with_every_practice(bundled_library, service, information):
    profile = full_profile(bundled_library, service, information)
    document = assemble(profile, bundled_library)
    text = document.plain_text()
    label = "Website" if service == "web site" else service
    assert text.count(f"(the “{label}”)") == 1
    assert f"our {label}" in text or f"the {label}" in text
    rivals = {"Site", "Website", "Platform", "Service", "App", "Portal"} - {label}
    found = re.findall(rf"\b(?:our|the|this) ({'|'.join(rivals)})s?\b", text, re.IGNORECASE)
    assert [w for w in found if w.lower() != label.lower()] == []
    other = ({"personal information", "personal data"} - {information}).pop()
    assert other not in unquoted(text).lower()
    assert "PII" not in text and "personally identifiable" not in text.lower()
    assert [f for f in findings(profile, bundled_library)] == []


def test_each_defined_term_is_defined_once_and_only_when_used(bundled_library):
    profile = full_profile(bundled_library)
    document = assemble(profile, bundled_library)
    text = document.plain_text()
    for term_id in document.defined_terms:
        label = resolved_terms(bundled_library, profile)[term_id].label
        assert text.count(f"(the “{label}”)") <= 1, label
    profile.practices = {"intro.about": {}, "security.measures": {}}
    assert "content" not in assemble(profile, bundled_library).defined_terms


@pytest.fixture
def planted(bundled_library):
    profile = example_profile(bundled_library)
    profile.terms.service = "Platform"
    return profile


PLANTS = [
    ("You can reach our web site any time.", "rival-term", "web site", "Platform"),
    ("Any web site can ask your browser for this.", "spelling", "web site", "website"),
    ("Send us an e-mail.", "spelling", "e-mail", "email"),
    ("We protect PII with care.", "rival-term", "PII", "personal information"),
    ("We protect personal data with care.", "rival-term", "personal data", "personal information"),
    ("You can use our site without an account.", "rival-term", "site", "Platform"),
    ("You can use the Services without an account.", "rival-term", "Services", "Platforms"),
    ("You can use the platform without an account.", "term-capitals", "platform", "Platform"),
    ("Acme keeps your details safe.", "company-name", "Acme", "we"),
    ("Acme's staff keep your details safe.", "company-name", "Acme’s", "our"),
    ("We keep logs (the “Records”) for a month.", "unused-definition", "(the “Records”", ""),
]


@pytest.mark.parametrize(("wording", "code", "words", "replacement"), PLANTS)
def test_linter_finds_planted_inconsistencies_and_fixes_them(bundled_library, planted, wording, code, words, replacement):
    planted.overrides["security.measures"] = wording
    found = [f for f in findings(planted, bundled_library) if f.clause_id == "security.measures"]
    assert [(f.code, f.words, f.replacement) for f in found] == [(code, words, replacement)]
    problems = [p for p in check(planted, bundled_library) if p.code == code]
    assert problems and problems[0].where == "clause:security.measures" and f"“{words}”" in problems[0].message
    if replacement:
        planted.overrides["security.measures"] = apply_fix(planted.overrides["security.measures"], found[0])
        assert [f for f in findings(planted, bundled_library) if f.clause_id == "security.measures"] == []


def test_quoted_words_are_mentions_not_uses(bundled_library, planted):
    planted.overrides["security.measures"] = "Some laws say “personal data” or “PII”; we say personal information."
    assert [f for f in findings(planted, bundled_library) if f.clause_id == "security.measures"] == []


def test_term_used_but_never_defined(bundled_library, planted):
    planted.practices = {"security.measures": {}}
    planted.overrides["security.measures"] = "We look after the Content you upload."
    found = findings(planted, bundled_library)
    assert ("undefined-term", "Content") in {(f.code, f.words) for f in found}


def test_token_output_is_never_linted(bundled_library, planted):
    planted.company.legal_name = "Web Site Services, Inc."
    planted.company.short_name = "PII Corp"
    assert findings(planted, bundled_library) == []


SEED_EXPECTATIONS = {
    # seed: (company names, chosen service word, words a careful reader marks)
    "000": (("Bandtraq, LLC", "Bandtraq"), "Platform", {"Bandtraq", "Websites", "services", "site", "PII"}),
    "001": (("Qtrax",), "Site", {"Qtrax", "Web sites", "Personally Identifiable Information", "e-mail"}),
    "002": (("DJMixerSoft, Inc.", "DJMixerSoft"), "Site",
            {"DJMixerSoft", "WebSite", "Web Site", "web site", "on-line", "Personally identifiable information"}),
    "003": (("GigMasters.com, Inc.", "Gigmasters.com"), "Site", {"Web site", "web site", "e-mail", "personally identifiable information"}),
    "004": (("BestQM",), "Website", {"BestQM", "web site", "personally identifiable information", "personal data"}),
}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
@pytest.mark.parametrize("seed", sorted(SEED_EXPECTATIONS))
def test_linter_marks_what_a_careful_reader_marks_in_each_seed(bundled_library, seed):
    (legal, *short), service, expected = SEED_EXPECTATIONS[seed]
    profile = example_profile(bundled_library)
    profile.company.legal_name, profile.company.short_name = legal, (short or [legal])[0]
    profile.terms.service = service
    profile.overrides["intro.about"] = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    words = {f.words for f in findings(profile, bundled_library) if f.clause_id == "intro.about"}
    assert expected <= words, expected - words


def test_band_platform_seed_is_caught_calling_its_service_three_names(bundled_library):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    profile = example_profile(bundled_library)
    profile.terms.service = "Platform"
    profile.overrides["intro.about"] = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    found = [f for f in findings(profile, bundled_library) if f.clause_id == "intro.about"]
    rivals = {f.words for f in found if f.code == "rival-term"}
    assert {"Websites", "services"} <= rivals
    assert any(f.code == "defined-twice" and "“Platform”" in f.words for f in found)
    assert any(f.code == "unused-definition" and "“Services”" in f.words for f in found)


def test_apply_fix_replaces_the_flagged_word_not_a_longer_one(bundled_library, planted):
    planted.overrides["security.measures"] = "Check the onsite kiosk or our site. A PIIX code and PII."
    found = [f for f in findings(planted, bundled_library) if f.clause_id == "security.measures"]
    for finding in found:
        planted.overrides["security.measures"] = apply_fix(planted.overrides["security.measures"], finding)
    assert planted.overrides["security.measures"] == "Check the onsite kiosk or our Platform. A PIIX code and personal information."


def test_fixed_override_applies_every_fix_in_one_clause_only(bundled_library, planted):
    from desktop.engine.review.checks import fixed_override

    assert fixed_override(planted, bundled_library, "security.measures") is None
    planted.overrides["security.measures"] = "Our web site keeps PII safe. Send an e-mail."
    planted.overrides["comms.admin"] = "We e-mail you."
    assert fixed_override(planted, bundled_library, "security.measures") == "Our Platform keeps personal information safe. Send an email."
    assert planted.overrides["comms.admin"] == "We e-mail you."
    planted.overrides["security.measures"] = "We keep your personal information safe."
    assert fixed_override(planted, bundled_library, "security.measures") is None


SEED_SPECIFICS = {"000": "Bandtraq, LLC", "001": "qtrax.com", "002": "DJMixerSoft", "003": "GigMasters", "004": "BestQM"}


@pytest.mark.parametrize("seed", sorted(SEED_SPECIFICS))
def test_another_companys_names_in_pasted_wording_are_found(bundled_library, seed):
    profile = example_profile(bundled_library)
    profile.overrides["intro.about"] = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    pasted = {f.words for f in findings(profile, bundled_library) if f.code == "pasted-name"}
    assert SEED_SPECIFICS[seed] in pasted
    problems = [p for p in check(profile, bundled_library) if p.code == "pasted-name"]
    assert problems and all(p.severity == "warning" and p.where == "clause:intro.about" for p in problems)


def test_your_own_names_and_well_known_products_are_not_pasted_names(bundled_library):
    profile = example_profile(bundled_library)
    profile.overrides["intro.about"] = ("Acme Audio, Inc. runs Acme Studio. Write to privacy@acme-audio.example or see "
                                        "https://www.acme-audio.example/help. You can pay with PayPal from an iPhone.")
    assert [f for f in findings(profile, bundled_library) if f.code == "pasted-name"] == []
    profile.overrides["intro.about"] = "Write to help@other-shop.example.com or visit other-shop.com."
    assert {f.words for f in findings(profile, bundled_library) if f.code == "pasted-name"} == {
        "help@other-shop.example.com", "other-shop.com"}
