"""One editor per option type: it shows a value, sends what the user sets, and names itself."""

import pytest
from PySide6.QtCore import Qt

from desktop.engine.library.options import OptionSpec
from desktop.ui.option_editors import ListEdit, OptionEditor, readable
from ui.helpers import roll_wheel_down

SPECS = {
    "bool": (OptionSpec("note", "bool", "Add a note", False), True),
    "int": (OptionSpec("days", "int", "Days", 7, min=1, max=90), 30),
    "text": (OptionSpec("who", "text", "Who pays", "nobody"), "the user"),
    "list": (OptionSpec("items", "list", "Items", ["a", "b"]), ["a", "b", "c"]),
    "choice": (OptionSpec("mode", "choice", "Mode", "show ads on {{the service}}",
                          ("show ads on {{the service}}", "show our ads elsewhere")), "show our ads elsewhere"),
}


@pytest.mark.parametrize("kind", list(SPECS))
def test_editor_shows_and_sends_values(qtbot, kind):
    spec, other = SPECS[kind]
    editor = OptionEditor(spec)
    qtbot.addWidget(editor)
    editor.set_value(spec.default)
    assert editor.value() == spec.default
    assert editor.editor.accessibleName() == spec.title
    with qtbot.assertNotEmitted(editor.changed):
        editor.set_value(other)  # showing a value never sends it back
    assert editor.value() == other
    sent = []
    editor.changed.connect(lambda name, value: sent.append((name, value)))
    if kind == "bool":
        editor.editor.click()
    elif kind == "int":
        editor.editor.setValue(45)
    elif kind == "text":
        qtbot.keyClicks(editor.editor, "!")
    elif kind == "list":
        editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
        qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.editor, "d")
    else:
        editor.editor.activated.emit(0)
    assert sent[-1] == (spec.name, {"bool": False, "int": 45, "text": "the user!", "list": ["a", "b", "c", "d"],
                                    "choice": "show ads on {{the service}}"}[kind])


def test_choices_read_without_token_braces(qtbot):
    editor = OptionEditor(SPECS["choice"][0])
    qtbot.addWidget(editor)
    assert editor.editor.itemText(0) == "show ads on the service"
    assert readable("{{company.legal_name}} and {{the service}}") == "your legal name and the service"  # with no profile to fill them


def test_list_edit_ignores_blank_lines_and_spaces_items(qtbot):
    edit = ListEdit()
    qtbot.addWidget(edit)
    edit.set_items(["one", "two"])
    edit.setPlainText("one\n\n  two  \n")
    assert edit.items() == ["one", "two"]
    assert edit.document().begin().blockFormat().bottomMargin() > 0


def test_a_problem_is_shown_under_the_editor(qtbot):
    editor = OptionEditor(SPECS["int"][0])
    qtbot.addWidget(editor)
    editor.show()
    editor.show_problem("Option 'Days' must be at most 90.")
    assert editor.problem.isVisible() and editor.editor.accessibleDescription() == "Option 'Days' must be at most 90."
    editor.show_problem("")
    assert not editor.problem.isVisible()


def test_the_wheel_leaves_a_choice_alone_until_the_user_is_in_it(qtbot):
    editor = OptionEditor(SPECS["choice"][0])
    qtbot.addWidget(editor)
    editor.set_value(SPECS["choice"][0].default)
    sent = []
    editor.changed.connect(lambda name, value: sent.append(value))
    assert roll_wheel_down(editor.editor) is not editor.editor  # scrolling the panel past it
    assert editor.value() == SPECS["choice"][0].default and sent == []


def test_the_wheel_leaves_a_number_box_alone_until_the_user_is_in_it(qtbot):
    editor = OptionEditor(SPECS["int"][0])
    qtbot.addWidget(editor)
    editor.set_value(30)
    editor.show()
    assert roll_wheel_down(editor.editor) is not editor.editor
    assert editor.value() == 30 and not editor.editor.hasFocus()
    editor.editor.setFocus()
    qtbot.waitUntil(editor.editor.hasFocus)
    assert roll_wheel_down(editor.editor) is editor.editor
    assert editor.value() == 29
