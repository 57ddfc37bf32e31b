"""A format or a profile field declared in the engine appears in the window without UI code."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.engine.export import Format
from desktop.engine.profile.fields import PROFILE_FIELDS, ProfileField
from desktop.ui.actions import EXPORT_LOOKS, ExportLook
from desktop.ui.main_window import MainWindow
from desktop.usecases import FORMATS


@pytest.fixture
def declared_window(qtbot, fixture_library, settings, monkeypatch):
    monkeypatch.setitem(FORMATS, "txt", Format("txt", ".txt", "Plain text", "Text files (*.txt)", "tests.nothing"))
    monkeypatch.setitem(EXPORT_LOOKS, "txt", ExportLook(shortcut="Ctrl+Alt+T"))
    dpo_email = ProfileField("company.dpo_email", "Data protection officer email", "&DPO email", "Contact")
    PROFILE_FIELDS.append(dpo_email)  # every list of fields is worked out from the declarations when asked
    win = MainWindow(fixture_library, settings)
    win.controller.load_example(confirm=False)
    win.show()
    qtbot.waitExposed(win)
    yield win
    PROFILE_FIELDS.remove(dpo_email)
    win.session.undo_stack.setClean()
    win.close()


def test_every_declared_format_is_in_the_export_menu(declared_window):
    file_menu = declared_window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions()]  # its letter is whichever is free (P is Publish's)
    assert "txt" in FORMATS
    for fmt in FORMATS.values():
        assert f"Export to {fmt.name}…" in texts
    assert declared_window.actions.exports["txt"].shortcut().toString() == "Ctrl+Alt+T"


def test_a_declared_field_is_a_form_row_that_edits_the_profile(qtbot, declared_window):
    editor = declared_window.form.findChild(QLineEdit, "company.dpo_email")
    assert editor is not None and editor.accessibleName() == "Data protection officer email"
    qtbot.keyClicks(editor, "dpo@acme.example")
    assert declared_window.session.profile.field_value("company.dpo_email") == "dpo@acme.example"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    declared_window.session.undo_stack.undo()
    assert declared_window.session.profile.field_value("company.dpo_email") == ""


def test_every_declared_regime_has_a_check_box(window):
    assert list(window.form.regime_boxes) == list(window.session.library.regimes)
    for regime in window.session.library.regimes.values():
        box = window.form.regime_boxes[regime.id]
        assert window.form.regime_labels[regime.id].text() == regime.label and regime.question in box.toolTip()
