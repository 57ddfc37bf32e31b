"""The status bar: problem counts, word count, reading ease; and, after an export, links to the file."""

from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.engine.policy.document import Document
from desktop.engine.review.checks import ERROR, WARNING, Problem
from desktop.ui.widgets import error_colour

PLAIN_ENGLISH = 60


def word_count(document: Document) -> int:
    """Words as a word processor counts them: runs of text between spaces."""
    return sum(len(text.split()) for _, text in document.text_blocks())




def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class StatusPanel(QObject):
    def __init__(self, bar: QStatusBar):
        super().__init__(bar)
        self.bar = bar
        self.export_note = QLabel()
        self.export_note.setAccessibleName("Last export")
        self.export_note.setOpenExternalLinks(False)
        self.export_note.linkActivated.connect(self._open)
        self.export_note.setMinimumWidth(1)  # it shrinks rather than widen the window
        self.counts, self.words, self.ease = QLabel(), QLabel(), QLabel()
        self.counts.setAccessibleName("Problem counts")
        self.words.setAccessibleName("Word count")
        self.ease.setAccessibleName("Reading ease")
        self.ease.setToolTip("Flesch reading ease of the policy's text: 60 or more reads as plain English.")
        # A status tip (the toolbar button under the mouse after an export) is a temporary message, which
        # hides the bar's normal widgets: the export's links are a permanent widget, the message has the room left.
        bar.addWidget(QWidget(), 1)
        bar.addPermanentWidget(self.export_note)
        for label in (self.counts, self.words, self.ease):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self.exported: Path | None = None

    def show_document(self, document: Document, problems: list[Problem]) -> None:
        errors = sum(p.severity == ERROR for p in problems)
        warnings = sum(p.severity == WARNING for p in problems)
        text = f"{_plural(errors, 'error')} · {_plural(warnings, 'warning')}"
        if errors:
            text = f'<span style="color:{error_colour(self.bar.palette()).name()}">{text}</span>'
        self.counts.setText(text)
        self.words.setText(f"{word_count(document):,} words")
        score = document.reading_ease
        self.ease.setText(f"Reading ease {score:.0f} ({'plain English' if score >= PLAIN_ENGLISH else 'hard to read'})")

    def show_saved(self, path: Path) -> None:
        self.bar.showMessage(f"Saved to {path}", 8000)

    def show_exported(self, path: Path) -> None:
        self.exported = path
        folder = path.parent.name or str(path.parent)  # the whole path is in the tooltip
        self.export_note.setText(f'Exported {escape(path.name)} to {escape(folder)} · '
                                 '<a href="file">Open it</a> · <a href="folder">Show its folder</a>')
        self.export_note.setToolTip(str(path))

    def _open(self, which: str) -> None:
        if self.exported is not None:
            self.open_exported(folder=which == "folder")

    def open_exported(self, folder: bool = False) -> bool:
        if self.exported is None:
            return False
        target = self.exported.parent if folder else self.exported
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
