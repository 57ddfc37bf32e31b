"""The fact vocabulary: bundled files, hierarchy, words, faults and merging."""

from pathlib import Path

import pytest

from desktop.engine.reference.vocabulary import ROLES, load_vocabulary
from desktop.paths import bundled_dir
from tests.laws import BUNDLED_LAWS

CCPA_CATEGORIES = {
    "", "identifiers", "customer records", "characteristics of protected classifications",
    "commercial information", "biometric information",
    "internet or other electronic network activity", "geolocation data",
    "audio, electronic or visual information", "professional or employment-related information",
    "education information", "inferences", "sensitive {{personal information}}",
}
REQUIRED = {
    "data": ["personal", "identifiers.name", "identifiers.email", "identifiers.username",
             "account.password", "identifiers.phone", "identifiers.postal_address",
             "identifiers.ip_address", "identifiers.device_id", "identifiers.cookie",
             "activity.service", "activity.cross_site", "location.approximate", "location.precise",
             "purchases", "payment.card", "support", "content.posts", "content.messages",
             "content.media", "profile", "social.profile", "activity.telemetry", "inferences",
             "age", "children", "deidentified"],
    "recipient": ["anyone", "service_providers", "service_providers.hosting",
                  "service_providers.payments", "service_providers.analytics", "third_parties",
                  "third_parties.ad_networks", "third_parties.analytics",
                  "third_parties.social_networks", "third_parties.marketplace",
                  "third_parties.promotion_partners", "public", "authorities",
                  "third_parties.debt_collectors", "buyer"],
    "purpose": ["service", "account", "transactions", "support", "security", "improve", "analytics",
                "personalise", "communicate", "communicate.marketing", "ads.first_party",
                "ads.cross_context", "sale", "legal"],
    "audience": ["general", "children_under_13", "teens"],
}


@pytest.fixture(scope="module")
def vocabulary():
    vocabulary, faults = load_vocabulary(bundled_dir("snippets"))
    assert faults == []
    return vocabulary


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def category(id: str, words: str = "[]", extra: str = "") -> str:
    return (f'[[category]]\nid = "{id}"\ntitle = "T {id}"\n'
            f"sensitive = false\nwords = {words}\n{extra}\n")


ROOT = '[[category]]\nid = "personal"\nroot = true\ntitle = "P"\nsensitive = false\nwords = []\n\n'


# --- The bundled vocabulary -----------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_bundled_vocabulary_has_the_ids_clauses_need(vocabulary, kind):
    missing = [id for id in REQUIRED[kind] if id not in vocabulary.table(kind)]
    assert missing == []


@pytest.mark.parametrize("law", [law for law in BUNDLED_LAWS.values() if law.categories], ids=lambda law: law.id)
def test_a_law_with_categories_puts_every_personal_category_in_one(vocabulary, law):
    assert set(law.categories) <= set(vocabulary.categories)
    assert [c.id for c in vocabulary.categories.values() if c.id not in law.categories
            and vocabulary.root(c.id) == "personal" and c.id not in ("personal", "children")] == []


def test_the_ccpa_categories_are_the_statutes(vocabulary):
    wrong = {id: category for id, category in BUNDLED_LAWS["ccpa"].categories.items() if category not in CCPA_CATEGORIES}
    assert wrong == {}


def test_each_recipient_has_a_known_role_and_a_description(vocabulary):
    assert all(r.role in ROLES and r.description for r in vocabulary.recipients.values())


def test_sensitive_categories_are_marked(vocabulary):
    sensitive = {c.id for c in vocabulary.categories.values() if c.sensitive}
    assert {"account.password", "location.precise", "content.messages"} <= sensitive
    assert "identifiers.email" not in sensitive


def test_words_are_lower_case_and_name_one_category(vocabulary):
    for entry in vocabulary.categories.values():
        assert all(word == word.lower() for word in entry.words)
        for word in entry.words:
            assert vocabulary.categories_in(word) == [entry.id], word


# --- Hierarchy ------------------------------------------------------------------------------


def test_overlap_follows_the_hierarchy(vocabulary):
    assert vocabulary.overlaps("identifiers.email", "identifiers")
    assert vocabulary.overlaps("identifiers", "identifiers.email")
    assert vocabulary.overlaps("identifiers.email", "personal")
    assert vocabulary.overlaps("identifiers.email", "identifiers.email")
    assert not vocabulary.overlaps("identifiers.email", "identifiers.name")
    assert not vocabulary.overlaps("activity.service", "activity.cross_site")


def test_deidentified_data_never_overlaps_personal_information(vocabulary):
    assert vocabulary.ancestors("deidentified.aggregate") == ["deidentified"]
    assert not vocabulary.overlaps("deidentified", "personal")
    assert not vocabulary.overlaps("deidentified.aggregate", "identifiers")
    assert vocabulary.root("identifiers.email") == "personal"


def test_ancestors_nearest_first(vocabulary):
    assert vocabulary.ancestors("identifiers.email") == ["identifiers", "personal"]
    assert vocabulary.ancestors("personal") == []
    assert vocabulary.ancestors("third_parties.ad_networks", "recipient") == ["third_parties", "anyone"]
    assert vocabulary.ancestors("ads.cross_context", "purpose") == ["ads"]


