"""What a user's hands do: click a tree check box, click a clause in the preview, use a menu key."""

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QTextCursor, QTextFormat, QWheelEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem


def tree_index(panel, practice_id: str):
    return panel.proxy.mapFromSource(panel.model.index_of(practice_id))


def click_check(qtbot, panel, practice_id: str) -> None:
    """Click the check box (or round button) of a practice in the practice tree."""
    tree = panel.tree
    index = tree_index(panel, practice_id)
    tree.scrollTo(index)
    option = QStyleOptionViewItem()
    tree.itemDelegate().initStyleOption(option, index)
    option.rect = tree.visualRect(index)
    rect = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_row(qtbot, panel, practice_id: str) -> None:
    """Click a practice's title, which selects it without ticking it."""
    tree = panel.tree
    index = tree_index(panel, practice_id)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.right() - 10, rect.center().y()))


def click_clause(qtbot, preview, clause_id: str) -> None:
    """Click in the middle of the first line of a clause in the preview."""
    block = preview.block_of(clause_id)
    assert block is not None, f"{clause_id} is not in the preview"
    top = preview.document().documentLayout().blockBoundingRect(block).top()
    preview.verticalScrollBar().setValue(int(top))
    rect = preview.cursorRect(QTextCursor(block))
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 40, rect.center().y()))


def wait_rendered(qtbot, window) -> None:
    """Wait until the preview shows the profile as it is now."""
    qtbot.waitUntil(lambda: not window.live.pending(), timeout=3000)


def preview_lines(window) -> list[str]:
    return [line for line in window.preview.plain_text().splitlines() if line.strip()]


def when_modal(kind, act, tries: int = 300) -> None:
    """Once a modal dialog of `kind` is open, do `act(dialog)`.

    A dialog's exec() holds the test until it closes, so a timer acts for the user meanwhile.
    A dialog that never opens fails the test; a different one left open is closed so the test cannot hang.
    """
    def poll(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            act(widget)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))
        else:
            if widget is not None:
                widget.close()
            raise AssertionError(f"no {kind.__name__} opened")

    QTimer.singleShot(0, lambda: poll(tries))


def highlighted_clauses(preview) -> set[str]:
    """The clauses whose blocks the preview shades (after a follow, a find, a selected problem)."""
    from desktop.ui.page_writer import clause_at

    found, block = set(), preview.document().begin()
    while block.isValid():
        if block.blockFormat().hasProperty(QTextFormat.Property.BackgroundBrush):
            found.add(clause_at(block))
        block = block.next()
    return found


def mark_text(form, name: str) -> str:
    """What the mark beside a company detail says, or "" while it is hidden."""
    field = form.fields[name]
    return field.mark.text() if field.mark.isVisibleTo(form) else ""


def stored_keys(path) -> list[str]:
    """The keys the settings file at `path` holds, read from the file itself."""
    return QSettings(str(path), QSettings.Format.IniFormat).allKeys()


def roll_wheel_down(widget):
    """One notch of the mouse wheel over the middle of `widget`; returns the widget that took it. Qt passes a
    real (spontaneous) wheel event a widget ignores on to its parent; a sent one it does not, so this does."""
    point = widget.rect().center()
    while widget is not None:
        event = QWheelEvent(QPointF(point), QPointF(widget.mapToGlobal(point)), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)
        if event.isAccepted():
            return widget
        point, widget = widget.mapToParent(point), (None if widget.isWindow() else widget.parentWidget())
    return None
