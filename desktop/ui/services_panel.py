"""The Services tab: the catalogue's checklist, the services the owner described, and "Another
service…" to describe one more. Every pick, setting and new service is one undoable edit of the
profile (ProfileSession), and the preview follows as for any edit."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.library.services import KINDS
from desktop.engine.profile.profile import CUSTOM_SERVICE_PREFIX
from desktop.engine.reference.countries import country_names
from desktop.ui.controller import slug
from desktop.ui.service_checklist import ServiceChecklist, kind_title
from desktop.ui.session import ProfileSession
from desktop.ui.widgets import FormComboBox, block_undo_shortcuts, muted_colour

INTRO = ("Tick the services your business uses. Each one adds what it does with people's information to the policy, "
         "and its cookies to the cookie table.")
DATA_PARENT = "personal"  # the kinds of data offered for another service: the vocabulary's children of this


class AnotherServiceDialog(QDialog):
    """Name, kind, provider, country, what it gets and whether it uses that for itself: the facts of a catalogue entry."""

    def __init__(self, session: ProfileSession, parent: QWidget | None = None):
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
        vocabulary = session.library.vocabulary
        for category in (c for c in vocabulary.categories.values() if c.parent == DATA_PARENT):
            item = QListWidgetItem(category.title)
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.data.addItem(item)
        self.own_purposes = QCheckBox("It also uses what it gets for its own purposes (not only to work for us)")
        for label, widget in (("Name", self.name), ("Kind", self.kind), ("Provider", self.provider), ("Country", self.country),
                              ("What it gets", self.data), ("", self.own_purposes)):
            widget.setAccessibleName(label or "Uses it for itself")
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
        """The service as the profile stores it (CUSTOM_ENTRY_KEYS)."""
        name = self.name.text().strip()
        data = [self.data.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.data.count())
                if self.data.item(row).checkState() == Qt.CheckState.Checked]
        return {"name": name, "kind": self.kind.currentData(), "provider": self.provider.text().strip() or name,
                "country": self.country.text().strip(), "data": data, "own_purposes": self.own_purposes.isChecked()}


class ServicesPanel(QWidget):
    def __init__(self, session: ProfileSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dialog: AnotherServiceDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {muted_colour(intro.palette()).name()}")
        layout.addWidget(intro)
        self.checklist = ServiceChecklist(session.library.services)
        self.checklist.toggled.connect(lambda service_id, on: session.set_service(service_id, on))
        self.checklist.setting_toggled.connect(session.set_service_setting)
        layout.addWidget(self.checklist, 1)
        self.described = QWidget()
        self.described_layout = QVBoxLayout(self.described)
        self.described_layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.described)
        self.another = QPushButton("Another service…")
        self.another.setToolTip("Describe a service that is not in the list: what it gets and who provides it")
        self.another.clicked.connect(self.add_another)
        layout.addWidget(self.another, 0, Qt.AlignmentFlag.AlignLeft)
        session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _key: str = "") -> None:
        """Show the profile's picks: the catalogue's ticked, and a box for each service the owner described."""
        services = self.session.profile.services
        self.checklist.show_picked(services)
        while self.described_layout.count():
            self.described_layout.takeAt(0).widget().deleteLater()
        custom = [service_id for service_id in services if service_id.startswith(CUSTOM_SERVICE_PREFIX)]
        if custom:
            self.described_layout.addWidget(QLabel("<b>Services you described</b>"))
        for service_id in custom:
            box = QCheckBox(self.session.service_name(service_id))
            box.setChecked(True)
            box.setToolTip("Untick to stop using it (Undo brings it back)")
            box.toggled.connect(lambda on, service_id=service_id: self.session.set_service(service_id, on))
            self.described_layout.addWidget(box)

    def add_another(self) -> None:
        self.dialog = AnotherServiceDialog(self.session, self)
        self.dialog.accepted.connect(lambda: self._add(self.dialog.entry()))
        self.dialog.open()

    def _add(self, entry: dict) -> None:
        base = CUSTOM_SERVICE_PREFIX + (slug(entry["name"]).replace("-", "_") or "service")
        service_id, number = base, 1
        while service_id in self.session.profile.services:
            number += 1
            service_id = f"{base}_{number}"
        self.session.set_service(service_id, True, entry)
