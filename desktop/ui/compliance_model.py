"""The compliance checklist as a tree: each chosen law, holding its requirements.

A requirement row says in plain words what the law asks the policy to state, the law's reference,
its state (covered, reworded: check your wording, missing, not required) as an icon and words, and
the clause that states it, the practice or detail that would, or the owner's reason it is not required. The model only shows what `coverage` decided.
"""

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from desktop.engine.language.words import join_words
from desktop.engine.library.model import Library
from desktop.engine.review.coverage import (
    COVERED,
    MISSING,
    NOT_REQUIRED,
    REWORDED,
    RegimeCoverage,
    RequirementCoverage,
    detail_words,
)

REQUIREMENT, STATE, WHERE = range(3)
HEADERS = ("What the policy must say", "State", "In the policy")  # the view shows "In the policy" under the state
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # regime id or requirement id
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # REGIME or ITEM
STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # COVERED, REWORDED, MISSING or INSTEAD; None for a regime
CITATION_ROLE = Qt.ItemDataRole.UserRole + 4
CLAUSES_ROLE = Qt.ItemDataRole.UserRole + 5  # covered: the clauses that state it; reworded: the ones to check
PRACTICES_ROLE = Qt.ItemDataRole.UserRole + 6  # missing or instead: the practices that would state it, best first
LAW_TEXT_ROLE = Qt.ItemDataRole.UserRole + 7  # what the law asks, in its own terms
REASON_ROLE = Qt.ItemDataRole.UserRole + 8  # not required: why, in the owner's words
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 9  # missing: the empty company details that are its content
REGIME, ITEM = "regime", "requirement"
INSTEAD = "instead"  # an `alone` requirement not met: one way to answer the law by itself
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_ICONS = {COVERED: QStyle.StandardPixmap.SP_DialogApplyButton, REWORDED: QStyle.StandardPixmap.SP_MessageBoxQuestion,
          MISSING: QStyle.StandardPixmap.SP_MessageBoxWarning, INSTEAD: QStyle.StandardPixmap.SP_MessageBoxInformation,
          NOT_REQUIRED: QStyle.StandardPixmap.SP_DialogNoButton}


def state_text(state: str, regime_title: str = "") -> str:
    return {COVERED: "Covered", REWORDED: "Reworded: check your wording", MISSING: "Missing",
            NOT_REQUIRED: "Not required", INSTEAD: f"Or instead: answers {regime_title} alone"}[state]


@dataclass
class _Row:
    kind: str
    regime: RegimeCoverage
    item: RequirementCoverage | None = None
    state: str | None = None
    parent: "_Row | None" = None
    row: int = 0


