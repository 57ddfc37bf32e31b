"""Fixtures for the window tests: a window on the small fixture library, with settings in tmp_path.

A message box that a test did not expect fails the test instead of waiting for a click forever;
an interview it does not answer is cancelled.
"""

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.ui.interview_dialog import InterviewDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings


class UnexpectedDialog(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch):
    def refuse(box, *args):
        raise UnexpectedDialog(f"a message box opened: {box.text()!r} {box.informativeText()!r}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, _name=name: (_ for _ in ()).throw(
            UnexpectedDialog(f"QMessageBox.{_name}{args[1:]}")))


@pytest.fixture(autouse=True)
def interviews(monkeypatch):
    """An interview that a test does not answer is cancelled, as Escape would; each one opened is listed.
    A test that answers it puts the real `exec` back (`monkeypatch.setattr(InterviewDialog, "exec", QWizard.exec)`)."""
    opened = []

    def cancel(dialog):
        opened.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(InterviewDialog, "exec", cancel)
    return opened


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings" / "policywright.ini")


@pytest.fixture
def window(qtbot, fixture_library, settings):
    win = MainWindow(fixture_library, settings)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.undo_stack.setClean()  # closing at teardown must not ask about unsaved changes
    win.close()
    win.deleteLater()


@pytest.fixture
def example_window(window):
    window.controller.load_example(confirm=False)
    return window



@pytest.fixture
def bundled_window(qtbot, bundled_library, settings):
    """The window on the real clause library with the example profile shown: a policy several pages long."""
    win = MainWindow(bundled_library, settings)
    win.resize(1280, 760)
    win.show()
    qtbot.waitExposed(win)
    win.controller.load_example(confirm=False)
    qtbot.waitUntil(lambda: not win.live.pending(), timeout=3000)
    yield win
    win.session.undo_stack.setClean()
    win.close()
    win.deleteLater()
