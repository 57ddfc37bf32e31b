"""The practice tree: sections, each holding its practices, checkable; and a word filter over it.

The model shows the profile and asks the session to change it; it keeps no ticks of its own.
"""

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from desktop.engine.library.model import Library, Practice
from desktop.engine.library.search import PracticeSearch
from desktop.ui.session import ProfileSession

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4
SECTION, PRACTICE = "section", "practice"
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_TICKS_UNCHANGED = ("field:", "override:", "confirm:")  # the keys of edits (ui/session.py) that tick nothing


class _Node:
    def __init__(self, kind: str, node_id: str, title: str, parent: "_Node | None", row: int):
        self.kind, self.id, self.title, self.parent, self.row = kind, node_id, title, parent, row
        self.children: list[_Node] = []
        self.practice: Practice | None = None


def _ordered_practices(library: Library, section_id: str) -> list[Practice]:
    found = [p for p in library.practices.values() if p.section == section_id]
    return sorted(found, key=lambda p: (p.primary.order, p.id))


class PracticeTreeModel(QAbstractItemModel):
    def __init__(self, session: ProfileSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._sections: list[_Node] = []
        self._by_id: dict[str, _Node] = {}
        self._build(session.library)
        session.changed.connect(self._profile_changed)

    def _build(self, library: Library) -> None:
        for section in library.outline():
            practices = _ordered_practices(library, section.id)
            if not practices:
                continue
            node = _Node(SECTION, section.id, section.title, None, len(self._sections))
            for practice in practices:
                child = _Node(PRACTICE, practice.id, practice.title, node, len(node.children))
                child.practice = practice
                node.children.append(child)
                self._by_id[practice.id] = child
            self._sections.append(node)

    # Structure
    def _node(self, index: Index) -> _Node | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        children = self._sections if node is None else node.children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = _ROOT) -> QModelIndex:
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(self._sections) if node is None else len(node.children)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1

    def index_of(self, practice_id: str) -> QModelIndex:
        node = self._by_id.get(practice_id)
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

    # Data
    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if node.kind == PRACTICE else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._section_title(node) if node.kind == SECTION else node.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(node)
        if role == ID_ROLE:
            return node.id
        if role == KIND_ROLE:
            return node.kind
        if node.kind == SECTION:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        practice = node.practice
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.session.is_ticked(node.id) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            choose = "<br><i>Choose one of this kind.</i>" if practice.group else ""
            return f"<p>{practice.primary.summary}{choose}</p>"
        if role == GROUP_ROLE:
            return practice.group or ""
        return None

    def _section_title(self, node: _Node) -> str:
        ticked = sum(self.session.is_ticked(child.id) for child in node.children)
        return f"{node.title} ({ticked} of {len(node.children)})"

    def _accessible_text(self, node: _Node) -> str:
        if node.kind == SECTION:
            return f"Section {self._section_title(node)}"
        state = "ticked" if self.session.is_ticked(node.id) else "not ticked"
        kind = ", choose one of this kind" if node.practice.group else ""
        return f"{node.title}, {state}{kind}"

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self._node(index)
        if node is None or node.kind != PRACTICE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        self.session.set_practice(node.id, on)
        return True

    def _profile_changed(self, key: str) -> None:
        """Ticks may have changed anywhere (undo, a group, a new profile): refresh every row's state.
        A detail or a clause's wording ticks nothing, and typing one need not redraw the tree."""
        if key.startswith(_TICKS_UNCHANGED):
            return
        for section in self._sections:
            parent = self.createIndex(section.row, 0, section)
            self.dataChanged.emit(parent, parent, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole])
            if section.children:
                first = self.index(0, 0, parent)
                last = self.index(len(section.children) - 1, 0, parent)
                self.dataChanged.emit(first, last, [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.AccessibleTextRole])


class PracticeFilter(QSortFilterProxyModel):
    """Shows the practices a search finds for the words typed (all of them when nothing is typed)."""

    def __init__(self, search: PracticeSearch, parent=None):
        super().__init__(parent)
        self.search = search
        self._words = ""
        self._ranked: list[str] | None = None
        self._found: set[str] | None = None
        self.setRecursiveFilteringEnabled(True)

    def set_words(self, text: str) -> None:
        words = " ".join(text.lower().split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self._ranked = self.search.ranked(words)
            self._found = None if self._ranked is None else set(self._ranked)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def best(self) -> str | None:
        """The practice that matches best, if any (a word in its title counts most)."""
        return self._ranked[0] if self._ranked else None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._found is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(KIND_ROLE) == SECTION:
            return False  # shown when one of its practices matches (recursive filtering)
        return index.data(ID_ROLE) in self._found
