"""What would clip in the main window: shared by the in-process layout tests and the child
process that runs under QT_SCALE_FACTOR (python tests/ui/layout_faults.py prints them as JSON)."""

import json
import os
import sys
import tempfile
from pathlib import Path


def layout_faults(window) -> list[str]:
    from PySide6.QtWidgets import QToolButton

    faults = []
    hint, size = window.minimumSizeHint(), window.size()
    if hint.width() > size.width() or hint.height() > size.height():
        faults.append(f"the window needs {hint.width()}x{hint.height()}, more than {size.width()}x{size.height()}")
    bar = window.left.tabBar()
    arrows = [button for button in bar.findChildren(QToolButton) if button.isVisible()]
    if bar.tabRect(bar.count() - 1).right() > bar.width() and not arrows:  # arrows reach a tab that does not fit
        faults.append("the left pane's tabs do not all fit, and no arrows reach the last")
    if window.toolbar.sizeHint().width() > window.toolbar.width():
        faults.append("toolbar buttons fall into the overflow menu")
    if window.form.horizontalScrollBar().isVisible():
        faults.append("the company form scrolls sideways")
    return faults


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from PySide6.QtWidgets import QApplication

    from desktop.engine.library.loader import library_folders, load_library
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(load_library(library_folders()), Settings(Path(folder) / "settings.ini"))
        window.remember_state = False
        window.resize(1024, 700)
        window.controller.load_example(confirm=False)
        window.show()
        for _ in range(5):
            app.processEvents()
        print(json.dumps({"ratio": window.devicePixelRatio(), "faults": layout_faults(window)}))
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
