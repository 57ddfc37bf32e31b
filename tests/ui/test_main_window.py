"""The window as a whole: title and modified marker, menus and shortcuts, accessible names,
remembered layout, recent profiles, asking before closing, About."""


from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from desktop.engine.policy.place import PRACTICE, Place
from desktop.engine.profile.profile import save_profile
from desktop.ui.main_window import COMPANY_TAB, MainWindow
from desktop.ui.settings import Settings
from ui.helpers import stored_keys, wait_rendered

Key = QKeySequence.StandardKey


def test_title_names_the_profile_and_marks_changes(qtbot, window, tmp_path, monkeypatch):
    window.controller.new_profile(confirm=False)
    assert window.windowTitle() == "Untitled profile[*] — Policywright" and not window.isWindowModified()
    window.session.set_field("company.legal_name", "Bright Beans Ltd")
    assert window.windowTitle() == "Bright Beans Ltd[*] — Policywright" and window.isWindowModified()
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "beans.json")
    window.actions.save.trigger()
    assert window.windowTitle() == "beans[*] — Policywright" and not window.isWindowModified()
    window.session.undo_stack.undo()
    assert window.isWindowModified()
    window.session.undo_stack.redo()
    assert not window.isWindowModified()


def test_actions_use_the_standard_shortcuts(window):
    actions = window.actions
    for action, key in ((actions.new, Key.New), (actions.open, Key.Open), (actions.save, Key.Save),
                        (actions.save_as, Key.SaveAs), (actions.undo, Key.Undo), (actions.redo, Key.Redo),
                        (actions.find, Key.Find), (actions.quit, Key.Quit)):
        assert action.shortcuts() == QKeySequence.keyBindings(key), action.text()
    assert actions.exports["docx"].shortcut() == QKeySequence("Ctrl+E")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["&New Profile", "&Open Profile…", "Open &Recent"]
    assert {"Export to &Word…", "Export to &Markdown…", "Export to &HTML…"} <= set(texts)


def test_undo_action_names_the_step(window):
    window.controller.load_example(confirm=False)
    window.session.set_practice("cookies.ads", True)
    assert window.actions.undo.text() == "&Undo Tick “Advertising cookies”"
    assert window.actions.undo.iconText() == "Undo"


def unnamed_controls(window) -> list[tuple[str, str]]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit, QHeaderView)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            continue  # toolbar buttons are named by their action's text
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box; the box carries the name
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own scroll-area parts
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.strip():
            unnamed.append((type(widget).__name__, widget.objectName()))
    return unnamed


def test_every_control_has_an_accessible_name(example_window):
    example_window.select_clause("intro.about")
    for tab in (0, 1):
        example_window.left.setCurrentIndex(tab)
        example_window.practices.select_practice("collect.basic")
        assert unnamed_controls(example_window) == [], f"tab {tab}"
    names = {w.accessibleName() for w in example_window.findChildren(QWidget)}
    assert {"Company legal name", "Practice filter", "Policy preview", "Practices", "Problems", "Clause wording",
            "Items collected", "Add a note", "Cover CalOPPA"} <= names


def test_keyboard_shortcuts_reach_the_panels(qtbot, example_window):
    window = example_window
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.left.currentIndex() == 1 and window.focusWidget() is window.practices.filter
    qtbot.keyClicks(window.practices.filter, "track")
    assert window.practices.current_id == "dnt.honour"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.left.currentIndex() == 0 and window.focusWidget() is window.form.fields["company.legal_name"].editor
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.preview
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.problems


def test_layout_and_tab_are_remembered(qtbot, fixture_library, tmp_path):
    settings = Settings(tmp_path / "s.ini")
    first = MainWindow(fixture_library, settings)
    first.show()
    qtbot.waitExposed(first)
    first.left.setCurrentIndex(1)
    total = sum(first.main_splitter.sizes())
    first.main_splitter.setSizes([300, total - 300])
    sizes = first.main_splitter.sizes()
    first.close()
    assert set(stored_keys(tmp_path / "s.ini")) >= {"window/geometry", "window/left_tab", "window/splitter/mainSplitter"}
    assert "window/splitter/workSplitter" not in stored_keys(tmp_path / "s.ini")  # untouched: not stored
    second = MainWindow(fixture_library, Settings(tmp_path / "s.ini"))
    second.show()
    qtbot.waitExposed(second)
    assert second.left.currentIndex() == 1 and second.main_splitter.sizes() == sizes and sizes[0] == 300
    second.close()
    first.deleteLater()
    second.deleteLater()


def test_a_corrupt_settings_file_does_not_stop_the_window(qtbot, fixture_library, tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[window]\ngeometry=@ByteArray(garbage)\nsplitter\\mainSplitter=@ByteArray(\\0\\0)\nleft_tab=7\n")
    assert Settings(path).left_tab() == 7
    window = MainWindow(fixture_library, Settings(path))
    window.show()
    qtbot.waitExposed(window)
    assert window.left.currentIndex() == COMPANY_TAB  # left_tab=7 names no tab: the first tab, as on a first run
    window.close()
    window.deleteLater()


def test_closing_with_unsaved_changes_asks(qtbot, example_window, monkeypatch):
    answers = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answers.append(box.text()) or QMessageBox.StandardButton.Cancel)
    example_window.session.set_field("company.phone", "1")
    assert not example_window.close()
    assert example_window.isVisible() and answers == ["Save the changes to “Acme” before closing it?"]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Discard)
    assert example_window.close()


