"""A long session must never abort: PySide6 6.12.0 on Python 3.11 dropped references to None and
True on every void call until Python died; pyproject.toml keeps that release out. These run in a
child process so that an abort fails the test instead of killing the test run."""

import subprocess
import sys

VOID_CALLS = (
    "from PySide6.QtCore import QObject, Signal\n"
    "class Emitter(QObject):\n"
    "    fired = Signal(str)\n"
    "emitter, received = Emitter(), []\n"
    "emitter.fired.connect(received.append)\n"
    "for index in range(50000):\n"
    "    emitter.setObjectName('x')\n"
    "    emitter.fired.emit(str(index))\n"
    "print(len(received))\n"
)

EDITING_SESSION = (
    "import os, pathlib, tempfile\n"
    "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "from desktop.engine.library.loader import library_folders, load_library\n"
    "from desktop.ui.main_window import MainWindow\n"
    "from desktop.ui.settings import Settings\n"
    "window = MainWindow(load_library(library_folders()), Settings(pathlib.Path(tempfile.mkdtemp()) / 's.ini'))\n"
    "window.controller.load_example(confirm=False)\n"
    "for i in range(60):\n"
    "    window.session.set_field('company.short_name', 'Acme' + 'x' * (i % 7))\n"
    "    window.live.render_now()\n"
    "window.session.undo_stack.setClean()\n"
    "window.close()\n"
    "print('ok')\n"
)

# A session with undoable edits, dropped and left to the garbage collector: a command that held
# its session strongly made a cycle, and breaking it crashed in QUndoStack::clear().
SESSIONS_COLLECTED = (
    "import gc, os\n"
    "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "from desktop.engine.library.loader import library_folders, load_library\n"
    "from desktop.ui.session import ProfileSession\n"
    "library = load_library(library_folders())\n"
    "for i in range(100):\n"
    "    session = ProfileSession(library)\n"
    "    session.set_field('company.legal_name', 'A')\n"
    "    session.set_field('company.legal_name', 'AB')\n"
    "    session.set_field('company.short_name', 'x')\n"
    "    session.undo_stack.undo()\n"
    "    del session\n"
    "gc.collect()\n"
    "print('ok')\n"
)


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


def test_fifty_thousand_void_calls_and_signals_survive():
    result = run(VOID_CALLS)
    assert (result.returncode, result.stdout.strip()) == (0, "50000"), result.stderr[-2000:]


def test_a_long_editing_session_exits_cleanly():
    result = run(EDITING_SESSION)
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr[-2000:]


def test_sessions_left_to_the_garbage_collector_do_not_crash():
    result = run(SESSIONS_COLLECTED)
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr[-2000:]
