"""The first-paint baseline: a bare PySide6 window of Policywright's shape, and nothing else.

    python bench/baseline_window.py CONTENT.json

CONTENT.json holds what the real window shows (written by bench/run.py): the practices' titles
for the tree, the form's field labels, the policy's HTML for the text browser. Prints
startup_ms=N (milliseconds from process start to the first paint, measured as the app measures
it) and exits, like `policywright gui --quit-after-startup`.
"""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.ui.startup import seconds_since_process_start


class FirstPaint(QObject):
    done = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, finish)
        return False


def finish():
    print(f"startup_ms={seconds_since_process_start() * 1000:.0f}", flush=True)
    app.exit(0)


content = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
app = QApplication(sys.argv[:1])
form = QWidget()
fields = QFormLayout(form)
for label in content["fields"]:
    fields.addRow(label, QLineEdit())
tree = QTreeWidget()
tree.setHeaderHidden(True)
for title in content["tree"]:
    QTreeWidgetItem(tree, [title]).setCheckState(0, Qt.CheckState.Unchecked)
left = QTabWidget()
left.addTab(form, "Company details")
left.addTab(tree, "Practices")
browser = QTextBrowser()
browser.setHtml(content["html"])
middle = QSplitter(Qt.Orientation.Vertical)
middle.addWidget(browser)
middle.addWidget(QTreeWidget())  # the problems list
main = QSplitter()
for widget in (left, middle, QPlainTextEdit()):  # the clause editor on the right
    main.addWidget(widget)
window = QMainWindow()
window.setCentralWidget(main)
window.statusBar().showMessage("ready")
app.installEventFilter(FirstPaint(app))
window.resize(1440, 900)
window.show()
sys.exit(app.exec())
