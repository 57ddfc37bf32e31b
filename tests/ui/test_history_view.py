"""Publish from the window, the History view and comparisons, driven by clicks; and the
Profiles view opening into the window and following a renamed profile."""

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.engine.history.versions import list_versions
from desktop.engine.profile.profile import load_profile, save_profile
from desktop.engine.storage.profile_library import ProfileLibrary
from desktop.ui.controller import CANCEL
from desktop.ui.version_models import NUMBER, VersionsModel
from tests.redline_reader import paragraphs, tracked
from ui.helpers import wait_rendered


@pytest.fixture
def saved_window(example_window, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "acme.json")
    asked = []
    monkeypatch.setattr(type(example_window.versions), "ask_publish", lambda self, *question: asked.append(question) or True)
    example_window.asked = asked
    return example_window


def menu_texts(window) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in file_menu.actions()]


def test_file_menu_offers_profiles_publish_and_history(window):
    texts = [text.replace("&", "") for text in menu_texts(window)]  # their letters are whichever the File menu leaves free
    assert texts.index("Profiles…") == texts.index("Open Recent") + 1
    assert texts.index("Publish…") < texts.index("History…") < texts.index("Quit")


def test_publish_saves_the_profile_and_stores_numbered_versions(qtbot, saved_window, tmp_path):
    window = saved_window
    window.versions.publish.trigger()
    assert window.session.path == tmp_path / "acme.json" and not window.session.is_modified()
    window.session.set_field("company.contact_email", "legal@acme.example")
    window.versions.publish.trigger()
    assert [v.number for v in list_versions(tmp_path / "acme.json")] == [1, 2]
    assert "Published version 2" in window.statusBar().currentMessage()
    assert list_versions(tmp_path / "acme.json")[1].profile.company.contact_email == "legal@acme.example"
    window.versions.publish.trigger()
    assert [question[1:] for question in window.asked] == [(1, 0, None), (2, 0, None), (3, 0, 2)]  # the third reads as the second


def test_cancelling_publish_stores_nothing(qtbot, saved_window, tmp_path, monkeypatch):
    monkeypatch.setattr(type(saved_window.versions), "ask_publish", lambda self, *question: False)
    saved_window.versions.publish.trigger()
    assert saved_window.session.path is None and not (tmp_path / "acme.versions").exists()


def test_an_export_offers_to_publish_in_the_status_bar(qtbot, saved_window, tmp_path, monkeypatch):
    window = saved_window
    window.controller.save()
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "policy.md")
    assert window.versions.offer.isHidden()
    window.actions.exports["md"].trigger()
    assert (tmp_path / "policy.md").is_file() and not window.versions.offer.isHidden()
    qtbot.mouseClick(window.versions.offer, Qt.MouseButton.LeftButton)
    assert [v.number for v in list_versions(tmp_path / "acme.json")] == [1] and window.versions.offer.isHidden()


def test_the_offer_to_publish_stays_away_while_the_policy_reads_as_the_last_version(qtbot, saved_window, tmp_path,
                                                                                   monkeypatch):
    window = saved_window
    window.controller.save()
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "policy.docx")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Export to Word
    assert window.versions.offer.isVisible()
    qtbot.mouseClick(window.versions.offer, Qt.MouseButton.LeftButton)
    assert [v.number for v in list_versions(tmp_path / "acme.json")] == [1]
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not window.versions.offer.isVisible()  # nothing changed since version 1

    editor = window.form.fields["company.phone"].editor
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor, "+1 555 0199")
    wait_rendered(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.versions.offer.isVisible()
    window.actions.undo.trigger()  # the phone number goes: the policy reads as version 1 again
    wait_rendered(qtbot, window)
    assert not window.versions.offer.isVisible()


def test_history_needs_a_saved_profile(window):
    assert window.versions.show_history() is None
    assert "Save the profile first" in window.statusBar().currentMessage()


@pytest.fixture
def history(qtbot, saved_window):
    window = saved_window
    window.versions.publish.trigger()
    window.session.set_field("company.contact_email", "legal@acme.example")
    window.versions.publish.trigger()
    view = window.versions.show_history()
    qtbot.waitExposed(view)
    return view


def click_version(qtbot, view, number, modifier=Qt.KeyboardModifier.NoModifier):
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, NUMBER).data() == str(number))
    rect = view.table.visualRect(view.proxy.index(row, NUMBER))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_the_versions_model_passes_the_model_tester(qtmodeltester, history):
    model = VersionsModel()
    model.set_rows(list_versions(history.profile_path))
    qtmodeltester.check(model)


