"""File ▸ History…: the open profile's published versions, and what changed between them.

Select two versions and Compare, or one to compare it with the draft in the window; or compare
the draft with the last published version. The comparison shows below the list.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.history.versions import Version, list_versions
from desktop.engine.library.model import Library
from desktop.engine.profile.profile import Profile
from desktop.ui.compare_view import CompareView
from desktop.ui.version_models import NUMBER, SORT_ROLE, TITLE, VALUE_ROLE, VersionsModel
from desktop.usecases import compare_with


class HistoryView(QDialog):
    def __init__(self, library: Library, profile_path: Path, draft: Callable[[], Profile], parent: QWidget | None = None):
        super().__init__(parent)
        self.library, self.profile_path, self.draft = library, Path(profile_path), draft
        self.setWindowTitle(f"History of {self.profile_path.stem}")
        self.setObjectName("historyView")
        self.model = VersionsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Published versions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NUMBER, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.compare_selected())
        self.compare_button = QPushButton("&Compare Selected")
        self.compare_button.setToolTip("Two versions: what changed from the older to the newer. One: what the draft changes in it.")
        self.compare_button.clicked.connect(self.compare_selected)
        self.draft_button = QPushButton("Compare &Draft with Last Published")
        self.draft_button.clicked.connect(self.compare_draft)
        self.empty_note = QLabel("Nothing published yet. File ▸ Publish… stores the policy as it reads now, "
                                 "so next year you can see what changed.")
        self.empty_note.setWordWrap(True)
        self.skipped_note = QLabel()
        self.skipped_note.setWordWrap(True)
        self.skipped_note.setAccessibleName("Versions that cannot be read")
        self.compare = CompareView([self.profile_path])
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty_note)
        top_layout.addWidget(self.skipped_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.draft_button)
        buttons.addStretch(1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.compare)
        splitter.setSizes([170, 480])
        QVBoxLayout(self).addWidget(splitter)
        self.resize(900, 720)
        self.refresh()

    def refresh(self) -> None:
        skipped = []
        self.model.set_rows(list_versions(self.profile_path, skipped))
        names = ", ".join(Path(error.source).name for error in skipped)
        self.skipped_note.setText(f"Left out, as they cannot be read: {names}." if skipped else "")
        self.skipped_note.setToolTip("\n".join(f"{error.source}: {'; '.join(error.problems)}" for error in skipped))
        self.skipped_note.setVisible(bool(skipped))
        self.empty_note.setVisible(not self.model.rows)
        self.table.setVisible(bool(self.model.rows))
        self._update_buttons()

    def selected_versions(self) -> list[Version]:
        rows = self.table.selectionModel().selectedRows()
        return sorted((self.proxy.data(index, VALUE_ROLE) for index in rows), key=lambda v: v.number)

    def _update_buttons(self) -> None:
        self.compare_button.setEnabled(len(self.selected_versions()) in (1, 2))
        self.draft_button.setEnabled(bool(self.model.rows))

    def compare_selected(self) -> None:
        chosen = self.selected_versions()
        if len(chosen) in (1, 2):
            later = chosen[1] if len(chosen) == 2 else self.draft()
            self.compare.set_comparison(compare_with(chosen[0], later, self.library))

    def compare_draft(self) -> None:
        if self.model.rows:
            last = max(self.model.rows, key=lambda v: v.number)
            self.compare.set_comparison(compare_with(last, self.draft(), self.library))