def test_recent_profiles_menu_opens_them(qtbot, window, tmp_path):
    window.controller.load_example(confirm=False)
    path = tmp_path / "acme.json"
    save_profile(window.session.profile, path)
    window.controller.open_profile(path, confirm=False)
    menu = window.actions.recent_menu
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.text() for a in entries] == ["&1 acme.json", "&Clear Menu"]
    window.controller.new_profile(confirm=False)
    entries[0].trigger()
    assert window.session.path == path
    entries = [a for a in menu.actions() if not a.isSeparator()]
    entries[-1].trigger()
    assert not menu.isEnabled() and window.settings.recent_files() == []


def test_export_success_offers_the_file_and_its_folder(qtbot, example_window, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "policy.html")
    monkeypatch.setattr("desktop.ui.status.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert not example_window.actions.open_export.isEnabled()
    example_window.actions.exports["html"].trigger()
    assert (tmp_path / "policy.html").read_text().startswith("<!DOCTYPE html>")
    assert "Exported policy.html" in example_window.status.export_note.text()
    example_window.status.export_note.linkActivated.emit("folder")
    example_window.actions.open_export.trigger()
    assert opened == [str(tmp_path), str(tmp_path / "policy.html")]


def test_export_errors_are_shown_in_a_message_box(qtbot, example_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "missing" / "p.md")
    monkeypatch.setattr("desktop.ui.dialogs.show_warning", lambda parent, title, text: shown.append((title, text)))
    example_window.actions.exports["md"].trigger()
    assert shown[0][0] == "Export failed" and "could not be written" in shown[0][1] and "Choose another folder" in shown[0][1]


def test_about_says_drafting_help_not_legal_advice(qtbot, window, monkeypatch):
    texts = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    window.actions.about.trigger()
    assert "drafting help, not legal advice" in texts[0]
    assert "4 practices" not in texts[0] and "8 practices" in texts[0]


def test_status_bar_counts_words_and_reading_ease(qtbot, example_window):
    wait_rendered(qtbot, example_window)
    status = example_window.status
    words = sum(len(text.split()) for text in example_window.preview.plain_text().splitlines())
    shown = int(status.words.text().split()[0].replace(",", ""))
    assert abs(shown - words) <= 5
    assert status.ease.text().startswith("Reading ease ")
    assert "0 errors · 0 warnings" in status.counts.text()


def test_the_first_run_dialog_offers_three_ways_to_begin(qtbot, window):
    from desktop.ui.dialogs import FirstRunDialog

    dialog = FirstRunDialog(window)
    qtbot.addWidget(dialog)
    buttons = [b for b in dialog.findChildren(QAbstractButton)]
    assert [b.text() for b in buttons] == ["Start a new policy", "Open a saved profile…", "Try the example"]
    qtbot.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    assert dialog.choice == "example" and dialog.result() == dialog.DialogCode.Accepted


def test_resources_are_found(window):
    assert not window.windowIcon().isNull()
    assert not window.actions.save.icon().isNull()


def test_a_profile_with_unknown_and_wrong_values_opens_and_says_what_is_wrong(qtbot, window, tmp_path):
    import json

    path = tmp_path / "odd.json"
    path.write_text(json.dumps({
        "company": {"legal_name": "Odd Ltd", "contact_email": "odd@odd.example", "website": "odd.example"},
        "service": {"name": "Odd"},
        "practices": {"intro.about": {}, "cookies.ads": {"days": "many"}, "collect.basic": {"items": "one"},
                      "no.such.practice": {}},
        "overrides": {"intro.about": "# not allowed\n{{unknown token}}"},
        "future_key": {"kept": True},
    }))
    assert window.controller.open_profile(path, confirm=False)
    codes = {p.code for p in window.live.problems}
    assert {"unknown-practice", "invalid-option"} <= codes
    window.practices.select_practice("cookies.ads")
    assert "must be a whole number" in window.practices.options.editors["days"].problem.text()
    window.practices.select_practice("collect.basic")
    items = window.practices.options.editors["items"]
    assert items.editor.items() == ["your name", "your email address"]  # the value in effect: the default
    assert "must be a list of texts" in items.problem.text()
    window.navigate(Place(PRACTICE, "no.such.practice"))
    assert "not in the clause library" in window.statusBar().currentMessage()
    assert "Odd Ltd" in window.preview.plain_text()


def test_unticking_the_practice_of_the_clause_being_reworded_clears_the_editor(qtbot, example_window):
    example_window.select_clause("dnt.honour")
    example_window.session.set_practice("dnt.honour", False)
    wait_rendered(qtbot, example_window)
    assert example_window.clause_editor.clause_id is None
