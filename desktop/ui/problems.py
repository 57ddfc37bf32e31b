"""The problems list: what the engine's checks say, errors first, each with where it points;
below it, the current problem in full: every place it concerns, the law's wording, how to fix it.

Double-click a row (or press Enter on it) to go to the field, practice or clause concerned.
"""

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLabel, QStyle, QTreeView, QWidget

from desktop.engine.library.model import Library
from desktop.engine.policy.place import REQUIREMENT
from desktop.engine.review.checks import ERROR, INFO, WARNING, Problem
from desktop.ui.where import describe, practices_covering
from desktop.ui.widgets import muted_colour

SEVERITY, MESSAGE, WHERE = range(3)
HEADERS = ("Kind", "Problem", "Where")
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # the problem's Place
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 3  # the Problem itself
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
        """Change the rows in place: a row whose problem is unchanged stays the same row (and
        under the mouse), so the list never jumps while the user aims at it."""
        new = list(problems)
        if new == self.problems:
            return
        wanted = set(new)
        for row in reversed(range(len(self.problems))):
            if self.problems[row] not in wanted:
                self.beginRemoveRows(_ROOT, row, row)
                del self.problems[row], self._places[row]
                self.endRemoveRows()
        kept = set(self.problems)
        if [p for p in new if p in kept] != self.problems:  # the same problems in another order: rare
            self.beginResetModel()
            self.problems, self._places = new, [self._place_text(p) for p in new]
            self.endResetModel()
            return
        for row, problem in enumerate(new):
            if row >= len(self.problems) or self.problems[row] != problem:
                self.beginInsertRows(_ROOT, row, row)
                self.problems.insert(row, problem)
                self._places.insert(row, self._place_text(problem))
                self.endInsertRows()

    def _place_text(self, problem: Problem) -> str:
        places = [describe(place, self.library) for place in (problem.place, *problem.also)]
        return " and ".join(places) if len(places) <= 2 else f"{places[0]} and {len(places) - 1} others"

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
        if role == PROBLEM_ROLE:
            return problem
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


def fix_hint(problem: Problem, library: Library) -> str:
    """How to settle a problem, where its message does not say: the practices that cover a law's requirement."""
    if problem.place.kind != REQUIREMENT:
        return ""
    covering = practices_covering(problem.place.id, library)
    if not covering:
        return ""
    titles = ", ".join(f"“{library.practices[p].title}”" for p in covering[:3])
    return f"Ticking {titles} would cover this."


def details_html(problem: Problem, library: Library, muted: str) -> str:
    places = " · ".join(escape(describe(place, library)) for place in (problem.place, *problem.also))
    parts = [f"<p><b>{escape(SEVERITY_TEXT.get(problem.severity, problem.severity))}:</b> {escape(problem.message)}</p>",
             f"<p><b>Where:</b> {places}</p>"]
    parts += [f"<p>{escape(line)}</p>" for line in problem.detail.splitlines() if line.strip()]
    if hint := fix_hint(problem, library):
        parts.append(f"<p><b>To fix it:</b> {escape(hint)}</p>")
    parts.append(f'<p style="color:{muted}">Double-click the problem, or press Enter on it, to go there.</p>')
    return "".join(parts)


class ProblemDetails(QLabel):
    """The current problem in full, kept beside the list until the problem is fixed."""

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.problem: Problem | None = None
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setContentsMargins(8, 4, 8, 4)
        self.setAccessibleName("About the selected problem")

    def show_problem(self, problem: Problem | None) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        self.setText(details_html(problem, self.library, muted_colour(self.palette()).name()) if problem else "")


class ProblemsView(QTreeView):
    navigate = Signal(object)  # the problem's Place
    current_place = Signal(object)  # the Place of the problem the user moved to
    current_problem = Signal(object)  # that Problem, or None when no row is current

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
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._current: Problem | None = None

    def set_problems(self, problems: list[Problem]) -> None:
        self.model_.set_problems(problems)
        self._announce()  # a fixed problem's row is gone: its details go with it

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.data(PROBLEM_ROLE) != self._current:
            self.current_place.emit(current.data(PLACE_ROLE))
        self._announce()

    def _announce(self) -> None:
        index = self.currentIndex()
        problem = index.data(PROBLEM_ROLE) if index.isValid() else None
        if problem != self._current:
            self._current = problem
            self.current_problem.emit(problem)
