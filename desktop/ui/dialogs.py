"""The window's answers to the controller's questions: native file dialogs and message boxes."""

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QLabel,
    QLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop import DISCLAIMER, __version__
from desktop.engine.language.dates import day_and_date
from desktop.engine.language.words import join_words
from desktop.engine.review.checks import Problem
from desktop.engine.storage.recovery import Recovered
from desktop.ui.controller import CANCEL, DISCARD, EXAMPLE, NEW, OPEN, OVERWRITE, SAVE, SAVE_AS
from desktop.ui.interview_dialog import InterviewDialog
from desktop.usecases import FORMATS

PROFILE_FILTER = "Policywright profiles (*.json);;All files (*)"


class FirstRunDialog(QDialog):
    """New, open or the example: the three ways to begin."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Welcome to Policywright")
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        # a choice of three has nothing to grow into: at a fixed size, window managers draw no resize handle under it
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        heading = QLabel("<h2>Draft your privacy policy</h2>"
                         "<p>Fill in your company's details, tick what is true of your business, and "
                         "Policywright writes one coherent policy you can export to Word.</p>")
        heading.setWordWrap(True)
        heading.setMinimumWidth(self.fontMetrics().averageCharWidth() * 62)  # the width of the dialog, less its margins
        layout.addWidget(heading)
        for choice, title, text in (
            (NEW, "Start a new policy", "A few plain questions about your business pick the practices and the laws that apply."),
            (OPEN, "Open a saved profile…", "Continue with a profile you saved before."),
            (EXAMPLE, "Try the example", "See a finished policy for Acme Audio, a made-up company."),
        ):
            button = QCommandLinkButton(title, text)
            button.setAccessibleName(title.rstrip("…"))
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
        note = QLabel(DISCLAIMER)
        note.setWordWrap(True)
        layout.addWidget(note)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def message_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None) -> QMessageBox:
    """A message box that shows its text, and the informative text set later, as written: names the
    user typed (a company called “<img src=…>”) are never read as rich text."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    message_box(QMessageBox.Icon.Warning, title, text, parent).exec()


def ask_file_to_save(parent: QWidget, title: str, suggested: Path, name_filter: str, suffix: str) -> Path | None:
    """A save dialog that adds `suffix` to a name typed without one *before* it asks about replacing a file.

    The static QFileDialog.getSaveFileName cannot set a default suffix. Where a native dialog ignores
    it, the controller asks about the file the extension then points to.
    """
    dialog = QFileDialog(parent, title, str(suggested), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    accepted = dialog.exec()
    files = dialog.selectedFiles()
    dialog.deleteLater()
    return Path(files[0]) if accepted and files else None


class WindowView:
    """Implements the controller's View with real dialogs, parented to the main window."""

    def __init__(self, window):
        self.window = window

    def ask_first_run(self) -> str | None:
        dialog = FirstRunDialog(self.window)
        dialog.exec()
        dialog.deleteLater()
        return dialog.choice

    def ask_open_path(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open profile", str(folder), PROFILE_FILTER)
        return Path(name) if name else None

    def ask_save_path(self, suggested: Path) -> Path | None:
        return ask_file_to_save(self.window, "Save profile", suggested, PROFILE_FILTER, "json")

    def ask_export_path(self, fmt: str, suggested: Path) -> Path | None:
        declared = FORMATS[fmt]
        return ask_file_to_save(self.window, f"Export to {declared.name}", suggested, declared.file_filter,
                                declared.extension.lstrip("."))

    def ask_overwrite(self, path: Path) -> bool:
        box = message_box(QMessageBox.Icon.Warning, "Replace file?",
                          f"“{path.name}” already exists in {path.parent}.", self.window)
        box.setInformativeText("Replace it? What it holds now will be lost.")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText("Replace")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Yes

    def ask_save_changes(self, name: str) -> str:
        box = message_box(QMessageBox.Icon.Warning, "Unsaved changes",
                          f"Save the changes to “{name}” before closing it?", self.window)
        box.setInformativeText("If you don't save, your changes since the last save are lost.")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}.get(
            QMessageBox.StandardButton(answer), CANCEL)

    def ask_conflict(self, path: Path) -> str:
        box = message_box(QMessageBox.Icon.Warning, "The file changed",
                          f"“{path.name}” was changed by another window or program since you opened it.",
                          self.window)
        box.setInformativeText("Saving now replaces those changes with yours. Save your version under another "
                               "name to keep both, or cancel and decide later.")
        overwrite = box.addButton("Replace theirs", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        return {overwrite: OVERWRITE, save_as: SAVE_AS}.get(box.clickedButton(), CANCEL)

    def ask_restore(self, recovered: Recovered) -> bool:
        when = recovered.saved_at.astimezone()
        where = f" ({recovered.profile_path})" if recovered.profile_path else " (never saved)"
        box = message_box(QMessageBox.Icon.Question, "Restore unsaved edits?",
                          f"Policywright closed before your edits to “{recovered.name}” were saved.", self.window)
        box.setInformativeText(f"The edits to {recovered.name}{where}, as they were on {day_and_date(when)} "
                               f"at {when:%H:%M}, were kept. Restore them? If you discard them, they are deleted.")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def ask_export_with_errors(self, errors: list[Problem]) -> bool:
        self.window.form.reveal_missing()
        shown = "\n".join(f"• {p.message}" for p in errors[:6])
        more = f"\n…and {len(errors) - 6} more." if len(errors) > 6 else ""
        box = message_box(QMessageBox.Icon.Warning, "The policy is not finished",
                          f"The policy still has {len(errors)} error{'s' if len(errors) != 1 else ''}:", self.window)
        box.setInformativeText(f"{shown}{more}\n\nExport a draft anyway? Each gap is marked in the file.")
        export = box.addButton("Export draft", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is export

    def show_error(self, title: str, text: str) -> None:
        show_warning(self.window, title, text)

    def show_exported(self, path: Path) -> None:
        self.window.show_exported(path)

    def ask_interview(self, profile) -> dict | None:
        dialog = InterviewDialog(self.window.library, profile, parent=self.window)
        accepted = dialog.exec()
        answers = dialog.answers() if accepted else None
        dialog.deleteLater()
        return answers


def _regime_names(library) -> str:
    titles = [regime.title for regime in library.regimes.values()]
    return join_words(titles) or "privacy laws"


def show_about(parent: QWidget, library) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About Policywright")
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<h3>Policywright {__version__}</h3>"
                "<p>Draft a coherent privacy policy for a small company by pointing and clicking.</p>"
                f"<p>{html.escape(DISCLAIMER)}</p>"
                f"<p>Clause library: {len(library.practices)} practices, {len(library.clauses)} clauses, "
                f"distilled from five published privacy policies and what {_regime_names(library)} "
                "ask a policy to disclose.</p>")
    box.exec()
