"""Small helpers shared by the panels: colours that suit light and dark palettes, undo keys."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QWidget,
)


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(palette: QPalette) -> QColor:
    return QColor("#ff8a80") if palette_is_dark(palette) else QColor("#b3261e")


def muted_colour(palette: QPalette) -> QColor:
    text, base = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    return QColor((text.red() * 2 + base.red()) // 3, (text.green() * 2 + base.green()) // 3, (text.blue() * 2 + base.blue()) // 3)


class _UndoKeysToWindow(QObject):
    """Lets Ctrl+Z / Ctrl+Y reach the window's undo history instead of a text field's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return True
        return False


_FILTER: _UndoKeysToWindow | None = None


def block_undo_shortcuts(widget: QWidget) -> None:
    global _FILTER
    if _FILTER is None:
        _FILTER = _UndoKeysToWindow()
    widget.installEventFilter(_FILTER)


class _WheelOnlyInside:
    """A value box in a scrolling form: the wheel changes it only once the user is in it (clicked or
    tabbed to); otherwise the wheel goes on to scroll the form, and never takes the focus."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # an ignored wheel event goes to the parent, so the scroll area scrolls


class FormComboBox(_WheelOnlyInside, QComboBox):
    """A drop-down in a scrolling form."""


class FormSpinBox(_WheelOnlyInside, QSpinBox):
    """A number box in a scrolling form."""


class FormDateEdit(_WheelOnlyInside, QDateEdit):
    """A date field in a scrolling form."""


def list_over_details(name: str, top: QWidget, details: QWidget) -> QSplitter:
    """A list above the details of its current row, as the side panels show them (3 to 2)."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setObjectName(name)  # the window keeps each splitter's sizes under its name
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(top)
    splitter.addWidget(details)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    return splitter


def details_area(accessible_name: str, content: QWidget) -> QScrollArea:
    """The scrolling, framed pane below a side panel's list that shows its current row."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.StyledPanel)
    area.setAccessibleName(accessible_name)
    area.setWidget(content)
    return area


class WrappedNote(QLabel):
    """Word-wrapped text under a form's field that always gets the lines it needs: a form layout
    gives a field the height its text takes at the field's preferred width, which clipped a note
    laid out narrower (the representative's warning, under the company details)."""

    def __init__(self, text: str = ""):
        super().__init__(text)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(self.width()) if self.width() > 0 else -1
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class ClickLabel(QLabel):
    """The wrapped text of a check box; clicking it toggles the box, as a check box's own text would."""

    def __init__(self, text: str, box: QCheckBox):
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.click()


def wrapped_check(box: QCheckBox, text: str) -> QHBoxLayout:
    """A check box with its text beside it wrapped, so a long text never widens the panel."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(ClickLabel(text, box), 1)
    return row


class Caption(QLabel):
    """A panel's bold title and a muted note after it. A panel too narrow for the note in two lines
    shows the title alone, the note in its tooltip, so the panel's content keeps the room."""

    MOST_LINES = 2

    def __init__(self, title: str, note: str = ""):
        super().__init__()
        self.title, self.note = title, note
        self.setObjectName("caption")
        self.setContentsMargins(8, 6, 8, 6)
        self.setWordWrap(True)  # a narrow panel wraps its caption rather than refusing to shrink
        self._show(with_note=bool(note))

    def _show(self, with_note: bool) -> None:
        muted = muted_colour(self.palette()).name()
        note = f" &nbsp;<span style='color:{muted}'>{self.note}</span>" if with_note else ""
        self.setText(f"<b>{self.title}</b>{note}")
        self.setToolTip("" if with_note or not self.note else self.note)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.note:
            return
        margins = self.contentsMargins()
        self._show(with_note=True)
        lines = (self.heightForWidth(self.width()) - margins.top() - margins.bottom()) / self.fontMetrics().lineSpacing()
        if lines > self.MOST_LINES + 0.5:
            self._show(with_note=False)
