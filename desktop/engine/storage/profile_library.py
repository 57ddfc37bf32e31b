"""The library of profiles: one JSON file per profile in the user's data folder, and a trash.

A profile's published versions live beside it (`NAME.versions/`, see versions.py) and move with
it when it is renamed, deleted or restored. Nothing is created until something is written, so
importing this module or listing an empty library touches no disk. The folder is the user data
folder's `profiles`, or `$POLICYWRIGHT_PROFILES` (tests and portable installs set it).
"""

import copy
import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.files.fileio import write_atomic
from desktop.engine.history.versions import latest_version_date, versions_dir, why_not_write
from desktop.engine.profile.profile import Profile, ProfileError, load_profile, profile_json
from desktop.paths import user_data_dir

ENV_FOLDER = "POLICYWRIGHT_PROFILES"
TRASH = ".trash"
SUFFIX = ".json"
MAX_NAME = 100  # characters
# What names a brand, so a copy reused for another brand asks for each of them anew.
BRAND_FIELDS = ("company.legal_name", "company.contact_email", "company.website", "service.name")
# Bytes of UTF-8: a file name may have 255, and "NAME (99).versions" must still fit.
MAX_NAME_BYTES = 200
_FORBIDDEN = set('/\\:*?"<>|')


def default_folder() -> Path:
    override = os.environ.get(ENV_FOLDER)
    return Path(override) if override else user_data_dir() / "profiles"


class LibraryError(ValueError):
    """An operation the library refuses; the message names the profile and says what to do."""


@dataclass(frozen=True)
class Entry:
    """One profile as the Profiles view lists it. `problem` says why a file could not be read."""

    name: str
    path: Path
    company: str
    service: str
    edited: dt.datetime
    published: dt.datetime | None
    problem: str = ""


def name_problem(name: str) -> str | None:
    """Why `name` cannot name a profile file, or None."""
    stripped = name.strip()
    if not stripped:
        return "a profile needs a name"
    try:
        size = len(stripped.encode("utf-8"))
    except UnicodeEncodeError:
        return "a name must be text that can be written as a file name"
    if len(stripped) > MAX_NAME:
        return f"a name may have at most {MAX_NAME} characters"
    if size > MAX_NAME_BYTES:
        return "the name is too long for a file name; shorten it"
    if stripped.startswith(".") or any(c in _FORBIDDEN or ord(c) < 32 for c in stripped):
        return 'a name may not start with a dot or hold / \\ : * ? " < > | or control characters'
    return None


def _shortened(name: str, reserve: int = 0) -> str:
    """`name` cut to leave room for `reserve` more characters of ASCII within both limits."""
    name = name[:MAX_NAME - reserve]
    while len(name.encode("utf-8")) > MAX_NAME_BYTES - reserve:
        name = name[:-1]
    return name.rstrip()


def file_name_for(text: str) -> str:
    """A profile name made from any text (a brand such as “A/B Audio: Records”): what a name may not
    hold becomes a dash, a leading dot goes, and it is cut to MAX_NAME characters."""
    usable = "".join("-" if c in _FORBIDDEN or ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF else c for c in text.strip())
    return _shortened(usable.lstrip(". ")).strip() or "Profile"


