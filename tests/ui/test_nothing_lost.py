"""Nothing lost: a failed save keeps the window and says why; a file changed by someone else is
not silently replaced; a crash leaves edits that the next start offers to restore."""

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from desktop.engine.profile.profile import load_profile, save_profile
from desktop.engine.storage.recovery import RecoveryStore
from desktop.ui.controller import CANCEL, OVERWRITE, SAVE_AS, Controller
from desktop.ui.session import ProfileSession
from ui.fakes import FakeView

DEAD_PID = "999999999"  # above any system's largest process id


@pytest.fixture
def make(qtbot, fixture_library, settings, tmp_path):
    def build(**answers):
        session = ProfileSession(fixture_library)
        view = FakeView(**answers)
        return Controller(session, settings, view, data_folder=tmp_path / "data"), view

    return build


@pytest.fixture
def saved(tmp_path, make):
    controller, _ = make()
    controller.load_example(confirm=False)
    path = tmp_path / "acme.json"
    save_profile(controller.session.profile, path)
    return path


def edit_phone(controller, number: str) -> None:
    controller.session.set_field("company.phone", number)


# Saving fails: the window stays, with the reason
def test_a_save_that_raises_anything_keeps_the_edits_and_says_why(make, saved, monkeypatch):
    controller, view = make(save_changes="save")
    controller.open_profile(saved, confirm=False)
    edit_phone(controller, "+1 555 0199 77")

    def broken(*args, **kwargs):
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr("desktop.ui.controller.save_profile", broken)
    assert not controller.confirm_discard()  # answering Save on quit: the window stays open
    assert view.errors and view.errors[0][0] == "Profile not saved" and "UnicodeEncodeError" in view.errors[0][1]
    assert controller.session.is_modified() and controller.session.profile.company.phone == "+1 555 0199 77"


def test_a_profile_with_a_lone_surrogate_saves_on_quit(make, saved):
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["company"]["legal_name"] = "Acme \ud800 Audio"
    saved.write_text(json.dumps(data), encoding="utf-8")
    controller, view = make(save_changes="save")
    assert controller.open_profile(saved, confirm=False)
    edit_phone(controller, "+1 555 0188 66")
    assert controller.confirm_discard() and view.errors == []
    again = load_profile(saved)
    assert again.company.legal_name == "Acme \ud800 Audio" and again.company.phone == "+1 555 0188 66"


def test_a_save_into_a_missing_folder_keeps_the_edits(make, tmp_path):
    controller, view = make(save_path=tmp_path / "gone" / "acme.json", save_changes="save")
    controller.load_example(confirm=False)
    edit_phone(controller, "1")
    assert not controller.confirm_discard()
    assert view.errors[0][0] == "Profile not saved" and controller.session.is_modified()


# Someone else changed the file
def test_an_edit_outside_the_app_is_not_silently_replaced(make, saved):
    controller, view = make(conflict=CANCEL)
    controller.open_profile(saved, confirm=False)
    outside = saved.read_text(encoding="utf-8").replace("Acme Audio, Inc.", "Acme Outside Ltd")
    saved.write_text(outside, encoding="utf-8")
    edit_phone(controller, "2")
    assert not controller.save()
    assert view.questions()[-1] == "conflict" and saved.read_text(encoding="utf-8") == outside
    view.answers["conflict"] = OVERWRITE
    assert controller.save() and load_profile(saved).company.phone == "2"
    edit_phone(controller, "3")
    assert controller.save() and view.questions().count("conflict") == 2  # our own save is no conflict


def test_two_windows_on_one_file_the_second_save_asks(make, saved, tmp_path):
    first, _ = make()
    second, view = make(conflict=SAVE_AS, save_path=tmp_path / "mine.json")
    first.open_profile(saved, confirm=False)
    second.open_profile(saved, confirm=False)
    edit_phone(first, "first")
    edit_phone(second, "second")
    assert first.save()
    assert second.save()
    assert view.questions() == ["conflict", "save_path"]
    assert load_profile(saved).company.phone == "first"
    assert load_profile(tmp_path / "mine.json").company.phone == "second"
    assert second.session.path == tmp_path / "mine.json"


def test_a_file_only_touched_is_no_conflict(make, saved):
    controller, view = make()
    controller.open_profile(saved, confirm=False)
    later = saved.stat().st_mtime + 60
    os.utime(saved, (later, later))
    edit_phone(controller, "4")
    assert controller.save() and "conflict" not in view.questions()


