"""The interview's inputs driven as an owner would: by the mouse alone, the wheel, or Tab."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop.engine.profile.questions import CHOICE, YES_NO, Question
from desktop.ui.interview_fields import ChoiceField, YesNoField
from ui.helpers import roll_wheel_down


def answered_field_after_another(qtbot, given: bool) -> tuple[QWidget, QLineEdit, YesNoField]:
    """A yes/no question already answered, shown under a text field that has the focus, as on an interview page."""
    page = QWidget()
    layout = QVBoxLayout(page)
    other = QLineEdit()
    field = YesNoField(Question("uses_analytics", "tools", "Do you use analytics?", "", YES_NO))
    layout.addWidget(other)
    layout.addWidget(field)
    qtbot.addWidget(page)
    field.set_value(given)
    page.show()
    qtbot.waitExposed(page)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    return page, other, field  # the caller keeps the page alive


@pytest.mark.parametrize("given, click, wanted", [(False, "yes", True), (True, "no", False)])
def test_one_click_changes_an_answered_yes_no_question(qtbot, given, click, wanted):
    _page, _other, field = answered_field_after_another(qtbot, given)
    button = getattr(field, click)
    # A hand holds the button down for a moment: the event loop runs between the press and the release.
    qtbot.mousePress(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    qtbot.wait(50)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert field.value() is wanted
    assert button.hasFocus()


def test_tab_into_an_answered_yes_no_question_still_lands_on_the_answer(qtbot):
    _page, other, field = answered_field_after_another(qtbot, False)
    qtbot.keyClick(other, Qt.Key.Key_Tab)
    qtbot.waitUntil(field.no.hasFocus)
    assert field.value() is False


def test_the_wheel_leaves_an_answered_choice_alone_while_scrolling_the_page(qtbot):
    field = ChoiceField(Question("audience", "users", "Who is the service for?", "", CHOICE,
                                 choices=("General audience", "Children under 13")))
    qtbot.addWidget(field)
    field.set_value("General audience")
    assert roll_wheel_down(field.combo) is not field.combo
    assert field.value() == "General audience"