class ProfileLibrary:
    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else default_folder()

    @property
    def trash_folder(self) -> Path:
        return self.folder / TRASH

    def path_for(self, name: str) -> Path:
        return self.folder / f"{name.strip()}{SUFFIX}"

    # Listing
    def entries(self) -> list[Entry]:
        return _entries_in(self.folder)

    def trash(self) -> list[Entry]:
        return _entries_in(self.trash_folder)

    # Writing
    def save_new(self, profile: Profile, name: str, history_of: Path | None = None) -> Entry:
        """Store `profile` under a free name based on `name`; with `history_of`, the profile file it
        was opened from, a copy of that one's published versions comes along."""
        path = self.path_for(self.free_name(name))
        self.folder.mkdir(parents=True, exist_ok=True)
        if history_of is not None and versions_dir(Path(history_of)).is_dir():
            shutil.copytree(versions_dir(Path(history_of)), versions_dir(path))
        write_atomic(path, profile_json(profile).encode("utf-8"))
        return _entry(path)

    def free_name(self, name: str, folder: Path | None = None) -> str:
        problem = name_problem(name)
        if problem:
            raise LibraryError(f"“{name}”: {problem}")
        folder = folder or self.folder
        base, number, candidate = name.strip(), 1, name.strip()
        while (folder / f"{candidate}{SUFFIX}").exists() or versions_dir(folder / f"{candidate}{SUFFIX}").exists():
            number += 1
            suffix = f" ({number})"
            candidate = _shortened(base, len(suffix)) + suffix
        return candidate

    def duplicate(self, source: Path, name: str, company_name: str | None = None, details: dict[str, str] | None = None) -> Entry:
        """A copy to reuse for another brand: the practices, laws and wording are kept; with
        `company_name` the copy names that company instead (its short name cleared), and each of
        `details` ({field: value}, such as BRAND_FIELDS) takes its value, an empty one left to fill
        in. Published versions stay with the original."""
        profile = copy.deepcopy(load_profile(source))
        if company_name is not None:
            profile.company.legal_name, profile.company.short_name = company_name.strip(), ""
        for key, value in (details or {}).items():
            profile.set_field(key, value.strip())
        return self.save_new(profile, name)

    def rename(self, path: Path, new_name: str) -> Entry:
        problem = name_problem(new_name)
        if problem:
            raise LibraryError(f"“{new_name}”: {problem}")
        path = Path(path)
        target = self.path_for(new_name)
        if target == path:
            return _entry(path)
        if target.exists() or versions_dir(target).exists():
            raise LibraryError(f"“{new_name.strip()}” is already a profile; choose another name")
        _move_with_versions(path, target)
        return _entry(target)

    def delete(self, path: Path) -> Path:
        """Move the profile (and its versions) to the trash; the trash copy's path is returned."""
        path = Path(path)
        self.trash_folder.mkdir(parents=True, exist_ok=True)
        target = self.trash_folder / f"{self.free_name(file_name_for(path.stem), self.trash_folder)}{SUFFIX}"
        _move_with_versions(path, target)
        return target

    def restore(self, trashed: Path) -> Entry:
        trashed = Path(trashed)
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(self.free_name(file_name_for(trashed.stem)))  # a name given by hand may not be one we allow
        _move_with_versions(trashed, target)
        return _entry(target)

    def empty_trash(self) -> int:
        """Delete everything in the trash for good; the number of profiles deleted."""
        count = len(self.trash())
        if self.trash_folder.is_dir():
            shutil.rmtree(self.trash_folder)
        return count

    # Files outside the library
    def import_file(self, source: Path, name: str | None = None) -> Entry:
        """Read a profile JSON from anywhere (a ProfileError names the file) and store a copy."""
        source = Path(source)
        return self.save_new(load_profile(source), name or file_name_for(source.stem))

    def export_file(self, path: Path, target: Path) -> None:
        refused = why_not_write(target, [path])
        if refused:
            raise LibraryError(f"{target}: {refused}; choose another file for the copy")
        write_atomic(Path(target), profile_json(load_profile(path)).encode("utf-8"))


def _entries_in(folder: Path) -> list[Entry]:
    if not folder.is_dir():
        return []
    found = [_entry(path) for path in folder.iterdir() if path.suffix == SUFFIX and path.is_file() and not path.name.startswith(".")]
    return sorted(found, key=lambda e: e.name.casefold())


def _entry(path: Path) -> Entry:
    edited = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    published = latest_version_date(path)
    try:
        profile = load_profile(path)
    except ProfileError as error:
        return Entry(path.stem, path, "", "", edited, published, "; ".join(error.problems))
    company = profile.company.display_name
    return Entry(path.stem, path, company, profile.service.name.strip(), edited, published)


def _move_with_versions(source: Path, target: Path) -> None:
    """Move a profile file and its versions folder; a failure half way moves the first back."""
    if not source.is_file():
        raise LibraryError(f"{source}: no such profile; it may have been moved or deleted")
    source_versions, target_versions = versions_dir(source), versions_dir(target)
    moved_versions = source_versions.is_dir()
    if moved_versions:
        os.replace(source_versions, target_versions)
    try:
        os.replace(source, target)
    except OSError:
        if moved_versions:
            os.replace(target_versions, source_versions)
        raise
