"""The live preview: the assembled Document, laid out as a page, built from the same blocks the
exporters write. Each paragraph remembers its clause, so a click (or moving the caret with the
keyboard) selects that clause for rewording; links never open from here.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from desktop.engine.policy.document import Document
from desktop.ui.page_writer import Unit, Writer, clause_at, page_shape, page_units

PAGE_CHARS = 84  # a comfortable line length, as on a printed page
FLASH_MS = 1500  # how long a changed clause stays marked
FLASH_COLOUR = QColor(255, 200, 0, 70)  # a marker pen's yellow over light and dark pages alike
ZOOM_STEP, ZOOM_STEPS = 0.1, range(-5, 11)  # each step a tenth of the page's size, from half to twice


class PolicyPreview(QTextBrowser):
    clause_clicked = Signal(str)
    edit_requested = Signal()
    page_replaced = Signal()  # a new page is shown: marks made on the old one are gone

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAccessibleName("Policy preview")
        self.setAccessibleDescription("The policy as readers will see it. Click a clause, or move to it and press Enter, to reword it.")
        self.selected_clause: str | None = None
        self.zoom_steps = 0
        self._shown: Document | None = None
        self._writing = False
        self._page: QTextDocument | None = None
        self._units: list[Unit] = []  # what the page shows, and its shape: the same shape is rewritten in place
        self._shape: tuple | None = None
        self._starts: list[int] = []  # each unit's first block number on the page
        self._numbers: dict[str, list[int]] = {}  # clause id -> the numbers of its blocks on the page
        self.flashed: str | None = None  # the clause marked as just changed
        self._marks: list[QTextEdit.ExtraSelection] = []  # what find-in-policy marks
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self.end_flash)
        self.cursorPositionChanged.connect(self._cursor_moved)

    def zoom(self, steps: int) -> None:
        """Make the page larger (steps > 0) or smaller; 0 steps from `zoom_steps` 0 is its own size."""
        wanted = min(max(self.zoom_steps + steps, ZOOM_STEPS.start), ZOOM_STEPS.stop - 1) if steps else 0
        if wanted != self.zoom_steps:
            self.zoom_steps = wanted
            self._fit_page()
            if self._shown is not None:
                self.show_document(self._shown)

    def show_document(self, document: Document) -> None:
        self._shown = document
        units = page_units(document)
        shape = (self.palette().cacheKey(), self.font().toString(), self.zoom_steps, page_shape(units))
        self._writing = True
        try:
            if self._page is not None and shape == self._shape:
                self._rewrite(units)
            else:
                self._new_page(units)
        finally:
            self._writing = False
        self._units, self._shape = units, shape
        self.flashed, self._marks = None, []
        self._paint_marks()
        self.page_replaced.emit()

    def _rewrite(self, units: list[Unit]) -> None:
        """The same pieces as the page shown, some with other words (most edits): only those are
        written again, so Qt lays out only them instead of the whole page."""
        writer = Writer(self._page, self.palette(), self._page.defaultFont())
        edit = QTextCursor(self._page)
        edit.beginEditBlock()
        for old, new, number in zip(self._units, units, self._starts, strict=True):
            if old != new:
                writer.rewrite(number, new[0], new[2])
        edit.endEditBlock()

    def _new_page(self, units: list[Unit]) -> None:
        scroll = self.verticalScrollBar().value()
        page = QTextDocument(self)
        page.setUndoRedoEnabled(False)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.08 * (1 + ZOOM_STEP * self.zoom_steps))
        page.setDefaultFont(font)
        page.setDocumentMargin(28)
        writer = Writer(page, self.palette(), font)
        writer.write(units)
        self._starts, self._numbers = writer.starts, writer.numbers
        self._highlight(page)
        self.setDocument(page)
        if self._page is not None:
            self._page.deleteLater()
        self._page = page
        self.verticalScrollBar().setValue(scroll)

    def plain_text(self) -> str:
        return self.document().toPlainText()

    def block_of(self, clause_id: str):
        found = self.blocks_of(clause_id)
        return found[0] if found else None

    def blocks_of(self, clause_id: str) -> list:
        page = self.document()
        return [page.findBlockByNumber(number) for number in self._numbers.get(clause_id, ())]

    def select_clause(self, clause_id: str | None, scroll: bool = True) -> None:
        self.selected_clause = clause_id
        self._highlight()
        block = self.block_of(clause_id) if clause_id else None
        if block is not None and scroll:
            self._writing = True
            try:
                self.setTextCursor(QTextCursor(block))
            finally:
                self._writing = False
            self.scroll_to(block)

    def scroll_to(self, block, top_share: float = 0.15) -> None:
        """Bring a block into view unless it already is, its top a little below the viewport's."""
        layout = self.document().documentLayout()
        rect = layout.blockBoundingRect(block)
        bar, height = self.verticalScrollBar(), self.viewport().height()
        if not (bar.value() <= rect.top() and rect.top() + min(rect.height(), height * 0.5) <= bar.value() + height):
            target = int(rect.top() - height * top_share)
            if target > bar.maximum():  # Qt lays a long page out in steps and widens the range later: widen it now
                bar.setMaximum(max(target, int(layout.documentSize().height()) - height))
            bar.setValue(target)

    def _in_view(self, block) -> bool:
        rect = self.document().documentLayout().blockBoundingRect(block)
        top, margin = self.verticalScrollBar().value(), self.fontMetrics().lineSpacing() * 2  # a sliver at an edge is not shown
        return rect.bottom() > top + margin and rect.top() < top + self.viewport().height() - margin

    def reveal(self, clause_id: str) -> bool:
        """Show a clause that just changed: scroll it into view and mark it for a moment."""
        blocks = self.blocks_of(clause_id)
        if not blocks:
            return False
        if not any(self._in_view(block) for block in blocks):  # part of it on screen: the reader is there already
            self.scroll_to(blocks[0])
        self.flashed = clause_id
        self._flash_timer.start()
        self._paint_marks()
        return True

    def end_flash(self) -> None:
        self.flashed, self._marks = None, []
        self._paint_marks()
        self.page_replaced.emit()

    def set_marks(self, marks: list[QTextEdit.ExtraSelection]) -> None:
        """Find-in-policy's marks, painted over the page without changing it."""
        self._marks = marks
        self._paint_marks()

    def _paint_marks(self) -> None:
        flash = []
        for block in self.blocks_of(self.flashed) if self.flashed else []:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(block)
            mark.cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            mark.format.setBackground(FLASH_COLOUR)
            mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            flash.append(mark)
        self.setExtraSelections(flash + self._marks)

    def _highlight(self, page: QTextDocument | None = None) -> None:
        """Shade every block of the selected clause (and only those) across the page's width: on a new
        `page` before it is shown, else on the page shown."""
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(40)
        target = page or self.document()
        changed = False
        self._writing = True
        try:
            block = target.begin()
            while block.isValid():
                selected = bool(self.selected_clause) and clause_at(block) == self.selected_clause
                fmt = block.blockFormat()
                if selected != fmt.hasProperty(QTextFormat.Property.BackgroundBrush):
                    if selected:
                        fmt.setBackground(colour)
                    else:
                        fmt.clearBackground()
                    QTextCursor(block).setBlockFormat(fmt)
                    changed = True
                block = block.next()
        finally:
            self._writing = False
        if changed and page is None:
            # Qt lays a long page out in steps; a format changed before the last step ends the layout
            # there, and the rest of the page stays blank until a resize. Lay it all out again.
            target.markContentsDirty(0, target.characterCount())

    def _cursor_moved(self) -> None:
        if self._writing:
            return
        clause_id = clause_at(self.textCursor().block())
        if clause_id and clause_id != self.selected_clause:
            self.selected_clause = clause_id
            self._highlight()
            self.clause_clicked.emit(clause_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_clause:
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self.zoom(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event) -> None:
        self._fit_page()  # margins first, so the text is laid out for the narrower page that results
        super().resizeEvent(event)

    def _fit_page(self) -> None:
        page = int(self.fontMetrics().averageCharWidth() * PAGE_CHARS * (1 + ZOOM_STEP * self.zoom_steps))
        side = max(0, (self.width() - page) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
