"""View ▸ Clause Wording (Ctrl+4) brings the reword pane back (a second new user's try: after the interview no clause
was chosen, the pane was gone, and Ctrl+4 did nothing)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from ui.helpers import wait_rendered


def test_ctrl_4_shows_the_reword_pane_on_the_clause_at_the_preview_s_cursor(qtbot, bundled_window):
    window = bundled_window
    window.clause_editor.show_clause(None)
    window._fit_panes()
    assert not window.reword_pane.isVisible()
    block = window.preview.block_of("collect.automatic")
    window.preview.setTextCursor(QTextCursor(block))
    window.preview.setFocus()
    qtbot.keyClick(window.preview, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.reword_pane.isVisible() and window.clause_editor.clause_id == "collect.automatic"
    assert window.clause_editor.text.hasFocus()


def test_ctrl_4_with_nothing_chosen_opens_the_policy_s_first_clause(qtbot, bundled_window):
    window = bundled_window
    window.controller.new_profile(confirm=False)
    wait_rendered(qtbot, window)
    window.clause_editor.show_clause(None)
    window._fit_panes()
    window.form.setFocus()
    qtbot.keyClick(window.form, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    first = next(iter(window.live.document.clause_sections()))
    assert window.reword_pane.isVisible() and window.clause_editor.clause_id == first
