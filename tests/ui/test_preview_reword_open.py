"""The preview stays drawn while the "Reword a clause" panel is open: Qt lays a long page out in steps,
and a clause shaded as selected before the last step ended the layout there (issue 23: a white page,
or a policy that stopped after section 3, until the window was resized)."""

from PySide6.QtCore import QPoint, Qt

from ui.helpers import click_check, click_clause, wait_rendered


def ink(preview) -> int:
    """How many sampled pixels of what the preview shows are darker than paper."""
    image = preview.viewport().grab().toImage()
    return sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
               if image.pixelColor(x, y).lightness() < 200)


def shows_the_end(preview) -> bool:
    """Scrolled to the bottom, the preview shows the policy's last paragraph."""
    preview.verticalScrollBar().setValue(preview.verticalScrollBar().maximum())
    bottom = preview.cursorForPosition(QPoint(preview.viewport().width() // 2, preview.viewport().height() - 30)).block()
    return bottom.blockNumber() >= preview.document().blockCount() - 3 and ink(preview) > 100


def settle(qtbot, window) -> None:
    wait_rendered(qtbot, window)
    qtbot.wait(300)  # the layout's later steps


def test_after_an_untick_and_an_undo_the_whole_page_is_drawn_with_the_panel_open(qtbot, bundled_window):
    preview = bundled_window.preview
    click_clause(qtbot, preview, "intro.about")
    assert bundled_window.reword_pane.isVisible()
    bundled_window.go_practices()
    click_check(qtbot, bundled_window.practices, "use.improve")
    settle(qtbot, bundled_window)
    assert not bundled_window.session.is_ticked("use.improve")
    assert ink(preview) > 100
    assert shows_the_end(preview)
    qtbot.keyClick(bundled_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, bundled_window)
    assert bundled_window.session.is_ticked("use.improve")
    assert ink(preview) > 100
    assert shows_the_end(preview)


def test_a_clause_chosen_while_the_page_is_being_laid_out_leaves_it_whole(qtbot, bundled_window):
    preview = bundled_window.preview
    preview.show_document(bundled_window.live.document)
    preview.select_clause("intro.about", scroll=False)  # as a click right after a change does
    qtbot.wait(300)
    assert shows_the_end(preview)
