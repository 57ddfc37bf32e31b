"""The kill campaign over the save path: a child saves a profile again and again and is killed
with SIGKILL at a random moment; then the file is checked and the next save is made.

Run as a script in a fresh process (no Qt loaded), so each run can fork cheaply:
    python tests/save_campaign.py FOLDER RUNS SEED [unsafe]
With `unsafe`, the child writes the file in place instead of atomically, which the campaign must
catch (so the judge is known to work). It prints one JSON line: runs, lost, partial, corrupt, stale_temp (the goal is zero of each),
and, for information, how many kills left a temporary file behind and how many saves were made.
"""

import hashlib
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.engine.files.fileio import STALE_SECONDS, is_our_temp  # noqa: E402
from desktop.engine.profile.profile import Profile, load_profile, profile_json, save_profile  # noqa: E402


def version(number: int, size: int) -> Profile:
    """A profile that says which version it is and carries a checksum of itself."""
    padding = hashlib.sha256(str(number).encode()).hexdigest() * (size // 64 + 1)
    profile = Profile(effective_date="2026-01-01")
    profile.company.legal_name = f"Version {number}"
    profile.extra = {"padding": padding[:size], "check": hashlib.sha256(f"{number}:{padding[:size]}".encode()).hexdigest()}
    return profile


def intact(profile: Profile) -> bool:
    number = profile.company.legal_name.removeprefix("Version ")
    padding = profile.extra.get("padding", "")
    return profile.extra.get("check") == hashlib.sha256(f"{number}:{padding}".encode()).hexdigest()


def saver(path: Path, backups: Path, seed: int, unsafe: bool) -> None:
    """The child: save versions until killed."""
    rng = random.Random(seed)
    number = 1
    while True:
        profile = version(number, rng.randrange(1_000, 300_000))
        if unsafe:
            with open(path, "w", encoding="utf-8") as handle:
                for line in profile_json(profile).splitlines(keepends=True):
                    handle.write(line)
                    handle.flush()
        else:
            save_profile(profile, path, backups=backups)
        number += 1


def judge(path: Path) -> str:
    """'ok', 'lost' (no file), 'partial' (not whole JSON) or 'corrupt' (whole, but not a version written)."""
    if not path.exists():
        return "lost"
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return "partial"
    try:
        return "ok" if intact(load_profile(path)) else "corrupt"
    except ValueError:
        return "corrupt"


def temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if is_our_temp(p.name, None)]


def one_run(folder: Path, rng: random.Random, counts: dict, unsafe: bool = False) -> None:
    folder.mkdir()
    path, backups = folder / "acme.json", folder / "backups"
    save_profile(version(0, 1_000), path)
    child = os.fork()
    if child == 0:
        try:
            saver(path, backups, rng.randrange(1 << 30), unsafe)
        finally:
            os._exit(1)
    time.sleep(rng.uniform(0.0, 0.04))
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    verdict = judge(path)
    counts[verdict] = counts.get(verdict, 0) + 1
    for backup in backups.glob("*.json") if backups.is_dir() else []:
        if judge(backup) != "ok":
            counts["bad_backup"] += 1
    left = temps(folder)
    counts["temps_left_by_kill"] += bool(left)
    # The next start, a while later: what the kill left is old by then.
    old = time.time() - STALE_SECONDS - 1
    for temp in left:
        os.utime(temp, (old, old))
    try:
        save_profile(load_profile(path), path, backups=backups)
    except (OSError, ValueError):
        counts["next_save_failed"] += 1
    counts["stale_temp"] += len(temps(folder))


def campaign(root: Path, runs: int, seed: int, unsafe: bool = False) -> dict:
    rng = random.Random(seed)
    counts = {"ok": 0, "lost": 0, "partial": 0, "corrupt": 0, "stale_temp": 0, "bad_backup": 0,
              "next_save_failed": 0, "temps_left_by_kill": 0}
    for index in range(runs):
        one_run(root / f"run-{index}", rng, counts, unsafe)
    return {"runs": runs, **counts}


if __name__ == "__main__":
    print(json.dumps(campaign(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:] == ["unsafe"])))
