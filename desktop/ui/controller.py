"""File work: new, open, save, export, recent profiles, and asking before losing changes.

The controller never opens a dialog itself: it asks its view (`View`), so every decision here is
tested with a fake view that answers from a script.
"""

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from desktop.engine.assemble import assemble
from desktop.engine.checks import ERROR, Problem, check
from desktop.engine.example import example_profile
from desktop.engine.export import FORMATS, export_bytes, with_extension
from desktop.engine.fileio import write_atomic
from desktop.engine.interview import apply_answers, start_profile
from desktop.engine.profile import Profile, ProfileError, load_profile, save_profile
from desktop.ui.session import ProfileSession
from desktop.ui.settings import Settings

log = logging.getLogger(__name__)
NEW, OPEN, EXAMPLE = "new", "open", "example"
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class View(Protocol):
    """What the controller asks of the window. Every method may be answered by a test."""

    def ask_first_run(self) -> str | None: ...  # NEW, OPEN, EXAMPLE, or None for NEW
    def ask_open_path(self, folder: Path) -> Path | None: ...
    def ask_save_path(self, suggested: Path) -> Path | None: ...
    def ask_export_path(self, fmt: str, suggested: Path) -> Path | None: ...
    def ask_overwrite(self, path: Path) -> bool: ...  # True to replace the existing file at `path`
    def ask_save_changes(self, name: str) -> str: ...  # SAVE, DISCARD or CANCEL
    def ask_export_with_errors(self, errors: list[Problem]) -> bool: ...
    def show_error(self, title: str, text: str) -> None: ...
    def show_exported(self, path: Path) -> None: ...
    def ask_interview(self, profile: Profile) -> dict | None: ...  # the answers, or None when cancelled


def slug(text: str) -> str:
    """A file-name-safe form of a company name: 'Acme Audio, Inc.' -> 'acme-audio-inc'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


class Controller(QObject):
    recent_changed = Signal()
    saved = Signal(Path)  # the profile was written to this file

    def __init__(self, session: ProfileSession, settings: Settings, view: View, parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.settings, self.view = session, settings, view
        self.last_export: Path | None = None

    # Starting
    def start(self, path: Path | None = None) -> None:
        """Open `path`, else the last profile, else ask: new, open or the example."""
        if path is not None and self._load(Path(path)):
            return
        last = self.settings.last_profile()
        if path is None and last is not None and last.is_file() and self._load(last):
            return
        choice = self.view.ask_first_run()
        if choice == OPEN and self.open_profile(confirm=False):
            return
        if choice == EXAMPLE:
            self.load_example(confirm=False)
        else:
            self.new_profile(confirm=False)

    def new_profile(self, confirm: bool = True) -> bool:
        """A new profile starts with the interview; its answers are then one undoable step.

        Cancelled from the menu, nothing changes; cancelled on the first run, the new profile
        starts with nothing answered."""
        if confirm and not self.confirm_discard():
            return False
        start = start_profile(self.session.library, dt.date.today())
        answers = self.view.ask_interview(start)
        if answers is None and confirm:
            return False
        self.session.replace(start)
        if answers is not None:
            self.apply_interview(answers)
        return True

    def interview(self) -> bool:
        """Reopen the interview on the current profile; finishing applies the answers."""
        answers = self.view.ask_interview(self.session.profile)
        return answers is not None and self.apply_interview(answers)

    def apply_interview(self, answers: dict) -> bool:
        library = self.session.library

        def change(profile: Profile) -> None:
            profile.__dict__.update(apply_answers(profile, answers, library).__dict__)

        return self.session.edit("Answer the interview", "interview", change, merge=False)

    def load_example(self, confirm: bool = True) -> bool:
        if confirm and not self.confirm_discard():
            return False
        self.session.replace(example_profile(self.session.library, dt.date.today()))
        return True

    # Opening and saving
    def open_profile(self, path: Path | None = None, confirm: bool = True) -> bool:
        if confirm and not self.confirm_discard():
            return False
        if path is None:
            path = self.view.ask_open_path(self._folder())
            if path is None:
                return False
        return self._load(Path(path))

    def _load(self, path: Path) -> bool:
        try:
            profile = load_profile(path)
        except ProfileError as error:
            if not path.exists():
                self.settings.remove_recent(path)
                self.recent_changed.emit()
            self.view.show_error("Cannot open profile",
                                 f"{path.name} could not be opened:\n\n" + "\n".join(f"• {p}" for p in error.problems)
                                 + "\n\nFix the file in a text editor, or open another profile.")
            return False
        self.session.replace(profile, path)
        self._remember(path)
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        name = slug(self.session.profile.company.display_name) or "privacy-profile"
        current = self.session.path
        suggested = current if current else self._folder() / f"{name}.json"
        path = self.view.ask_save_path(suggested)
        if path is None:
            return False
        chosen = Path(path)
        path = chosen if chosen.suffix else chosen.with_suffix(".json")
        if not self._may_write(chosen, path):
            return False
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            save_profile(self.session.profile, path)
        except OSError as error:
            self.view.show_error("Profile not saved", f"{path} could not be written: {error.strerror or error}.\n\n"
                                 "Choose another folder with Save As, or check that the disk has space.")
            return False
        self.session.mark_saved(path)
        self._remember(path)
        self.saved.emit(path)
        return True

    def _may_write(self, chosen: Path, path: Path) -> bool:
        """The file dialog asked about replacing `chosen`; when an extension was added since, ask about `path`."""
        return path == chosen or not path.exists() or self.view.ask_overwrite(path)

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.settings.set_last_profile(path)
        self.recent_changed.emit()

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self.recent_changed.emit()

    def _folder(self) -> Path:
        if self.session.path is not None:
            return self.session.path.parent
        recent = self.settings.recent_files()
        return recent[0].parent if recent else Path.home()

    def confirm_discard(self) -> bool:
        """True when the current profile may be replaced or the window closed."""
        if not self.session.is_modified():
            return True
        answer = self.view.ask_save_changes(self.session.display_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    # Exporting
    def suggested_export_path(self, fmt: str) -> Path:
        name = slug(self.session.profile.company.display_name)
        file_name = f"{name}-privacy-policy" if name else "privacy-policy"
        folder = self.settings.export_folder() or self._folder()
        return folder / (file_name + FORMATS[fmt].extension)

    def export(self, fmt: str) -> Path | None:
        profile, library = self.session.profile, self.session.library
        document = assemble(profile, library)
        errors = [p for p in check(profile, library, document) if p.severity == ERROR]
        if errors and not self.view.ask_export_with_errors(errors):
            return None
        path = self.view.ask_export_path(fmt, self.suggested_export_path(fmt))
        if path is None:
            return None
        chosen = Path(path)
        path = with_extension(chosen, fmt)
        if not self._may_write(chosen, path):
            return None
        kind = FORMATS[fmt].name
        try:
            data = export_bytes(document, fmt)
        except Exception as error:  # a bug in an exporter must not close the window with the user's work
            log.exception("export to %s failed", fmt)
            self.view.show_error("Export failed", f"Policywright could not make the {kind} file ({error}).\n\n"
                                 "Try another format, and please report this problem.")
            return None
        try:
            write_atomic(path, data)
        except OSError as error:
            self.view.show_error("Export failed", f"{path} could not be written: {error.strerror or error}.\n\n"
                                 "Choose another folder, or close the file if another program has it open, "
                                 "then export again.")
            return None
        self.settings.set_export_folder(path.parent)
        self.last_export = path
        self.view.show_exported(path)
        return path
