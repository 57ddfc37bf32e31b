"""The catalogue of services as a checklist grouped by kind, with a search box: each service's name,
summary, provider and the date its entry was checked, and, once picked, its settings as check boxes
under it; then the services the owner described, and "Another service…" to describe one more.
The Services tab and the interview's "What you use" page both show it (ServicePicker); it only
reports what the user does (`toggled`, `setting_toggled`, `described`) and shows the picks it is
given (`show_picked`).
"""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.engine.library.services import KINDS, ServiceEntry
from desktop.engine.profile.services import CUSTOM_SERVICE_PREFIX, custom_id
from desktop.engine.reference.vocabulary import Vocabulary
from desktop.ui.another_service import AnotherServiceDialog, kind_title
from desktop.ui.widgets import block_undo_shortcuts, muted_colour, wrapped_check

CHECK_TERMS = "check this against the provider's current terms"
SEARCH_HINT = "Find a service: its name, what it does or who provides it (Enter picks the first found)"
SETTINGS_INDENT = 24  # pixels: a service's settings sit under its name


def service_details(entry: ServiceEntry) -> str:
    """The line under a service's name: what it does, who provides it, when its entry was checked."""
    return f"{entry.summary} {entry.provider.rstrip('.')}. Checked on {entry.checked_on.isoformat()} — {CHECK_TERMS}."


class ServiceRow(QWidget):
    """One service: a check box with its name, its details, and its settings when it is picked."""

    def __init__(self, entry: ServiceEntry, checklist: "ServiceChecklist"):
        super().__init__()
        self.entry = entry
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 4)
        layout.setSpacing(1)
        self.box = QCheckBox(entry.name)
        self.box.setAccessibleName(f"Use {entry.name}")
        self.box.toggled.connect(lambda on: checklist.toggled.emit(entry.id, on))
        layout.addWidget(self.box)
        self.details = QLabel(service_details(entry))
        self.details.setWordWrap(True)
        self.details.setContentsMargins(SETTINGS_INDENT, 0, 0, 0)
        self.details.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        layout.addWidget(self.details)
        self.settings: dict[str, QCheckBox] = {}
        self.setting_rows: list[QWidget] = []
        for setting in entry.settings:
            box = QCheckBox()
            box.setAccessibleName(f"{entry.name}: {setting.question}")
            box.toggled.connect(lambda on, setting_id=setting.id: checklist.setting_toggled.emit(entry.id, setting_id, on))
            row = QWidget()
            row.setLayout(wrapped_check(box, setting.question))  # wrapped: a long question never widens the list
            row.layout().setContentsMargins(SETTINGS_INDENT, 0, 0, 0)
            row.setVisible(False)
            layout.addWidget(row)
            self.settings[setting.id] = box
            self.setting_rows.append(row)

    def show_settings(self, settings: dict | None) -> None:
        """Tick the box when picked (`settings` not None), and show its settings as they are set."""
        self.box.blockSignals(True)
        self.box.setChecked(settings is not None)
        self.box.blockSignals(False)
        defaults = self.entry.defaults()
        for setting_id, box in self.settings.items():
            box.blockSignals(True)
            box.setChecked(bool((settings or {}).get(setting_id, defaults.get(setting_id, False))))
            box.blockSignals(False)
        for row in self.setting_rows:
            row.setVisible(settings is not None)

    def matches(self, words: list[str]) -> bool:
        text = " ".join((self.entry.name, self.entry.summary, self.entry.provider, kind_title(self.entry.kind))).casefold()
        return all(word in text for word in words)


