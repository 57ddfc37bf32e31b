from conftest import make_profile

from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import BulletList, Heading, Paragraph, plain
from desktop.engine.review.checks import check, has_errors


def texts(document):
    return [text for _, text in document.text_blocks()]


def test_sections_follow_the_outline_and_numbering_closes_up(profile, fixture_library):
    document = assemble(profile, fixture_library)
    assert [s.heading_text for s in document.sections] == [
        "1. About this policy", "2. Information we collect", "3. Cookies", "4. Contact us"]
    profile.practices.pop("dnt.honour")
    document = assemble(profile, fixture_library)
    assert [s.heading_text for s in document.sections] == [
        "1. About this policy", "2. Information we collect", "3. Contact us"]


def test_company_is_introduced_once_then_we(profile, fixture_library):
    text = assemble(profile, fixture_library).plain_text()
    assert "Acme Audio, Inc. (“Acme”, “we”, “us” or “our”) runs" in text
    assert text.count("Acme Audio, Inc. (") == 1


def test_terms_are_defined_once_at_first_use(profile, fixture_library):
    profile.practices["collect.files"] = {}
    profile.practices["collect.basic"] = {"extra_note": True}
    document = assemble(profile, fixture_library)
    text = document.plain_text()
    assert text.count("(the “Platform”)") == 1
    assert text.index("Acme Studio (the “Platform”)") < text.index("our Platform")
    assert text.count("(the “Content”)") == 1
    assert "We also keep the files you upload to the Platform (the “Content”)." in text
    assert "We do not look at the Content unless" in text
    # remove the first use: the definition moves to the next one
    profile.practices["collect.basic"] = {}
    text = assemble(profile, fixture_library).plain_text()
    assert "We do not look at the files you upload to the Platform (the “Content”) unless" in text


def test_terms_follow_the_profile_choice_with_capitals(profile, fixture_library):
    profile.terms.service = "web site"
    profile.terms.personal_information = "personal data"
    text = assemble(profile, fixture_library).plain_text()
    assert "(the “Website”)" in text and "our Website" in text
    assert "Personal data you give us stays with us." in text
    assert "personal information" not in text.lower()


def test_list_options_become_bullets_and_conditions_apply(profile, fixture_library):
    profile.practices["collect.basic"] = {"items": ["your name", "your {{service}} handle"]}
    document = assemble(profile, fixture_library)
    lists = [b for s in document.sections for b in s.blocks if isinstance(b, BulletList)]
    assert [plain(item) for item in lists[0].items] == ["your name", "your Platform handle"]
    assert "You can also call us" not in document.plain_text()
    profile.company.phone = "+1 555 0100"
    assert "You can also call us on +1 555 0100." in assemble(profile, fixture_library).plain_text()


def test_cross_reference_uses_the_real_number(profile, fixture_library):
    assert "For cookies, see section 3 (Cookies)." in assemble(profile, fixture_library).plain_text()
    profile.practices.pop("dnt.honour")
    document = assemble(profile, fixture_library)
    assert "[section Cookies]" in document.plain_text()
    problems = check(profile, fixture_library, document)
    assert any(p.code == "broken-reference" and p.where == "clause:contact.details" for p in problems)


def test_missing_details_become_marked_gaps_and_errors(fixture_library):
    profile = make_profile(intro__about={}, contact__post={})
    profile.company.legal_name = ""
    document = assemble(profile, fixture_library)
    gaps = [run for s in document.sections for b in s.blocks if isinstance(b, Paragraph) for run in b.runs if run.gap]
    assert [run.text for run in gaps] == ["[Company legal name]", "[Postal address]"]
    problems = check(profile, fixture_library, document)
    assert {p.where for p in problems if p.code == "missing-detail"} >= {"company.legal_name", "company.postal_address"}
    assert has_errors(problems)


def test_exclusive_group_excludes_and_requires_are_errors(profile, fixture_library):
    profile.practices.update({"dnt.ignore": {}, "cookies.ads": {}})
    profile.practices.pop("collect.basic")
    codes = {(p.code, p.where) for p in check(profile, fixture_library)}
    assert ("exclusive-group", "practice:dnt.ignore") in codes
    assert ("conflict", "practice:dnt.honour") in codes
    assert ("needs-practice", "practice:cookies.ads") in codes


