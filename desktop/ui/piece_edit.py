"""A text box for wording with protected pieces: the filled-in values of a clause (company name,
email, section references…) sit in the text as shaded, labelled units. The cursor steps over a
piece, Backspace or Delete removes it whole, and typing never lands inside one.
"""

from difflib import SequenceMatcher

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.engine.policy.reword import Line, Piece, Words
from desktop.ui.widgets import error_colour

PIECE_ID = QTextCharFormat.Property.UserProperty + 1
BULLET = "• "
_BULLETS = (BULLET, "- ")


class PieceEdit(QTextEdit):
    """Shows lines of words and pieces; `edited` says the user changed them (never a refill)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._pieces: dict[int, Piece] = {}
        self._fills = 0  # how many times the box was filled: a fill during a key press replaced its cursor
        self._filling = False
        self._last_position = 0
        self.cursorPositionChanged.connect(self._keep_out_of_pieces)
        self.textChanged.connect(self._changed)

    # Filling and reading
    def set_lines(self, lines: list[Line]) -> None:
        self._filling = True
        self._fills += 1
        self._pieces.clear()
        self.clear()
        cursor = QTextCursor(self.document())
        previous = None
        for line in lines:
            if previous is not None:
                cursor.insertBlock()
                if not (line.kind == previous == "li"):
                    cursor.insertBlock()  # an empty line between paragraphs, as the user would type one
            if line.kind == "li":
                cursor.insertText(BULLET, self._words_format())
            for part in line.parts:
                if isinstance(part, Words):
                    cursor.insertText(part.text, self._words_format(part.bold, part.italic))
                else:
                    cursor.insertText(part.shown, self._piece_format(part))
            previous = line.kind
        self._filling = False
        self._last_position = self.textCursor().position()

    def lines(self) -> list[Line]:
        """The lines as they stand: each non-empty paragraph of the box, bullets where a line starts with one."""
        lines = []
        block = self.document().begin()
        while block.isValid():
            parts = self._block_parts(block)
            kind = "p"
            if parts and isinstance(parts[0], Words) and parts[0].text.lstrip().startswith(_BULLETS):
                kind = "li"
                first = parts[0]
                rest = first.text.lstrip()[2:]
                parts = ([Words(rest, first.bold, first.italic)] if rest else []) + parts[1:]
            if any(isinstance(p, Piece) or p.text.strip() for p in parts):
                lines.append(Line(kind, tuple(parts)))
            block = block.next()
        return lines

    def pieces(self) -> list[Piece]:
        return [part for line in self.lines() for part in line.parts if isinstance(part, Piece)]

    def _block_parts(self, block) -> list:
        parts: list = []
        seen: set[int] = set()
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            fmt = fragment.charFormat()
            piece_id = fmt.property(PIECE_ID)
            if piece_id in self._pieces:
                if piece_id not in seen:  # one piece may come in several fragments; it counts once
                    seen.add(piece_id)
                    parts.append(self._pieces[piece_id])
                continue
            bold, italic = fmt.fontWeight() >= QFont.Weight.Bold, fmt.fontItalic()
            if parts and isinstance(parts[-1], Words) and (parts[-1].bold, parts[-1].italic) == (bold, italic):
                parts[-1] = Words(parts[-1].text + fragment.text(), bold, italic)
            else:
                parts.append(Words(fragment.text(), bold, italic))
        return parts

    # Formats
    def _words_format(self, bold: bool = False, italic: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        return fmt

    def _piece_format(self, piece: Piece) -> QTextCharFormat:
        piece_id = len(self._pieces) + 1
        self._pieces[piece_id] = piece
        fmt = self._words_format(piece.bold, piece.italic)
        fmt.setProperty(PIECE_ID, piece_id)
        base = error_colour(self.palette()) if piece.missing else self.palette().color(QPalette.ColorRole.Highlight)
        tint = QColor(base)
        tint.setAlpha(60)
        fmt.setBackground(tint)
        fmt.setToolTip(piece.label + ("\nThis detail is missing: fill it in, and it appears here." if piece.missing else ""))
        return fmt

    # Where a piece starts and ends
    def _piece_at(self, position: int) -> int | None:
        """The piece id of the character at `position`, if it belongs to a piece."""
        if position < 0 or position >= self.document().characterCount() - 1:
            return None
        block = self.document().findBlock(position)
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            if fragment.position() <= position < fragment.position() + fragment.length():
                piece_id = fragment.charFormat().property(PIECE_ID)
                return piece_id if piece_id in self._pieces else None
        return None

    def _piece_span(self, piece_id: int, around: int) -> tuple[int, int]:
        start = end = around
        while self._piece_at(start - 1) == piece_id:
            start -= 1
        while self._piece_at(end) == piece_id:
            end += 1
        return start, end

    def _inside_piece(self, position: int) -> tuple[int, int] | None:
        """The piece that `position` falls strictly inside, as (start, end)."""
        piece_id = self._piece_at(position)
        if piece_id is None or self._piece_at(position - 1) != piece_id:
            return None
        return self._piece_span(piece_id, position)

    def _keep_out_of_pieces(self) -> None:
        cursor = self.textCursor()
        position = cursor.position()
        span = self._inside_piece(position)
        if span is not None:
            start, end = span
            if cursor.hasSelection():  # a selection grows to take the whole piece
                target = end if cursor.anchor() < position else start
            elif position > self._last_position:
                target = end
            elif position < self._last_position:
                target = start
            else:
                target = start if position - start <= end - position else end
            mode = QTextCursor.MoveMode.KeepAnchor if cursor.hasSelection() else QTextCursor.MoveMode.MoveAnchor
            cursor.setPosition(target, mode)
            self.setTextCursor(cursor)
            position = target
        self._last_position = position
        self._plain_typing()

    def _plain_typing(self) -> None:
        """What is typed next is the user's words, never part of the piece beside the cursor."""
        if self.currentCharFormat().property(PIECE_ID) is not None:
            self.setCurrentCharFormat(_plain(self.currentCharFormat()))

    # Keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection() and (event.text() or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)):
            self._widen_to_pieces(cursor)
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not event.modifiers():
            position = cursor.position()
            piece_id = self._piece_at(position - 1 if event.key() == Qt.Key.Key_Backspace else position)
            if piece_id is not None:
                start, end = self._piece_span(piece_id, position - 1 if event.key() == Qt.Key.Key_Backspace else position)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                fills = self._fills
                cursor.removeSelectedText()
                if fills == self._fills:  # else the box was refilled, its cursor placed among the new text
                    self.setTextCursor(cursor)
                return
        self._plain_typing()
        super().keyPressEvent(event)

    def _widen_to_pieces(self, cursor: QTextCursor) -> None:
        """A selection that cuts into a piece takes the whole piece."""
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        if (span := self._inside_piece(start)) is not None:
            start = span[0]
        if (span := self._inside_piece(end)) is not None:
            end = span[1]
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def insertFromMimeData(self, source) -> None:
        cursor = self.textCursor()
        cursor.insertText(source.text().replace("\ufffc", ""), _plain(cursor.charFormat()))
        self.setTextCursor(cursor)

    def _changed(self) -> None:
        if not self._filling:
            self._filling = True
            self._mend_pieces()
            self._filling = False
            self.edited.emit()

    def _mend_pieces(self) -> None:
        """Whatever way text got into a piece (an input method, a drop), it is the user's words; a
        piece that lost some of its text is removed whole."""
        spans: dict[int, list[tuple[int, str]]] = {}
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                iterator += 1
                piece_id = fragment.charFormat().property(PIECE_ID)
                if piece_id in self._pieces:
                    spans.setdefault(piece_id, []).append((fragment.position(), fragment.text()))
            block = block.next()
        for piece_id, fragments in sorted(spans.items(), key=lambda item: -item[1][0][0]):
            start = fragments[0][0]
            text = "".join(part for _, part in fragments)
            shown = self._pieces[piece_id].shown
            if text == shown:
                continue
            cursor = QTextCursor(self.document())
            if shown in text:
                offset = text.index(shown)
                for begin, end in ((start + offset + len(shown), start + len(text)), (start, start + offset)):
                    if end > begin:
                        cursor.setPosition(begin)
                        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(_plain(cursor.charFormat()))
            else:
                cursor.setPosition(start)
                cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()

    def refill(self, lines: list[Line]) -> None:
        """Show `lines` in place of what the box shows, the cursor staying among the same words: a
        value changed before it (a new company name) or after it (a term defined there now) moves it
        with the text, or not at all."""
        old, position = self.toPlainText(), self.textCursor().position()
        self.set_lines(lines)
        cursor = self.textCursor()
        cursor.setPosition(same_place(old, self.toPlainText(), position))
        self._last_position = cursor.position()
        self.setTextCursor(cursor)


def same_place(old: str, new: str, position: int) -> int:
    """Where `position` in `old` is in `new`: among the same characters where they are unchanged
    (text may change before and after it, a list shrink, a blank line come in), at the start of
    what replaced a changed stretch, moved by as much as it can."""
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal" and i1 <= position <= i2:
            return j1 + position - i1
        if tag != "equal" and i1 <= position < i2:
            return j1 + min(position - i1, j2 - j1)
    return len(new)


def _plain(fmt: QTextCharFormat) -> QTextCharFormat:
    """The format of the user's own words next to a piece: its bold or italic, none of its marks."""
    plain = QTextCharFormat(fmt)
    plain.clearProperty(PIECE_ID)
    plain.clearBackground()
    plain.setToolTip("")
    return plain
