"""The preview follows the user: an edit scrolls to the clause it changed and marks it for a
moment; choosing a practice or a problem shows its clause; the outline goes to a section; find
in the policy finds and counts."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.engine.policy.changes import clause_blocks
from desktop.engine.policy.place import clause_place
from desktop.engine.review.example import example_profile
from desktop.ui.main_window import OUTLINE_TAB, MainWindow
from desktop.ui.page_writer import CLAUSE_PROPERTY
from desktop.ui.preview import FLASH_MS
from desktop.ui.problems import PLACE_ROLE
from ui.helpers import click_check, click_row, wait_rendered


@pytest.fixture
def small_window(qtbot, bundled_library, settings):
    """The window on the real clause library with the example profile: a policy several pages long."""
    win = MainWindow(bundled_library, settings)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    win.session.replace(example_profile(bundled_library, dt.date(2026, 12, 1)))
    yield win
    win.session.undo_stack.setClean()
    win.close()
    win.deleteLater()


def visible_clauses(preview) -> set[str]:
    """The clauses with a line inside the preview's viewport, found from where the text is laid out."""
    bar, height = preview.verticalScrollBar().value(), preview.viewport().height()
    layout = preview.document().documentLayout()
    seen, block = set(), preview.document().begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.bottom() > bar and rect.top() < bar + height and block.blockFormat().property(CLAUSE_PROPERTY):
            seen.add(block.blockFormat().property(CLAUSE_PROPERTY))
        block = block.next()
    return seen


def clause_words(window, clause_id: str) -> str:
    """The first words of a clause as the policy prints them."""
    first = clause_blocks(window.live.document)[clause_id][0]
    text = first[1] if first[0] in ("Paragraph", "Heading") else first[0]
    return text[:40]


def text_is_visible(preview, words: str) -> bool:
    cursor = preview.document().find(words)
    assert not cursor.isNull(), f"{words!r} is not in the preview"
    rect = preview.cursorRect(cursor)  # in viewport coordinates: visible means inside the viewport
    return preview.viewport().rect().contains(rect.center())


def test_ticking_a_practice_late_in_the_policy_scrolls_its_text_into_view_and_marks_it(qtbot, small_window):
    window = small_window
    preview = window.preview
    assert "law.governing" not in window.session.profile.practices
    window.left.setCurrentIndex(1)
    preview.verticalScrollBar().setValue(0)
    click_check(qtbot, window.practices, "law.governing")
    wait_rendered(qtbot, window)
    words = clause_words(window, "law.governing")
    assert preview.verticalScrollBar().value() > 0
    assert text_is_visible(preview, words)
    assert preview.flashed == "law.governing" and len(preview.extraSelections()) >= 1
    qtbot.waitUntil(lambda: preview.flashed is None, timeout=FLASH_MS * 3)  # the mark fades
    assert preview.extraSelections() == []


def test_typing_in_a_field_still_waits_for_the_keys_to_stop(qtbot, small_window):
    window = small_window
    window.go_company()
    field = window.form.fields["company.contact_email"].editor
    renders = window.live.renders
    field.selectAll()
    qtbot.keyClicks(field, "hello@acme.example")
    assert window.live.renders == renders and window.live.pending()
    wait_rendered(qtbot, window)
    assert window.live.renders == renders + 1
    assert text_is_visible(window.preview, "hello@acme.example")


def test_selecting_a_practice_shows_its_clause(qtbot, small_window):
    window = small_window
    window.left.setCurrentIndex(1)
    window.preview.verticalScrollBar().setValue(0)
    assert "contact.details" not in visible_clauses(window.preview)
    click_row(qtbot, window.practices, "contact.details")
    assert window.practices.current_id == "contact.details"
    assert "contact.details" in visible_clauses(window.preview)
    assert window.clause_editor.clause_id is None


def test_the_outline_lists_the_sections_and_goes_to_one(qtbot, small_window):
    window = small_window
    window.left.setCurrentIndex(OUTLINE_TAB)
    outline = window.outline
    sections = window.live.document.sections
    assert [outline.item(row).text() for row in range(outline.count())] == [s.heading_text for s in sections]
    last = outline.item(outline.count() - 1)
    window.preview.verticalScrollBar().setValue(0)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualItemRect(last).center())
    assert text_is_visible(window.preview, sections[-1].heading_text)


