"""The parsed clause library, kept in the user cache folder so the next start need not parse it.

A cache file holds one library and the fingerprint of what it was read from: every file in the
folders (path, size, modification time) and the engine's own code. It is used only when the
fingerprint still matches; a stale, unreadable or corrupt cache is read past (and rewritten),
never trusted and never fatal. The cache is the user's own file in the user's own folder, as
trusted as the clause files themselves.
"""

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import time
from pathlib import Path

from desktop import __version__
from desktop.engine.files.fileio import write_atomic
from desktop.engine.files.reading import open_regular
from desktop.engine.library.loader import load_library
from desktop.engine.library.model import Library
from desktop.paths import user_cache_dir

FORMAT = 3  # raise when the file's layout changes (2: laws declare rules, lists, categories; no `ccpa` column; 3: services)
CACHE_BYTES = 2**31  # far past the 50,000-clause library's cache
KEEP = 8  # cache files kept (one per combination of folders); the oldest go first
FRESH_NS = 2_000_000_000  # a file changed this recently might change again within its mtime's tick
_ENGINE = Path(__file__).resolve().parents[1]  # every engine package's code shapes what is pickled


def load_library_cached(folders: list[Path], cache_dir: Path | None = None) -> Library:
    """The library `load_library(folders)` reads, from the cache when nothing it was read from has changed."""
    folders = [Path(folder) for folder in folders]
    cache = (cache_dir or user_cache_dir()) / f"library-{_digest(repr([str(f) for f in folders]))[:16]}.pickle"
    key, newest = fingerprint(folders)
    library = _read(cache, key)
    if library is not None:
        return library
    library = load_library(folders)
    if time.time_ns() - newest > FRESH_NS:
        _write(cache, key, library)
    return library


def fingerprint(folders: list[Path]) -> tuple[str, int]:
    """A digest of every file the loader may read, and of the code that reads them; and the newest file's mtime."""
    lines = [f"policywright {__version__} cache {FORMAT} python {sys.version}"]
    newest = 0
    code = [str(path) for path in sorted(_ENGINE.glob("**/*.py"))] or [sys.executable]  # a bundle's code is in its executable
    for path in code + [file for folder in folders for file in _files(str(folder))]:
        try:
            status = os.stat(path)
        except OSError:
            lines.append(f"{path}\0missing")
            continue
        lines.append(f"{path}\0{status.st_size}\0{status.st_mtime_ns}")
        newest = max(newest, status.st_mtime_ns)
    return _digest("\n".join(lines)), newest


def _files(folder: str) -> list[str]:
    """The folder's files and those of its subfolders, sorted (the loader reads no deeper)."""
    found = []
    try:
        with os.scandir(folder) as top:
            for entry in top:
                if entry.is_dir():
                    with os.scandir(entry.path) as inner:
                        found += [child.path for child in inner if not child.is_dir()]
                else:
                    found.append(entry.path)
    except OSError:
        return [folder]  # missing or unreadable: the fingerprint records that, the loader reports it
    found.sort()
    return found


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _read(cache: Path, key: str) -> Library | None:
    try:
        with open_regular(cache, CACHE_BYTES) as handle:
            enabled = gc.isenabled()
            gc.disable()  # unpickling builds many small objects at once; collecting meanwhile only costs time
            try:
                stored = pickle.load(handle)
            finally:
                gc.freeze()  # the library lives as long as the process: later collections need not walk it
                if enabled:
                    gc.enable()
    except FileNotFoundError:
        return None
    except Exception as error:  # a corrupt file can make pickle raise nearly anything
        _note(f"library cache {cache} cannot be read ({error}); reading the clause files")
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (FORMAT, key) and isinstance(stored[2], Library)):
        return None
    return stored[2]


def _write(cache: Path, key: str, library: Library) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache, pickle.dumps((FORMAT, key, library), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
        _note(f"library cache {cache} not written: {error}")
        return
    others = sorted(cache.parent.glob("library-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _note(message: str) -> None:
    import logging  # only when there is something to say: the commands that need no log start without it

    logging.getLogger(__name__).info(message)
