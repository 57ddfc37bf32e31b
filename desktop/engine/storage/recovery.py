"""Unsaved edits kept in a recovery file, so a crash or a kill loses at most a few seconds.

One file per open window, `recovery/<process id>-<n>.json` in the user's data folder, written
after a short idle time while there are unsaved edits and removed on save or a clean close. At
the next start, files of processes no longer running are offered for restoring.
"""

import contextlib
import datetime as dt
import itertools
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.files.fileio import remove_stale_temps, write_atomic
from desktop.engine.files.json_text import JSONTextError, dump_json, read_json
from desktop.engine.files.reading import read_text
from desktop.engine.profile.profile import Profile, ProfileError, profile_from_dict, profile_to_dict

log = logging.getLogger(__name__)
_COUNTER = itertools.count(1)


@dataclass
class Recovered:
    """A recovery file left by a process that ended without saving."""

    file: Path
    saved_at: dt.datetime  # aware, UTC
    profile_path: Path | None  # the profile file the edits belong to; None for one never saved
    name: str  # what the window called the profile
    profile: Profile

    def discard(self) -> None:
        _remove(self.file)


class RecoveryStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.file = self.folder / f"{os.getpid()}-{next(_COUNTER)}.json"

    def write(self, profile: Profile, profile_path: Path | None, name: str) -> None:
        """Keep `profile` in this window's recovery file; raises OSError when it cannot be written."""
        data = {"saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "profile_path": str(profile_path) if profile_path else None, "name": name,
                "profile": profile_to_dict(profile)}
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.file, dump_json(data).encode("utf-8"))

    def remove(self) -> None:
        _remove(self.file)

    def pending(self) -> list[Recovered]:
        """Recovery files of processes that are no longer running, newest first."""
        remove_stale_temps(self.file, any_name=True)
        try:
            files = sorted(self.folder.glob("*.json"))
        except OSError:
            return []
        found = [_read(f) for f in files if f != self.file and not _owner_running(f)]
        return sorted((r for r in found if r is not None), key=lambda r: r.saved_at, reverse=True)


def _owner_running(file: Path) -> bool:
    pid = file.stem.partition("-")[0]
    if not pid.isdigit() or os.name == "nt":  # Windows has no harmless signal 0 to ask with
        return False
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except PermissionError:  # it runs, as another user
        return True
    except (OSError, OverflowError):  # no such process
        return False
    return True


def _read(file: Path) -> Recovered | None:
    try:
        data = read_json(read_text(file))
        saved_at = dt.datetime.fromisoformat(data["saved_at"])
        path = data.get("profile_path")
        return Recovered(file, saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=dt.UTC),
                         Path(path) if isinstance(path, str) and path else None, str(data.get("name") or "Untitled profile"),
                         profile_from_dict(data["profile"], str(file)))
    except (OSError, UnicodeDecodeError, JSONTextError, ProfileError, KeyError, TypeError, ValueError) as error:
        aside = file.with_name(file.name + ".corrupt")  # kept for a person to look at, not offered again
        log.warning("recovery file %s cannot be read (%s); set aside as %s", file, error, aside.name)
        with contextlib.suppress(OSError):
            file.replace(aside)
        return None


def _remove(file: Path) -> None:
    """A recovery file removed; one that is already gone is fine, one that cannot go is logged."""
    try:
        file.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        log.warning("recovery file %s not removed (%s)", file, error)
