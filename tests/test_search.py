"""Finding a practice by plain words: titles, summaries, clause wording, option titles, declared facts and synonyms."""

import pytest

from desktop.engine.library.search import SYNONYMS_FILE, PracticeSearch, SynonymsError, bundled_search, load_synonyms
from desktop.paths import bundled_dir


@pytest.fixture(scope="module")
def search(bundled_library):
    return bundled_search(bundled_library)


def test_plain_words_find_the_practice_that_means_them(search):
    assert search.ranked("ticket")[0] == "collect.orders"
    assert search.ranked("Tickets")[0] == "collect.orders"
    assert search.ranked("mailing list")[0] == "comms.newsletter"
    assert search.ranked("kids")[0].startswith("children.")
    assert search.ranked("delete my account")[0] == "rights.delete"  # "my" says nothing and is passed over
    assert all("retention" in found for found in search.ranked("how long")[:3])


@pytest.mark.parametrize("query, found, within", [
    ("delete my data", "rights.delete", 1),  # the library says "information", people say "data"
    ("access my data", "rights.access_correct", 1),
    ("copy of my data", "rights.access_correct", 1),
    ("change my data", "rights.access_correct", 3),
    ("google analytics", "cookies.analytics", 1),
    ("facebook pixel", "cookies.beacons", 3),
    ("paypal", "use.transactions", 3),
    ("shipping", "collect.orders", 3),
    ("hacked", "security.breach_notice", 2),
    ("gps", "california.sensitive", 1),
    ("loyalty program", "california.financial_incentive", 1),
    ("text message", "comms.account_contact", 3),
    ("cookie banner", "cookies.about", 3),
    ("privacy officer", "intro.controller", 1),
    ("marketing emails", "comms.newsletter", 1),
    ("payments", "collect.orders", 2),  # a plural finds the singular's practices
])
def test_what_a_shop_owner_types_finds_the_practice_meant(search, query, found, within):
    assert found in (search.ranked(query) or [])[:within]



def test_the_data_recipients_and_purposes_a_practice_declares_are_searched(bundled_library):
    plain = PracticeSearch(bundled_library)  # no synonyms: only the library's own words
    names, described, declared, wording = plain.texts["california.sensitive"]
    assert "exact location" not in wording and "exact location" in declared  # a word of location.precise
    assert plain.ranked("exact location") == ["california.sensitive", "collect.sensitive"]  # the second asks about it
    assert "collect.public_profile" in plain.ranked("photos, audio and video")  # the title of an option item's category
    assert "community.referrals" in plain.ranked("people you invite")


def test_a_declared_word_ranks_below_a_title(bundled_library):
    ranked = PracticeSearch(bundled_library).ranked("contact details")
    assert ranked[0] == "contact.details" and "community.referrals" in ranked[1:]


@pytest.mark.parametrize("query, meant, within", [
    ("location", {"collect.automatic", "california.sensitive", "rights.public_info"}, 6),  # and collect.sensitive
    ("camera", {"collect.public_profile", "collect.content"}, 2),  # the practices that take photos and videos
    ("video", {"collect.public_profile", "collect.content", "cookies.embeds"}, 3),  # and videos from other services
    ("youtube", {"cookies.embeds"}, 1),
    ("contacts", {"community.referrals"}, 8),
    ("address book", {"community.referrals"}, 2),
    ("cancel my subscription", {"rights.delete"}, 1),  # the practice that says how to close an account
    ("cancel my subscription", {"retention.account", "comms.admin"}, 4),
])
def test_everyday_words_find_the_practices_that_declare_them(search, query, meant, within):
    assert meant <= set((search.ranked(query) or [])[:within])


def test_photo_and_video_no_longer_find_practices_about_other_content(search):
    assert not {"use.advertising", "use.personalise", "cookies.preferences"} & set(search.ranked("video"))


def test_clause_wording_and_option_titles_are_searched(search, bundled_library):
    assert "collect.telemetry" in search.ranked("crash reports")
    # an option's title only: "Arbitration body whose rules apply"
    assert "law.governing" in search.ranked("arbitration body")


def test_nothing_found_and_an_empty_query(search, bundled_library):
    assert search.ranked("zzzz") == []
    assert search.ranked("   ") is None  # nothing typed: every practice shows


def test_every_synonym_finds_some_practice(search):
    synonyms, ignored = load_synonyms(bundled_dir("snippets") / SYNONYMS_FILE)
    assert len(synonyms) >= 30 and "my" in ignored
    texts = [" ".join(parts) for parts in search.texts.values()]
    lost = sorted({word for words in synonyms.values() for word in words if not any(word in text for text in texts)})
    assert lost == [], "these synonyms find no practice: fix the words or the list"


def test_a_broken_synonyms_file_names_the_file_and_the_entry(tmp_path, bundled_library):
    path = tmp_path / "synonyms.toml"
    path.write_text('[synonyms]\nticket = "order"\n', encoding="utf-8")
    with pytest.raises(SynonymsError, match="synonyms.toml: “ticket” must be a list of words"):
        load_synonyms(path)
    path.write_text("[synonyms\n", encoding="utf-8")
    with pytest.raises(SynonymsError, match="cannot read the synonyms"):
        load_synonyms(path)
    assert load_synonyms(tmp_path / "none.toml") == ({}, frozenset())
    assert PracticeSearch(bundled_library).ranked("ticket") == []  # without synonyms, the word is not in the library
