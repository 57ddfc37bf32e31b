"""The profile being edited, its file, and the undo history of every change to it.

Every edit goes through `edit()`, which pushes a command holding the profile before and after,
so ticks, options, details and rewordings all undo the same way. Consecutive edits with the
same key (typing in one field) merge into one undo step until the typing pauses, as in a text
editor: one Ctrl+Z takes back the last burst, not everything written in that field.
"""

import copy
import time
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.engine.library.model import Library
from desktop.engine.policy.cookies import OWN_COOKIES
from desktop.engine.policy.reword import Rewording
from desktop.engine.profile.fields import label as field_label
from desktop.engine.profile.profile import Profile, ordered_regimes
from desktop.ui.where import regime_title

_MERGE_IDS: dict[str, int] = {}
TYPING_PAUSE_S = 2.0  # edits further apart than this are separate undo steps
clock = time.monotonic
COOKIES_PRACTICE = OWN_COOKIES[0]  # the practice whose clauses explain cookies and show their table


def _merge_id(key: str) -> int:
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


class ProfileCommand(QUndoCommand):
    """One change to the profile: both states kept whole (a profile is a few kilobytes)."""

    def __init__(self, session: "ProfileSession", text: str, key: str, before: Profile, after: Profile, merge: bool):
        super().__init__(text)
        # A weak reference: a strong one makes a cycle through Qt's stack, and when the garbage
        # collector breaks it, PySide6 frees the commands before QUndoStack::clear() reaches them.
        self._session = weakref.ref(session)
        self.key, self.merge = key, merge
        self.before, self.after = before, after
        self.last_edit = clock()

    def id(self) -> int:
        return _merge_id(self.key) if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ProfileCommand) or other.key != self.key:
            return False
        if other.last_edit - self.last_edit > TYPING_PAUSE_S:
            return False
        self.after, self.last_edit = other.after, other.last_edit
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, profile: Profile) -> None:
        session = self._session()
        if session is not None:
            session._apply(profile, self.key)