def test_unknown_practice_and_bad_option_values(profile, fixture_library):
    profile.practices["no.such"] = {}
    profile.practices["cookies.ads"] = {"days": 0, "colour": "red"}
    problems = {(p.severity, p.code, p.where) for p in check(profile, fixture_library)}
    assert ("error", "unknown-practice", "practice:no.such") in problems
    assert ("error", "invalid-option", "practice:cookies.ads.days") in problems
    assert ("warning", "unknown-option", "practice:cookies.ads.colour") in problems


def test_override_replaces_the_wording_and_unknown_tokens_are_errors(profile, fixture_library):
    profile.overrides["dnt.honour"] = "We respect **Do Not Track** on {{the service}}. {{the gizmo}}"
    document = assemble(profile, fixture_library)
    assert "We respect Do Not Track on the Platform. [the gizmo]" in document.plain_text()
    problems = check(profile, fixture_library, document)
    assert any(p.code == "unknown-token" and p.where == "clause:dnt.honour" for p in problems)


def test_shared_headings_show_once(profile, fixture_library):
    document = assemble(profile, fixture_library)
    headings = [plain(b.runs) for s in document.sections for b in s.blocks if isinstance(b, Heading)]
    assert headings == ["What you give us", "Do Not Track", "How to reach us"]


def test_regime_coverage_warns_about_gaps(profile, fixture_library):
    profile.regimes = ["caloppa"]
    assert not [p for p in check(profile, fixture_library) if p.code == "regime-gap"]
    profile.practices.pop("dnt.honour")
    gaps = [p for p in check(profile, fixture_library) if p.code == "regime-gap"]
    assert [p.where for p in gaps] == ["regime:caloppa.do_not_track"]


def test_effective_date_format_follows_the_country(profile, fixture_library):
    assert assemble(profile, fixture_library).effective_line == "Effective date: November 22, 2026"
    profile.company.country = "Germany"
    document = assemble(profile, fixture_library)
    assert document.effective_line == "Effective date: 22 November 2026"
    assert document.page_size == "a4"


def test_bare_web_addresses_in_wording_become_links(profile, fixture_library):
    profile.overrides["dnt.honour"] = "Learn more at https://example.org/dnt. Or not."
    document = assemble(profile, fixture_library)
    runs = [run for s in document.sections for b in s.blocks if b.clause_id == "dnt.honour" and isinstance(b, Paragraph) for run in b.runs]
    assert [(r.text, r.href) for r in runs] == [("Learn more at ", None), ("https://example.org/dnt", "https://example.org/dnt"), (". Or not.", None)]


def test_articles_plurals_and_capitals_follow_the_chosen_word(profile, fixture_library):
    profile.terms.service = "App"
    profile.overrides["dnt.honour"] = "{{A service}} like ours. We run {{our service|plural}}. {{This service}} is {{a service}}."
    text = assemble(profile, fixture_library).plain_text()
    assert "An App like ours. We run our Apps. This App is an App." in text


def test_straight_quotes_become_curly_in_wording_options_and_headings(profile, fixture_library):
    profile.practices["collect.basic"] = {"items": ['your "handle"', "your name's spelling"]}
    profile.overrides["dnt.honour"] = 'We honour "Do Not Track" and "{{service}}" settings.'
    text = assemble(profile, fixture_library).plain_text()
    assert "your “handle”" in text and "your name’s spelling" in text
    assert "We honour “Do Not Track” and “Platform” settings." in text


def test_web_address_with_parentheses_keeps_them(profile, fixture_library):
    profile.overrides["dnt.honour"] = "See https://en.example.org/wiki/Foo_(bar) for more."
    document = assemble(profile, fixture_library)
    links = [run.href for s in document.sections for b in s.blocks if isinstance(b, Paragraph) for run in b.runs if run.href]
    assert "https://en.example.org/wiki/Foo_(bar)" in links


def test_the_clauses_shown_are_those_appearing_in_reading_order(profile, fixture_library):
    from desktop.engine.policy.assemble import included_clauses

    profile.practices["cookies.ads"] = {}
    document = assemble(profile, fixture_library)
    included = [c.id for clauses in included_clauses(fixture_library, profile).values() for c in clauses]
    assert list(document.clause_sections()) == included and "cookies.ads" in included
    sections = document.clause_sections()
    assert sections["intro.about"].heading_text == "1. About this policy"
    assert sections["cookies.ads"].heading_text == "3. Cookies"
