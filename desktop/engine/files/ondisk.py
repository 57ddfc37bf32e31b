"""What a file on disk held when we last read or wrote it, to tell when someone else changed it.

A second window on the same profile, or an editor outside the app, may replace the file while it
is open; saving then asks before the last save silently wins.
"""

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.files.reading import read_bytes


@dataclass(frozen=True)
class DiskStamp:
    path: Path
    mtime_ns: int
    size: int
    digest: str  # SHA-256 of the content


def stamp_of(path: Path, data: bytes | None = None) -> DiskStamp | None:
    """The file as it is now (`data`: its content, when the caller has just written it); None when
    it cannot be read."""
    path = Path(path)
    try:
        found = os.stat(path)
        content = data if data is not None else read_bytes(path)
    except OSError:
        return None
    return DiskStamp(path, found.st_mtime_ns, found.st_size, hashlib.sha256(content).hexdigest())


def changed_on_disk(stamp: DiskStamp | None, path: Path) -> bool:
    """Whether the file at `path` now holds something other than when `stamp` was taken.

    A file that is gone, or that we never stamped, is no conflict: saving writes it afresh. The
    same time and size are taken as unchanged; otherwise the content decides, so a file that
    was only touched is no conflict either."""
    path = Path(path)
    if stamp is None or stamp.path != path:
        return False
    try:
        found = os.stat(path)
    except OSError:
        return False
    if (found.st_mtime_ns, found.st_size) == (stamp.mtime_ns, stamp.size):
        return False
    now = stamp_of(path)
    return now is not None and now.digest != stamp.digest
