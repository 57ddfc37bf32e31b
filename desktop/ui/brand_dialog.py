"""Reuse for another brand: the new brand's name, email, website and service name, asked in one
dialog, so a copy never silently keeps the old brand's (issue 23)."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.engine.profile.fields import field
from desktop.engine.profile.profile import Profile
from desktop.engine.storage.profile_library import BRAND_FIELDS

NAME, SERVICE = "company.legal_name", "service.name"


class BrandDialog(QDialog):
    def __init__(self, old: Profile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Reuse for another brand")
        note = QLabel("The copy keeps the practices, laws and wording. Give the other brand's details: "
                      "one left empty is marked in the copy for you to fill in.")
        note.setWordWrap(True)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key in BRAND_FIELDS:
            declared = field(key)
            edit = QLineEdit()
            edit.setAccessibleName(declared.label)
            before = old.field_value(key).strip()
            edit.setPlaceholderText(f"was {before}" if before else declared.placeholder)
            form.addRow(declared.form_label.replace("&", ""), edit)
            self.edits[key] = edit
        self._service_follows = True  # the service's name follows the brand's until the owner types one
        self.edits[NAME].textEdited.connect(self._name_typed)
        self.edits[SERVICE].textEdited.connect(lambda _text: setattr(self, "_service_follows", False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Make the copy")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _name_typed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))
        if self._service_follows:
            self.edits[SERVICE].setText(text)

    def details(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}


def ask_brand(old: Profile, parent: QWidget | None = None) -> dict[str, str] | None:
    """The new brand's details, or None when the owner cancels."""
    dialog = BrandDialog(old, parent)
    try:
        return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted.value else None
    finally:
        dialog.deleteLater()
