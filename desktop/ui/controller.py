"""File work: new, open, save, export, recent profiles, and asking before losing changes.

The controller never opens a dialog itself: it asks its view (`View`), so every decision here is
tested with a fake view that answers from a script.
"""

import copy
import datetime as dt
import logging
import re
from pathlib import Path
from typing import Protocol

from platformdirs import user_documents_dir
from PySide6.QtCore import QObject, Signal

from desktop.engine.export import with_extension
from desktop.engine.files.fileio import remove_stale_temps
from desktop.engine.files.ondisk import DiskStamp, changed_on_disk, stamp_of
from desktop.engine.interview.interview import apply_answers, start_profile
from desktop.engine.profile.profile import Profile, ProfileError, load_profile, save_profile
from desktop.engine.review.checks import Problem
from desktop.engine.review.example import example_profile
from desktop.engine.storage.profile_library import ProfileLibrary, file_name_for
from desktop.engine.storage.recovery import Recovered, RecoveryStore
from desktop.paths import user_data_dir
from desktop.ui.session import ProfileSession
from desktop.ui.settings import Settings
from desktop.usecases import FORMATS, NOTICES, Draft, NoNotice, Refused, draft, export_policy, notice_draft, refuse_write

log = logging.getLogger(__name__)
NEW, OPEN, EXAMPLE = "new", "open", "example"
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
OVERWRITE, SAVE_AS = "overwrite", "save-as"  # answers when the file changed on disk since it was opened
EDITED_PROFILE = "the profile being edited"


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
    def ask_conflict(self, path: Path) -> str: ...  # OVERWRITE, SAVE_AS or CANCEL
    def ask_restore(self, recovered: Recovered) -> bool: ...  # True to restore unsaved edits a crash left


