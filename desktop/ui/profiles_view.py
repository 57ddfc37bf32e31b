"""File ▸ Profiles…: the library of saved profiles, and its trash.

Open, reuse for another brand (duplicate), rename, delete to the trash, import and export a JSON
file; in the trash, restore or empty it. The view asks its questions through `ProfilesQuestions`
(names, files, confirmation), which a test replaces; the library does the work.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.profile.profile import Profile, ProfileError, load_profile
from desktop.engine.storage.profile_library import Entry, LibraryError, ProfileLibrary, file_name_for
from desktop.ui.brand_dialog import NAME as BRAND_NAME
from desktop.ui.brand_dialog import ask_brand
from desktop.ui.dialogs import PROFILE_FILTER, ask_file_to_save, show_warning
from desktop.ui.version_models import COMPANY, NAME, SORT_ROLE, VALUE_ROLE, ProfilesModel


class ProfilesQuestions:
    """The dialogs the Profiles view opens; tests answer them instead."""

    def __init__(self, parent: QWidget):
        self.parent = parent

    def ask_name(self, title: str, label: str, text: str) -> str | None:
        value, accepted = QInputDialog.getText(self.parent, title, label, text=text)
        return value if accepted else None

    def ask_brand(self, old: Profile) -> dict[str, str] | None:
        return ask_brand(old, self.parent)

    def ask_import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.parent, "Import profile", str(Path.home()), PROFILE_FILTER)
        return Path(name) if name else None

    def ask_export_path(self, suggested: Path) -> Path | None:
        return ask_file_to_save(self.parent, "Export profile", suggested, PROFILE_FILTER, "json")

    def confirm_empty_trash(self, count: int) -> bool:
        answer = QMessageBox.question(self.parent, "Empty trash?", f"Delete the {count} profile{'s' if count != 1 else ''} "
                                      "in the trash for good, with their published versions? This cannot be undone.")
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        show_warning(self.parent, title, text)


PER_PROFILE = ("open", "duplicate", "rename", "delete", "export", "restore")


class ProfilesView(QDialog):
    def __init__(self, shelf: ProfileLibrary, open_path: Callable[[Path], bool],
                 moved: Callable[[Path, Path | None], None] = lambda old, new: None,
                 keep_open: Callable[[str], Entry | None] | None = None, parent: QWidget | None = None):
        """`keep_open(name)` stores the profile open in the window in the library (None: no such button)."""
        super().__init__(parent)
        self.shelf, self.open_path, self.moved, self.keep_open = shelf, open_path, moved, keep_open
        self.ask = ProfilesQuestions(self)
        self.setWindowTitle("Profiles")
        self.setObjectName("profilesView")
        self.model = ProfilesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._table()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("What happened")
        self.show_trash = QCheckBox("Show &trash")
        self.show_trash.toggled.connect(self.refresh)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        self.where = QLabel()
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(self._button_column())
        layout.addLayout(middle, 1)
        layout.addWidget(self.note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(820, 420)
        self.refresh()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName("Saved profiles")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(COMPANY, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _index: self.open_selected())
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return table

    def _button_column(self) -> QVBoxLayout:
        row = QVBoxLayout()
        for key, text, slot, tip in (
            ("open", "&Open", self.open_selected, "Open the profile in the window"),
            ("keep", "&Keep Open Profile Here…", self.keep_open_profile, "Save the profile open in the window into this library"),
            ("duplicate", "&Reuse for Another Brand…", self.duplicate_selected,
             "A copy with the same practices and wording, for another company or brand"),
            ("rename", "Re&name…", self.rename_selected, "Give the profile another name"),
            ("delete", "&Delete", self.delete_selected, "Move the profile to the trash (you can restore it)"),
            ("import", "&Import…", self.import_file, "Copy a profile file into the library"),
            ("export", "E&xport…", self.export_selected, "Save a copy of the profile as a JSON file"),
            ("restore", "R&estore", self.restore_selected, "Put the profile back in the library"),
            ("empty", "Empty Trash…", self.empty_trash, "Delete everything in the trash for good"),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.show_trash)
        return row

    # Showing
    def in_trash(self) -> bool:
        return self.show_trash.isChecked()

    def refresh(self) -> None:
        self.model.set_rows(self.shelf.trash() if self.in_trash() else self.shelf.entries())
        trash = self.in_trash()
        self.where.setText("In the trash: restore a profile to use it again; Empty Trash deletes them for good." if trash
                           else f"Profiles saved in {self.shelf.folder}. Double-click one to open it.")
        for key, button in self.buttons.items():
            button.setVisible((key in ("restore", "empty")) == trash and (key != "keep" or self.keep_open is not None))
        self.buttons["empty"].setEnabled(bool(self.model.rows))
        if self.proxy.rowCount():
            self.table.selectRow(0)
        elif not trash:
            keep = "Keep Open Profile Here… stores the profile open in the window here; " if self.keep_open else ""
            self._say(f"No profile here yet. {keep}Import… copies in a profile file you saved elsewhere.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        """The buttons that act on one profile work only with one selected (a first visit has none)."""
        chosen = self.selected() is not None
        for key in PER_PROFILE:
            self.buttons[key].setEnabled(chosen)

    def selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], VALUE_ROLE) if rows else None

    def select(self, name: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, NAME)) == name:
                self.table.selectRow(row)
                return

    def _say(self, text: str) -> None:
        self.note.setText(text)

    # Doing
    def _guarded(self, title: str, work: Callable[[], object]) -> object | None:
        try:
            return work()
        except (LibraryError, ProfileError, OSError) as error:
            self.ask.show_error(title, str(error))
            return None

    def open_selected(self) -> None:
        """Open the selected profile in the window and close, as an Open dialog does."""
        entry = self.selected()
        if entry is not None and not self.in_trash() and self.open_path(entry.path):
            self.accept()

    def keep_open_profile(self) -> None:
        name = self.ask.ask_name("Keep in the library", "Name for the profile open in the window:", "")
        if not name or not name.strip() or self.keep_open is None:
            return
        kept = self._guarded("Profile not kept", lambda: self.keep_open(name))
        if kept is not None:
            self.refresh()
            self.select(kept.name)
            self._say(f"Saved the open profile as “{kept.name}”; the window now saves there.")

    def duplicate_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        old = self._guarded("Profile not copied", lambda: load_profile(entry.path))
        details = self.ask.ask_brand(old) if old is not None else None
        name = (details or {}).get(BRAND_NAME, "").strip()
        if not name:
            return
        copy = self._guarded("Profile not copied", lambda: self.shelf.duplicate(entry.path, file_name_for(name), company_name=name,
                                                                               details=details))
        if copy is not None:
            self.refresh()
            self.select(copy.name)
            self._say(f"“{copy.name}” is a copy of “{entry.name}”. Open it to fill in its details.")

    def rename_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        name = self.ask.ask_name("Rename profile", "New name:", entry.name)
        if name is None or name.strip() == entry.name:
            return
        renamed = self._guarded("Profile not renamed", lambda: self.shelf.rename(entry.path, name))
        if renamed is not None:
            self.moved(entry.path, renamed.path)
            self.refresh()
            self.select(renamed.name)
            self._say(f"Renamed “{entry.name}” to “{renamed.name}”.")

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if self._guarded("Profile not deleted", lambda: self.shelf.delete(entry.path)) is not None:
            self.moved(entry.path, None)
            self.refresh()
            self._say(f"Moved “{entry.name}” to the trash. Tick “Show trash” to restore it.")

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        restored = self._guarded("Profile not restored", lambda: self.shelf.restore(entry.path))
        if restored is not None:
            self.refresh()
            self._say(f"Restored “{restored.name}”.")

    def empty_trash(self) -> None:
        count = len(self.shelf.trash())
        if count and self.ask.confirm_empty_trash(count):
            emptied = self._guarded("Trash not emptied", self.shelf.empty_trash) is not None
            self.refresh()
            if emptied:
                self._say(f"Deleted {count} profile{'s' if count != 1 else ''} for good.")

    def import_file(self) -> None:
        source = self.ask.ask_import_path()
        if source is None:
            return
        imported = self._guarded("Profile not imported", lambda: self.shelf.import_file(source))
        if imported is not None:
            self.show_trash.setChecked(False)
            self.refresh()
            self.select(imported.name)
            self._say(f"Imported {source.name} as “{imported.name}”.")

    def export_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        target = self.ask.ask_export_path(Path.home() / entry.path.name)
        if target is None:
            return
        if self._guarded("Profile not exported", lambda: self.shelf.export_file(entry.path, target) or True):
            self._say(f"Exported “{entry.name}” to {target}.")
