"""Ways around the preview, as a word processor offers them: the policy's outline (its sections;
click one to go there) and find-in-policy (a bar below the page: next, previous, how many).

Both read the preview's page and only move its scroll bar or paint marks over it, so finding a
word never selects a clause for rewording.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextEdit,
    QToolButton,
    QWidget,
)

from desktop.engine.policy.document import Document
from desktop.ui.preview import PolicyPreview

SECTION_LEVEL = 2  # the preview writes the title as level 1 and each section's heading as level 2


def section_blocks(preview: PolicyPreview) -> list:
    blocks, block = [], preview.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == SECTION_LEVEL:
            blocks.append(block)
        block = block.next()
    return blocks


class PolicyOutline(QListWidget):
    """The sections of the policy; choosing one scrolls the preview to its heading."""

    def __init__(self, preview: PolicyPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setAccessibleName("Policy outline")
        self.setAccessibleDescription("The sections of the policy. Choose one to show it in the preview.")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(3)
        self.itemActivated.connect(self._go)
        self.itemClicked.connect(self._go)
        preview.verticalScrollBar().valueChanged.connect(self._follow_scroll)

    def show_document(self, document: Document) -> None:
        headings = [section.heading_text for section in document.sections]
        if headings == [self.item(row).text() for row in range(self.count())]:
            return
        current = self.currentRow()
        self.clear()
        for text in headings:
            QListWidgetItem(text, self)
        if 0 <= current < self.count():
            self.setCurrentRow(current)

    def _follow_scroll(self, value: int) -> None:
        """Mark the section at the top of the preview, as a navigation pane does while one reads."""
        if not self.isVisible() or self.hasFocus():
            return  # hidden behind another tab, or the user is moving through the outline
        layout, line = self.preview.document().documentLayout(), value + self.preview.viewport().height() * 0.2
        row = 0
        for index, block in enumerate(section_blocks(self.preview)):
            if layout.blockBoundingRect(block).top() > line:
                break  # the page is laid out lazily: measuring past the screen would lay it all out
            row = index
        if row < self.count() and row != self.currentRow():
            self.setCurrentRow(row)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._follow_scroll(self.preview.verticalScrollBar().value())

    def _go(self, item: QListWidgetItem) -> None:
        self.go_to(self.row(item))

    def go_to(self, row: int) -> bool:
        blocks = section_blocks(self.preview)
        if not 0 <= row < len(blocks):
            return False
        self.preview.verticalScrollBar().setValue(int(self.preview.document().documentLayout().blockBoundingRect(blocks[row]).top()))
        return True


def find_all(page: QTextDocument, words: str) -> list[QTextCursor]:
    """Every place `words` occurs in the page, ignoring case, in reading order."""
    found, cursor = [], QTextCursor(page)
    while words:
        cursor = page.find(words, cursor)
        if cursor.isNull():
            break
        found.append(QTextCursor(cursor))
    return found


class FindBar(QWidget):
    """Find in the policy: type, then Enter (or F3) for the next match, Shift+Enter for the previous; Esc closes."""

    closed = Signal()

    def __init__(self, preview: PolicyPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in the policy")
        self.field.setAccessibleName("Find in the policy")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _text: self.search(keep=False))
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setAccessibleName("Matches found")
        self.previous = self._button("Previous", "Previous match (Shift+Enter)", lambda: self.step(-1))
        self.next = self._button("Next", "Next match (Enter)", lambda: self.step(1))
        close = self._button("Close", "Close the find bar (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for button in (self.previous, self.next, close):
            layout.addWidget(button)
        # a rebuilt page is marked again where it is: the edit that rebuilt it decides what to show
        preview.page_replaced.connect(lambda: self.search(keep=True, scroll=False) if self.isVisible() else None)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    def open(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search(keep=True)

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.preview.set_marks([])
        self.preview.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def search(self, keep: bool, scroll: bool = True) -> None:
        """Find the words again (the page was rebuilt, or the words changed); `keep` stays at the same match number."""
        previous = self.current
        self.matches = find_all(self.preview.document(), self.field.text())
        self.current = (min(previous, len(self.matches) - 1) if keep and previous >= 0 else 0) if self.matches else -1
        self._show(scroll)

    def step(self, by: int) -> None:
        if self.matches:
            self.current = (self.current + by) % len(self.matches)
            self._show()

    def _show(self, scroll: bool = True) -> None:
        words = self.field.text()
        if not words:
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        for button in (self.previous, self.next):
            button.setEnabled(len(self.matches) > 1)
        self.preview.set_marks(self._marks())
        if self.matches and scroll:
            self.preview.scroll_to(self.matches[self.current].block(), top_share=0.3)

    def _marks(self) -> list[QTextEdit.ExtraSelection]:
        palette = self.preview.palette()
        every = QColor(palette.color(QPalette.ColorRole.Highlight))
        every.setAlpha(60)
        marks = []
        for number, cursor in enumerate(self.matches):
            mark = QTextEdit.ExtraSelection()
            mark.cursor = cursor
            if number == self.current:
                mark.format.setBackground(palette.color(QPalette.ColorRole.Highlight))
                mark.format.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                mark.format.setBackground(every)
            marks.append(mark)
        return marks

    def eventFilter(self, watched, event) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if shift else 1)
                return True
            if event.matches(QKeySequence.StandardKey.FindNext):
                self.step(1)
                return True
            if event.matches(QKeySequence.StandardKey.FindPrevious):
                self.step(-1)
                return True
        return super().eventFilter(watched, event)
