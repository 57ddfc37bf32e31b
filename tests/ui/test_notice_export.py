"""File ▸ Export Consumer Health Data Privacy Policy: the notice kept apart from the policy, exported
alone by the window's controller (a fake view answers its questions), and its menu in the window."""

import datetime as dt

import docx
from businesses import BRISTOL_SHOP, SEATTLE_CLINIC
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.engine.interview.interview import new_profile
from desktop.ui.controller import Controller
from desktop.ui.main_window import PRACTICES_TAB
from desktop.ui.session import ProfileSession
from desktop.usecases import FORMATS, NOTICES
from ui.fakes import FakeView
from ui.helpers import click_check, wait_rendered


def controller_for(answers, library, settings, **view_answers) -> tuple[Controller, FakeView]:
    session = ProfileSession(library)
    session.replace(new_profile(answers, library, dt.date(2026, 12, 7)))
    view = FakeView(**view_answers)
    return Controller(session, settings, view), view


def test_the_clinic_exports_its_health_data_policy_alone(qtbot, bundled_library, settings, tmp_path):
    controller, view = controller_for(SEATTLE_CLINIC, bundled_library, settings, export_path=tmp_path / "health")
    path = controller.export("docx", "health-data")
    assert path == tmp_path / "health.docx" and view.errors == []
    assert view.asked[0][2].name == "rainier-physio-pllc-consumer-health-data-privacy-policy.docx"
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert paragraphs[0] == "Rainier Physio PLLC Consumer Health Data Privacy Policy"
    assert any("your physiotherapist and our front desk" in text for text in paragraphs)


def test_a_profile_without_a_health_law_is_told_there_is_nothing_to_export(qtbot, bundled_library, settings, tmp_path):
    controller, view = controller_for(BRISTOL_SHOP, bundled_library, settings, export_path=tmp_path / "health")
    assert controller.export("md", "health-data") is None
    assert view.errors and "has no Consumer Health Data Privacy Policy" in view.errors[0][1]
    assert not list(tmp_path.iterdir())


def test_the_file_menu_offers_the_notice_in_every_format(window):
    menu = window.actions.notice_exports["health-data"]
    assert menu.title() == f"Export {NOTICES['health-data'].title}"
    assert [action.text() for action in menu.actions()] == [f"{fmt.name}…" for fmt in FORMATS.values()]
    file_menu = window.menuBar().actions()[0].menu()
    assert menu.menuAction() in file_menu.actions()


def open_file_menu(qtbot, window):
    """Click File in the menu bar; the menu it opens."""
    bar = window.menuBar()
    file_action = bar.actions()[0]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(file_action).center())
    menu = file_action.menu()
    qtbot.waitUntil(menu.isVisible)
    return menu


def tooltip_over(qtbot, menu, action) -> str:
    """What the tooltip says when the mouse rests on `action` in the open `menu`."""
    QToolTip.hideText()
    point = menu.actionGeometry(action).center()
    QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, point, menu.mapToGlobal(point)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_notice_with_nothing_to_say_is_greyed_out_until_the_profile_has_it(qtbot, bundled_window):
    window = bundled_window  # Acme Audio holds no health data
    menu = open_file_menu(qtbot, window)
    health = window.actions.notice_exports["health-data"].menuAction()
    assert not health.isEnabled()
    assert "This profile has no Consumer Health Data Privacy Policy: none of the laws" in tooltip_over(qtbot, menu, health)
    assert window.actions.notice_exports["cookies"].menuAction().isEnabled()  # its cookies section is the Cookie Policy
    qtbot.keyClick(menu, Qt.Key.Key_Escape)

    tabs = window.left.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(PRACTICES_TAB).center())
    click_check(qtbot, window.practices, "health.intro")
    wait_rendered(qtbot, window)
    menu = open_file_menu(qtbot, window)
    assert health.isEnabled()
    assert tooltip_over(qtbot, menu, health).startswith("Export the Consumer Health Data Privacy Policy alone")
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
