"""Every file we read is read the one guarded way: a pipe or a device is refused at once, never
waited on or read without end, and a file far too large is refused before it is read."""

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from desktop.cli.interview import read_answers
from desktop.engine.files.backups import keep_backup
from desktop.engine.files.ondisk import stamp_of
from desktop.engine.files.reading import TooLargeError, read_bytes
from desktop.engine.history.versions import list_versions, read_version, versions_dir
from desktop.engine.library.cache import load_library_cached
from desktop.engine.library.loader import load_library
from desktop.engine.profile.profile import ProfileError, load_profile
from desktop.engine.storage.recovery import RecoveryStore

SECONDS = 30


def _in_child(call) -> object:
    """What `call()` returns, run in a child process that is killed if it hangs or has not ended in time."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=lambda: results.put(call()))
    child.start()
    child.join(SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"still reading after {SECONDS} s: a pipe or device was read unguarded")
    assert child.exitcode == 0
    return results.get(timeout=5)


def _hostile(path: Path, kind: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    else:
        with open(path, "wb") as handle:
            handle.truncate(3_000_000_000)  # sparse: 3 GB that take no room
    return path


KINDS = ("fifo", "zero", "huge")


def test_the_reader_refuses_what_is_not_a_regular_file_or_is_too_large(tmp_path):
    for kind in KINDS:
        with pytest.raises(OSError) as raised:
            read_bytes(_hostile(tmp_path / kind, kind))
        assert str(tmp_path / kind) in str(raised.value)
    with pytest.raises(TooLargeError, match="more than the 10"):
        (tmp_path / "small").write_bytes(b"x" * 11)
        read_bytes(tmp_path / "small", limit=10)


@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_file_in_a_clause_library_is_a_fault_of_its_own(tmp_path, kind):
    library = tmp_path / "library"
    shutil.copytree(FIXTURES / "library", library)
    names = ["10-intro/hostile.md", "_terms/hostile.toml", "_rules/hostile.toml", "_vocabulary/purposes.toml", "regimes.toml"]
    for name in names:
        target = library / name
        if target.exists():
            target.unlink()
        _hostile(target, kind)

    def faults():
        return [str(fault) for fault in load_library([library]).faults]

    found = _in_child(faults)
    for name in names:
        assert any(str(library / name) in fault for fault in found), name


@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_profile_version_answers_or_recovery_file_is_named_not_read(tmp_path, kind, profile):
    profile_path = _hostile(tmp_path / "acme.json", kind)
    version = _hostile(versions_dir(profile_path) / "v0001.json", kind)
    answers = _hostile(tmp_path / "answers.json", kind)
    recovery = _hostile(tmp_path / "recovery" / "4194305-1.json", kind)  # a process id no system uses

    def outcomes():
        said = []
        for call in (lambda: load_profile(profile_path), lambda: read_version(version), lambda: read_answers(answers)):
            try:
                call()
            except ProfileError as error:
                said.append(str(error))
        skipped = []
        return (said, list_versions(profile_path, skipped), len(skipped), RecoveryStore(tmp_path / "recovery").pending(),
                keep_backup(tmp_path / "backups", profile_path), stamp_of(profile_path))

    said, versions, skipped, pending, backup, stamp = _in_child(outcomes)
    assert [str(path) in message for path, message in zip((profile_path, version, answers), said, strict=True)]
    assert (versions, skipped, pending, backup, stamp) == ([], 1, [], None, None)
    assert not recovery.exists()  # set aside as .corrupt, not offered again


def test_a_hostile_library_cache_is_read_past(tmp_path):
    library = FIXTURES / "library"
    cache_dir = tmp_path / "cache"
    load_library_cached([library], cache_dir)
    (cache_file,) = cache_dir.glob("library-*.pickle")
    cache_file.unlink()
    _hostile(cache_file, "fifo")
    assert _in_child(lambda: len(load_library_cached([library], cache_dir).clauses)) > 0


@pytest.mark.parametrize("kind", ("fifo", "huge"))  # never a link to a device: Qt saving through it would replace the device
def test_a_hostile_settings_file_is_set_aside(tmp_path, kind):
    from desktop.ui.settings import Settings

    path = _hostile(tmp_path / "settings.ini", kind)

    def use():
        settings = Settings(path)
        settings.set_left_tab(3)
        return Settings(path).left_tab()

    assert _in_child(use) == 3
    assert os.path.lexists(tmp_path / "settings.ini.corrupt")
