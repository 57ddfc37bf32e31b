"""What the app remembers between runs: recent profiles, the last export folder, window state.

Declared in one place with their defaults; only values that differ from a default are stored,
each written when it changes (not only at exit). A settings file that cannot be read is logged,
set aside as `<name>.corrupt` and replaced by a fresh one: it never stops the app.
"""

import logging
import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

log = logging.getLogger(__name__)
MAX_RECENT = 8
MAX_SETTINGS_BYTES = 1_000_000  # a settings file is a few kilobytes

RECENT, LAST_PROFILE, EXPORT_FOLDER = "files/recent", "files/last_profile", "files/export_folder"
GEOMETRY, SPLITTER_PREFIX, LEFT_TAB = "window/geometry", "window/splitter/", "window/left_tab"
EXPORT_OPTION_PREFIX = "export/"  # + format id / option name: an export option's choice, off by default
DEFAULTS: dict[str, object] = {
    RECENT: [],
    LAST_PROFILE: "",
    EXPORT_FOLDER: "",
    GEOMETRY: b"",
    LEFT_TAB: 0,
}


def _default(key: str) -> object:
    if key.startswith(EXPORT_OPTION_PREFIX):
        return False
    return b"" if key.startswith(SPLITTER_PREFIX) else DEFAULTS[key]


def _default_path() -> Path:
    """Where QSettings keeps the user's INI settings for Policywright (its own rule, written out
    so the file can be checked before Qt opens it)."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "Policywright" / "Policywright.ini"
    if sys.platform == "darwin":
        return Path.home() / ".config" / "Policywright" / "Policywright.ini"
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(config) / "Policywright" / "Policywright.ini"


def _unreadable(path: Path) -> bool:
    """Whether `path` holds something that is not a settings file: a pipe, a device, a folder, or
    a file far larger than settings ever are."""
    try:
        found = path.stat()
    except OSError:
        return False  # no file yet (or a dangling link): QSettings starts afresh
    return not stat.S_ISREG(found.st_mode) or found.st_size > MAX_SETTINGS_BYTES


class Settings:
    """A thin, type-checked layer over QSettings (INI format)."""

    def __init__(self, path: Path | None = None):
        self._path = Path(path) if path is not None else _default_path()
        if _unreadable(self._path):  # QSettings would wait on a pipe for ever, or read a device without end
            self._set_aside()
        self._store = self._open()
        if self._store.status() != QSettings.Status.NoError:
            self._set_aside()
            self._store = self._open()

    def _open(self) -> QSettings:
        return QSettings(str(self._path), QSettings.Format.IniFormat)

    def _set_aside(self) -> None:
        broken = self._path
        log.warning("settings file %s cannot be read; starting with default settings", broken)
        try:
            broken.replace(broken.with_name(broken.name + ".corrupt"))
        except OSError as error:
            log.warning("could not set aside %s: %s", broken, error)

    def _get(self, key: str, kind: type) -> object:
        default = _default(key)
        try:
            value = self._store.value(key, default)
        except Exception:  # a value Qt cannot turn into a Python object
            log.warning("setting %s cannot be read; using the default", key)
            return default
        if kind is bytes:
            return bytes(value) if isinstance(value, (QByteArray, bytes)) else default
        if kind is list:
            value = [value] if isinstance(value, str) else value
            return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else default
        if kind is bool:  # an INI file gives back the text "true"
            return value in (True, "true")
        if kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return value if isinstance(value, kind) else default

    def _set(self, key: str, value: object) -> None:
        if value == _default(key):
            self._store.remove(key)
        else:
            self._store.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)
        self._store.sync()

    # Files
    def recent_files(self) -> list[Path]:
        return [Path(p) for p in self._get(RECENT, list)][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        others = [str(p) for p in self.recent_files() if p != path]
        self._set(RECENT, [str(path), *others][:MAX_RECENT])

    def remove_recent(self, path: Path) -> None:
        self._set(RECENT, [str(p) for p in self.recent_files() if p != Path(path).resolve()])

    def clear_recent(self) -> None:
        self._set(RECENT, [])

    def last_profile(self) -> Path | None:
        value = self._get(LAST_PROFILE, str)
        return Path(value) if value else None

    def set_last_profile(self, path: Path | None) -> None:
        self._set(LAST_PROFILE, str(Path(path).resolve()) if path else "")

    def export_folder(self) -> Path | None:
        value = self._get(EXPORT_FOLDER, str)
        return Path(value) if value and Path(value).is_dir() else None

    def set_export_folder(self, folder: Path) -> None:
        self._set(EXPORT_FOLDER, str(folder))

    def export_option(self, fmt: str, name: str) -> bool:
        return self._get(f"{EXPORT_OPTION_PREFIX}{fmt}/{name}", bool)

    def set_export_option(self, fmt: str, name: str, on: bool) -> None:
        self._set(f"{EXPORT_OPTION_PREFIX}{fmt}/{name}", bool(on))

    # Window state
    def geometry(self) -> bytes:
        return self._get(GEOMETRY, bytes)

    def set_geometry(self, data: bytes) -> None:
        self._set(GEOMETRY, bytes(data))

    def splitter(self, name: str) -> bytes:
        return self._get(SPLITTER_PREFIX + name, bytes)

    def set_splitter(self, name: str, data: bytes, default: bytes = b"") -> None:
        """Store a splitter's state unless it is the layout the window starts with."""
        data = bytes(data)
        self._set(SPLITTER_PREFIX + name, b"" if data == default else data)

    def left_tab(self) -> int:
        return self._get(LEFT_TAB, int)

    def set_left_tab(self, index: int) -> None:
        self._set(LEFT_TAB, int(index))