class ComplianceModel(QAbstractItemModel):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self._regimes: list[_Row] = []
        self._children: dict[int, list[_Row]] = {}  # id() of a regime row -> its requirement rows
        self._shape: list[tuple[str, list[tuple[str, str]]]] = []

    # Filling
    def set_coverage(self, result: dict[str, RegimeCoverage]) -> None:
        """Show a new coverage. When the rows stay the same (the same laws, requirements and states
        of being needed) they keep their identity and only their data changes, so the view keeps
        its selection and scroll position."""
        shape = [(regime_id, [(item.id, state == INSTEAD) for item, state in _items(regime)])
                 for regime_id, regime in result.items()]
        if shape != self._shape:
            self.beginResetModel()
            self._regimes, self._children = [], {}
            for number, regime in enumerate(result.values()):
                row = _Row(REGIME, regime, row=number)
                self._regimes.append(row)
                self._children[id(row)] = [_Row(ITEM, regime, item, state, row, index)
                                           for index, (item, state) in enumerate(_items(regime))]
            self._shape = shape
            self.endResetModel()
            return
        for row, regime in zip(self._regimes, result.values(), strict=True):
            if row.regime == regime:
                continue  # most edits change no law's coverage: its rows are not measured and drawn again
            row.regime = regime
            children = self._children[id(row)]
            for child, (item, state) in zip(children, _items(regime), strict=True):
                child.regime, child.item, child.state = regime, item, state
            self.dataChanged.emit(self.index(row.row, 0), self.index(row.row, WHERE))
            if children:
                parent = self.createIndex(row.row, 0, row)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(children) - 1, WHERE, parent))

    # Structure
    def _row(self, index: Index) -> _Row | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not 0 <= column < len(HEADERS) or row < 0:
            return QModelIndex()
        node = self._row(parent)
        if parent.isValid() and (node is None or node.kind != REGIME or parent.column() != 0):
            return QModelIndex()
        rows = self._regimes if node is None else self._children[id(node)]
        return self.createIndex(row, column, rows[row]) if row < len(rows) else QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:
        node = self._row(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._regimes)
        node = self._row(parent)
        return len(self._children[id(node)]) if node.kind == REGIME and parent.column() == 0 else 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def index_of(self, requirement_id: str, column: int = REQUIREMENT) -> QModelIndex:
        for regime in self._regimes:
            for row in self._children[id(regime)]:
                if row.item.id == requirement_id:
                    return self.createIndex(row.row, column, row)
        return QModelIndex()

    # Data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self._row(index)
        if node is None:
            return None
        return self._regime_data(node, index.column(), role) if node.kind == REGIME else self._item_data(node, index.column(), role)

    def _regime_data(self, node: _Row, column: int, role: int):
        regime = node.regime
        if role == ID_ROLE:
            return regime.regime.id
        if role == KIND_ROLE:
            return REGIME
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # The law's row spans the columns in the view, so its first cell says it all.
            return (f"{regime.regime.label}: {self._summary(regime)}", self._summary(regime), None)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column != WHERE:
            return regime.regime.explanation
        if role == Qt.ItemDataRole.DecorationRole and column in (REQUIREMENT, STATE):
            return _icon(MISSING if regime.missing else COVERED)
        if role == Qt.ItemDataRole.FontRole and column == REQUIREMENT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _summary(regime: RegimeCoverage) -> str:
        covered, missing = len(regime.in_state(COVERED)), len(regime.missing)
        to_check = len(regime.in_state(REWORDED))
        parts = [f"{covered} of {len(regime.requirements)} covered"]
        parts += [f"{to_check} to check"] if to_check else []
        parts += [f"{missing} missing"] if missing else []
        not_required = len(regime.in_state(NOT_REQUIRED))
        parts += [f"{not_required} not required"] if not_required else []
        return ", ".join(parts)

    def _item_data(self, node: _Row, column: int, role: int):
        item, state = node.item, node.state
        requirement = item.requirement
        values = {ID_ROLE: item.id, KIND_ROLE: ITEM, STATE_ROLE: state, CITATION_ROLE: requirement.citation,
                  CLAUSES_ROLE: item.clauses, PRACTICES_ROLE: item.practices, LAW_TEXT_ROLE: requirement.text,
                  REASON_ROLE: item.reason, DETAILS_ROLE: item.details}
        if role in values:
            return values[role]
        if role == Qt.ItemDataRole.DisplayRole:
            return (requirement.words, self._state_text(node), self._where(item, state))[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            where = self._where(item, state)
            return (f"{requirement.words} ({requirement.citation})", f"{self._state_text(node)}: {where}", where)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            title = node.regime.regime.title
            return (f"<p>{title} asks the policy to state {requirement.text}.</p><p><small>{requirement.citation}</small></p>"
                    if column == REQUIREMENT else f"{self._state_text(node)}: {self._where(item, state, full=True)}")
        if role == Qt.ItemDataRole.DecorationRole and column == STATE:
            return _icon(state)
        return None

    def _state_text(self, node: _Row) -> str:
        return state_text(node.state, node.regime.regime.title)

    def _where(self, item: RequirementCoverage, state: str, full: bool = False) -> str:
        if state in (COVERED, REWORDED):
            titles = [f"“{self.library.clauses[c].title}”" for c in item.clauses if c in self.library.clauses]
            shown = titles if full or len(titles) < 3 else [*titles[:1], f"{len(titles) - 1} more"]
            text = join_words(shown)
            return text + (" (your wording)" if state == REWORDED else "")
        if state == NOT_REQUIRED:
            return f"You said: {item.reason}"
        if item.details:
            return f"Fill in {join_words([detail_words(key, self.library) for key in item.details])}"
        titles = [f"“{self.library.practices[p].title}”" for p in item.practices if p in self.library.practices]
        if not titles:
            return "No practice in the library says this"
        return f"Add {titles[0]}" + (f" (or {len(titles) - 1} other)" if len(titles) == 2 else
                                     f" (or {len(titles) - 1} others)" if len(titles) > 2 else "")

    def counts(self) -> dict[str, int]:
        """How many requirements of the chosen laws are in each state."""
        states = [row.state for regime in self._regimes for row in self._children[id(regime)] if row.state != INSTEAD]
        return {state: states.count(state) for state in (COVERED, REWORDED, MISSING, NOT_REQUIRED)}


def _items(regime: RegimeCoverage) -> list[tuple[RequirementCoverage, str]]:
    return [(item, item.state) for item in regime.requirements] + [(item, INSTEAD) for item in regime.instead]


def _icon(state: str):
    return QApplication.style().standardIcon(_ICONS[state])
