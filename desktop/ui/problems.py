"""The problems list: what the engine's checks say, errors first, each with where it points.

Double-click a row (or press Enter on it) to go to the field, practice or clause concerned.
"""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyle, QTreeView, QWidget

from desktop.engine.checks import ERROR, INFO, WARNING, Problem
from desktop.engine.library import Library
from desktop.ui.where import describe

SEVERITY, MESSAGE, WHERE = range(3)
HEADERS = ("Kind", "Problem", "Where")
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # the problem's Place
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_TEXT = {ERROR: "Error", WARNING: "Warning", INFO: "Note"}
_ICONS = {ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical, WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
          INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ProblemsModel(QAbstractTableModel):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.problems: list[Problem] = []
        self._places: list[str] = []

    def set_problems(self, problems: list[Problem]) -> None:
        if problems == self.problems:
            return
        self.beginResetModel()
        self.problems = list(problems)
        self._places = [' and '.join(describe(place, self.library) for place in (p.place, *p.also)) for p in self.problems]
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.problems):
            return None
        problem, column = self.problems[index.row()], index.column()
        if role == PLACE_ROLE:
            return problem.place
        if role == SEVERITY_ROLE:
            return problem.severity
        if role == Qt.ItemDataRole.DisplayRole:
            return (SEVERITY_TEXT.get(problem.severity, problem.severity), problem.message, self._places[index.row()])[column]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{SEVERITY_TEXT.get(problem.severity, problem.severity)}: {problem.message} ({self._places[index.row()]})"
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return QApplication.style().standardIcon(_ICONS.get(problem.severity, _ICONS[INFO]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def counts(self) -> dict[str, int]:
        return {severity: sum(p.severity == severity for p in self.problems) for severity in (ERROR, WARNING, INFO)}


class ProblemsView(QTreeView):
    navigate = Signal(object)  # the problem's Place

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.model_ = ProblemsModel(library, self)
        self.setModel(self.model_)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAccessibleName("Problems")
        self.setAccessibleDescription("Errors and warnings in the policy. Press Enter or double-click to go to one.")
        header = self.header()
        header.setAccessibleName("Problem columns")
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHERE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WHERE, self.fontMetrics().horizontalAdvance("M") * 16)
        # `activated` is a double-click (a single click where the platform says so) or Enter.
        self.activated.connect(lambda index: self.navigate.emit(index.data(PLACE_ROLE)))

    def set_problems(self, problems: list[Problem]) -> None:
        self.model_.set_problems(problems)
