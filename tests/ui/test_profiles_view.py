"""The Profiles view, driven by clicks: open, reuse for another brand, rename, delete, restore,
empty the trash, import and export; and its table model checked by qtmodeltester."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.engine.profile.profile import load_profile, save_profile
from desktop.engine.storage.profile_library import ProfileLibrary
from desktop.ui.brand_dialog import BrandDialog
from desktop.ui.profiles_view import ProfilesQuestions, ProfilesView
from desktop.ui.version_models import COMPANY, NAME, PUBLISHED, ProfilesModel
from tests.conftest import make_profile
from ui.helpers import when_modal


class Answers:
    """Answers the view's questions from a script, and keeps what it was told."""

    def __init__(self):
        self.names, self.paths, self.confirm = [], [], True
        self.errors = []

    def ask_name(self, title, label, text):
        return self.names.pop(0)

    def ask_brand(self, old):
        return {"company.legal_name": self.names.pop(0)}

    def ask_import_path(self):
        return self.paths.pop(0)

    def ask_export_path(self, suggested):
        return self.paths.pop(0)

    def confirm_empty_trash(self, count):
        return self.confirm

    def show_error(self, title, text):
        self.errors.append(text)


@pytest.fixture
def shelf(tmp_path):
    library = ProfileLibrary(tmp_path / "profiles")
    acme = make_profile(intro__about={}, collect__basic={})
    acme.overrides["intro.about"] = "Our own words."
    library.save_new(acme, "Acme")
    library.save_new(make_profile(intro__about={}), "Zeta")
    return library


@pytest.fixture
def view(qtbot, shelf):
    opened = []
    dialog = ProfilesView(shelf, lambda path: opened.append(path) or True)
    dialog.ask = Answers()
    dialog.opened = opened
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shown_names(view):
    return [view.proxy.index(row, NAME).data() for row in range(view.proxy.rowCount())]


def click(qtbot, view, key):
    qtbot.mouseClick(view.buttons[key], Qt.MouseButton.LeftButton)


def click_row(qtbot, view, name):
    row = shown_names(view).index(name)
    rect = view.table.visualRect(view.proxy.index(row, NAME))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_model_passes_the_model_tester(qtmodeltester, shelf):
    model = ProfilesModel()
    model.set_rows(shelf.entries())
    qtmodeltester.check(model)
    assert model.headerData(PUBLISHED, Qt.Orientation.Horizontal) == "Last published"


def test_it_lists_each_profile_with_company_and_dates(view):
    assert shown_names(view) == ["Acme", "Zeta"]
    assert view.proxy.index(0, COMPANY).data() == "Acme"
    assert view.proxy.index(0, PUBLISHED).data() == "Never"


def test_double_click_opens_the_profile(qtbot, view, shelf):
    row = shown_names(view).index("Zeta")
    rect = view.table.visualRect(view.proxy.index(row, NAME))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.opened[-1] == shelf.path_for("Zeta")
    assert not view.isVisible()


def test_a_profile_that_does_not_open_leaves_the_dialog_open_and_close_closes_it(qtbot, shelf):
    dialog = ProfilesView(shelf, lambda path: False)  # the window refused it (a broken file, or the user cancelled)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_row(qtbot, dialog, "Acme")
    click(qtbot, dialog, "open")
    assert dialog.isVisible()
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_reuse_for_another_brand_copies_practices_and_wording(qtbot, view, shelf):
    click_row(qtbot, view, "Acme")
    view.ask.names.append("Beta Records")
    click(qtbot, view, "duplicate")
    assert shown_names(view) == ["Acme", "Beta Records", "Zeta"]
    copy = load_profile(shelf.path_for("Beta Records"))
    assert copy.practices == load_profile(shelf.path_for("Acme")).practices
    assert copy.overrides == {"intro.about": "Our own words."} and copy.company.legal_name == "Beta Records"
    assert "copy of “Acme”" in view.note.text()


def test_rename_by_clicks_and_a_bad_name_is_explained(qtbot, view, shelf):
    click_row(qtbot, view, "Zeta")
    view.ask.names.append("Zeta Studios")
    click(qtbot, view, "rename")
    assert shown_names(view) == ["Acme", "Zeta Studios"]
    view.ask.names.append("no/slashes")
    click(qtbot, view, "rename")
    assert "may not" in view.ask.errors[-1] and shown_names(view) == ["Acme", "Zeta Studios"]


def test_delete_goes_to_the_trash_restore_brings_it_back_and_empty_deletes(qtbot, view, shelf):
    click_row(qtbot, view, "Acme")
    click(qtbot, view, "delete")
    assert shown_names(view) == ["Zeta"] and "trash" in view.note.text()
    assert view.buttons["restore"].isHidden() and not view.buttons["delete"].isHidden()
    qtbot.mouseClick(view.show_trash, Qt.MouseButton.LeftButton)
    assert shown_names(view) == ["Acme"] and not view.buttons["restore"].isHidden()
    click(qtbot, view, "restore")
    assert shown_names(view) == []
    qtbot.mouseClick(view.show_trash, Qt.MouseButton.LeftButton)
    assert shown_names(view) == ["Acme", "Zeta"]
    click_row(qtbot, view, "Zeta")
    click(qtbot, view, "delete")
    qtbot.mouseClick(view.show_trash, Qt.MouseButton.LeftButton)
    view.ask.confirm = False
    click(qtbot, view, "empty")
    assert shown_names(view) == ["Zeta"]
    view.ask.confirm = True
    click(qtbot, view, "empty")
    assert shown_names(view) == [] and shelf.trash() == [] and not view.buttons["empty"].isEnabled()


