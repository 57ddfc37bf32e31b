"""Published versions: numbered in order, holding the profile and the policy text as exported."""

import datetime as dt
import json
import os
import threading

import pytest

from desktop.engine.export import export_bytes
from desktop.engine.history.versions import (
    find_version,
    is_version_file,
    list_versions,
    publish,
    read_version,
    versions_dir,
    why_not_write,
)
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import ProfileError, save_profile


@pytest.fixture
def saved(tmp_path, profile):
    path = tmp_path / "acme.json"
    save_profile(profile, path)
    return path


def test_publish_numbers_increase_and_history_lists_them_in_order(saved, profile, fixture_library):
    document = assemble(profile, fixture_library)
    first = publish(saved, profile, document, dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC))
    profile.company.phone = "+1 555 0199"
    second = publish(saved, profile, assemble(profile, fixture_library))
    assert (first.number, second.number) == (1, 2)
    assert [v.number for v in list_versions(saved)] == [1, 2]
    assert [p.name for p in versions_dir(saved).iterdir()] and first.path.name == "v0001.json"
    assert list_versions(saved)[0].published == dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)


def test_a_version_stores_the_profile_and_the_text_as_exported(saved, profile, fixture_library):
    document = assemble(profile, fixture_library)
    version = read_version(publish(saved, profile, document).path)
    assert version.profile == profile
    assert version.policy.markdown.encode("utf-8") == export_bytes(document, "md")
    assert list(version.policy.blocks) == document.text_blocks()
    assert is_version_file(version.path) and not is_version_file(saved)


def test_a_version_keeps_its_text_when_the_profile_changes_later(saved, profile, fixture_library):
    version = publish(saved, profile, assemble(profile, fixture_library))
    profile.company.legal_name = "Someone Else Ltd"
    save_profile(profile, saved)
    assert "Someone Else" not in read_version(version.path).policy.markdown


def test_find_version_by_number_or_last_and_names_the_numbers_that_exist(saved, profile, fixture_library):
    with pytest.raises(ProfileError, match="no published versions"):
        find_version(saved, "1")
    for _ in range(3):
        publish(saved, profile, assemble(profile, fixture_library))
    assert find_version(saved, "2").number == 2 and find_version(saved, "last").number == 3
    with pytest.raises(ProfileError, match="versions 1 to 3") as raised:
        find_version(saved, "7")
    assert raised.value.source.endswith("acme.json@7")


def test_a_damaged_version_file_is_named_and_left_out_of_the_history(saved, profile, fixture_library):
    publish(saved, profile, assemble(profile, fixture_library))
    broken = versions_dir(saved) / "v0002.json"
    broken.write_text(json.dumps({"kind": "policywright published version", "number": 2}), encoding="utf-8")
    assert [v.number for v in list_versions(saved)] == [1]
    with pytest.raises(ProfileError) as raised:
        read_version(broken)
    assert raised.value.source == str(broken)
    assert publish(saved, profile, assemble(profile, fixture_library)).number == 3  # never reuses a number


def test_hostile_version_files_are_named_not_crashed_on(saved, tmp_path):
    folder = versions_dir(saved)
    folder.mkdir()
    for name, text in (("v0001.json", "[" * 100_000), ("v0002.json", '{"kind": "policywright published version", "policy": 5}'),
                       ("v0003.json", '{"kind": "policywright published version", "number": 3, "published": "2026-01-01T00:00:00Z",'
                                      ' "policy": {"title": "t", "company_name": "c", "blocks": [[1, 2, 3]], "markdown": ""}}')):
        (folder / name).write_text(text, encoding="utf-8")
        with pytest.raises(ProfileError) as raised:
            read_version(folder / name)
        assert raised.value.source == str(folder / name)
    assert list_versions(saved) == [] and not is_version_file(folder / "v0001.json")


def test_a_version_file_already_there_is_never_replaced(saved, profile, fixture_library, monkeypatch):
    first = publish(saved, profile, assemble(profile, fixture_library))
    before = first.path.read_bytes()
    monkeypatch.setattr("desktop.engine.history.versions.version_files", lambda path: [])  # as if another window had not seen it
    second = publish(saved, profile, assemble(profile, fixture_library))
    assert second.number == 2 and first.path.read_bytes() == before


def _version_data(saved, profile, fixture_library) -> dict:
    return json.loads(publish(saved, profile, assemble(profile, fixture_library)).path.read_text(encoding="utf-8"))


def test_a_version_from_a_newer_policywright_is_refused_by_name(saved, profile, fixture_library, tmp_path):
    data = _version_data(saved, profile, fixture_library)
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**data, "format": 2}), encoding="utf-8")
    with pytest.raises(ProfileError, match="format 2.*newer Policywright") as raised:
        read_version(newer)
    assert raised.value.source == str(newer)


def test_a_version_number_json_cannot_hold_as_an_integer_is_named(saved, profile, fixture_library, tmp_path):
    data = _version_data(saved, profile, fixture_library)
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({**data, "number": 1e400}), encoding="utf-8")  # written as Infinity
    with pytest.raises(ProfileError) as raised:
        read_version(odd)
    assert raised.value.source == str(odd)


def test_a_publish_date_without_a_zone_is_read_as_utc(saved, profile, fixture_library, tmp_path):
    data = _version_data(saved, profile, fixture_library)
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps({**data, "published": "2026-03-01T10:00:00"}), encoding="utf-8")
    assert read_version(plain).published == dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("which", ["²", "١٠", "-1", ""])
def test_a_version_asked_for_by_an_odd_number_is_no_such_version(saved, profile, fixture_library, which):
    publish(saved, profile, assemble(profile, fixture_library))
    with pytest.raises(ProfileError, match="no such version"):
        find_version(saved, which)


def test_a_profile_holding_a_lone_surrogate_publishes_and_reads_back(saved, profile, fixture_library):
    """Valid JSON and loadable, so it must publish as it saves (json_text.dump_json)."""
    profile.company.legal_name = "Acme \ud800 Ltd"
    version = publish(saved, profile, assemble(profile, fixture_library))
    assert read_version(version.path).profile.company.legal_name == "Acme \ud800 Ltd"


def test_why_not_write_never_opens_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    answer = []
    worker = threading.Thread(target=lambda: answer.append(why_not_write(fifo)), daemon=True)
    worker.start()
    worker.join(5)
    assert answer == [None]


def test_why_not_write_leaves_a_name_too_long_to_the_write(tmp_path):
    assert why_not_write(tmp_path / ("a" * 300 + ".md")) is None


@pytest.mark.parametrize("date", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00"])
def test_a_version_dated_past_the_calendar_is_listed_as_damaged(saved, profile, fixture_library, date):
    data = _version_data(saved, profile, fixture_library)
    (versions_dir(saved) / "v0002.json").write_text(json.dumps({**data, "number": 2, "published": date}), encoding="utf-8")
    skipped = []
    assert [v.label[:9] for v in list_versions(saved, skipped)] == ["Version 1"]
    assert "v0002.json" in skipped[0].source and "out of range" in str(skipped[0])
