"""The controller's decisions, with a fake view answering its questions (no dialogs, no window)."""

import json

import docx
import pytest

from desktop.engine.history.versions import publish
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import load_profile, save_profile
from desktop.engine.storage.profile_library import ENV_FOLDER, default_folder
from desktop.ui.controller import CANCEL, DISCARD, EXAMPLE, OPEN, SAVE, Controller, slug
from desktop.ui.session import ProfileSession
from ui.fakes import FakeView


@pytest.fixture
def make(qtbot, fixture_library, settings):
    def build(**answers):
        session = ProfileSession(fixture_library)
        view = FakeView(**answers)
        controller = Controller(session, settings, view)
        return controller, view

    return build


@pytest.fixture
def saved_example(tmp_path, make):
    controller, _ = make()
    controller.load_example(confirm=False)
    path = tmp_path / "acme.json"
    save_profile(controller.session.profile, path)
    return path


def test_first_run_asks_and_starts_what_was_chosen(make):
    controller, view = make(first_run=EXAMPLE)
    controller.start()
    assert view.questions() == ["first_run"]
    assert controller.session.profile.company.legal_name == "Acme Audio, Inc."
    controller, view = make(first_run=None)  # the welcome closed without a choice: a new profile
    controller.start()
    profile = controller.session.profile
    assert profile.company.legal_name == "" and profile.effective_date
    assert set(profile.practices) == {"intro.about", "collect.basic", "dnt.honour", "contact.details"}
    assert "[Company legal name]" in assemble(profile, controller.session.library).plain_text()


def test_first_run_open_that_is_cancelled_starts_a_new_profile(make):
    controller, view = make(first_run=OPEN, open_path=None)
    controller.start()
    assert view.questions() == ["first_run", "open_path", "interview"]
    assert controller.session.path is None and controller.session.profile.company.legal_name == ""


def test_later_runs_reopen_the_last_profile_without_asking(make, saved_example, settings):
    settings.set_last_profile(saved_example)
    controller, view = make()
    controller.start()
    assert view.asked == []
    assert controller.session.path == saved_example and not controller.session.is_modified()


def test_a_corrupt_last_profile_is_reported_then_the_welcome_offered(make, saved_example, settings):
    saved_example.write_text("{broken")
    settings.set_last_profile(saved_example)
    controller, view = make(first_run=None)
    controller.start()
    assert view.errors[0][0] == "Cannot open profile"
    assert "is not valid JSON (line 1" in view.errors[0][1]
    assert view.questions() == ["first_run", "interview"]


def test_open_reports_each_problem_and_forgets_missing_recent_files(make, tmp_path, settings):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"company": {"phone": 5}, "effective_date": "tomorrow"}))
    controller, view = make()
    assert not controller.open_profile(bad)
    text = view.errors[0][1]
    assert "company.phone: must be text" in text and "effective_date: 'tomorrow' is not a date" in text
    gone = tmp_path / "gone.json"
    settings.add_recent(gone)
    assert not controller.open_profile(gone)
    assert "no such file" in view.errors[1][1]
    assert settings.recent_files() == []


def test_save_asks_where_once_then_saves_in_place(make, tmp_path, settings, monkeypatch):
    monkeypatch.setenv(ENV_FOLDER, str(tmp_path / "profiles"))
    controller, view = make(save_path=tmp_path / "bright-beans")
    controller.new_profile(confirm=False)
    controller.session.set_field("company.legal_name", "Bright Beans Ltd")
    assert controller.session.is_modified()
    suggested_before = controller.session.profile.company.display_name
    assert controller.save()
    path = tmp_path / "bright-beans.json"
    assert view.asked[1][1] == default_folder() / f"{suggested_before}.json" == default_folder() / "Bright Beans Ltd.json"
    assert default_folder().is_dir(), "a new profile is offered a place in the library File ▸ Profiles… lists"
    assert load_profile(path).company.legal_name == "Bright Beans Ltd"
    assert not controller.session.is_modified()
    assert settings.recent_files() == [path] and settings.last_profile() == path
    controller.session.set_field("company.phone", "+44 20 0000 0000")
    assert controller.save() and view.questions() == ["interview", "save_path"]
    assert load_profile(path).company.phone == "+44 20 0000 0000"


def test_a_failed_save_says_what_to_do_and_keeps_the_changes_marked(make, tmp_path):
    controller, view = make(save_path=tmp_path / "no" / "such" / "folder.json")
    controller.new_profile(confirm=False)
    controller.session.set_field("company.legal_name", "X")
    assert not controller.save()
    assert view.errors[0][0] == "Profile not saved" and "Save As" in view.errors[0][1]
    assert controller.session.is_modified()


@pytest.mark.parametrize(("answer", "allowed", "saved"), [(CANCEL, False, False), (DISCARD, True, False), (SAVE, True, True)])
def test_unsaved_changes_are_asked_about(make, saved_example, answer, allowed, saved):
    controller, view = make(save_changes=answer, interview={})
    controller.open_profile(saved_example, confirm=False)
    assert controller.confirm_discard() and view.asked == []  # nothing changed: nothing to ask
    controller.session.set_field("company.phone", "+1 555 0199")
    assert controller.new_profile() is allowed
    assert view.questions() == ["save_changes"] + (["interview"] if allowed else []) and view.asked[0][1] == "acme"
    assert (load_profile(saved_example).company.phone == "+1 555 0199") is saved
    assert (controller.session.profile.company.legal_name == "Acme Audio, Inc.") is not allowed


