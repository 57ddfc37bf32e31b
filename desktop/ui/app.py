"""Starting the window: the application object, the clause library, the first profile.

`--quit-after-startup` opens the window with the example profile (or the profile named), waits
for the first paint (the preview already rendered), prints `startup_ms=N` and exits: the benchmark
and the packaged-app smoke test use it.
"""

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import __version__
from desktop.engine.library.cache import load_library_cached
from desktop.engine.library.loader import library_folders
from desktop.ui.main_window import MainWindow
from desktop.ui.resources import app_icon
from desktop.ui.settings import Settings
from desktop.ui.startup import seconds_since_process_start

log = logging.getLogger(__name__)
EXIT_OK, EXIT_FAILED = 0, 1
GIVE_UP_MS = 60_000


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Policywright")
    app.setOrganizationName("Policywright")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("policywright")
    app.setWindowIcon(app_icon())
    return app


class _FirstPaint(QObject):
    """Reports when any widget of the window has painted, then quits."""

    def __init__(self, app: QApplication, window: MainWindow):
        super().__init__(window)
        self.app, self.window, self.done = app, window, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.window() is self.window):
            self.done = True
            QTimer.singleShot(0, self.finish)  # after this paint has completed
        return False

    def finish(self) -> None:
        elapsed_ms = seconds_since_process_start() * 1000
        if not self.window.preview.plain_text().strip():
            print("policywright: the window opened but the preview is empty", file=sys.stderr)
            self.app.exit(EXIT_FAILED)
            return
        print(f"startup_ms={elapsed_ms:.0f}", flush=True)
        self.window.close()
        self.app.exit(EXIT_OK)


def run(profile: Path | None = None, quit_after_startup: bool = False, library: list[Path] | None = None) -> int:
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="policywright: %(message)s")
    app = application()
    try:
        clause_library = load_library_cached(library_folders(library or []))
    except FileNotFoundError as error:
        QMessageBox.critical(None, "Policywright cannot start", f"{error}.\n\nReinstall Policywright.")
        return EXIT_FAILED
    for fault in clause_library.faults:
        log.warning("skipped: %s", fault)
    window = MainWindow(clause_library, Settings())
    if clause_library.faults:
        window.statusBar().showMessage(f"{len(clause_library.faults)} clause file(s) could not be read and were skipped; "
                                       "run `policywright check-library` to see why.", 15000)
    if quit_after_startup:
        window.remember_state = False
        if profile is None:
            window.controller.load_example(confirm=False)
        else:
            window.controller.open_profile(Path(profile), confirm=False)
        watcher = _FirstPaint(app, window)
        app.installEventFilter(watcher)
        QTimer.singleShot(GIVE_UP_MS, lambda: (print("policywright: no window was painted", file=sys.stderr), app.exit(EXIT_FAILED)))
    window.show()
    if not quit_after_startup:
        QTimer.singleShot(0, lambda: window.controller.start(profile))
    return app.exec()