def test_a_kind_keeps_its_own_hierarchy(vocabulary):
    """`account` and `support` are both data categories and purposes."""
    assert vocabulary.ancestors("account", "data") == ["personal"]
    assert vocabulary.ancestors("account", "purpose") == []
    assert not vocabulary.overlaps("ads.first_party", "ads.cross_context", "purpose")


# --- Words ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("your login name", ["identifiers.username"]),
    ("the screen name other people see", ["identifiers.username"]),
    ("Your Account Name", ["identifiers.username"]),
    ("your first and last name", ["identifiers.name"]),
    ("your email address", ["identifiers.email"]),
    ("the card’s expiry date", ["payment.card"]),
    ("your IP address, which can show roughly where you are", ["identifiers.ip_address", "location.approximate"]),
    ("the pages you view and the links you click", ["activity.service"]),
    ("We do not sell your {{personal information}}.", ["personal"]),
    ("nothing here", []),
    ("{{opt.items}} {{if practice.cookies.signin}}", []),
])
def test_categories_in_reads_the_phrases_left_to_right(vocabulary, text, expected):
    assert vocabulary.categories_in(text) == expected


def test_words_match_whole_words_and_plurals(vocabulary):
    assert vocabulary.categories_in("usernames") == ["identifiers.username"]
    assert vocabulary.categories_in("rename") == []
    assert vocabulary.categories_in("photos") == ["content.media"]


def test_categories_in_lists_every_category_left_to_right(vocabulary):
    text = "your user name and IP address, and your phone number"
    assert vocabulary.categories_in(text) == [
        "identifiers.username", "identifiers.ip_address", "identifiers.phone"]


# --- Faults -----------------------------------------------------------------------------------


def test_missing_key_is_reported_with_its_line(tmp_path):
    path = write(tmp_path, "data.toml", ROOT + '[[category]]\nid = "x"\ntitle = "X"\n')
    _, faults = load_vocabulary(tmp_path)
    assert faults == [(path, 8, "[[category]] 'x' is missing `sensitive`")]


def test_wrong_type_points_at_the_key(tmp_path):
    text = ROOT + category("x").replace("sensitive = false", 'sensitive = "no"')
    path = write(tmp_path, "data.toml", text)
    _, faults = load_vocabulary(tmp_path)
    assert faults == [(path, 11, "`sensitive` must be a list of law ids (or true or false)")]


def test_unknown_parent_is_reported(tmp_path):
    path = write(tmp_path, "data.toml", ROOT + category("ghost.email"))
    vocabulary, faults = load_vocabulary(tmp_path)
    assert faults == [(path, 8, "'ghost.email' has unknown parent 'ghost'")]
    assert "ghost.email" not in vocabulary.categories


def test_duplicate_id_in_one_file_is_reported(tmp_path):
    path = write(tmp_path, "data.toml", ROOT + category("x") + category("x"))
    _, faults = load_vocabulary(tmp_path)
    assert faults == [(path, 14, "duplicate id 'x' in this file")]


def test_a_phrase_naming_two_categories_is_reported(tmp_path):
    write(tmp_path, "data.toml", ROOT + category("x", '["same"]') + category("y", '["same"]'))
    _, faults = load_vocabulary(tmp_path)
    assert [message for _, _, message in faults] == ["the words 'same' name both 'x' and 'y'"]


@pytest.mark.parametrize("replacement, message", [
    ('words = ["Upper"]', "`words` must be lower case"),
    ('words = "one"', "`words` must be a list of texts"),
    ('words = []\ncolour = "red"', "unknown key `colour` in [[category]] 'x'"),
])
def test_bad_values_are_reported(tmp_path, replacement, message):
    write(tmp_path, "data.toml", ROOT + category("x").replace("words = []", replacement))
    _, faults = load_vocabulary(tmp_path)
    assert [m for _, _, m in faults] == [message]


def test_a_recipient_role_must_be_known(tmp_path):
    write(tmp_path, "recipients.toml", '[[recipient]]\nid = "anyone"\ntitle = "A"\nrole = "friend"\n'
          'description = "d"\nwords = []\n')
    _, faults = load_vocabulary(tmp_path)
    assert [m for _, _, m in faults] == [f"`role` must be one of {', '.join(ROLES)}"]


def test_toml_errors_give_their_line(tmp_path):
    path = write(tmp_path, "purposes.toml", '[[purpose]]\nid = "a"\ntitle = \n')
    _, faults = load_vocabulary(tmp_path)
    assert faults[0][:2] == (path, 3) and faults[0][2].startswith("TOML error")


# --- Several folders ----------------------------------------------------------------------------


def test_a_later_folder_replaces_and_extends_the_bundled_vocabulary(tmp_path):
    user = tmp_path / "user" / "_vocabulary"
    write(user, "data.toml", category("identifiers.email", '["e-post"]') + category("identifiers.handle"))
    vocabulary, faults = load_vocabulary([bundled_dir("snippets"), tmp_path / "user"])
    assert faults == []
    assert vocabulary.categories["identifiers.email"].title == "T identifiers.email"
    assert vocabulary.categories_in("your e-post") == ["identifiers.email"]
    assert vocabulary.overlaps("identifiers.handle", "identifiers")
    assert "identifiers.name" in vocabulary.categories


def test_a_folder_without_vocabulary_adds_nothing(tmp_path):
    vocabulary, faults = load_vocabulary([tmp_path])
    assert faults == [] and vocabulary.categories == {}
