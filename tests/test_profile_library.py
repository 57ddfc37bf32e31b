"""The library of profiles: list, duplicate, rename, delete to the trash and back, import, export."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.engine.history.versions import publish, versions_dir
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import ProfileError, load_profile, save_profile
from desktop.engine.storage.profile_library import ENV_FOLDER, LibraryError, ProfileLibrary, default_folder, file_name_for, name_problem
from tests.conftest import make_profile


@pytest.fixture
def shelf(tmp_path):
    return ProfileLibrary(tmp_path / "profiles")


@pytest.fixture
def acme(shelf, profile):
    profile.overrides["intro.about"] = "We are Acme, and this is how we treat your data."
    return shelf.save_new(profile, "Acme")


def test_an_empty_library_lists_nothing_and_creates_no_folder(shelf):
    assert shelf.entries() == [] and shelf.trash() == []
    assert not shelf.folder.exists()


def test_the_folder_comes_from_the_environment_when_set(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_FOLDER, str(tmp_path / "elsewhere"))
    assert default_folder() == tmp_path / "elsewhere"
    assert ProfileLibrary().folder == tmp_path / "elsewhere"
    monkeypatch.delenv(ENV_FOLDER)
    assert default_folder().name == "profiles"


def test_entries_show_company_service_edited_and_published(shelf, acme, fixture_library):
    (entry,) = shelf.entries()
    assert (entry.name, entry.company, entry.service, entry.published) == ("Acme", "Acme", "Acme Studio", None)
    assert entry.edited.tzinfo is not None
    profile = load_profile(acme.path)
    version = publish(acme.path, profile, assemble(profile, fixture_library))
    (entry,) = shelf.entries()
    assert entry.published == version.published


def test_a_profile_that_cannot_be_read_is_listed_with_the_reason(shelf, acme):
    (shelf.folder / "Broken.json").write_text("{not json", encoding="utf-8")
    broken = next(e for e in shelf.entries() if e.name == "Broken")
    assert "not valid JSON" in broken.problem and broken.company == ""


def test_duplicate_keeps_practices_wording_and_laws_under_a_new_name(shelf, acme):
    original = load_profile(acme.path)
    copy = shelf.duplicate(acme.path, "Beta Records", company_name="Beta Records Ltd")
    duplicated = load_profile(copy.path)
    assert copy.name == "Beta Records" and copy.path != acme.path
    assert duplicated.practices == original.practices and duplicated.overrides == original.overrides
    assert duplicated.regimes == original.regimes and duplicated.terms == original.terms
    assert duplicated.company.legal_name == "Beta Records Ltd" and duplicated.company.short_name == ""
    assert load_profile(acme.path) == original  # the original is untouched


def test_duplicate_takes_a_free_name_and_leaves_versions_with_the_original(shelf, acme, fixture_library):
    profile = load_profile(acme.path)
    publish(acme.path, profile, assemble(profile, fixture_library))
    copy = shelf.duplicate(acme.path, "Acme")
    assert copy.name == "Acme (2)"
    assert not versions_dir(copy.path).exists() and versions_dir(acme.path).is_dir()


def test_rename_moves_the_file_and_its_versions(shelf, acme, fixture_library):
    profile = load_profile(acme.path)
    publish(acme.path, profile, assemble(profile, fixture_library))
    renamed = shelf.rename(acme.path, "Acme Audio")
    assert [e.name for e in shelf.entries()] == ["Acme Audio"]
    assert not acme.path.exists() and (versions_dir(renamed.path) / "v0001.json").is_file()
    assert renamed.published is not None


@pytest.mark.parametrize("bad", ["", "   ", "a/b", ".hidden", "x" * 101, "tab\there"])
def test_rename_refuses_a_name_that_cannot_be_a_file(shelf, acme, bad):
    with pytest.raises(LibraryError):
        shelf.rename(acme.path, bad)
    assert acme.path.is_file()


def test_rename_refuses_a_name_already_taken(shelf, acme, profile):
    other = shelf.save_new(profile, "Beta")
    with pytest.raises(LibraryError, match="already a profile"):
        shelf.rename(other.path, "Acme")
    assert other.path.is_file() and acme.path.is_file()


def test_delete_moves_to_the_trash_and_restore_brings_it_back(shelf, acme, fixture_library):
    before = acme.path.read_bytes()
    profile = load_profile(acme.path)
    publish(acme.path, profile, assemble(profile, fixture_library))
    trashed = shelf.delete(acme.path)
    assert shelf.entries() == [] and [e.name for e in shelf.trash()] == ["Acme"]
    assert versions_dir(trashed).is_dir()
    restored = shelf.restore(trashed)
    assert restored.path == acme.path and acme.path.read_bytes() == before
    assert restored.published is not None and shelf.trash() == []


def test_restore_takes_a_free_name_when_the_old_one_is_taken_again(shelf, acme, profile):
    trashed = shelf.delete(acme.path)
    shelf.save_new(profile, "Acme")
    assert shelf.restore(trashed).name == "Acme (2)"


def test_empty_trash_deletes_for_good(shelf, acme, profile):
    shelf.delete(acme.path)
    shelf.delete(shelf.save_new(profile, "Acme").path)
    assert [e.name for e in shelf.trash()] == ["Acme", "Acme (2)"]
    assert shelf.empty_trash() == 2
    assert shelf.trash() == [] and not shelf.trash_folder.exists()


def test_import_and_export_round_trip(shelf, tmp_path):
    original = make_profile(intro__about={}, collect__basic={"items": ["name", "email"]})
    original.overrides["intro.about"] = "Our own words."
    source = tmp_path / "from-elsewhere.json"
    save_profile(original, source)
    imported = shelf.import_file(source)
    assert imported.name == "from-elsewhere" and load_profile(imported.path) == original
    target = tmp_path / "out" / "exported.json"
    target.parent.mkdir()
    shelf.export_file(imported.path, target)
    assert load_profile(target) == original
    assert json.loads(target.read_text(encoding="utf-8"))["practices"]["collect.basic"] == {"items": ["name", "email"]}



def test_export_never_replaces_a_published_version(shelf, acme, fixture_library):
    profile = load_profile(acme.path)
    version = publish(acme.path, profile, assemble(profile, fixture_library)).path
    before = version.read_bytes()
    for target in (version, versions_dir(acme.path) / "copy.json"):
        with pytest.raises(LibraryError, match="published version"):
            shelf.export_file(acme.path, target)
    assert version.read_bytes() == before and [p.name for p in versions_dir(acme.path).iterdir()] == [version.name]


def test_a_file_whose_name_a_profile_may_not_have_is_imported_under_a_usable_one(shelf, tmp_path):
    source = tmp_path / "client: 2026?.json"  # a name Linux allows and the library does not
    save_profile(make_profile(intro__about={}), source)
    assert shelf.import_file(source).name == "client- 2026-"


def test_import_of_bad_json_names_the_file_and_stores_nothing(shelf, tmp_path):
    source = tmp_path / "garbled.json"
    source.write_text('{"company": ', encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        shelf.import_file(source)
    assert str(source) in str(raised.value) and "not valid JSON" in str(raised.value)
    assert shelf.entries() == []


def test_import_of_a_profile_with_wrong_types_names_the_field(shelf, tmp_path):
    source = tmp_path / "wrong.json"
    source.write_text('{"company": {"legal_name": 5}}', encoding="utf-8")
    with pytest.raises(ProfileError, match="company.legal_name"):
        shelf.import_file(source)


@given(st.text())
def test_any_text_gives_a_name_a_profile_may_have(text):
    assert name_problem(file_name_for(text)) is None


def test_a_file_name_keeps_what_it_can_of_the_text():
    assert file_name_for(" A/B Audio: Records ") == "A-B Audio- Records"
    assert file_name_for("..hidden") == "hidden" and file_name_for("???") == "---" and file_name_for("") == "Profile"


@pytest.mark.parametrize("letter", ["a", "é", "名"])
def test_names_at_the_length_limit_can_be_copied_deleted_and_restored(shelf, profile, letter):
    """A suffix such as " (2)" must never push a name past what the library or the disk allows."""
    longest = file_name_for(letter * 500)
    assert name_problem(longest) is None
    first, second = shelf.save_new(profile, longest), shelf.save_new(profile, longest)
    assert second.name != first.name and name_problem(second.name) is None
    trashed = [shelf.delete(first.path), shelf.delete(second.path)]
    assert len(shelf.trash()) == 2
    shelf.save_new(profile, longest)
    restored = [shelf.restore(path) for path in trashed]
    assert len(shelf.entries()) == 3 and all(name_problem(entry.name) is None for entry in restored)


def test_a_name_too_long_for_a_file_is_refused_with_a_reason(shelf, profile):
    with pytest.raises(LibraryError, match="too long"):
        shelf.save_new(profile, "名" * 100)  # 100 characters, but 300 bytes: more than a file name may have


def test_a_file_put_in_the_folder_by_hand_under_an_odd_name_can_be_deleted_and_restored(shelf, profile):
    shelf.folder.mkdir(parents=True)
    odd = shelf.folder / "client: 2026.json"
    save_profile(profile, odd)
    assert [entry.name for entry in shelf.entries()] == ["client: 2026"]
    trashed = shelf.delete(odd)
    assert shelf.entries() == [] and shelf.restore(trashed).name == "client- 2026"


def test_a_copy_for_another_brand_takes_that_brands_details_and_leaves_an_empty_one_to_fill_in(shelf, acme):
    copy = shelf.duplicate(acme.path, "Beta", company_name="Beta Records Ltd",
                           details={"company.contact_email": " hi@beta.example ", "company.website": "", "service.name": "Beta"})
    duplicated = load_profile(copy.path)
    assert duplicated.company.contact_email == "hi@beta.example" and duplicated.service.name == "Beta"
    assert duplicated.company.website == "", "not the old brand's website"