class ProfileSession(QObject):
    """Holds the profile; widgets read it and change it only through the methods below."""

    changed = Signal(str)  # what changed, e.g. "field:company.phone"; "" when a whole profile was loaded
    replaced = Signal()

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.profile = Profile()
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self._rewording: Rewording | None = None

    # Whole profiles
    def replace(self, profile: Profile, path: Path | None = None) -> None:
        self.profile = copy.deepcopy(profile)
        self.path = Path(path) if path else None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.replaced.emit()
        self.changed.emit("")

    def mark_saved(self, path: Path) -> None:
        self.path = Path(path)
        self.undo_stack.setClean()
        self.replaced.emit()

    def display_name(self) -> str:
        if self.path:
            return self.path.stem
        return self.profile.company.display_name or "Untitled profile"

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # Edits
    def edit(self, text: str, key: str, change: Callable[[Profile], None], merge: bool = True) -> bool:
        """Apply `change` to a copy of the profile and push it as one undoable step.

        With `merge`, a following edit with the same key (more typing) joins this step.
        """
        before = copy.deepcopy(self.profile)
        after = copy.deepcopy(self.profile)
        change(after)
        if after == before:
            return False
        self.undo_stack.push(ProfileCommand(self, text, key, before, after, merge))
        return True

    def _apply(self, profile: Profile, key: str) -> None:
        self.profile = copy.deepcopy(profile)
        self.changed.emit(key)

    def set_field(self, name: str, value: str) -> bool:
        """A text field: 'company.legal_name', 'service.kind', 'terms.service', 'effective_date'."""

        return self.edit(f"Edit {field_label(name).lower()}", f"field:{name}", lambda profile: profile.set_field(name, value))

    def set_regime(self, regime: str, on: bool) -> bool:
        def change(profile: Profile) -> None:
            chosen = set(profile.regimes) - {regime} | ({regime} if on else set())
            profile.regimes = ordered_regimes(chosen, self.library.regimes)

        verb = "Cover" if on else "Stop covering"
        return self.edit(f"{verb} {regime_title(regime, self.library)}", f"regime:{regime}", change, merge=False)

    def is_ticked(self, practice_id: str) -> bool:
        return practice_id in self.profile.practices

    def set_practice(self, practice_id: str, on: bool) -> bool:
        """Tick or untick a practice; ticking one of an exclusive group unticks the others."""
        practice = self.library.practices[practice_id]

        def change(profile: Profile) -> None:
            if not on:
                profile.practices.pop(practice_id, None)
                return
            if practice.group:
                for other in self.library.practices.values():
                    if other.group == practice.group and other.id != practice_id:
                        profile.practices.pop(other.id, None)
            profile.practices.setdefault(practice_id, {})

        return self.edit(f"{'Tick' if on else 'Untick'} “{practice.title}”", f"practice:{practice_id}", change, merge=False)

    def set_option(self, practice_id: str, name: str, value: object) -> bool:
        """Set a ticked practice's option; the default value is stored as no value at all."""
        spec = self.library.practices[practice_id].options[name]
        if practice_id not in self.profile.practices:
            return False

        def change(profile: Profile) -> None:
            options = profile.practices.setdefault(practice_id, {})
            if value == spec.default:
                options.pop(name, None)
            else:
                options[name] = value

        return self.edit(f"Change “{spec.title}”", f"option:{practice_id}.{name}", change)

    def set_service(self, service_id: str, on: bool, entry: dict | None = None) -> bool:
        """Pick a service of the catalogue (or, with `entry`, one the owner described) or drop it.
        Picking one that sets cookies also ticks the cookies practice, whose table lists them."""
        name = entry["name"] if entry else self.service_name(service_id)
        sets_cookies = service_id in self.library.services and self.library.services[service_id].cookies

        def change(profile: Profile) -> None:
            if not on:
                profile.services.pop(service_id, None)
                return
            profile.services.setdefault(service_id, {"entry": entry} if entry else {})
            if sets_cookies and COOKIES_PRACTICE in self.library.practices:
                profile.practices.setdefault(COOKIES_PRACTICE, {})

        return self.edit(f"{'Use' if on else 'Stop using'} {name}", f"service:{service_id}", change, merge=False)

    def set_service_setting(self, service_id: str, setting_id: str, on: bool) -> bool:
        """Set up a picked service one way or the other; a setting at its default is stored as none."""
        entry = self.library.services.get(service_id)
        if entry is None or service_id not in self.profile.services:
            return False
        setting = next(s for s in entry.settings if s.id == setting_id)

        def change(profile: Profile) -> None:
            settings = profile.services[service_id]
            if on == setting.default:
                settings.pop(setting_id, None)
            else:
                settings[setting_id] = on

        return self.edit(f"Change how {entry.name} is set up", f"service:{service_id}.{setting_id}", change, merge=False)

    def service_name(self, service_id: str) -> str:
        """The name a picked service goes by: its catalogue entry's, or the one the owner gave it."""
        if service_id in self.library.services:
            return self.library.services[service_id].name
        entry = self.profile.services.get(service_id, {}).get("entry")
        return entry["name"] if isinstance(entry, dict) and isinstance(entry.get("name"), str) else service_id

    def set_override(self, clause_id: str, text: str, merge: bool = True) -> bool:
        """Reword a clause; wording equal to the library's is no override. Typing merges into one
        undo step; `merge=False` makes a step of its own (a fix applied with one click)."""
        clause = self.library.clauses[clause_id]

        def change(profile: Profile) -> None:
            if text.strip() == clause.body.strip():
                profile.overrides.pop(clause_id, None)
            else:
                profile.overrides[clause_id] = text

        return self.edit(f"Reword “{clause.title}”", f"override:{clause_id}", change, merge=merge)

    def confirm_wording(self, clause_id: str, confirmed: bool) -> bool:
        """Say that the user's wording of a clause still states what the library's did (or take it back)."""
        title = self.library.clauses[clause_id].title if clause_id in self.library.clauses else clause_id
        override = self.profile.overrides.get(clause_id)
        if override is None:
            return False

        def change(profile: Profile) -> None:
            if confirmed:
                profile.confirmed[clause_id] = override
            else:
                profile.confirmed.pop(clause_id, None)

        verb = "Confirm" if confirmed else "Unconfirm"
        return self.edit(f"{verb} the wording of “{title}”", f"confirm:{clause_id}", change, merge=False)

    def set_not_required(self, requirement_id: str, reason: str) -> bool:
        """Record why a law does not ask a requirement of this business; an empty reason takes it back."""
        def change(profile: Profile) -> None:
            if reason.strip():
                profile.not_required[requirement_id] = reason.strip()
            else:
                profile.not_required.pop(requirement_id, None)

        words = next((r.words for law in self.library.regimes.values() for r in law.requirements if r.id == requirement_id),
                     requirement_id)
        verb = "Mark" if reason.strip() else "Unmark"
        return self.edit(f"{verb} “{words}” not required", f"not_required:{requirement_id}", change, merge=False)

    def reset_override(self, clause_id: str) -> bool:
        title = self.library.clauses[clause_id].title if clause_id in self.library.clauses else clause_id
        def change(profile: Profile) -> None:
            profile.overrides.pop(clause_id, None)
            profile.confirmed.pop(clause_id, None)

        return self.edit(f"Reset “{title}” to the library text", f"override:{clause_id}", change, merge=False)

    def clause_text(self, clause_id: str) -> str:
        """The wording in use: the profile's override, or the library's text."""
        override = self.profile.overrides.get(clause_id)
        return override if override is not None else self.library.clauses[clause_id].body.strip()

    def rewording(self) -> Rewording:
        """Wordings and option values in words for the profile as it is now: its values are filled
        once per profile state (every edit makes a new profile object) and shared by the panels."""
        if self._rewording is None or self._rewording.profile is not self.profile:
            self._rewording = Rewording(self.profile, self.library)
        return self._rewording