def test_saving_keeps_the_previous_versions(make, saved, tmp_path):
    from desktop.engine.files.backups import backups

    controller, _ = make()
    controller.open_profile(saved, confirm=False)
    for number in range(5):
        edit_phone(controller, str(number))
        assert controller.save()
    kept = backups(tmp_path / "data" / "backups", saved)
    assert [load_profile(p).company.phone for p in kept] == ["3", "2", "1"]


def test_opening_cleans_old_temporary_files_of_a_killed_save(make, saved):
    stale = saved.with_name(f".{saved.name}.abcd1234.tmp")
    stale.write_text("{")
    old = stale.stat().st_mtime - 3600
    os.utime(stale, (old, old))
    controller, _ = make()
    controller.open_profile(saved, confirm=False)
    assert not stale.exists()


# A crash, and the next start
def crashed_recovery(folder: Path, profile, profile_path) -> Path:
    """A recovery file as a process killed with unsaved edits leaves it."""
    store = RecoveryStore(folder)
    store.write(profile, profile_path, profile_path.stem if profile_path else "Untitled profile")
    dead = folder / f"{DEAD_PID}-1.json"
    store.file.replace(dead)
    return dead


def test_the_next_start_offers_the_edits_and_restores_them(make, saved, tmp_path):
    controller, view = make(restore=True)
    edited = load_profile(saved)
    edited.company.phone = "+44 20 7946 0000"
    left = crashed_recovery(tmp_path / "data" / "recovery", edited, saved)
    controller.start()
    question = next(q for q in view.asked if q[0] == "restore")
    assert question[1] == "acme" and question[3] == saved
    assert abs(question[2] - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert controller.session.profile.company.phone == "+44 20 7946 0000"
    assert controller.session.path == saved and controller.session.is_modified()
    assert load_profile(saved).company.phone == "+1 555 0100"  # the file is as it was until the user saves
    assert not left.exists() and controller.recovery.file.exists()  # our own file holds the edits now
    controller.session.undo_stack.undo()
    assert controller.session.profile == load_profile(saved) and not controller.session.is_modified()


def test_declining_deletes_the_recovery_file_and_starts_as_usual(make, saved, tmp_path, settings):
    settings.set_last_profile(saved)
    controller, view = make(restore=False)
    edited = load_profile(saved)
    edited.company.phone = "lost on purpose"
    left = crashed_recovery(tmp_path / "data" / "recovery", edited, saved)
    controller.start()
    assert view.questions()[0] == "restore" and not left.exists()
    assert controller.session.path == saved and not controller.session.is_modified()


def test_a_running_windows_recovery_file_is_not_offered(make, saved, tmp_path):
    controller, view = make(restore=True)
    other = RecoveryStore(tmp_path / "data" / "recovery")  # this very process: still running
    other.write(load_profile(saved), saved, "acme")
    controller.start()
    assert "restore" not in view.questions() and other.file.exists()


def test_edits_are_kept_only_while_unsaved(make, saved):
    controller, _ = make()
    controller.open_profile(saved, confirm=False)
    controller.keep_recovery()
    assert not controller.recovery.file.exists()
    edit_phone(controller, "5")
    controller.keep_recovery()
    kept = json.loads(controller.recovery.file.read_text(encoding="utf-8"))
    assert kept["profile"]["company"]["phone"] == "5" and kept["profile_path"] == str(saved)
    assert controller.save()
    controller.keep_recovery()
    assert not controller.recovery.file.exists()


@pytest.mark.parametrize("action", ["save_as", "export"])
def test_a_300_character_name_is_a_message_not_a_crash(make, tmp_path, action):
    long = tmp_path / ("a" * 300)
    controller, view = make(save_path=long, export_path=long, export_with_errors=True)
    controller.load_example(confirm=False)
    assert not (controller.save_as() if action == "save_as" else controller.export("md"))
    title, text = view.errors[0]
    assert title in ("Profile not saved", "Export failed") and "too long" in text


def test_a_recovery_file_that_cannot_be_read_is_set_aside_and_the_start_goes_on(make, tmp_path):
    folder = tmp_path / "data" / "recovery"
    folder.mkdir(parents=True)
    broken = folder / f"{DEAD_PID}-2.json"
    broken.write_text('{"saved_at": "yesterday", "profile": {}}', encoding="utf-8")
    controller, view = make(first_run="example")
    controller.start()
    assert "restore" not in view.questions() and view.questions() == ["first_run"]
    assert not broken.exists() and broken.with_name(broken.name + ".corrupt").exists()
