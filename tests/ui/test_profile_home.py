"""Where a profile lives (issue 23): the first Save of a new profile offers the library of profiles
that File ▸ Profiles… lists, and keeping a profile saved elsewhere in that library takes its
published versions and backups along."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.engine.files.backups import backups
from desktop.engine.history.versions import publish, version_files
from desktop.engine.policy.assemble import assemble
from desktop.engine.storage.profile_library import ENV_FOLDER, default_folder
from desktop.ui.version_models import NAME, PUBLISHED


@pytest.fixture
def library_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_FOLDER, str(tmp_path / "profiles"))
    return tmp_path / "profiles"


def test_the_first_save_of_a_new_profile_lands_in_the_profiles_list(qtbot, library_folder, window, monkeypatch):
    asked = []
    monkeypatch.setattr(window.view, "ask_save_path", lambda suggested: asked.append(suggested) or suggested)
    window.controller.new_profile(confirm=False)
    window.session.set_field("company.legal_name", "Lumen Yoga Ltd")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [default_folder() / "Lumen Yoga Ltd.json"]
    assert (library_folder / "Lumen Yoga Ltd.json").is_file()
    view = window.versions.show_profiles()
    assert [view.proxy.index(row, NAME).data() for row in range(view.proxy.rowCount())] == ["Lumen Yoga Ltd"]
    view.close()


def test_keeping_a_profile_in_the_library_takes_its_versions_and_backups(qtbot, library_folder, example_window, tmp_path,
                                                                        monkeypatch):
    window = example_window
    home = tmp_path / "home" / "studio.json"
    home.parent.mkdir()
    monkeypatch.setattr(window.view, "ask_save_path", lambda suggested: home)
    assert window.controller.save_as()
    for _ in range(2):
        publish(home, window.session.profile, assemble(window.session.profile, window.library))
    window.session.set_field("company.phone", "+1 555 0199")
    assert window.controller.save()  # the file saved before is kept as a backup
    assert backups(window.controller.backups, home)

    view = window.versions.show_profiles()
    monkeypatch.setattr(view.ask, "ask_name", lambda *args: "Lumen Yoga")
    qtbot.mouseClick(view.buttons["keep"], Qt.MouseButton.LeftButton)
    kept = library_folder / "Lumen Yoga.json"
    assert window.session.path == kept
    assert [path.name for _, path in version_files(kept)] == ["v0001.json", "v0002.json"]
    assert backups(window.controller.backups, kept)
    row = [view.proxy.index(r, NAME).data() for r in range(view.proxy.rowCount())].index("Lumen Yoga")
    assert view.proxy.index(row, PUBLISHED).data() not in ("", "Never", None)
    history = window.versions.show_history()
    assert history.profile_path == kept and "Nothing published yet" not in history_text(history)
    history.close()
    view.close()


def history_text(history) -> str:
    return " ".join(label.text() for label in history.findChildren(QLabel) if label.isVisible())


def test_a_profile_kept_in_the_library_exports_among_the_owners_documents(qtbot, library_folder, window, monkeypatch):
    monkeypatch.setattr(window.view, "ask_save_path", lambda suggested: suggested)
    window.controller.new_profile(confirm=False)
    window.session.set_field("company.legal_name", "Lumen Yoga Ltd")
    assert window.controller.save() and window.session.path.parent == library_folder
    offered = []
    monkeypatch.setattr(window.view, "ask_export_path", lambda fmt, suggested: offered.append(suggested))
    monkeypatch.setattr(window.view, "ask_export_with_errors", lambda errors: True)
    window.controller.export("docx")
    assert offered and offered[0].parent != library_folder, "not into Policywright's own data folder"
    assert offered[0].name == "lumen-yoga-ltd-privacy-policy.docx"
