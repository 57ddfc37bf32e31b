"""Faults over the save path: SIGKILL at random moments during saves, and an OSError injected at
each step of a save. Reported as runs, lost, partial, corrupt and stale temporary files; the goal
is zero of each.

The kill campaign runs in a fresh process (tests/save_campaign.py) that forks a saver per run;
1,000 runs take about a minute, so that one is `slow`, and 100 runs are in the quick suite.
"""

import errno
import json
import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine.files import backups as backups_module
from desktop.engine.files import fileio
from desktop.engine.files.fileio import is_our_temp
from desktop.engine.profile.profile import Profile, load_profile, save_profile

CAMPAIGN = Path(__file__).with_name("save_campaign.py")
ZERO = {"lost": 0, "partial": 0, "corrupt": 0, "stale_temp": 0, "bad_backup": 0, "next_save_failed": 0}

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill campaign forks a saver per run")


def run_campaign(tmp_path: Path, runs: int, seed: int, *extra: str) -> dict:
    result = subprocess.run([sys.executable, str(CAMPAIGN), str(tmp_path), str(runs), str(seed), *extra],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    print(f"kill campaign: {report}")
    return report


def assert_nothing_lost(report: dict, runs: int) -> None:
    assert report["runs"] == report["ok"] == runs, report
    assert {key: report[key] for key in ZERO} == ZERO, report
    assert report["temps_left_by_kill"] > 0, "no kill landed inside a save; the campaign tested nothing"


@needs_fork
def test_a_hundred_kills_during_saves_lose_nothing(tmp_path):
    assert_nothing_lost(run_campaign(tmp_path, 100, seed=12), 100)


@needs_fork
@pytest.mark.slow
def test_a_thousand_kills_during_saves_lose_nothing(tmp_path):
    assert_nothing_lost(run_campaign(tmp_path, 1000, seed=1012), 1000)


@needs_fork
def test_the_campaign_catches_a_save_that_is_not_atomic(tmp_path):
    report = run_campaign(tmp_path, 30, 7, "unsafe")
    assert report["partial"] > 0


class _FailingWrites:
    """A file whose `write` fails as a full disk would."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.handle, name)


def _fail(*args, **kwargs):
    raise OSError(errno.EIO, "Input/output error")


def _inject(monkeypatch, step: str) -> None:
    real_fdopen, real_fsync = os.fdopen, os.fsync
    if step == "create":
        monkeypatch.setattr(fileio.tempfile, "mkstemp", _fail)
    elif step == "chmod":
        monkeypatch.setattr(fileio.os, "fchmod", _fail)
    elif step == "write":
        monkeypatch.setattr(fileio.os, "fdopen", lambda fd, mode: _FailingWrites(real_fdopen(fd, mode)))
    elif step == "fsync":
        def fsync_files_fail(descriptor):  # the data of every file (the backup's too); a folder flushes
            if stat.S_ISREG(os.fstat(descriptor).st_mode):
                _fail()
            real_fsync(descriptor)
        monkeypatch.setattr(fileio.os, "fsync", fsync_files_fail)
    elif step == "replace":
        monkeypatch.setattr(fileio.os, "replace", _fail)


STEPS = ("create", "chmod", "write", "fsync", "replace")


@pytest.mark.parametrize("step", STEPS)
def test_an_error_at_any_step_leaves_the_old_file_whole_and_no_temporary(tmp_path, monkeypatch, step):
    rng = random.Random(step)
    report = {"runs": 0, "lost": 0, "partial": 0, "corrupt": 0, "stale_temp": 0, "not_reported": 0}
    path = tmp_path / "acme.json"
    for run in range(40):
        old = Profile(effective_date="2026-01-01")
        old.company.legal_name = f"Old {run} " + "x" * rng.randrange(0, 50_000)
        save_profile(old, path)
        before = path.read_bytes()
        new = Profile(effective_date="2026-02-02")
        with monkeypatch.context() as patch:
            _inject(patch, step)
            try:
                save_profile(new, path, backups=tmp_path / "backups")
                report["not_reported"] += 1
            except OSError:
                pass
        report["runs"] += 1
        if not path.exists():
            report["lost"] += 1
        elif path.read_bytes() != before:
            report["partial" if len(path.read_bytes()) < len(before) else "corrupt"] += 1
        report["stale_temp"] += sum(is_our_temp(p.name, None) for p in tmp_path.rglob("*"))
    print(f"injected {step} errors: {report}")
    assert report == {"runs": 40, "lost": 0, "partial": 0, "corrupt": 0, "stale_temp": 0, "not_reported": 0}
    assert load_profile(path).company.legal_name.startswith("Old 39")


def test_a_folder_that_cannot_be_flushed_still_saves(tmp_path, monkeypatch):
    real_fsync = os.fsync
    calls = []

    def fsync(descriptor):
        calls.append(descriptor)
        if len(calls) == 2:
            _fail()
        real_fsync(descriptor)

    monkeypatch.setattr(fileio.os, "fsync", fsync)
    save_profile(Profile(effective_date="2026-03-03"), tmp_path / "acme.json")
    assert len(calls) == 2 and load_profile(tmp_path / "acme.json").effective_date == "2026-03-03"


def test_a_backup_that_fails_does_not_stop_the_save(tmp_path, monkeypatch):
    path = tmp_path / "acme.json"
    save_profile(Profile(effective_date="2026-01-01"), path)
    monkeypatch.setattr(backups_module, "write_atomic", _fail)
    save_profile(Profile(effective_date="2026-04-04"), path, backups=tmp_path / "backups")
    assert load_profile(path).effective_date == "2026-04-04"
