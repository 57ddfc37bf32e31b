"""The save path: links followed, special files refused, permissions kept, old temporary files
cleaned, the folder flushed, and the last versions of a profile kept."""

import os
import stat
import tempfile
import time

import pytest

from desktop.engine.files import fileio
from desktop.engine.files.backups import KEEP, backup_folder, backups, keep_backup
from desktop.engine.files.fileio import NotAFileError, is_our_temp, remove_stale_temps, write_atomic
from desktop.engine.profile.profile import Profile, load_profile, save_profile


def test_a_symlink_stays_a_link_and_its_target_is_replaced(tmp_path):
    target = tmp_path / "real" / "profile.json"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink() and link.readlink() == target
    assert target.read_bytes() == b"new"
    assert list(target.parent.iterdir()) == [target]  # the temporary file was made beside the target


def test_a_chain_of_links_and_a_dangling_link_are_followed(tmp_path):
    target = tmp_path / "profile.json"
    (tmp_path / "one.json").symlink_to(target)  # dangling until the write
    (tmp_path / "two.json").symlink_to(tmp_path / "one.json")
    write_atomic(tmp_path / "two.json", b"made")
    assert target.read_bytes() == b"made" and (tmp_path / "two.json").is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_refused_not_replaced(tmp_path):
    pipe = tmp_path / "policy.md"
    os.mkfifo(pipe)
    with pytest.raises(NotAFileError, match="not a regular file"):
        write_atomic(pipe, b"x")
    assert stat.S_ISFIFO(pipe.stat().st_mode) and [p.name for p in tmp_path.iterdir()] == ["policy.md"]


def test_a_device_is_refused(tmp_path):
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null here")
    link = tmp_path / "policy.md"
    link.symlink_to("/dev/null")
    with pytest.raises(NotAFileError, match="device, pipe or socket"):
        write_atomic(link, b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(NotAFileError, match="is a folder"):
        write_atomic(tmp_path, b"x")


def test_the_replaced_file_keeps_its_mode_and_owner(tmp_path):
    path = tmp_path / "p.json"
    path.write_bytes(b"old")
    path.chmod(0o640)
    owner = path.stat().st_uid, path.stat().st_gid
    if os.geteuid() == 0:  # root may give the file away: the new one must go to the same owner
        os.chown(path, 1234, 5678)
        owner = (1234, 5678)
    write_atomic(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert (path.stat().st_uid, path.stat().st_gid) == owner


def test_the_folder_is_flushed_after_the_replace(tmp_path, monkeypatch):
    flushed = []
    real_fsync = os.fsync

    def fsync(descriptor):
        flushed.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(fileio.os, "fsync", fsync)
    write_atomic(tmp_path / "p.json", b"x")
    assert flushed == [False, True]  # the file's data, then the folder's entry


def test_only_our_old_temporary_files_are_removed(tmp_path):
    target = tmp_path / "p.json"
    ours_old, ours_new = tmp_path / ".p.json.ab12cd_3.tmp", tmp_path / ".p.json.zz99yy00.tmp"
    others = [tmp_path / ".p.json.backup.tmp", tmp_path / ".q.json.ab12cd_3.tmp", tmp_path / "p.json.ab12cd_3.tmp",
              tmp_path / ".p.json.AB12CD_3.tmp"]
    for path in [ours_old, ours_new, *others]:
        path.write_bytes(b"x")
    old = time.time() - fileio.STALE_SECONDS - 5
    for path in [ours_old, *others]:
        os.utime(path, (old, old))
    assert is_our_temp(ours_old.name, "p.json") and not is_our_temp(others[0].name, "p.json")
    write_atomic(target, b"saved")
    assert not ours_old.exists()
    assert ours_new.exists() and all(p.exists() for p in others)
    assert remove_stale_temps(target, older_than=0) == 1 and not ours_new.exists()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    path.write_bytes(b"old")

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", broken)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["p.json"]


def test_saving_keeps_the_last_versions_in_the_backup_folder(tmp_path):
    root, path = tmp_path / "backups", tmp_path / "acme.json"
    for number in range(KEEP + 3):
        save_profile(Profile(effective_date=f"2026-01-{number + 1:02d}"), path, backups=root)
    kept = backups(root, path)
    assert len(kept) == KEEP
    assert [load_profile(p).effective_date for p in kept] == [f"2026-01-{n:02d}" for n in range(KEEP + 2, 2, -1)]
    assert load_profile(path).effective_date == f"2026-01-{KEEP + 3:02d}"
    assert backup_folder(root, path).name.startswith("acme-")


def test_an_unchanged_version_is_kept_once_and_a_failing_backup_does_not_stop_the_save(tmp_path):
    root, path = tmp_path / "backups", tmp_path / "acme.json"
    path.write_text("{}")
    keep_backup(root, path)
    keep_backup(root, path)
    assert len(backups(root, path)) == 1
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the backup folder should be")
    save_profile(Profile(effective_date="2026-02-02"), path, backups=blocked)
    assert load_profile(path).effective_date == "2026-02-02"


@pytest.mark.parametrize("name", ["a" * 250 + ".md", "é" * 125 + ".md"])  # 253 and 253 bytes: the longest names allowed
def test_a_name_as_long_as_the_disk_allows_is_written_and_its_old_temporaries_cleaned(tmp_path, name):
    target = tmp_path / name
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second" and os.listdir(tmp_path) == [name]
    descriptor, left = tempfile.mkstemp(prefix=f".{fileio._temp_stem(name)}.", suffix=".tmp", dir=tmp_path)  # a killed save's
    os.close(descriptor)
    os.utime(left, (0, 0))
    write_atomic(target, b"third")
    assert os.listdir(tmp_path) == [name]