class ServiceChecklist(QWidget):
    toggled = Signal(str, bool)  # service id, picked
    setting_toggled = Signal(str, str, bool)  # service id, setting id, on

    def __init__(self, services: dict[str, ServiceEntry], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(SEARCH_HINT)
        self.search.setAccessibleName("Find a service")
        self.search.setClearButtonEnabled(True)
        block_undo_shortcuts(self.search)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(6, 4, 6, 4)
        self.rows: dict[str, ServiceRow] = {}
        self.groups: dict[str, QLabel] = {}
        for kind in sorted({entry.kind for entry in services.values()}, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS)):
            title = QLabel(f"<b>{kind_title(kind)}</b>")
            title.setContentsMargins(0, 8, 0, 2)
            self.groups[kind] = title
            self.body_layout.addWidget(title)
            for entry in (e for e in services.values() if e.kind == kind):
                self.rows[entry.id] = ServiceRow(entry, self)
                self.body_layout.addWidget(self.rows[entry.id])
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the search to the boxes, not the frame
        self.scroll.setWidget(body)
        layout.addWidget(self.scroll, 1)

    def show_picked(self, picked: dict[str, dict]) -> None:
        for service_id, row in self.rows.items():
            row.show_settings(picked.get(service_id))

    def eventFilter(self, watched, event) -> bool:
        """Enter in the search box picks the first service found (and goes no further, to no dialog's default button)."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.text().strip()):
            found = next((row for row in self.rows.values() if not row.isHidden() and not row.box.isChecked()), None)
            if found is not None:
                found.box.setChecked(True)
                return True
        return False

    def filter(self, text: str) -> None:
        """Show the services whose name, summary, provider or kind has every word typed; hide empty groups."""
        words = text.casefold().split()
        shown_kinds = set()
        for row in self.rows.values():
            row.setVisible(row.matches(words))
            if row.matches(words):
                shown_kinds.add(row.entry.kind)
        for kind, title in self.groups.items():
            title.setVisible(kind in shown_kinds)


def custom_service_id(name: str, taken) -> str:
    """The profile key for a service the owner described: custom.<slug of its name>, numbered when taken."""
    base = custom_id(name)
    service_id, number = base, 1
    while service_id in taken:
        number += 1
        service_id = f"{base}_{number}"
    return service_id


def described_name(service_id: str, settings: dict) -> str:
    entry = settings.get("entry")
    return entry["name"] if isinstance(entry, dict) and isinstance(entry.get("name"), str) else service_id


class ServicePicker(QWidget):
    """The checklist, the services the owner described (a box each: untick to drop one) and "Another service…"."""

    toggled = Signal(str, bool)  # service id, picked
    setting_toggled = Signal(str, str, bool)  # service id, setting id, on
    described = Signal(str, dict)  # the new service's id and its entry

    def __init__(self, services: dict[str, ServiceEntry], vocabulary: Vocabulary, parent: QWidget | None = None):
        super().__init__(parent)
        self.vocabulary = vocabulary
        self.picked: dict[str, dict] = {}
        self.dialog: AnotherServiceDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.checklist = ServiceChecklist(services)
        self.checklist.toggled.connect(self.toggled)
        self.checklist.setting_toggled.connect(self.setting_toggled)
        layout.addWidget(self.checklist, 1)
        self.own = QWidget()
        self.own_layout = QVBoxLayout(self.own)
        self.own_layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.own)
        self.another = QPushButton("Another service…")
        self.another.setToolTip("Describe a service that is not in the list: what it gets and who provides it")
        self.another.setAutoDefault(False)  # Enter in a dialog goes on to its default button, not here
        self.another.clicked.connect(self.add_another)
        layout.addWidget(self.another, 0, Qt.AlignmentFlag.AlignLeft)

    def show_picked(self, picked: dict[str, dict]) -> None:
        self.picked = picked
        self.checklist.show_picked(picked)
        while self.own_layout.count():
            self.own_layout.takeAt(0).widget().deleteLater()
        custom = [service_id for service_id in picked if service_id.startswith(CUSTOM_SERVICE_PREFIX)]
        if custom:
            self.own_layout.addWidget(QLabel("<b>Services you described</b>"))
        for service_id in custom:
            box = QCheckBox(described_name(service_id, picked[service_id]))
            box.setChecked(True)
            box.setToolTip("Untick to stop using it")
            box.toggled.connect(lambda on, service_id=service_id: self.toggled.emit(service_id, on))
            self.own_layout.addWidget(box)

    def described_boxes(self) -> list[QCheckBox]:
        # the boxes shown: those a new pick replaced are still children until their deletion runs
        return [box for box in self.own.findChildren(QCheckBox) if self.own_layout.indexOf(box) >= 0]

    def add_another(self) -> None:
        self.dialog = AnotherServiceDialog(self.vocabulary, self)
        self.dialog.accepted.connect(lambda: self._add(self.dialog.entry()))
        self.dialog.open()

    def _add(self, entry: dict) -> None:
        self.described.emit(custom_service_id(entry["name"], self.picked), entry)