def test_import_and_export_by_clicks(qtbot, view, shelf, tmp_path):
    outside = tmp_path / "client.json"
    save_profile(make_profile(intro__about={}, dnt__honour={}), outside)
    view.ask.paths.append(outside)
    click(qtbot, view, "import")
    assert "client" in shown_names(view) and load_profile(shelf.path_for("client")) == load_profile(outside)
    click_row(qtbot, view, "Acme")
    target = tmp_path / "acme-export.json"
    view.ask.paths.append(target)
    click(qtbot, view, "export")
    assert load_profile(target) == load_profile(shelf.path_for("Acme")) and "Exported" in view.note.text()


def test_importing_a_broken_file_names_it(qtbot, view, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{oops", encoding="utf-8")
    view.ask.paths.append(broken)
    click(qtbot, view, "import")
    assert str(broken) in view.ask.errors[-1] and "not valid JSON" in view.ask.errors[-1]
    assert shown_names(view) == ["Acme", "Zeta"]


def test_a_brand_name_that_cannot_name_a_file_is_kept_as_the_company_name(qtbot, view, shelf):
    """A company may be called “A/B Audio: Records”; its copy gets a file name it can have."""
    click_row(qtbot, view, "Acme")
    view.ask.names.append("A/B Audio: Records")
    click(qtbot, view, "duplicate")
    assert view.ask.errors == [] and shown_names(view) == ["A-B Audio- Records", "Acme", "Zeta"]
    assert load_profile(shelf.path_for("A-B Audio- Records")).company.legal_name == "A/B Audio: Records"


def test_a_trash_that_cannot_be_emptied_says_so_and_claims_nothing(qtbot, view, shelf, monkeypatch):
    click_row(qtbot, view, "Acme")
    click(qtbot, view, "delete")
    qtbot.mouseClick(view.show_trash, Qt.MouseButton.LeftButton)

    def refuse():
        raise PermissionError(13, "Permission denied", str(shelf.trash_folder))

    monkeypatch.setattr(shelf, "empty_trash", refuse)
    click(qtbot, view, "empty")
    assert "Permission denied" in view.ask.errors[-1]
    assert "for good" not in view.note.text() and shown_names(view) == ["Acme"]


def test_an_empty_library_says_how_to_fill_it_and_offers_only_what_can_work(qtbot, tmp_path):
    empty = ProfileLibrary(tmp_path / "nothing-yet")
    dialog = ProfilesView(empty, lambda path: True, keep_open=lambda name: empty.save_new(make_profile(intro__about={}), name))
    dialog.ask = Answers()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    per_profile = ("open", "duplicate", "rename", "delete", "export")
    assert not any(dialog.buttons[key].isEnabled() for key in per_profile)
    assert dialog.buttons["keep"].isEnabled() and dialog.buttons["import"].isEnabled()
    assert "Keep Open Profile Here" in dialog.note.text() and "Import" in dialog.note.text()
    dialog.ask.names.append("Acme")
    click(qtbot, dialog, "keep")
    assert shown_names(dialog) == ["Acme"] and all(dialog.buttons[key].isEnabled() for key in per_profile)


def test_reuse_for_another_brand_asks_for_the_new_brands_details_in_one_dialog(qtbot, view, shelf):
    """The copy never keeps the old brand's email, website or service name unasked (issue 23)."""
    view.ask = ProfilesQuestions(view)
    seen = {}

    def fill_in(dialog: BrandDialog) -> None:
        seen["placeholder"] = dialog.edits["company.website"].placeholderText()
        seen["ok_before"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        qtbot.mouseClick(dialog.edits["company.legal_name"], Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.edits["company.legal_name"], "Lumen Retreats")
        seen["service"] = dialog.edits["service.name"].text()
        qtbot.mouseClick(dialog.edits["company.contact_email"], Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.edits["company.contact_email"], "hello@lumenretreats.example")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    click_row(qtbot, view, "Acme")
    when_modal(BrandDialog, fill_in)
    click(qtbot, view, "duplicate")
    assert seen == {"placeholder": "was acme.example", "ok_before": False, "service": "Lumen Retreats"}
    copy = load_profile(shelf.path_for("Lumen Retreats"))
    assert copy.company.legal_name == "Lumen Retreats" and copy.company.contact_email == "hello@lumenretreats.example"
    assert copy.service.name == "Lumen Retreats" and copy.company.website == "", "the old brand's website is not kept"
    assert copy.practices == load_profile(shelf.path_for("Acme")).practices
