"""A comparison shown in the window: what changed in plain words, the policy with insertions and
deletions marked, and buttons to save the Word redline or the Markdown and to copy the summary."""

import html
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.history.comparison import Comparison
from desktop.engine.policy.diff import CHANGED, DELETED, INSERTED, SAME, BlockChange, counts
from desktop.ui.dialogs import ask_file_to_save, show_warning
from desktop.ui.widgets import palette_is_dark
from desktop.usecases import COMPARISON_FORMATS, Refused, save_comparison

_TAGS = {"title": "h2", "heading1": "h3", "heading2": "h4", "paragraph": "p", "item": "li"}


def mark_styles(palette: QPalette) -> dict[str, str]:
    """Inline styles for inserted and deleted words, readable on light and dark palettes."""
    if palette_is_dark(palette):
        return {INSERTED: "background-color:#1f4d2b; color:#c8f7c5; text-decoration:underline",
                DELETED: "background-color:#5c1f1f; color:#ffc9c9; text-decoration:line-through"}
    return {INSERTED: "background-color:#d7f5dd; color:#0b5a1e; text-decoration:underline",
            DELETED: "background-color:#fde0df; color:#9b1c1c; text-decoration:line-through"}


def changes_html(changes: list[BlockChange], styles: dict[str, str], only_changes: bool = False) -> str:
    """The policy as HTML with each insertion and deletion in its style; with `only_changes`, the
    unchanged blocks are left out except the section headings that place a change."""
    out, in_list, heading = [], False, None
    for change in changes:
        if only_changes and change.status == SAME:
            heading = change if change.kind == "heading1" else heading
            continue
        if only_changes and heading is not None and change.kind != "heading1":
            out.append(f"<h3>{html.escape(heading.new_text)}</h3>")
        heading = None
        if (change.kind == "item") != in_list:
            out.append("<ul>" if not in_list else "</ul>")
            in_list = not in_list
        tag = _TAGS.get(change.kind, "p")
        body = "".join(_piece(p.mark, p.text, styles) for p in change.pieces)
        out.append(f"<{tag}>{body}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "".join(out) or "<p>Nothing changed.</p>"


def _piece(mark: str, text: str, styles: dict[str, str]) -> str:
    escaped = html.escape(text)
    return f'<span style="{styles[mark]}">{escaped}</span>' if mark in styles else escaped


def counts_text(changes: list[BlockChange]) -> str:
    found = counts(changes)
    parts = [f"{found[CHANGED]} changed", f"{found[INSERTED]} added", f"{found[DELETED]} removed"]
    return " · ".join(parts) + " (paragraphs, headings and list items)"


class CompareView(QWidget):
    def __init__(self, compared: Iterable[Path] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.compared = list(compared)  # files a save never writes over (the profile), besides published versions
        self.heading = QLabel("Choose two versions, or compare the draft with the last published one.")
        self.heading.setWordWrap(True)
        self.note = QLabel()
        self.note.setAccessibleName("What happened")
        self.summary = QTextBrowser()
        self.summary.setAccessibleName("What changed, in plain words")
        self.summary.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.browser = QTextBrowser()
        self.browser.setObjectName("changesBrowser")
        self.browser.setAccessibleName("The policy with its changes marked")
        self.browser.setOpenLinks(False)
        self.only_changes = QCheckBox("Show only the &changes")
        self.only_changes.toggled.connect(self._show_changes)
        self.save_docx = QPushButton("Save &Word Redline…")
        self.save_md = QPushButton("Save &Markdown…")
        self.copy_summary = QPushButton("Cop&y Summary")
        self.save_docx.clicked.connect(lambda: self.save("docx"))
        self.save_md.clicked.connect(lambda: self.save("md"))
        self.copy_summary.clicked.connect(self.copy)
        buttons = QHBoxLayout()
        for widget in (self.save_docx, self.save_md, self.copy_summary):
            buttons.addWidget(widget)
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.only_changes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(QLabel("<b>What changed</b> (ready to paste into your notice to users)"))
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.set_comparison(None)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.note.clear()
        for widget in (self.save_docx, self.save_md, self.copy_summary, self.only_changes):
            widget.setEnabled(comparison is not None)
        if comparison is None:
            self.summary.clear()
            self.browser.clear()
            return
        self.heading.setText(f"<b>{html.escape(comparison.compared)}</b><br>{counts_text(list(comparison.changes))}")
        items = "".join(f"<li>{html.escape(line)}</li>" for line in comparison.summary)
        self.summary.setHtml(f"<ul>{items}</ul>" if items else "<p>Nothing a reader would notice changed.</p>")
        self._show_changes()

    def _show_changes(self) -> None:
        if self.comparison is not None:
            styles = mark_styles(self.browser.palette())
            self.browser.setHtml(changes_html(list(self.comparison.changes), styles, self.only_changes.isChecked()))

    def copy(self) -> None:
        if self.comparison is not None:
            QGuiApplication.clipboard().setText(self.comparison.summary_text())
            self.note.setText("Summary copied.")

    def ask_save_path(self, fmt: str, suggested: Path) -> Path | None:
        declared = COMPARISON_FORMATS[fmt]
        return ask_file_to_save(self, f"Save the Changes as {declared.name}", suggested, declared.file_filter,
                                declared.extension.lstrip("."))

    def show_error(self, title: str, text: str) -> None:
        show_warning(self, title, text)

    def save(self, fmt: str, folder: Path | None = None) -> Path | None:
        if self.comparison is None:
            return None
        suggested = (folder or Path.home()) / f"{self.comparison.file_stem}{COMPARISON_FORMATS[fmt].extension}"
        path = self.ask_save_path(fmt, suggested)
        if path is None:
            return None
        try:
            save_comparison(self.comparison, fmt, Path(path), self.compared)
        except Refused as refused:
            self.show_error("Not saved", f"{path} {refused.reason}.\n\nSave again and choose another file for the changes.")
            return None
        except OSError as error:
            self.show_error("Not saved", f"{path} could not be written: {error.strerror or error}. Choose another folder.")
            return None
        self.note.setText(f"Saved {Path(path).name}.")
        return Path(path)
