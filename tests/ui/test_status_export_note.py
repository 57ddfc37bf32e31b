"""After an export the status bar's "Exported … · Open it" stays in sight while the mouse rests on a
toolbar button, whose status tip used to hide it (issue 23)."""

from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication


def test_the_export_links_stay_visible_under_a_status_tip(qtbot, example_window, tmp_path, monkeypatch):
    window = example_window
    window.resize(1280, 800)
    monkeypatch.setattr(window.view, "ask_export_path", lambda fmt, suggested: tmp_path / "policy.md")
    monkeypatch.setattr(window.view, "ask_export_with_errors", lambda errors: True)
    assert window.controller.export("md") == tmp_path / "policy.md"
    note = window.status.export_note
    assert "Open it" in note.text()
    QApplication.sendEvent(window, QStatusTipEvent("Export the policy as a Word document"))  # the mouse on the toolbar
    qtbot.wait(20)
    assert window.statusBar().currentMessage() == "Export the policy as a Word document"
    assert note.isVisible() and note.width() >= note.sizeHint().width(), "the whole note, its links included, is shown"
