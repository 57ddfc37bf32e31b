"""A version is never replaced, also when several processes publish the same profile at once."""

import datetime as dt
import multiprocessing
import os
import time

import pytest

from desktop.engine.files.fileio import write_new
from desktop.engine.history.versions import list_versions, publish, read_version, versions_dir
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import save_profile

PROCESSES = 6
ROUNDS = 3


def _publish_when_all_are_ready(saved, profile, document, barrier, results) -> None:
    barrier.wait()
    version = publish(saved, profile, document)
    results.put((version.number, str(version.path)))


def test_processes_publishing_at_once_each_get_their_own_version(tmp_path, profile, fixture_library):
    saved = tmp_path / "acme.json"
    save_profile(profile, saved)
    document = assemble(profile, fixture_library)
    context = multiprocessing.get_context("fork")
    reported = []
    for _ in range(ROUNDS):
        barrier, results = context.Barrier(PROCESSES), context.Queue()
        workers = [context.Process(target=_publish_when_all_are_ready, args=(saved, profile, document, barrier, results))
                   for _ in range(PROCESSES)]
        for worker in workers:
            worker.start()
        reported += [results.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join(timeout=60)
            assert worker.exitcode == 0
    numbers = sorted(number for number, _ in reported)
    assert numbers == list(range(1, PROCESSES * ROUNDS + 1))
    for number, path in reported:
        assert read_version(path).number == number
    assert [v.number for v in list_versions(saved)] == numbers
    assert [p.name for p in versions_dir(saved).iterdir() if p.name.startswith(".")] == []


def test_write_new_never_replaces_a_file(tmp_path):
    target = tmp_path / "v0001.json"
    write_new(target, b"first")
    with pytest.raises(FileExistsError):
        write_new(target, b"second")
    assert target.read_bytes() == b"first" and os.listdir(tmp_path) == ["v0001.json"]


def test_what_a_killed_publish_left_in_the_versions_folder_is_removed(tmp_path, profile, fixture_library):
    saved = tmp_path / "acme.json"
    save_profile(profile, saved)
    publish(saved, profile, assemble(profile, fixture_library), dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    left = versions_dir(saved) / ".v0002.json.abcd1234.tmp"
    left.write_text("the whole policy", encoding="utf-8")
    old = time.time() - 3600
    os.utime(left, (old, old))
    publish(saved, profile, assemble(profile, fixture_library))
    assert not left.exists() and [v.number for v in list_versions(saved)] == [1, 2]
