"""File ▸ Profiles…, Publish… and History…: the window's hooks into the profile library and its versions.

Declared here, in one place, and put into the File menu beside the actions they belong with.
After an export the status bar offers to publish what was exported (a button, never a dialog), while the
policy reads otherwise than the last published version.
"""

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.engine.files.backups import copy_backups
from desktop.engine.files.ondisk import stamp_of
from desktop.engine.history.versions import Version, latest_version, version_files
from desktop.engine.policy.render import format_date
from desktop.engine.storage.profile_library import Entry, ProfileLibrary
from desktop.ui.actions import _action
from desktop.ui.dialogs import message_box
from desktop.ui.history_view import HistoryView
from desktop.ui.profiles_view import ProfilesView
from desktop.usecases import Refused, draft, publish_draft


class VersionActions(QObject):
    def __init__(self, window, shelf: ProfileLibrary | None = None):
        super().__init__(window)
        self.window = window
        self.shelf = shelf or ProfileLibrary()
        self.profiles_view: ProfilesView | None = None
        self.history_view: HistoryView | None = None
        self.exported = False  # since the last publish, in this profile
        self.published: tuple | None = None  # the text blocks of the last published version, read at the export
        self.profiles = _action(window, "Pro&files…", self.show_profiles, "Ctrl+Shift+O",
                                tip="Your saved profiles: open, reuse for another brand, rename, delete, import, export")
        self.publish = _action(window, "&Publish…", self.publish_current,
                               tip="Store the policy as it reads now as a numbered version, to compare with later")
        self.history = _action(window, "&History…", self.show_history, tip="Published versions, and what changed between them")
        for action in (self.profiles, self.publish, self.history):
            action.setProperty("yields_letter", True)  # the File menu's own entries (PDF, HTML) keep P and H
        self.offer = QPushButton("Publish this version…")
        self.offer.setFlat(True)
        self.offer.setToolTip("Store the policy you just exported as a numbered version")
        self.offer.clicked.connect(lambda: self.publish_current())
        self.offer.hide()
        window.statusBar().addPermanentWidget(self.offer)
        self._into_menu()
        window.session.replaced.connect(self._close_stale_history)
        window.session.replaced.connect(self._forget_export)
        window.live.updated.connect(self._update_offer)

    def _into_menu(self) -> None:
        actions = self.window.actions
        file_menu = _menu_holding(self.window, actions.save)
        entries = file_menu.actions()
        after_recent = entries[entries.index(actions.recent_menu.menuAction()) + 1]
        file_menu.insertAction(after_recent, self.profiles)
        after_exports = entries[entries.index(actions.show_export) + 1]
        file_menu.insertSeparator(after_exports)
        file_menu.insertActions(after_exports, [self.publish, self.history])

    # Asking (a test answers these)
    def ask_publish(self, name: str, number: int, errors: int, same_as: int | None) -> bool:
        box = message_box(QMessageBox.Icon.Question, "Publish", f"Publish “{name}” as version {number}?", self.window)
        warning = (f"\n\nThe policy still has {errors} error{'s' if errors != 1 else ''}; each gap is kept in the text." if errors else "")
        if same_as is not None:
            warning += f"\n\nIt reads exactly as version {same_as} did."
        box.setInformativeText("The profile is saved, and the policy as it reads now is kept beside it, so later you can "
                               f"see what changed.{warning}")
        publish_button = box.addButton("Publish", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is publish_button

    def ask_new_effective_date(self, current: dt.date, today: dt.date, number: int) -> bool:
        box = message_box(QMessageBox.Icon.Question, "Effective date",
                          f"Make today, {_day(today)}, the effective date of version {number}?", self.window)
        box.setInformativeText(f"The policy says it takes effect on {_day(current)}, as the version before it did. "
                               "A changed policy usually takes effect from the day it is published.")
        today_button = box.addButton("Use Today's Date", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(f"Keep {_day(current)}", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(today_button)
        box.exec()
        return box.clickedButton() is today_button

    def _offer_new_date(self, last: Version | None, number: int) -> bool:
        """Before a later version, offer today as its effective date when it still has the last one's."""
        session = self.window.session
        current, today = _iso_date(session.profile.effective_date), dt.date.today()
        if last is None or current is None or current >= today or session.profile.effective_date != last.profile.effective_date:
            return False
        if not self.ask_new_effective_date(current, today, number):
            return False
        session.set_field("effective_date", today.isoformat())
        return True

    # Doing
    def publish_current(self) -> Version | None:
        window = self.window
        session = window.session
        policy = draft(session.profile, window.library)
        files = version_files(session.path) if session.path else []
        number = files[-1][0] + 1 if files else 1
        last = latest_version(session.path) if files else None
        same_as = last.number if last and last.policy.blocks == tuple(policy.document.text_blocks()) else None
        if not self.ask_publish(session.display_name(), number, len(policy.errors), same_as):
            return None
        if self._offer_new_date(last, number):
            policy = draft(session.profile, window.library)
        if (session.path is None or session.is_modified()) and not window.controller.save():
            return None
        try:
            version = publish_draft(session.path, policy, allow_errors=True)  # the user saw the errors and chose to publish
        except Refused as refused:
            window.view.show_error("Not published", f"{refused}.")
            return None
        except OSError as error:
            window.view.show_error("Not published", f"The version could not be stored beside {session.path}: "
                                   f"{error.strerror or error}.\n\nCheck that its folder can be written.")
            return None
        self._forget_export()
        window.statusBar().showMessage(f"Published version {version.number} of “{session.display_name()}”.", 8000)
        if self.history_view is not None and self.history_view.profile_path == session.path:
            self.history_view.refresh()
        return version

    def offer_publish(self) -> None:
        """After an export: offer to publish it, unless the policy reads as the last published version."""
        path = self.window.session.path
        last = latest_version(path) if path else None
        self.exported, self.published = True, (last.policy.blocks if last else None)
        self._update_offer()

    def _update_offer(self) -> None:
        document = self.window.live.document
        self.offer.setVisible(self.exported and (document is None or tuple(document.text_blocks()) != self.published))

    def _forget_export(self) -> None:
        self.exported = False
        self.offer.hide()

    def show_profiles(self) -> ProfilesView:
        if self.profiles_view is None:
            self.profiles_view = ProfilesView(self.shelf, lambda path: self.window.controller.open_profile(path),
                                              self.profile_moved, self.keep_open_profile, self.window)
        self.profiles_view.refresh()
        self.profiles_view.show()
        self.profiles_view.raise_()
        return self.profiles_view

    def show_history(self) -> HistoryView | None:
        session = self.window.session
        if session.path is None:
            self.window.statusBar().showMessage("Save the profile first: its published versions are kept beside it.", 8000)
            return None
        if self.history_view is None or self.history_view.profile_path != session.path:
            if self.history_view is not None:
                self.history_view.deleteLater()
            self.history_view = HistoryView(self.window.library, session.path, lambda: session.profile, self.window)
        self.history_view.refresh()
        self.history_view.show()
        self.history_view.raise_()
        return self.history_view

    def _close_stale_history(self) -> None:
        """History shows one profile's versions and compares them with the window's draft: once the
        window holds another file, it would compare that one's draft with these versions."""
        view = self.history_view
        if view is not None and view.profile_path != self.window.session.path:
            view.close()

    def keep_open_profile(self, name: str) -> Entry:
        """Save the window's profile into the library under `name`, with copies of its published
        versions and backups; the window then saves there."""
        session, settings = self.window.session, self.window.settings
        entry = self.shelf.save_new(session.profile, name, history_of=session.path)
        if session.path is not None:
            copy_backups(self.window.controller.backups, session.path, entry.path)
        self.window.controller.disk_stamp = stamp_of(entry.path)  # what a later save checks for an outside edit
        session.mark_saved(entry.path)
        settings.add_recent(entry.path)
        settings.set_last_profile(entry.path)
        self.window.controller.recent_changed.emit()
        return entry

    def profile_moved(self, old: Path, new: Path | None) -> None:
        """A profile renamed or deleted in the Profiles view: the window follows the open one."""
        window = self.window
        settings = window.settings
        was_recent = Path(old).resolve() in settings.recent_files()
        settings.remove_recent(old)
        if new is not None and was_recent:
            settings.add_recent(new)
        if window.session.path is not None and window.session.path.resolve() == Path(old).resolve():
            window.session.path = new
            stamp = window.controller.disk_stamp  # the file moved, its content did not: an outside edit still shows
            window.controller.disk_stamp = dataclasses.replace(stamp, path=new) if stamp and new else None
            if new is not None:
                settings.add_recent(new)
                settings.set_last_profile(new)
            window._update_title()
            self._close_stale_history()
        window.controller.recent_changed.emit()


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _day(date: dt.date, country: str = "") -> str:
    return format_date(date, country)  # as the policy prints it, in English whatever the desktop's language


def _menu_holding(window, action):
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and action in menu.actions():
            return menu
    raise LookupError("no menu holds the Save action")
