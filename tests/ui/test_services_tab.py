"""The Services tab, driven by hand: search the catalogue, tick a service and its settings, describe
another service, undo with Ctrl+Z; the preview's cookie table and the saved profile follow. And the
File menu's cookie policy export."""

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.engine.policy.place import service_place
from desktop.engine.profile.profile import Profile
from desktop.engine.profile.questions import Page, Question, Questions
from desktop.ui.interview_dialog import initial_answers
from desktop.ui.interview_fields import SERVICES, answer_field
from desktop.ui.main_window import SERVICES_TAB, MainWindow
from desktop.ui.service_checklist import CHECK_TERMS
from ui.helpers import wait_rendered


@pytest.fixture
def studio_window(qtbot, bundled_library, settings):
    window = MainWindow(bundled_library, settings)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.controller.load_example(confirm=False)
    window.left.setCurrentIndex(SERVICES_TAB)
    window.example_services = dict(window.session.profile.services)  # the example's payment company
    yield window
    window.session.undo_stack.setClean()
    window.close()
    window.deleteLater()


def added(window) -> dict:
    """The services picked beyond the example's own."""
    return {k: v for k, v in window.session.profile.services.items() if k not in window.example_services}


def click_box(qtbot, box) -> None:
    """Click a check box on its square, as a hand would."""
    box.window().activateWindow()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def undo(qtbot, window) -> None:
    qtbot.keyClick(window.preview, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_searching_and_ticking_google_analytics_puts_its_cookies_in_the_preview(qtbot, studio_window):
    panel = studio_window.services.checklist
    qtbot.keyClicks(panel.search, "visits")
    ga = panel.rows["google_analytics"]
    assert not ga.isHidden() and panel.rows["stripe"].isHidden() and panel.groups["payments"].isHidden()
    assert CHECK_TERMS in ga.details.text() and "2026-12-07" in ga.details.text() and "Google LLC" in ga.details.text()
    assert "_ga_<container-id>" not in studio_window.preview.plain_text()
    click_box(qtbot, ga.box)
    assert added(studio_window) == {"google_analytics": {}}
    wait_rendered(qtbot, studio_window)
    text = studio_window.preview.plain_text()
    assert "_ga_<container-id>" in text and "2 years" in text and "Google Analytics (Google LLC)" in text
    assert not ga.setting_rows[0].isHidden()  # its setting shows once it is picked
    undo(qtbot, studio_window)
    wait_rendered(qtbot, studio_window)
    assert added(studio_window) == {} and not ga.box.isChecked()
    assert "_ga_<container-id>" not in studio_window.preview.plain_text()


def test_a_setting_changes_which_cookies_the_table_lists(qtbot, studio_window):
    youtube = studio_window.services.checklist.rows["youtube"]
    click_box(qtbot, youtube.box)
    wait_rendered(qtbot, studio_window)
    assert "VISITOR_INFO1_LIVE" in studio_window.preview.plain_text()
    click_box(qtbot, youtube.settings["privacy_enhanced"])
    assert added(studio_window) == {"youtube": {"privacy_enhanced": True}}
    wait_rendered(qtbot, studio_window)
    assert "VISITOR_INFO1_LIVE" not in studio_window.preview.plain_text()
    undo(qtbot, studio_window)
    wait_rendered(qtbot, studio_window)
    assert added(studio_window) == {"youtube": {}} and not youtube.settings["privacy_enhanced"].isChecked()
    assert "VISITOR_INFO1_LIVE" in studio_window.preview.plain_text()


def test_another_service_is_described_in_a_dialog_and_saved(qtbot, studio_window, tmp_path, monkeypatch):
    panel = studio_window.services.picker
    qtbot.mouseClick(panel.another, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.waitExposed(dialog)
    add = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not add.isEnabled()  # a service needs a name
    qtbot.keyClicks(dialog.name, "Acuity Scheduling")
    dialog.kind.setCurrentIndex(dialog.kind.findData("forms"))
    qtbot.keyClicks(dialog.country, "United States")
    dialog.data.item(0).setCheckState(Qt.CheckState.Checked)
    click_box(qtbot, dialog.own_purposes)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    entry = studio_window.session.profile.services["custom.acuity_scheduling"]["entry"]
    assert entry == {"name": "Acuity Scheduling", "kind": "forms", "provider": "Acuity Scheduling", "country": "United States",
                     "data": [dialog.data.item(0).data(Qt.ItemDataRole.UserRole)], "own_purposes": True}
    path = tmp_path / "studio.json"
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *args: path)
    assert studio_window.controller.save_as()
    assert json.loads(path.read_text())["services"]["custom.acuity_scheduling"]["entry"]["name"] == "Acuity Scheduling"
    assert [box.text() for box in panel.described_boxes()] == ["Example Payments", "Acuity Scheduling"]
    undo(qtbot, studio_window)
    assert "custom.acuity_scheduling" not in studio_window.session.profile.services


def test_the_file_menu_exports_the_cookie_policy(qtbot, studio_window, tmp_path, monkeypatch):
    studio_window.session.set_service("google_analytics", True)
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save",
                        lambda parent, title, suggested, name_filter, suffix: tmp_path / suggested.name)
    [markdown] = [a for a in studio_window.actions.notice_exports["cookies"].actions() if a.text() == "Markdown…"]
    markdown.trigger()
    written = (tmp_path / "acme-cookie-policy.md").read_text()
    assert written.startswith("# Acme Cookie Policy") and "## 1\\. Cookies and tracking" not in written
    assert "| \\_ga | [Google Analytics](<https://policies.google.com/privacy>) (Google LLC) |" in written
    assert "About this policy" not in written


def test_the_interviews_services_question_shows_the_same_checklist(qtbot, bundled_library):
    question = Question("services", "use", "Which of these services do you use?", "Each one is named in the policy.", SERVICES)
    field = answer_field(question, library=bundled_library)
    qtbot.addWidget(field)
    field.show()
    changes = []
    field.changed.connect(lambda: changes.append(field.value()))
    qtbot.keyClicks(field.picker.checklist.search, "newsletter")
    assert field.picker.checklist.rows["google_analytics"].isHidden() and not field.picker.checklist.rows["mailchimp"].isHidden()
    click_box(qtbot, field.picker.checklist.rows["mailchimp"].box)
    youtube = field.picker.checklist.rows["youtube"]
    click_box(qtbot, youtube.box)
    click_box(qtbot, youtube.settings["privacy_enhanced"])
    assert field.value() == {"mailchimp": {}, "youtube": {"privacy_enhanced": True}} == changes[-1]
    field.set_value({"stripe": {}})  # a reopened interview shows the answer given
    assert field.picker.checklist.rows["stripe"].box.isChecked() and not youtube.box.isChecked()


def test_a_reopened_interview_shows_the_services_picked_in_the_tab():
    question = Question("services", "use", "Which of these services do you use?", "Each one is named in the policy.", SERVICES)
    questions = Questions((Page("use", "What you use"),), (question,), ())
    profile = Profile(services={"youtube": {"privacy_enhanced": True}})
    assert initial_answers(profile, questions) == {"services": {"youtube": {"privacy_enhanced": True}}}
    assert initial_answers(Profile(), questions) == {}


def test_a_problem_about_a_service_goes_to_it_in_the_services_tab(qtbot, studio_window):
    studio_window.left.setCurrentIndex(0)
    studio_window.navigate(service_place("youtube"))
    assert studio_window.left.currentIndex() == SERVICES_TAB
    assert studio_window.services.checklist.rows["youtube"].box.hasFocus()
