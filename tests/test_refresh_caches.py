"""The caches behind a fast refresh give the answers the uncached code gives, and an edit that
changes the input changes the answer."""

import pytest

from desktop.engine.facts import memo
from desktop.engine.facts.rules import contradictions
from desktop.engine.facts.tables import law_table
from desktop.engine.language import markup
from desktop.engine.policy.assemble import assemble
from desktop.engine.review import lint as linter
from desktop.engine.review.checks import check
from desktop.engine.review.example import all_practices_profile, example_profile

PLANTED = "Acme keeps your personal data safe on our web site, and the Platform e-mails you (the “Records”)."


def clear_lint_caches() -> None:
    for finder in (linter._spellings, linter._service_words, linter._information_words, linter._company_name,
                   linter._term_capitals, linter._kept_block_text):
        finder.cache_clear()


def lint_cold(document, profile):
    clear_lint_caches()
    return linter.lint(document, profile)


@pytest.fixture
def planted(bundled_library):
    profile = all_practices_profile(bundled_library)
    profile.overrides["security.measures"] = PLANTED
    return profile


@pytest.mark.parametrize(("service", "information"), [("Platform", "personal information"), ("Site", "personal data")])
def test_the_linter_finds_the_same_with_warm_caches_as_with_none(bundled_library, planted, service, information):
    warm = example_profile(bundled_library)  # other texts and other names in the caches first
    warm.overrides["security.measures"] = PLANTED
    linter.lint(assemble(warm, bundled_library), warm)
    planted.terms.service, planted.terms.personal_information = service, information
    document = assemble(planted, bundled_library)
    cold = lint_cold(document, planted)
    assert {f.code for f in cold} >= {"company-name", "rival-term", "spelling"}
    assert linter.lint(document, planted) == cold


def test_an_edit_changes_what_the_cached_linter_finds(bundled_library, planted):
    first = linter.lint(assemble(planted, bundled_library), planted)
    assert ("company-name", "Acme") in {(f.code, f.words) for f in first}
    planted.set_field("company.short_name", "Zenith")
    planted.overrides["security.measures"] = PLANTED.replace("Acme", "Zenith").replace("web site", "website")
    document = assemble(planted, bundled_library)
    second = linter.lint(document, planted)
    words = {(f.code, f.words) for f in second if f.clause_id == "security.measures"}
    assert ("company-name", "Zenith") in words and ("company-name", "Acme") not in words
    assert not any(f.words == "web site" for f in second)
    assert second == lint_cold(document, planted)


def test_remembered_contradictions_are_those_found_afresh(bundled_library):
    profile = all_practices_profile(bundled_library)
    profile.practices["share.none"] = {}  # "we never share" beside the practices that share
    document = assemble(profile, bundled_library)
    laws, vocabulary = bundled_library.laws(profile.regimes), bundled_library.vocabulary
    fresh = contradictions(document.facts, laws, vocabulary)
    assert fresh
    assert memo.remembered_contradictions(document.facts, laws, vocabulary) == fresh
    assert memo.remembered_contradictions(document.facts, laws, vocabulary) == fresh  # from the memo
    del profile.practices["share.none"]
    fewer = assemble(profile, bundled_library).facts
    assert memo.remembered_contradictions(fewer, laws, vocabulary) == contradictions(fewer, laws, vocabulary) != fresh
    assert memo.remembered_contradictions(document.facts, [], vocabulary) == contradictions(document.facts, [], vocabulary)


def test_check_after_an_edit_names_the_new_problem_not_the_old(bundled_library):
    profile = all_practices_profile(bundled_library)
    assert not [p for p in check(profile, bundled_library) if p.code.startswith("contradiction")]
    profile.practices["share.none"] = {}
    assert [p for p in check(profile, bundled_library) if p.code.startswith("contradiction")]
    del profile.practices["share.none"]
    assert not [p for p in check(profile, bundled_library) if p.code.startswith("contradiction")]


def test_remembered_law_tables_are_those_worked_out_afresh(bundled_library):
    profile = all_practices_profile(bundled_library)
    vocabulary = bundled_library.vocabulary
    laws = [law for law in bundled_library.regimes.values() if law.categories]
    assert laws
    facts = assemble(profile, bundled_library).facts
    for law in laws:
        assert memo.remembered_law_table(facts, vocabulary, law.categories) == law_table(facts, vocabulary, law.categories)
    profile.practices.pop("share.advertising", None)
    profile.practices = {p: o for p, o in profile.practices.items() if not p.startswith("collect.")}
    fewer = assemble(profile, bundled_library).facts
    changed = False
    for law in laws:
        fresh = law_table(fewer, vocabulary, law.categories)
        assert memo.remembered_law_table(fewer, vocabulary, law.categories) == fresh
        changed |= fresh != law_table(facts, vocabulary, law.categories)
    assert changed


@pytest.mark.parametrize("text", ['He said "don\'t"', "it's", '"' * 3, "plain", ('say "yes" ' * 1000) + "it's"])
def test_curled_quotes_are_the_same_kept_or_not(text):
    assert markup.typographic_quotes(text) == markup._curl(text) == markup.typographic_quotes(text)
    assert markup.typographic_quotes('He said "don\'t"') == "He said \u201cdon\u2019t\u201d"


def test_a_long_pasted_text_is_linted_the_same_each_time(bundled_library):
    profile = example_profile(bundled_library)
    profile.overrides["security.measures"] = "Acme keeps your personal data. " * 400  # past the kept length
    document = assemble(profile, bundled_library)
    found = linter.lint(document, profile)
    assert any(f.code == "company-name" and f.clause_id == "security.measures" for f in found)
    assert linter.lint(document, profile) == found == lint_cold(document, profile)


def test_reading_ease_is_the_same_with_kept_counts_as_without(bundled_library, monkeypatch):
    from desktop.engine.policy import readability

    document = assemble(all_practices_profile(bundled_library), bundled_library)
    texts = [text for kind, text in document.text_blocks() if kind in ("paragraph", "item")]
    kept = readability.flesch_reading_ease(texts)
    assert readability.flesch_reading_ease(texts) == kept
    monkeypatch.setattr(readability, "_KEPT_CHARS", 0)  # every block counted afresh
    assert readability.flesch_reading_ease(texts) == kept
    assert readability.flesch_reading_ease(texts[:10]) != kept
