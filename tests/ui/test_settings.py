"""Settings: only what differs from a default is stored; a broken file never stops the app."""

from desktop.ui.settings import MAX_RECENT, Settings
from ui.helpers import stored_keys


def test_defaults_store_nothing(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    settings.set_left_tab(0)
    settings.set_last_profile(None)
    settings.set_splitter("main", b"abc", default=b"abc")
    assert stored_keys(tmp_path / "s.ini") == []
    settings.set_left_tab(1)
    settings.set_splitter("main", b"xyz", default=b"abc")
    assert sorted(stored_keys(tmp_path / "s.ini")) == ["window/left_tab", "window/splitter/main"]
    settings.set_left_tab(0)
    assert stored_keys(tmp_path / "s.ini") == ["window/splitter/main"]


def test_values_survive_a_restart(tmp_path):
    path = tmp_path / "s.ini"
    first = Settings(path)
    first.set_geometry(b"\x01\x02\x00")
    first.set_last_profile(tmp_path / "a.json")
    first.set_export_folder(tmp_path)
    again = Settings(path)
    assert again.geometry() == b"\x01\x02\x00"
    assert again.last_profile() == (tmp_path / "a.json").resolve()
    assert again.export_folder() == tmp_path


def test_recent_files_newest_first_without_repeats(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    paths = [tmp_path / f"p{i}.json" for i in range(MAX_RECENT + 2)]
    for path in paths:
        settings.add_recent(path)
    settings.add_recent(paths[5])
    recent = Settings(tmp_path / "s.ini").recent_files()
    assert recent[0] == paths[5].resolve() and len(recent) == MAX_RECENT and len(set(recent)) == MAX_RECENT
    settings.remove_recent(paths[5])
    assert paths[5].resolve() not in settings.recent_files()
    settings.clear_recent()
    assert settings.recent_files() == [] and "files/recent" not in stored_keys(tmp_path / "s.ini")


def test_a_corrupt_file_is_set_aside(tmp_path, caplog):
    path = tmp_path / "s.ini"
    path.write_bytes(b"\xff\xfe[files]\nrecent=@Variant(\\0\\0\\0\\x7f\n[[[\n=\x00garbage")
    settings = Settings(path)
    assert settings.recent_files() == [] and settings.geometry() == b""
    assert (tmp_path / "s.ini.corrupt").exists()
    assert "cannot be read" in caplog.text
    settings.set_left_tab(1)
    assert Settings(path).left_tab() == 1


def test_values_of_the_wrong_type_read_as_defaults(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[window]\nleft_tab=lots\ngeometry=not bytes\n[files]\nlast_profile=\nexport_folder=/no/such/folder\n")
    settings = Settings(path)
    assert settings.left_tab() == 0 and settings.geometry() == b""
    assert settings.last_profile() is None and settings.export_folder() is None