def test_compare_two_selected_versions_shows_the_marked_text_and_summary(qtbot, history):
    assert [history.proxy.index(r, NUMBER).data() for r in range(history.proxy.rowCount())] == ["2", "1"]
    assert not history.compare.save_docx.isEnabled()
    click_version(qtbot, history, 1)
    click_version(qtbot, history, 2, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(history.compare_button, Qt.MouseButton.LeftButton)
    compare = history.compare
    assert "Version 1" in compare.heading.text() and "Version 2" in compare.heading.text()
    assert "Our contact email is now “legal@acme.example”." in compare.summary.toPlainText()
    page = compare.browser.toHtml()
    assert "line-through" in page and "underline" in page and "legal" in compare.browser.toPlainText()
    qtbot.mouseClick(compare.only_changes, Qt.MouseButton.LeftButton)
    assert len(compare.browser.toPlainText()) < 2000


def test_compare_the_draft_with_the_last_published(qtbot, history, saved_window):
    saved_window.session.set_field("company.phone", "+1 555 0142")
    qtbot.mouseClick(history.draft_button, Qt.MouseButton.LeftButton)
    assert "Draft" in history.compare.heading.text()
    assert "Our phone number is now “+1 555 0142”." in history.compare.summary.toPlainText()


def test_save_the_redline_and_markdown_and_copy_the_summary(qtbot, history, tmp_path, monkeypatch):
    click_version(qtbot, history, 1)
    click_version(qtbot, history, 2, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(history.compare_button, Qt.MouseButton.LeftButton)
    compare = history.compare
    targets = {"docx": tmp_path / "changes.docx", "md": tmp_path / "changes.md"}
    monkeypatch.setattr(compare, "ask_save_path", lambda fmt, suggested: targets[fmt])
    qtbot.mouseClick(compare.save_docx, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(compare.save_md, Qt.MouseButton.LeftButton)
    data = targets["docx"].read_bytes()
    assert tracked(data) >= (1, 1)
    assert paragraphs(data) == [text for _, text in compare.comparison.new.policy.blocks]
    assert "legal@acme.example" in targets["md"].read_text(encoding="utf-8") and "Saved changes.md" in compare.note.text()
    qtbot.mouseClick(compare.copy_summary, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "- Our contact email is now “legal@acme.example”."



def test_saving_the_changes_onto_a_published_version_is_refused_and_the_version_kept(qtbot, history, monkeypatch):
    errors = []
    monkeypatch.setattr(history.compare, "show_error", lambda title, text: errors.append((title, text)))
    click_version(qtbot, history, 1)
    click_version(qtbot, history, 2, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(history.compare_button, Qt.MouseButton.LeftButton)
    version = next(v.path for v in list_versions(history.profile_path) if v.number == 1)
    before = version.read_bytes()
    monkeypatch.setattr(history.compare, "ask_save_path", lambda fmt, suggested: version)
    qtbot.mouseClick(history.compare.save_md, Qt.MouseButton.LeftButton)
    assert version.read_bytes() == before and version.name == "v0001.json"
    assert [title for title, _ in errors] == ["Not saved"] and "is a published version" in errors[0][1]

def test_profiles_view_opens_into_the_window_and_follows_a_rename(qtbot, window, tmp_path):
    shelf = ProfileLibrary(tmp_path / "profiles")
    window.versions.shelf = shelf
    window.controller.load_example(confirm=False)
    entry = shelf.save_new(window.session.profile, "Acme")
    view = window.versions.show_profiles()
    qtbot.waitExposed(view)
    rect = view.table.visualRect(view.proxy.index(0, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.path == entry.path
    assert not view.isVisible()  # opening a profile closes the dialog, as an Open dialog does
    assert window.versions.show_profiles() is view and view.isVisible()
    view.ask.ask_name = lambda title, label, text: "Acme 2027"
    qtbot.mouseClick(view.buttons["rename"], Qt.MouseButton.LeftButton)
    assert window.session.path == shelf.path_for("Acme 2027")
    assert window.windowTitle().startswith("Acme 2027")
    assert window.settings.recent_files()[0] == shelf.path_for("Acme 2027").resolve()
    QApplication.processEvents()


def test_keep_the_open_profile_in_the_library(qtbot, example_window, tmp_path):
    window = example_window
    shelf = ProfileLibrary(tmp_path / "profiles")
    window.versions.shelf = shelf
    window.session.set_field("company.phone", "+1 555 0101")
    view = window.versions.show_profiles()
    view.ask.ask_name = lambda title, label, text: "Acme"
    qtbot.mouseClick(view.buttons["keep"], Qt.MouseButton.LeftButton)
    assert [e.name for e in shelf.entries()] == ["Acme"] and "now saves there" in view.note.text()
    assert window.session.path == shelf.path_for("Acme") and not window.session.is_modified()
    assert window.windowTitle().startswith("Acme")


def test_a_version_that_cannot_be_stored_is_explained_and_the_window_stays(qtbot, saved_window, monkeypatch):
    shown = []

    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("desktop.usecases.publish", refuse)
    monkeypatch.setattr(saved_window.view, "show_error", lambda title, text: shown.append((title, text)))
    assert saved_window.versions.publish_current() is None
    assert shown and shown[0][0] == "Not published" and "Permission denied" in shown[0][1]
    assert saved_window.isVisible()


def test_history_never_compares_another_profiles_draft_with_these_versions(qtbot, history, saved_window, tmp_path):
    """History is not modal: opening another profile while it is open must not leave it comparing
    that profile's draft with the versions of the first."""
    other = copy.deepcopy(saved_window.session.profile)
    other.company.legal_name = "Zeta Sound Ltd"
    save_profile(other, tmp_path / "zeta.json")
    assert saved_window.controller.open_profile(tmp_path / "zeta.json")
    assert not history.isVisible() or history.profile_path == saved_window.session.path


def _asks_before_saving_over_an_outside_edit(window, monkeypatch) -> bool:
    asked = []
    monkeypatch.setattr(window.view, "ask_conflict", lambda path: asked.append(path) or CANCEL)
    path = window.session.path
    outside = load_profile(path)
    outside.company.phone = "+1 555 0999"  # another window saved this meanwhile
    save_profile(outside, path)
    window.session.set_field("company.phone", "+1 555 0101")
    window.controller.save()
    return asked == [path] and load_profile(path).company.phone == "+1 555 0999"


def test_a_profile_kept_in_the_library_still_asks_before_an_outside_edit_is_overwritten(qtbot, example_window, tmp_path, monkeypatch):
    window = example_window
    window.versions.shelf = ProfileLibrary(tmp_path / "profiles")
    window.versions.keep_open_profile("Acme")
    assert _asks_before_saving_over_an_outside_edit(window, monkeypatch)


def test_a_renamed_open_profile_still_asks_before_an_outside_edit_is_overwritten(qtbot, example_window, tmp_path, monkeypatch):
    window = example_window
    shelf = ProfileLibrary(tmp_path / "profiles")
    window.versions.shelf = shelf
    entry = shelf.save_new(window.session.profile, "Acme")
    assert window.controller.open_profile(entry.path)
    renamed = shelf.rename(entry.path, "Acme 2027")
    window.versions.profile_moved(entry.path, renamed.path)
    assert window.session.path == renamed.path
    assert _asks_before_saving_over_an_outside_edit(window, monkeypatch)


def test_history_says_when_a_version_file_cannot_be_read(qtbot, history):
    broken = history.profile_path.with_name("acme.versions") / "v0003.json"
    broken.write_text("{oops", encoding="utf-8")
    history.refresh()
    assert history.proxy.rowCount() == 2
    assert history.skipped_note.isVisibleTo(history) and "v0003.json" in history.skipped_note.text()


def test_the_redline_is_offered_a_name_that_says_which_versions_it_compares(qtbot, history, saved_window, monkeypatch):
    click_version(qtbot, history, 1)
    click_version(qtbot, history, 2, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(history.compare_button, Qt.MouseButton.LeftButton)
    offered = []
    monkeypatch.setattr(history.compare, "ask_save_path", lambda fmt, suggested: offered.append(suggested.name))
    qtbot.mouseClick(history.compare.save_docx, Qt.MouseButton.LeftButton)
    saved_window.session.set_field("company.phone", "+1 555 0142")
    qtbot.mouseClick(history.draft_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(history.compare.save_md, Qt.MouseButton.LeftButton)
    assert offered == ["policy-changes-v1-to-v2.docx", "policy-changes-v2-to-draft.md"]
