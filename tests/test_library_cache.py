"""The library cache: used only while nothing it was read from has changed; never trusted when stale or corrupt."""

import os
import pickle
import shutil
import time

import pytest
from conftest import FIXTURES

from desktop.engine.library import cache as library_cache
from desktop.engine.library.cache import load_library_cached
from desktop.engine.library.loader import load_library


def age(folder, seconds=60):
    """Date every file back, so none is too fresh to be trusted by its modification time."""
    past = time.time() - seconds
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (past, past))


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "library"
    shutil.copytree(FIXTURES / "library", copy)
    age(copy)
    return copy


@pytest.fixture
def parses(monkeypatch):
    """How many times the clause files were actually read."""
    count = {"n": 0}

    def counting(folders):
        count["n"] += 1
        return load_library(folders)

    monkeypatch.setattr(library_cache, "load_library", counting)
    return count


def cache_files(tmp_path):
    return sorted((tmp_path / "cache").glob("library-*.pickle"))


def test_the_second_load_comes_from_the_cache_and_is_the_same_library(folder, tmp_path, parses):
    first = load_library_cached([folder], tmp_path / "cache")
    second = load_library_cached([folder], tmp_path / "cache")
    assert parses["n"] == 1 and len(cache_files(tmp_path)) == 1
    assert second == first == load_library([folder])


def test_an_edited_added_or_removed_file_is_read_again(folder, tmp_path, parses):
    load_library_cached([folder], tmp_path / "cache")
    clause = next(folder.rglob("*.md"))
    clause.write_text(clause.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    age(folder)
    edited = load_library_cached([folder], tmp_path / "cache")
    assert parses["n"] == 2 and edited == load_library([folder])
    (clause.parent / "extra.md").write_text("not a clause", encoding="utf-8")
    age(folder)
    assert load_library_cached([folder], tmp_path / "cache").faults == load_library([folder]).faults
    (clause.parent / "extra.md").unlink()
    load_library_cached([folder], tmp_path / "cache")
    assert parses["n"] == 4


def test_a_file_changed_in_the_last_moments_is_not_cached(folder, tmp_path, parses):
    next(folder.rglob("*.md")).touch()  # its mtime could still change within the same tick
    load_library_cached([folder], tmp_path / "cache")
    load_library_cached([folder], tmp_path / "cache")
    assert parses["n"] == 2 and not cache_files(tmp_path)


@pytest.mark.parametrize("content", [b"", b"garbage", b"\x80\x05\x95", pickle.dumps("a string"),
                                     pickle.dumps((library_cache.FORMAT, "another key", None))])
def test_a_corrupt_or_foreign_cache_is_read_past_and_replaced(folder, tmp_path, parses, content):
    load_library_cached([folder], tmp_path / "cache")
    [cache] = cache_files(tmp_path)
    cache.write_bytes(content)
    assert load_library_cached([folder], tmp_path / "cache") == load_library([folder])
    assert parses["n"] == 2
    assert load_library_cached([folder], tmp_path / "cache") == load_library([folder])
    assert parses["n"] == 2  # the cache was written again


def test_a_cache_folder_that_cannot_be_written_only_costs_time(folder, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert load_library_cached([folder], blocked / "cache") == load_library([folder])


def test_each_set_of_folders_has_its_own_cache_and_old_ones_go(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(library_cache, "KEEP", 2)
    others = []
    for n in range(3):
        other = tmp_path / f"other{n}"
        other.mkdir()
        age(other)
        others.append(other)
        load_library_cached([folder, other], tmp_path / "cache")
    assert len(cache_files(tmp_path)) == 2


def test_a_missing_folder_is_still_reported(tmp_path):
    library = load_library_cached([tmp_path / "nowhere"], tmp_path / "cache")
    assert [str(f) for f in library.faults] == [str(f) for f in load_library([tmp_path / "nowhere"]).faults]
