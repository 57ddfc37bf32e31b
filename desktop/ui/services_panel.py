"""The Services tab: the catalogue's checklist, the services the owner described and "Another
service…" (ServicePicker). Every pick, setting and new service is one undoable edit of the profile
(ProfileSession), and the preview follows as for any edit."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.service_checklist import ServicePicker
from desktop.ui.session import ProfileSession
from desktop.ui.widgets import muted_colour

INTRO = ("Tick the services your business uses. Each one adds what it does with people's information to the policy, "
         "and its cookies to the cookie table.")


class ServicesPanel(QWidget):
    def __init__(self, session: ProfileSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {muted_colour(intro.palette()).name()}")
        layout.addWidget(intro)
        self.picker = ServicePicker(session.library.services, session.library.vocabulary)
        self.checklist = self.picker.checklist
        self.picker.toggled.connect(lambda service_id, on: session.set_service(service_id, on))
        self.picker.setting_toggled.connect(session.set_service_setting)
        self.picker.described.connect(lambda service_id, entry: session.set_service(service_id, True, entry))
        layout.addWidget(self.picker, 1)
        session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _key: str = "") -> None:
        self.picker.show_picked(self.session.profile.services)

    def show_service(self, service_id: str) -> None:
        """Scroll to a service of the catalogue and focus its box (a problem about it was opened)."""
        row = self.checklist.rows.get(service_id)
        if row is None:
            return
        self.checklist.search.clear()
        self.checklist.scroll.ensureWidgetVisible(row)
        row.box.setFocus(Qt.FocusReason.OtherFocusReason)