def slug(text: str) -> str:
    """A file-name-safe form of a company name: 'Acme Audio, Inc.' -> 'acme-audio-inc'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _exists(path: Path) -> bool:
    """Whether something is at `path`; a name the system refuses (too long…) is not, and the
    write that follows says why."""
    try:
        return path.exists()
    except OSError:
        return False


class Controller(QObject):
    recent_changed = Signal()
    saved = Signal(Path)  # the profile was written to this file

    def __init__(self, session: ProfileSession, settings: Settings, view: View, parent: QObject | None = None,
                 data_folder: Path | None = None):
        super().__init__(parent)
        self.session, self.settings, self.view = session, settings, view
        self.last_export: Path | None = None
        data_folder = data_folder or user_data_dir()
        self.backups = data_folder / "backups"  # the last versions of each profile saved (backups.py)
        self.recovery = RecoveryStore(data_folder / "recovery")
        self.disk_stamp: DiskStamp | None = None  # the profile file as last read or written

    # Starting
    def start(self, path: Path | None = None) -> None:
        """Offer to restore edits a crash left; else open `path`, else the last profile, else ask:
        new, open or the example."""
        if self.offer_recovery():
            return
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
        self.disk_stamp = None
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
        self.disk_stamp = None
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
        self.disk_stamp = stamp_of(path)
        remove_stale_temps(path)
        self._remember(path)
        return True

    # Recovering from a crash
    def offer_recovery(self) -> bool:
        """Ask about each recovery file a crashed window left, newest first: restore the first one
        accepted; a declined one is deleted."""
        for recovered in self.recovery.pending():
            if self.view.ask_restore(recovered):
                self._restore(recovered)
                return True
            recovered.discard()
        return False

    def _restore(self, recovered: Recovered) -> None:
        """The profile's file as it is on disk, then the recovered edits as one undoable step."""
        path, base = recovered.profile_path, Profile()
        if path is not None and path.is_file():
            try:
                base = load_profile(path)
            except ProfileError as error:
                log.warning("restoring over %s, which cannot be read: %s", path, error)
        self.session.replace(base, path)
        self.disk_stamp = stamp_of(path) if path else None
        restored = copy.deepcopy(recovered.profile)
        self.session.edit("Restore unsaved edits", "restore", lambda p: p.__dict__.update(restored.__dict__), merge=False)
        self.keep_recovery()  # this window's own file holds the edits before the old one goes
        recovered.discard()
        if path is not None:
            self._remember(path)

    def keep_recovery(self) -> None:
        """Write the unsaved edits to this window's recovery file (none to keep: remove it)."""
        if not self.session.is_modified():
            self.recovery.remove()
            return
        try:
            self.recovery.write(self.session.profile, self.session.path, self.session.display_name())
        except OSError as error:
            log.warning("unsaved edits not kept in %s (%s)", self.recovery.file, error)

    def drop_recovery(self) -> None:
        self.recovery.remove()

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        current = self.session.path
        suggested = current if current else self._in_profile_library()
        path = self.view.ask_save_path(suggested)
        if path is None:
            return False
        chosen = Path(path)
        path = chosen if chosen.suffix else chosen.with_suffix(".json")
        try:
            refuse_write(path)
        except Refused as refused:
            self.view.show_error("Profile not saved", f"{path} {refused.reason}.\n\nSave As again and choose another file.")
            return False
        if not self._may_write(chosen, path):
            return False
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Save to `path`; any failure leaves the window as it was and says why."""
        if changed_on_disk(self.disk_stamp, path):
            answer = self.view.ask_conflict(path)
            if answer == SAVE_AS:
                return self.save_as()
            if answer != OVERWRITE:
                return False
        try:
            data = save_profile(self.session.profile, path, backups=self.backups)
        except OSError as error:
            self.view.show_error("Profile not saved", f"{path} could not be written: {error.strerror or error}.\n\n"
                                 "Choose another folder with Save As, or check that the disk has space.")
            return False
        except Exception as error:  # a bug must not close the window with the user's work
            log.exception("saving %s failed", path)
            self.view.show_error("Profile not saved", f"{path} could not be written ({error.__class__.__name__}: {error}).\n\n"
                                 "Your changes are still here. Try Save As, and please report this problem.")
            return False
        self.disk_stamp = stamp_of(path, data)
        self.session.mark_saved(path)
        self._remember(path)
        self.saved.emit(path)
        return True

    def _may_write(self, chosen: Path, path: Path) -> bool:
        """The file dialog asked about replacing `chosen`; when an extension was added since, ask about `path`."""
        return path == chosen or not _exists(path) or self.view.ask_overwrite(path)

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.settings.set_last_profile(path)
        self.recent_changed.emit()

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self.recent_changed.emit()

    def _in_profile_library(self) -> Path:
        """Where a new profile is saved unless the owner chooses otherwise: the library of profiles
        that File ▸ Profiles… lists, under the company's name."""
        shelf = ProfileLibrary()
        try:
            shelf.folder.mkdir(parents=True, exist_ok=True)  # so the file dialog can open in it
        except OSError as error:
            log.warning("the profile library %s cannot be made (%s)", shelf.folder, error)
            return self._folder() / f"{slug(self.session.profile.company.display_name) or 'privacy-profile'}.json"
        return shelf.path_for(shelf.free_name(file_name_for(self.session.profile.company.display_name or "Privacy profile")))

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
    def suggested_export_path(self, fmt: str, notice: str = "") -> Path:
        name = slug(self.session.profile.company.display_name)
        what = slug(NOTICES[notice].title) if notice else "privacy-policy"
        file_name = f"{name}-{what}" if name else what
        folder = self.settings.export_folder() or self._folder()
        if folder.resolve() == ProfileLibrary().folder.resolve():  # Policywright's own data folder: hidden from the owner
            documents = Path(user_documents_dir())
            folder = documents if documents.is_dir() else Path.home()
        return folder / (file_name + FORMATS[fmt].extension)

    def export(self, fmt: str, notice: str = "") -> Path | None:
        """Export the policy, or (`notice`) one of the notices kept apart from it, in `fmt`."""
        policy = draft(self.session.profile, self.session.library)
        if notice:
            try:
                policy = notice_draft(policy, self.session.library, notice)
            except NoNotice as error:
                self.view.show_error("Nothing to export", f"This profile {error}.")
                return None
        if policy.errors and not self.view.ask_export_with_errors(policy.errors):
            return None
        chosen = self.view.ask_export_path(fmt, self.suggested_export_path(fmt, notice))
        if chosen is None:
            return None
        path = with_extension(Path(chosen), FORMATS[fmt])
        if not self._write_export(policy, fmt, Path(chosen), path):
            return None
        self.settings.set_export_folder(path.parent)
        self.last_export = path
        self.view.show_exported(path)
        return path

    def _write_export(self, policy: Draft, fmt: str, chosen: Path, path: Path) -> bool:
        sources = [self.session.path] if self.session.path else []
        options = {name: self.settings.export_option(fmt, name) for name in FORMATS[fmt].options}
        try:
            refuse_write(path, sources, EDITED_PROFILE, export=True)  # before asking whether to replace it
            if not self._may_write(chosen, path):
                return False
            export_policy(policy, fmt, path, allow_errors=True, sources=sources, source_is=EDITED_PROFILE, **options)
        except Refused as refused:
            self.view.show_error("Export not written", f"{path} {refused.reason}.\n\nExport again and choose another file for the policy.")
            return False
        except OSError as error:
            self.view.show_error("Export failed", f"{path} could not be written: {error.strerror or error}.\n\n"
                                 "Choose another folder, or close the file if another program has it open, "
                                 "then export again.")
            return False
        except Exception as error:  # a bug in an exporter must not close the window with the user's work
            log.exception("export to %s failed", fmt)
            self.view.show_error("Export failed", f"Policywright could not make the {FORMATS[fmt].name} file ({error}).\n\n"
                                 "Try another format, and please report this problem.")
            return False
        return True
