"""The checklist's tree view: a law spans its row; a requirement wraps its plain words, with the
law's reference in small print below them, and beside them its state, with the clause that says
it (or the practice that would) in small print below that."""

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from desktop.ui.compliance_model import CITATION_ROLE, ITEM, KIND_ROLE, REQUIREMENT, STATE, WHERE, ComplianceModel
from desktop.ui.widgets import muted_colour

_MARGIN = 4
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def small_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    return small


def small_print(index: QModelIndex) -> str:
    """What a cell shows beneath its text, smaller: the citation under the words, the clause under the state."""
    if index.column() == REQUIREMENT:
        return index.data(CITATION_ROLE) or ""
    return index.siblingAtColumn(WHERE).data() or "" if index.column() == STATE else ""


class RequirementDelegate(QStyledItemDelegate):
    """Wraps every cell to its column's width, with its small print beneath."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    def _width(self, index: QModelIndex) -> int:
        width = self.view.columnWidth(index.column())
        if index.column() == 0:
            width -= self.view.indentation() if index.parent().isValid() else 0
        return max(width - 2 * _MARGIN, 40)

    def sizeHint(self, option, index) -> QSize:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        width = self._width(index)
        if index.data(KIND_ROLE) != ITEM:  # a law: its row spans the view
            width = self.view.viewport().width() - 2 * _MARGIN - item.decorationSize.width() - 2 * _MARGIN
            height = QFontMetrics(item.font).boundingRect(QRect(0, 0, max(width, 40), 10_000), _WRAP, item.text).height()
            return QSize(width, max(height, item.decorationSize.height()) + 2 * _MARGIN + 6)
        if item.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= item.decorationSize.width() + 2 * _MARGIN
        height = QFontMetrics(item.font).boundingRect(QRect(0, 0, width, 10_000), _WRAP, item.text).height()
        if below := small_print(index):
            height += QFontMetrics(small_font(item.font)).boundingRect(QRect(0, 0, width, 10_000), _WRAP, below).height() + 2
        return QSize(width, max(height, item.decorationSize.height()) + 2 * _MARGIN + 2)

    def paint(self, painter, option, index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        item.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if (
            index.data(KIND_ROLE) != ITEM) else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        rect = item.rect.adjusted(_MARGIN, _MARGIN + (3 if index.data(KIND_ROLE) != ITEM else 0), -_MARGIN, -_MARGIN)
        if item.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            rect.setLeft(rect.left() + item.decorationSize.width() + 2 * _MARGIN)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(item.palette.color(role))
        painter.setFont(item.font)
        used = painter.boundingRect(rect, _WRAP, text)
        painter.drawText(rect, _WRAP, text)
        if below := small_print(index):
            painter.setFont(small_font(item.font))
            painter.setPen(item.palette.color(role) if selected else muted_colour(item.palette))
            painter.drawText(rect.adjusted(0, used.height() + 2, 0, 0), _WRAP, below)
        painter.restore()


class ChecklistView(QTreeView):
    def __init__(self, model: ComplianceModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(RequirementDelegate(self))
        self.setUniformRowHeights(False)
        self.setRootIsDecorated(False)  # every law stays open: its requirements are the point
        self.setItemsExpandable(False)
        self.setIndentation(self.fontMetrics().horizontalAdvance("M"))
        self.setWordWrap(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName("Compliance checklist")
        self.setAccessibleDescription("What each law you chose asks the policy to say, and whether it does. "
                                      "Enter on a covered requirement shows its clause; on a missing one, adds the practice.")
        header = self.header()
        header.setAccessibleName("Checklist columns")
        header.setStretchLastSection(False)
        header.setSectionResizeMode(REQUIREMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(STATE, self.fontMetrics().horizontalAdvance("M") * 12)
        self.setColumnHidden(WHERE, True)  # shown in small print under the state
        header.sectionResized.connect(lambda *_: self.doItemsLayout())  # wrapped rows change height
        model.modelReset.connect(self._laid_out)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # a law's row wraps to the view's width

    def _laid_out(self) -> None:
        """Each law's row spans the columns; every row is shown open."""
        model = self.model()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()
