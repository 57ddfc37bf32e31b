"""The summary of what changed reads as sentences a studio owner can paste (issue 23): no "We now make
public posts and comments public", and two list items quoted together stay two."""

from PySide6.QtCore import Qt

from desktop.ui.main_window import MainWindow
from ui.helpers import click_check, wait_rendered


def test_the_draft_compared_with_the_last_version_says_each_change_once_and_plainly(qtbot, bundled_library, settings,
                                                                                       tmp_path, monkeypatch):
    window = MainWindow(bundled_library, settings)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.controller.load_example(confirm=False)
        monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "studio.json")
        monkeypatch.setattr(type(window.versions), "ask_publish", lambda self, *question: True)
        window.versions.publish.trigger()
        window.go_practices()
        click_check(qtbot, window.practices, "community.forums")
        window.session.set_option("share.service_providers", "tasks", ["payments for us", "bookings for our classes"])
        wait_rendered(qtbot, window)
        history = window.versions.show_history()
        qtbot.mouseClick(history.draft_button, Qt.MouseButton.LeftButton)
        summary = history.compare.summary.toPlainText()
        assert "We now show public posts and comments to anyone." in summary
        assert "make public posts and comments public" not in summary
        assert "“payments for us; bookings for our classes”" in summary
        history.close()
    finally:
        window.session.undo_stack.setClean()
        window.close()
