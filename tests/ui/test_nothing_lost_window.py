"""Nothing lost, in the real window: typing is kept after a pause, a window killed with SIGKILL
leaves its edits for the next start to offer, and the questions are real message boxes."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from desktop.engine.profile.profile import load_profile, save_profile
from desktop.ui.main_window import MainWindow
from ui.helpers import when_modal

ROOT = Path(__file__).resolve().parents[2]


def click_button(qtbot, label: str, seen: list):
    def click(box: QMessageBox) -> None:
        seen.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == label), Qt.MouseButton.LeftButton)
    return click


@pytest.fixture
def data_window(qtbot, fixture_library, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", QDialog.exec)  # real message boxes, answered by the tests
    windows = []

    def build():
        window = MainWindow(fixture_library, settings, data_folder=tmp_path / "data")
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.session.undo_stack.setClean()
        window.close()
        window.deleteLater()


def type_phone(qtbot, window, text: str) -> None:
    field = window.form.findChild(QLineEdit, "company.phone")
    field.clear()
    qtbot.keyClicks(field, text)


def test_typing_is_kept_after_a_pause_and_forgotten_on_a_clean_close(qtbot, data_window, tmp_path):
    window = data_window()
    window.controller.load_example(confirm=False)
    window.autosave.timer.setInterval(50)
    type_phone(qtbot, window, "+1 555 0142")
    recovery = window.controller.recovery.file
    qtbot.waitUntil(recovery.exists, timeout=3000)
    assert '"phone": "+1 555 0142"' in recovery.read_text(encoding="utf-8")
    seen = []
    when_modal(QMessageBox, click_button(qtbot, "Discard", seen))
    window.close()
    assert not window.isVisible() and not recovery.exists()


def test_a_failed_save_on_quit_keeps_the_window_open_with_the_reason(qtbot, data_window, tmp_path, monkeypatch):
    window = data_window()
    path = tmp_path / "acme.json"
    window.controller.load_example(confirm=False)
    assert window.controller._save_to(path)
    type_phone(qtbot, window, "+1 555 0143")
    path.unlink()
    path.mkdir()  # the profile's name is now a folder: the save cannot replace it
    warnings = []
    monkeypatch.setattr("desktop.ui.dialogs.show_warning", lambda parent, title, text: warnings.append((title, text)))
    seen = []
    when_modal(QMessageBox, click_button(qtbot, "Save", seen))
    window.close()
    assert window.isVisible() and window.isWindowModified()
    assert warnings and warnings[0][0] == "Profile not saved" and "is a folder" in warnings[0][1]


def test_a_file_changed_outside_is_asked_about_in_a_message_box(qtbot, data_window, tmp_path):
    window = data_window()
    path = tmp_path / "acme.json"
    window.controller.load_example(confirm=False)
    assert window.controller._save_to(path)
    type_phone(qtbot, window, "+1 555 0144")
    outside = path.read_text(encoding="utf-8").replace("Acme Audio, Inc.", "Acme Outside Ltd")
    path.write_text(outside, encoding="utf-8")
    seen = []
    when_modal(QMessageBox, click_button(qtbot, "Cancel", seen))
    window.actions.save.trigger()
    assert path.read_text(encoding="utf-8") == outside and window.isWindowModified()
    assert seen[0][0] == "“acme.json” was changed by another window or program since you opened it."
    assert set(seen[0][2]) == {"Replace theirs", "Save As…", "Cancel"}
    when_modal(QMessageBox, click_button(qtbot, "Replace theirs", seen))
    window.actions.save.trigger()
    assert load_profile(path).company.phone == "+1 555 0144" and not window.isWindowModified()


CHILD = """
import os, signal, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLineEdit
from desktop.engine.library.loader import load_library
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings

app = QApplication([])
folder = Path(sys.argv[1])
window = MainWindow(load_library([Path(sys.argv[2])]), Settings(folder / "settings.ini"), data_folder=folder / "data")
window.show()
window.controller.open_profile(folder / "acme.json", confirm=False)
window.autosave.timer.setInterval(100)
field = window.form.findChild(QLineEdit, "company.phone")
field.setFocus()
field.clear()
for char in "+1 555 0145":
    field.insert(char)  # one edit per character, as typing makes
def killed_once_kept():
    if window.controller.recovery.file.exists():
        print("kept", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
from PySide6.QtCore import QTimer
timer = QTimer()
timer.timeout.connect(killed_once_kept)
timer.start(20)
QTimer.singleShot(20000, lambda: sys.exit(3))
app.exec()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this system")
def test_a_window_killed_with_unsaved_edits_is_restored_at_the_next_start(qtbot, data_window, tmp_path, fixture_library):
    from conftest import FIXTURES

    path = tmp_path / "acme.json"
    first = data_window()
    first.controller.load_example(confirm=False)
    save_profile(first.session.profile, path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run([sys.executable, "-c", textwrap.dedent(CHILD), str(tmp_path), str(FIXTURES / "library")],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout == "kept\n"
    assert load_profile(path).company.phone != "+1 555 0145"  # the edits never reached the profile file

    window = data_window()
    seen = []
    when_modal(QMessageBox, click_button(qtbot, "Restore", seen))
    window.controller.start()
    text, informative, buttons = seen[0]
    assert text == "Policywright closed before your edits to “acme” were saved."
    assert f"({path})" in informative and " at " in informative and set(buttons) == {"Restore", "Discard"}
    assert window.form.findChild(QLineEdit, "company.phone").text() == "+1 555 0145"
    assert window.session.path == path and window.isWindowModified()
    assert window.controller._save_to(path) and load_profile(path).company.phone == "+1 555 0145"
    assert not list((tmp_path / "data" / "recovery").glob("*.json"))


@pytest.mark.parametrize(("text", "named"), [
    ('{"practices": {"intro.about": {"days": ' + "9" * 5000 + "}}}", "practices.intro.about.days: is a number 5,000 digits long"),
    ('{"company": {"extra": ' + "[" * 50_000 + "]" * 50_000 + "}}", "company.extra: is nested more than"),
])
def test_a_hostile_profile_opens_a_dialog_naming_the_field_and_keeps_the_profile(qtbot, data_window, tmp_path,
                                                                                monkeypatch, text, named):
    window = data_window()
    window.controller.load_example(confirm=False)
    before = window.session.profile
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8")
    warnings = []
    monkeypatch.setattr("desktop.ui.dialogs.show_warning", lambda parent, title, message: warnings.append((title, message)))
    assert not window.controller.open_profile(path, confirm=False)
    assert warnings[0][0] == "Cannot open profile" and named in warnings[0][1]
    assert window.session.profile == before and window.form.findChild(QLineEdit, "company.legal_name").text()


def test_two_windows_on_one_file_the_second_is_asked_before_it_replaces_the_first(qtbot, data_window, tmp_path):
    path = tmp_path / "acme.json"
    first = data_window()
    first.controller.load_example(confirm=False)
    assert first.controller._save_to(path)
    second = data_window()
    assert second.controller.open_profile(path, confirm=False)
    type_phone(qtbot, first, "+1 555 0146")
    type_phone(qtbot, second, "+1 555 0147")
    first.actions.save.trigger()
    assert load_profile(path).company.phone == "+1 555 0146"
    seen = []
    when_modal(QMessageBox, click_button(qtbot, "Cancel", seen))
    second.actions.save.trigger()
    assert seen and "was changed by another window or program" in seen[0][0]
    assert load_profile(path).company.phone == "+1 555 0146" and second.isWindowModified()