def test_export_proposes_a_name_and_writes_the_file(make, tmp_path, settings):
    controller, view = make(export_path=tmp_path / "policy")
    controller.load_example(confirm=False)
    path = controller.export("docx")
    assert path == tmp_path / "policy.docx"
    assert view.asked[0][0] == "export_path" and view.asked[0][2].name == "acme-privacy-policy.docx"
    assert view.exported == [path] and settings.export_folder() == tmp_path
    word = docx.Document(str(path))
    assert word.paragraphs[0].text == "Acme Privacy Policy"
    assert controller.suggested_export_path("md") == tmp_path / "acme-privacy-policy.md"


def test_export_with_errors_asks_first_and_can_be_refused(make, tmp_path):
    controller, view = make(export_path=tmp_path / "draft.md", export_with_errors=False)
    controller.new_profile(confirm=False)
    assert controller.export("md") is None
    assert view.asked[1][0] == "export_with_errors" and "missing-detail" in view.asked[1][1]
    assert not (tmp_path / "draft.md").exists()
    view.answers["export_with_errors"] = True
    assert controller.export("md") == tmp_path / "draft.md"
    assert "**[Company legal name]**" in (tmp_path / "draft.md").read_text()


def test_a_failed_export_explains_and_keeps_the_old_file(make, tmp_path, monkeypatch):
    target = tmp_path / "policy.html"
    target.write_text("previous")
    controller, view = make(export_path=target)
    controller.load_example(confirm=False)
    monkeypatch.setattr("os.replace", lambda *a: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    assert controller.export("html") is None
    title, text = view.errors[0]
    assert title == "Export failed" and "Permission denied" in text and "Choose another folder" in text
    assert target.read_text() == "previous" and view.exported == []


def test_an_exporter_bug_is_reported_not_raised(make, tmp_path, monkeypatch):
    controller, view = make(export_path=tmp_path / "p.docx")
    controller.load_example(confirm=False)
    monkeypatch.setattr("desktop.usecases.render_policy", lambda *a, **options: 1 / 0)
    assert controller.export("docx") is None
    assert "could not make the Word file" in view.errors[0][1]


@pytest.mark.parametrize("replace", [False, True])
def test_save_as_asks_before_replacing_the_file_the_extension_points_to(make, tmp_path, replace):
    existing = tmp_path / "other-company.json"
    existing.write_text("kept")
    controller, view = make(save_path=tmp_path / "other-company", overwrite=replace)  # a native dialog asked about "other-company"
    controller.load_example(confirm=False)
    assert controller.save_as() is replace
    assert view.asked[1:] == [("overwrite", existing)]
    if replace:
        assert load_profile(existing).company.legal_name == "Acme Audio, Inc." and controller.session.path == existing
    else:
        assert existing.read_text() == "kept" and controller.session.path is None


@pytest.mark.parametrize("replace", [False, True])
def test_export_asks_before_replacing_the_file_the_extension_points_to(make, tmp_path, replace):
    existing = tmp_path / "policy.md"
    existing.write_text("kept")
    controller, view = make(export_path=tmp_path / "policy", overwrite=replace)
    controller.load_example(confirm=False)
    assert controller.export("md") == (existing if replace else None)
    assert view.questions() == ["export_path", "overwrite"] and view.asked[1] == ("overwrite", existing)
    assert (existing.read_text() != "kept") is replace
    assert view.exported == ([existing] if replace else [])


def test_no_second_question_when_the_dialog_named_the_file_or_the_file_is_new(make, tmp_path):
    (tmp_path / "acme.json").write_text("old")  # the dialog itself asked about this name
    controller, view = make(save_path=tmp_path / "acme.json", export_path=tmp_path / "fresh")
    controller.load_example(confirm=False)
    assert controller.save_as()
    assert controller.export("html") == tmp_path / "fresh.html"
    assert view.questions() == ["save_path", "export_path"]
    assert load_profile(tmp_path / "acme.json").company.legal_name == "Acme Audio, Inc."


def test_slug():
    assert slug("Acme Audio, Inc.") == "acme-audio-inc"
    assert slug("  ") == ""


@pytest.mark.parametrize("name", ["v0001.json", "v0001", "new.docx"])
def test_export_never_replaces_a_published_version(make, tmp_path, name):
    controller, view = make(overwrite=True)
    controller.load_example(confirm=False)
    profile, library = controller.session.profile, controller.session.library
    publish(tmp_path / "acme.json", profile, assemble(profile, library))
    folder = tmp_path / "acme.versions"
    before = (folder / "v0001.json").read_bytes()
    view.answers["export_path"] = folder / name
    assert controller.export("docx") is None
    title, text = view.errors[0]
    assert title == "Export not written" and str(folder) in text and "published version" in text
    assert "choose another file" in text
    assert sorted(p.name for p in folder.iterdir()) == ["v0001.json"] and (folder / "v0001.json").read_bytes() == before
    assert view.exported == []


def test_save_as_never_writes_over_a_published_version(make, saved_example, fixture_library):
    controller, _ = make()
    controller.load_example(confirm=False)
    profile = load_profile(saved_example)
    version = publish(saved_example, profile, assemble(profile, fixture_library)).path
    before = version.read_bytes()
    controller, view = make(save_path=version, overwrite=True)
    controller.load_example(confirm=False)
    assert controller.save_as() is False
    assert version.read_bytes() == before
    assert view.errors[0][0] == "Profile not saved" and "is a published version" in view.errors[0][1]
