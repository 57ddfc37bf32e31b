"""Reopening the interview keeps what the owner typed into the options the interview fills (issue 23:
adding a forum wiped "(Mailchimp)" typed into "Companies that work for us")."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWizard

from desktop.engine.interview.interview import new_profile
from desktop.ui.interview_dialog import InterviewDialog
from desktop.ui.main_window import MainWindow
from ui.helpers import click_row, wait_rendered, when_modal

EMAIL = "{{recipient:service_providers.email}}"


@pytest.fixture
def studio_window(qtbot, bundled_library, settings, monkeypatch):
    monkeypatch.setattr(InterviewDialog, "exec", QWizard.exec)
    window = MainWindow(bundled_library, settings)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.session.replace(new_profile({"company_name": "Lumen Yoga Ltd", "analytics": True, "newsletter": True,
                                        "has_accounts": True}, bundled_library))
    yield window
    window.session.undo_stack.setClean()
    window.close()
    window.deleteLater()


def type_after_line(qtbot, edit, line: int, text: str) -> None:
    """Click at the end of a line of a list box and type there."""
    cursor = QTextCursor(edit.document().findBlockByNumber(line))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    rect = edit.cursorRect(cursor)
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 1, rect.center().y()))
    qtbot.keyClicks(edit, text)
    edit.clearFocus()  # leaving the box stores what was typed


def say_yes_to_forums_and_finish(qtbot):
    def act(dialog: InterviewDialog) -> None:
        while not dialog.rows["forums"].isVisible():
            qtbot.mouseClick(dialog.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        yes = dialog.rows["forums"].field.yes
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        while dialog.currentId() != dialog.pageIds()[-1]:
            qtbot.mouseClick(dialog.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    return act


def test_adding_a_forum_in_the_interview_keeps_the_words_the_owner_typed(qtbot, studio_window):
    window = studio_window
    window.go_practices()
    click_row(qtbot, window.practices, "share.service_providers")
    edit = window.practices.options.editors["tasks"].editor
    line = window.session.profile.practices["share.service_providers"]["tasks"].index(EMAIL)
    type_after_line(qtbot, edit, line, " (Mailchimp)")
    qtbot.waitUntil(lambda: EMAIL + " (Mailchimp)" in window.session.profile.practices["share.service_providers"]["tasks"])

    when_modal(InterviewDialog, say_yes_to_forums_and_finish(qtbot))
    window.actions.interview.trigger()
    profile = window.session.profile
    assert "community.forums" in profile.practices
    tasks = profile.practices["share.service_providers"]["tasks"]
    assert EMAIL + " (Mailchimp)" in tasks and EMAIL not in tasks
    wait_rendered(qtbot, window)
    assert "(Mailchimp)" in window.preview.plain_text()
