"""The last few versions of a profile, kept before a save replaces it.

They live in the user's data folder, not beside the profile, so a shared or synced folder gets
no clutter: `backups/<file stem>-<8 hex of its full path>/<UTC time>.json`, the newest KEEP of
each profile. A backup that cannot be made is logged; it never stops the save.
"""

import datetime as dt
import hashlib
import logging
import os
from pathlib import Path

from desktop.engine.files.fileio import real_target, remove_stale_temps, write_atomic
from desktop.engine.files.reading import read_bytes

log = logging.getLogger(__name__)
KEEP = 3


def backup_folder(root: Path, profile_path: Path) -> Path:
    """Where the backups of the profile at `profile_path` go, under `root`."""
    target = real_target(Path(profile_path)).absolute()
    digest = hashlib.sha256(os.fsencode(target)).hexdigest()[:8]
    return Path(root) / f"{target.stem[:60]}-{digest}"


def keep_backup(root: Path, profile_path: Path, keep: int = KEEP) -> Path | None:
    """Copy the profile now at `profile_path` into its backup folder and drop all but the newest
    `keep`; the copy's path, or None when there was nothing to copy or it failed."""
    try:
        data = read_bytes(real_target(Path(profile_path)))
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("no backup of %s: it cannot be read (%s)", profile_path, error)
        return None
    folder = backup_folder(root, profile_path)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    copy = folder / f"{stamp}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        newest = backups(root, profile_path)[:1]
        if newest and read_bytes(newest[0]) == data:
            return newest[0]  # this version is already kept
        remove_stale_temps(copy, any_name=True)  # each backup has a name of its own: clean them all
        write_atomic(copy, data)
    except OSError as error:
        log.warning("no backup of %s in %s (%s)", profile_path, folder, error)
        return None
    for old in backups(root, profile_path)[keep:]:
        try:
            old.unlink()
        except OSError as error:
            log.warning("old backup %s not removed (%s)", old, error)
    return copy


def backups(root: Path, profile_path: Path) -> list[Path]:
    """The kept versions of a profile, newest first."""
    folder = backup_folder(root, profile_path)
    try:
        return sorted((p for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith(".")), reverse=True)
    except OSError:
        return []


def copy_backups(root: Path, source: Path, target: Path) -> None:
    """The profile at `source` is kept at `target` from now on: its backups come along (copied)."""
    into = backup_folder(root, target)
    for backup in reversed(backups(root, source)):
        try:
            into.mkdir(parents=True, exist_ok=True)
            write_atomic(into / backup.name, read_bytes(backup))
        except OSError as error:
            log.warning("backup %s not copied to %s (%s)", backup, into, error)
