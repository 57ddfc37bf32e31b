"""Atomic file writes: a temporary file beside the target, flushed, then moved into place.

A symbolic link is followed, so its target is replaced and the link stays a link. A device, pipe
or folder at the path is refused, never replaced. The replaced file keeps its permissions and,
where the system lets us, its owner; the folder is flushed after the move so the new name
survives a power cut. Temporary files a killed save left behind (`.NAME.XXXXXXXX.tmp`, ours
only, and only once they are old) are removed on the next write.
"""

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 15 * 60  # a temporary file this old belongs to no save still running
_TEMP_SUFFIX = ".tmp"
_RANDOM = re.compile(r"[a-z0-9_]{8}")  # what tempfile.mkstemp puts between our prefix and suffix
_NAME_MAX = 255  # bytes in a file name, on the systems we run on
_TEMP_EXTRA = len("..") + 8 + len(_TEMP_SUFFIX)  # what a temporary file's name adds to the target's


class NotAFileError(OSError):
    """The path names a device, a pipe, a socket or a folder: something we must not replace."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a part.

    On any error the temporary file is removed and the existing file is untouched.
    """
    target = real_target(Path(path))
    existing = _existing(target)
    remove_stale_temps(target)
    _write_then(target, data, existing, lambda temporary: os.replace(temporary, target))


def write_new(path: Path, data: bytes) -> None:
    """Write `data` to `path` as `write_atomic` does, but only if no file is there: FileExistsError
    otherwise, even when another process creates it at the same moment (the temporary file is
    hard-linked to the name, which fails if the name is taken)."""
    target = Path(path)
    remove_stale_temps(target)
    _write_then(target, data, None, lambda temporary: _link_new(temporary, target))


def _write_then(target: Path, data: bytes, existing: os.stat_result | None, put) -> None:
    """Write `data` to a flushed temporary file beside `target`, `put` it in place, flush the folder."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{_temp_stem(target.name)}.", suffix=_TEMP_SUFFIX, dir=target.parent)
    try:
        _keep_owner_and_mode(descriptor, existing)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        put(temporary)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    fsync_folder(target.parent)


def _link_new(temporary: str, target: Path) -> None:
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: take the name exclusively, then fill it
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(temporary, target)


def real_target(path: Path) -> Path:
    """The file a write to `path` changes: a symbolic link's target (followed to the end), else `path`."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _existing(target: Path) -> os.stat_result | None:
    """The file now at `target`, or None; refuses anything but a regular file."""
    try:
        found = target.stat()
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(found.st_mode):
        raise NotAFileError(21, "is a folder", str(target))
    if not stat.S_ISREG(found.st_mode):
        raise NotAFileError(22, "is not a regular file (a device, pipe or socket), so it is not replaced",
                            str(target))
    return found


def _keep_owner_and_mode(descriptor: int, existing: os.stat_result | None) -> None:
    """Give the new file the old one's permissions and owner; a new file gets what the umask gives."""
    if existing is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(descriptor, 0o666 & ~umask)
        return
    if hasattr(os, "fchown"):
        with contextlib.suppress(PermissionError):  # only root may give a file to someone else
            os.fchown(descriptor, existing.st_uid, existing.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, where the system can (not on Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _temp_stem(name: str) -> str:
    """The target's name as its temporary file's name holds it: cut, when long, so that the
    temporary name fits wherever the target's name fits (the random part keeps it unique)."""
    while len(os.fsencode(name)) > _NAME_MAX - _TEMP_EXTRA:
        name = name[:-1]
    return name


def is_our_temp(candidate: str, target_name: str | None) -> bool:
    """Whether `candidate` is a temporary file write_atomic made for a file named `target_name`
    (for any file, when None)."""
    if not (candidate.startswith(".") and candidate.endswith(_TEMP_SUFFIX)):
        return False
    name, _, random = candidate[1:-len(_TEMP_SUFFIX)].rpartition(".")
    return bool(name) and (target_name is None or name == _temp_stem(target_name)) and bool(_RANDOM.fullmatch(random))


def stale_temps(target: Path, older_than: float = STALE_SECONDS, any_name: bool = False) -> list[Path]:
    """Our temporary files beside `target` last changed more than `older_than` seconds ago; with
    `any_name`, those of every file in its folder (only for folders of our own)."""
    target = Path(target)
    now = time.time()
    found = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    for entry in entries:
        if not is_our_temp(entry.name, None if any_name else target.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                found.append(Path(entry.path))
        except OSError:
            continue
    return found


def remove_stale_temps(target: Path, older_than: float = STALE_SECONDS, any_name: bool = False) -> int:
    """Remove what killed saves of `target` (with `any_name`, of any file in its folder) left
    behind; the number removed. Never fails."""
    removed = 0
    for temp in stale_temps(target, older_than, any_name):
        with contextlib.suppress(OSError):
            temp.unlink()
            removed += 1
    return removed
