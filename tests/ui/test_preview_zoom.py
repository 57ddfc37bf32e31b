"""Zoom on the preview (issue 23): Ctrl+wheel over the page, Ctrl++ and Ctrl+− from the keyboard, Ctrl+0 back."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from ui.helpers import wait_rendered

CTRL = Qt.KeyboardModifier.ControlModifier


def line_height(preview) -> float:
    """The height of the policy's first body paragraph as laid out: what grows when the page is larger."""
    block = preview.document().findBlockByNumber(2)
    return preview.document().documentLayout().blockBoundingRect(block).height()


def ctrl_wheel(preview, notches: int) -> None:
    viewport = preview.viewport()
    point = QPointF(viewport.rect().center())
    event = QWheelEvent(point, QPointF(viewport.mapToGlobal(point.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def test_ctrl_wheel_and_ctrl_plus_minus_zero_zoom_the_page(qtbot, example_window):
    preview = example_window.preview
    wait_rendered(qtbot, example_window)
    start, scroll = line_height(preview), preview.verticalScrollBar().value()
    ctrl_wheel(preview, 2)
    larger = line_height(preview)
    assert larger > start * 1.1
    assert preview.verticalScrollBar().value() == scroll, "Ctrl+wheel zooms instead of scrolling"
    preview.setFocus()
    qtbot.keyClick(preview, Qt.Key.Key_Minus, CTRL)
    assert start < line_height(preview) < larger
    qtbot.keyClick(preview, Qt.Key.Key_0, CTRL)
    assert line_height(preview) == start
    example_window.form.focus_field("company.legal_name")  # the window's keys work from a field too
    qtbot.keyClick(example_window.form.fields["company.legal_name"].editor, Qt.Key.Key_Plus, CTRL)
    assert line_height(preview) > start
    example_window.session.set_field("company.phone", "+1 555 0100")
    wait_rendered(qtbot, example_window)
    assert line_height(preview) > start, "the page stays zoomed when the policy changes"
