"""Table models for the Profiles and History views: profiles of the library, a profile's versions.

Each row carries its engine value (an Entry, a Version) under VALUE_ROLE; the dates sort by
time under SORT_ROLE, not by how they read.
"""

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.engine.history.versions import Version
from desktop.engine.language.dates import short_stamp
from desktop.engine.storage.profile_library import Entry

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
NAME, COMPANY, SERVICE, EDITED, PUBLISHED = range(5)
PROFILE_HEADERS = ("Profile", "Company", "Service", "Last edited", "Last published")
NUMBER, WHEN, TITLE, WORDS = range(4)
VERSION_HEADERS = ("Version", "Published", "Policy", "Words")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def shown_date(when: dt.datetime | None) -> str:
    return short_stamp(when) if when else "Never"


class _RowsModel(QAbstractTableModel):
    """A table of rows; a subclass names its `headers` and says what each cell reads (`text`)."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == VALUE_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, index.column())
        if role == SORT_ROLE:
            return self.sort_key(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row)
        return None

    def sort_key(self, row, column: int):
        return self.text(row, column).casefold()

    def tip(self, row) -> str | None:
        return None


class ProfilesModel(_RowsModel):
    headers = PROFILE_HEADERS

    def text(self, entry: Entry, column: int) -> str:
        if column == NAME:
            return entry.name
        if column == COMPANY:
            return entry.company or ("Cannot be read" if entry.problem else "")
        if column == SERVICE:
            return entry.service
        if column == EDITED:
            return shown_date(entry.edited)
        return shown_date(entry.published)

    def sort_key(self, entry: Entry, column: int):
        if column == EDITED:
            return entry.edited.timestamp()
        if column == PUBLISHED:
            return entry.published.timestamp() if entry.published else 0.0
        return super().sort_key(entry, column)

    def tip(self, entry: Entry) -> str:
        return f"{entry.path}\n{entry.problem}" if entry.problem else str(entry.path)


class VersionsModel(_RowsModel):
    headers = VERSION_HEADERS

    def text(self, version: Version, column: int) -> str:
        if column == NUMBER:
            return str(version.number)
        if column == WHEN:
            return shown_date(version.published)
        if column == TITLE:
            return version.policy.title
        return f"{sum(len(text.split()) for _, text in version.policy.blocks):,}"

    def sort_key(self, version: Version, column: int):
        if column in (NUMBER, WORDS):
            return version.number if column == NUMBER else sum(len(t.split()) for _, t in version.policy.blocks)
        if column == WHEN:
            return version.published.timestamp()
        return super().sort_key(version, column)

    def tip(self, version: Version) -> str:
        return str(version.path)