def _open_find_in_preview(qtbot, window):
    """Ctrl+F with the focus in the preview: find in the policy, not find a practice."""
    window.activateWindow()
    qtbot.waitActive(window)
    preview = window.preview
    preview.setFocus()
    qtbot.waitUntil(preview.hasFocus)
    qtbot.keyClick(preview, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    return preview


def test_find_in_the_policy_counts_steps_and_closes_with_escape(qtbot, small_window):
    window = small_window
    preview = _open_find_in_preview(qtbot, window)  # in the preview, Ctrl+F finds in it
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "newsletter")
    expected = preview.plain_text().lower().count("newsletter")
    assert expected > 1
    assert bar.count.text() == f"1 of {expected}"
    first = preview.verticalScrollBar().value()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {expected}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"1 of {expected}" and preview.verticalScrollBar().value() == first
    assert text_is_visible(preview, "newsletter") or preview.cursorRect(QTextCursor(bar.matches[0])).isValid()
    assert len(preview.extraSelections()) == expected
    qtbot.keyClicks(bar.field, "zzz")
    assert bar.count.text() == "No matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and preview.extraSelections() == [] and preview.hasFocus()


def test_ctrl_f_elsewhere_still_finds_a_practice(qtbot, small_window):
    window = small_window
    window.activateWindow()
    qtbot.waitActive(window)
    window.go_company()
    field = window.form.fields["company.legal_name"].editor
    qtbot.keyClick(field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not window.find_bar.isVisible() and window.practices.filter.hasFocus()


def test_selecting_a_problem_shows_its_clause(qtbot, small_window):
    window = small_window
    window.session.set_override("contact.details", "Write to {{nonsense}}.")
    wait_rendered(qtbot, window)
    window.preview.verticalScrollBar().setValue(0)
    view = window.problems
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(PLACE_ROLE) == clause_place("contact.details"))
    view.setCurrentIndex(model.index(row, 1))
    assert "contact.details" in visible_clauses(window.preview)
    assert window.preview.flashed == "contact.details"


def test_a_change_to_a_clause_already_on_screen_does_not_move_the_page(qtbot, small_window):
    window = small_window
    preview = window.preview
    window.select_clause("share.service_providers")
    qtbot.wait(50)
    window.select_clause("share.service_providers")
    position = preview.verticalScrollBar().value()
    assert "share.service_providers" in visible_clauses(preview)
    window.session.set_override("share.service_providers", "Write to us at any time: we answer within a week.")
    wait_rendered(qtbot, window)
    assert preview.flashed == "share.service_providers"  # marked where it is
    assert preview.verticalScrollBar().value() == position


def test_the_outline_marks_the_section_being_read(qtbot, small_window):
    window = small_window
    window.left.setCurrentIndex(OUTLINE_TAB)
    window.outline.go_to(4)
    assert window.outline.currentRow() == 4
    window.preview.verticalScrollBar().setValue(0)
    assert window.outline.currentRow() == 0


def test_with_find_open_an_edit_still_shows_what_it_changed(qtbot, small_window):
    window = small_window
    preview = _open_find_in_preview(qtbot, window)
    qtbot.keyClicks(window.find_bar.field, "newsletter")  # early in the policy
    count = window.find_bar.count.text()
    window.left.setCurrentIndex(1)
    click_check(qtbot, window.practices, "law.governing")  # late in the policy
    wait_rendered(qtbot, window)
    assert text_is_visible(preview, clause_words(window, "law.governing")), "the page jumped back to the match"
    assert window.find_bar.count.text() == count and len(preview.extraSelections()) >= 2  # still found and marked


def test_with_find_open_rewording_a_clause_on_screen_does_not_move_the_page(qtbot, small_window):
    window = small_window
    preview = window.preview
    window.find_in_policy()
    qtbot.keyClicks(window.find_bar.field, "newsletter")  # a match far from the clause
    window.select_clause("share.service_providers")
    qtbot.wait(50)
    position = preview.verticalScrollBar().value()
    window.session.set_override("share.service_providers", "Write to us at any time: we answer within a week.")
    wait_rendered(qtbot, window)
    assert preview.verticalScrollBar().value() == position
