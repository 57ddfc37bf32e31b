"""Where bundled data and the user's own files live, in a source tree, installed or frozen."""

import sys
from pathlib import Path

import platformdirs

APP_NAME = "Policywright"
_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The bundled data folder `name` ("snippets" or "resources").

    Installed, the folders sit inside the package; in a source tree (or an editable
    install) beside it; in a PyInstaller bundle under sys._MEIPASS.
    """
    candidates = [_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} is missing from this installation")


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def user_library_dir() -> Path:
    """The user's own clause folder; read if it exists, never created on import."""
    return user_data_dir() / "library"
