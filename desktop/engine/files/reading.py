"""The one way we read a file: a regular file only, never more than a size limit.

A FIFO, a device (a link to /dev/zero), a socket or a folder is refused without waiting: the file
is opened non-blocking, then asked what it is (fstat) before a byte is read. The size is checked
before reading too, so a huge or sparse file is refused, not loaded whole.
"""

import os
import stat
from pathlib import Path
from typing import BinaryIO

from desktop.engine.files.fileio import NotAFileError
from desktop.engine.files.json_text import MAX_BYTES

LIBRARY_FILE_BYTES = 2_000_000  # a clause, a term, a rule or a vocabulary file: a few kilobytes


class TooLargeError(OSError):
    """The file is larger than anything of its kind should be."""


def open_regular(path: Path, limit: int = MAX_BYTES) -> BinaryIO:
    """The regular file at `path` (links followed), open for reading in binary; NotAFileError for
    anything else, TooLargeError past `limit` bytes, FileNotFoundError and other OSErrors as they come."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        found = os.fstat(descriptor)
        if stat.S_ISDIR(found.st_mode):
            raise NotAFileError(21, "is a folder, not a file", str(path))
        if not stat.S_ISREG(found.st_mode):
            raise NotAFileError(22, "is not a regular file (a device, pipe or socket), so it is not read", str(path))
        if found.st_size > limit:
            raise TooLargeError(27, f"is {found.st_size:,} bytes, more than the {limit:,} a file of this kind may be",
                                str(path))
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path`, opened as `open_regular` opens it."""
    with open_regular(path, limit) as handle:
        data = handle.read(limit + 1)  # it may have grown since it was measured
    if len(data) > limit:
        raise TooLargeError(27, f"is more than the {limit:,} bytes a file of this kind may be", str(path))
    return data


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """The file at `path` as UTF-8 text, read as `read_bytes` reads it; UnicodeDecodeError if it is not."""
    return read_bytes(path, limit).decode("utf-8")
