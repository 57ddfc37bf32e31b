"""The window's shortcuts work wherever the focus is, and saving or exporting says so in the status bar."""

import docx
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence


class ClaimsCtrlE(QObject):
    """What a line edit does on Linux desktops, where Ctrl+E is also "end of line": it claims the key."""

    def __init__(self):
        super().__init__()
        self.claims = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination().toCombined() == QKeySequence("Ctrl+E")[0].toCombined():
            self.claims += 1
            event.accept()
            return True
        return False


def focus_field(qtbot, window, key: str):
    window.activateWindow()
    qtbot.waitActive(window)
    window.go_company()
    field = window.form.fields[key].editor
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return field


def test_ctrl_e_in_a_company_field_exports_to_word(qtbot, example_window, tmp_path, monkeypatch):
    target = tmp_path / "policy.docx"
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: target)
    field = focus_field(qtbot, example_window, "company.legal_name")
    claim = ClaimsCtrlE()
    field.installEventFilter(claim)
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert paragraphs[0] == "Acme Privacy Policy"
    assert claim.claims == 0  # the window's key never reached the field as a claim
    assert "Exported policy.docx to " + tmp_path.name in example_window.status.export_note.text()


def test_a_key_the_field_needs_for_editing_stays_with_the_field(qtbot, example_window):
    field = focus_field(qtbot, example_window, "company.legal_name")
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "Acme Audio, Inc.Acme Audio, Inc."


def test_saving_says_where_in_the_status_bar(qtbot, example_window, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "acme.json")
    field = focus_field(qtbot, example_window, "company.phone")
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "acme.json").is_file()
    assert example_window.statusBar().currentMessage() == f"Saved to {tmp_path / 'acme.json'}"


def mnemonic(text: str) -> str:
    """The letter Alt (or a menu's key) chooses in `text`: the one after a single &."""
    plain = text.replace("&&", "")
    return plain[plain.index("&") + 1].lower() if "&" in plain else ""


def test_each_entry_of_a_menu_has_its_own_letter(example_window):
    menus = [top.menu() for top in example_window.menuBar().actions() if top.menu() is not None]
    assert mnemonic(menus[0].title()) == "f"
    for menu in menus:
        letters = [mnemonic(action.text()) for action in menu.actions() if not action.isSeparator()]
        shared = sorted({letter for letter in letters if letter and letters.count(letter) > 1})
        assert shared == [], f"{menu.title()}: {[a.text() for a in menu.actions() if mnemonic(a.text()) in shared]}"
    file_entries = [action.text() for action in menus[0].actions()]
    assert {"Export to &HTML…", "Export to &PDF…", "Export to &Word…"} <= set(file_entries)  # the menu's own first
