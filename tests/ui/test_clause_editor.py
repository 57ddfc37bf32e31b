"""Rewording a clause: the override, the reset, the clause chooser and what the checks find in it."""

from PySide6.QtCore import Qt

from desktop.engine.policy.place import CLAUSE, Place
from desktop.engine.review.checks import WARNING, Problem
from ui.helpers import click_clause, wait_rendered


def test_chooser_lists_the_policy_s_clauses_in_reading_order(example_window):
    chooser = example_window.clause_editor.chooser
    items = [(chooser.itemData(i), chooser.itemText(i)) for i in range(chooser.count())]
    assert items == [("intro.about", "1. Who we are"), ("collect.basic", "2. What you give us"),
                     ("dnt.honour", "3. Do Not Track"), ("contact.details", "4. How to reach us")]
    assert chooser.accessibleName() == "Clause to reword"


def test_choosing_a_clause_shows_its_wording_and_selects_it_in_the_preview(qtbot, example_window):
    editor = example_window.clause_editor
    assert editor.empty.isVisibleTo(editor) and not editor.text.isVisibleTo(editor)
    editor.chooser.setCurrentIndex(3)
    editor.chooser.activated.emit(3)
    assert editor.clause_id == "contact.details" == example_window.preview.selected_clause
    assert editor.text.toPlainText().startswith("Email us at privacy@acme-audio.example or visit acme-audio.example.")
    qtbot.mouseClick(editor.advanced, Qt.MouseButton.LeftButton)  # the clause author's view: the template
    assert editor.template.isVisibleTo(editor) and not editor.text.isVisibleTo(editor)
    assert editor.template.toPlainText().startswith("Email us at {{company.contact_email}}")
    assert editor.state.text().startswith("The library's wording.") and not editor.reset.isEnabled()


def test_rewording_then_reset_to_the_library_text(qtbot, example_window):
    click_clause(qtbot, example_window.preview, "dnt.honour")
    editor = example_window.clause_editor
    qtbot.mouseClick(editor.text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, "We honour Do Not Track and Global Privacy Control.")
    wait_rendered(qtbot, example_window)
    assert "We honour Do Not Track and Global Privacy Control." in example_window.preview.plain_text()
    assert editor.state.text() == "Your own wording." and editor.compare.isVisibleTo(editor)
    assert not editor.original.isVisibleTo(editor)  # the comparison opens on request
    qtbot.mouseClick(editor.compare, Qt.MouseButton.LeftButton)
    assert editor.original.isVisibleTo(editor) and "We honour Do Not Track signals." in editor.original.text()
    qtbot.wait(10)
    assert editor.text.height() > editor.details.area.height(), "the library text never takes the wording's room"
    assert example_window.session.undo_stack.count() == 1
    qtbot.mouseClick(editor.reset, Qt.MouseButton.LeftButton)
    wait_rendered(qtbot, example_window)
    assert example_window.session.profile.overrides == {}
    assert editor.text.toPlainText() == "We honour Do Not Track signals."
    assert "We honour Do Not Track signals." in example_window.preview.plain_text()
    example_window.session.undo_stack.undo()  # the reset itself can be undone
    assert editor.text.toPlainText() == "We honour Do Not Track and Global Privacy Control."


def test_findings_for_the_clause_update_as_you_type(qtbot, example_window):
    click_clause(qtbot, example_window.preview, "dnt.honour")
    editor = example_window.clause_editor
    qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, " See {{ref:nowhere}}.")
    wait_rendered(qtbot, example_window)
    assert "nowhere" in editor.findings.text() and editor.findings.isVisibleTo(editor)


def test_linter_findings_placed_on_the_clause_are_shown(qtbot, example_window):
    editor = example_window.clause_editor
    editor.show_clause("intro.about")
    finding = Problem(WARNING, "term-inconsistent", "Say “the Platform”, not “the site”.", Place(CLAUSE, "intro.about"))
    editor.set_document(example_window.live.document, [finding])
    assert "Say “the Platform”, not “the site”." in editor.findings.text()
    editor.show_clause("contact.details")
    assert not editor.findings.isVisibleTo(editor)


def test_fix_the_wording_replaces_flagged_words_and_can_be_undone(qtbot, example_window):
    click_clause(qtbot, example_window.preview, "dnt.honour")
    editor = example_window.clause_editor
    assert not editor.fix.isVisibleTo(editor)
    qtbot.mouseClick(editor.text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, "We honour Do Not Track on our web site and by e-mail.")
    wait_rendered(qtbot, example_window)
    label = example_window.session.profile.terms.service
    assert editor.fix.isVisibleTo(editor)
    assert "“web site”" in editor.findings.text() and "“e-mail”" in editor.findings.text()
    qtbot.mouseClick(editor.fix, Qt.MouseButton.LeftButton)
    wait_rendered(qtbot, example_window)
    assert example_window.session.profile.overrides["dnt.honour"] == f"We honour Do Not Track on our {label} and by email."
    assert editor.text.toPlainText() == f"We honour Do Not Track on our {label} and by email."
    assert not editor.fix.isVisibleTo(editor)
    qtbot.keyClick(editor.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_rendered(qtbot, example_window)
    assert example_window.session.profile.overrides["dnt.honour"] == "We honour Do Not Track on our web site and by e-mail."


def test_reworded_clause_lists_what_it_stated_and_is_confirmed_with_a_click(qtbot, example_window):
    session = example_window.session
    session.set_regime("caloppa", True)
    click_clause(qtbot, example_window.preview, "dnt.honour")
    editor = example_window.clause_editor
    assert not editor.confirm.isVisibleTo(editor)  # the library's own wording needs no confirming
    qtbot.mouseClick(editor.text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, "We read the signals your browser sends.")
    wait_rendered(qtbot, example_window)
    assert editor.confirm.isVisibleTo(editor) and not editor.confirm.isChecked()
    assert "How the operator responds to Do Not Track signals" in editor.says.text()
    assert any(p.code == "check-wording" and p.where == "clause:dnt.honour" for p in example_window.live.problems)
    qtbot.mouseClick(editor.confirm, Qt.MouseButton.LeftButton)
    wait_rendered(qtbot, example_window)
    assert session.profile.confirmed == {"dnt.honour": "We read the signals your browser sends."}
    assert not any(p.code == "check-wording" for p in example_window.live.problems)
    session.undo_stack.undo()
    wait_rendered(qtbot, example_window)
    assert not editor.confirm.isChecked() and session.profile.confirmed == {}
    qtbot.mouseClick(editor.confirm, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, " More.")  # new wording: the confirmation no longer holds
    wait_rendered(qtbot, example_window)
    assert not editor.confirm.isChecked()
    assert any(p.code == "check-wording" for p in example_window.live.problems)
