"""The "Another service" dialog: a service the catalogue lacks, described with the facts of a catalogue
entry (name, kind, provider, country, what it gets, whether it uses that for itself)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QListWidget, QListWidgetItem, QWidget

from desktop.engine.library.services import KINDS
from desktop.engine.reference.countries import country_names
from desktop.engine.reference.vocabulary import Vocabulary
from desktop.ui.widgets import FormComboBox, block_undo_shortcuts

DATA_PARENT = "personal"  # the kinds of data offered: the vocabulary's children of this
KIND_TITLES = {
    "payments": "Payments", "analytics": "Analytics", "email": "Email and newsletters", "ads": "Advertising",
    "hosting": "Hosting and delivery", "embeds": "Videos, maps and posts from other sites", "support": "Support and chat",
    "forms": "Forms and booking", "bot_checks": "Bot checks", "fonts": "Fonts", "shop": "Shop platforms",
    "mobile_sdk": "Tools in mobile apps", "messaging": "Text messages and calls",
}


def kind_title(kind: str) -> str:
    return KIND_TITLES.get(kind, kind.replace("_", " ").capitalize())


class AnotherServiceDialog(QDialog):
    def __init__(self, vocabulary: Vocabulary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Another service")
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.kind = FormComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_title(kind), kind)
        self.provider = QLineEdit()
        self.provider.setPlaceholderText("the company behind it, if its name differs")
        self.country = QLineEdit()
        self.country.setCompleter(QCompleter(list(country_names()), self.country))
        self.data = QListWidget()
        for category in (c for c in vocabulary.categories.values() if c.parent == DATA_PARENT):
            item = QListWidgetItem(category.title)
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.data.addItem(item)
        self.own_purposes = QCheckBox("It also uses what it gets for its own purposes (not only to work for us)")
        for label, widget in (("&Name", self.name), ("&Kind", self.kind), ("&Provider", self.provider), ("&Country", self.country),
                              ("&What it gets", self.data), ("", self.own_purposes)):
            widget.setAccessibleName(label.replace("&", "") or "Uses it for itself")
            form.addRow(label, widget)
        for editor in (self.name, self.provider, self.country):
            block_undo_shortcuts(editor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def entry(self) -> dict:
        """The service as the profile stores it (profile.CUSTOM_ENTRY_KEYS)."""
        name = self.name.text().strip()
        data = [self.data.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.data.count())
                if self.data.item(row).checkState() == Qt.CheckState.Checked]
        return {"name": name, "kind": self.kind.currentData(), "provider": self.provider.text().strip() or name,
                "country": self.country.text().strip(), "data": data, "own_purposes": self.own_purposes.isChecked()}
