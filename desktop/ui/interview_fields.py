"""One input per kind of interview question, each with `value()`, `set_value()`, `changed` and the
widget a label's mnemonic should focus. Every one works from the keyboard: Tab reaches it, and
a yes/no question takes Y or N as well as the arrow keys."""

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.interview.picks import named_pick
from desktop.engine.library.model import Library
from desktop.engine.profile.questions import CHOICE, LIST, SERVICES, TEXT, YES_NO, Question
from desktop.ui.service_checklist import ServicePicker
from desktop.ui.widgets import FormComboBox

NOT_ANSWERED = "Not answered"


class AnswerField(QWidget):
    changed = Signal()
    answered = Signal()  # the owner gave an answer, perhaps the one already shown (a click on the "No" already chosen)

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question

    def value(self) -> object: ...

    def set_value(self, value: object) -> None: ...

    def focus_target(self) -> QWidget:
        return self


class _YesNoKeys(QObject):
    """Y and N answer a yes/no question whichever of its buttons has the focus; tabbing into the
    question focuses the answer given, so Space never changes it by surprise. A click keeps the focus
    on the button clicked: moving it while the mouse is down would cancel the click."""

    def __init__(self, field: "YesNoField"):
        super().__init__(field)
        self.field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FocusIn and event.reason() != Qt.FocusReason.MouseFocusReason
                and not watched.isChecked() and self.field.value() is not None):
            reason = event.reason()
            QTimer.singleShot(0, lambda: self.field.focus_target().setFocus(reason))  # Tab lands on the answer given
            return False
        if event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            button = {Qt.Key.Key_Y: self.field.yes, Qt.Key.Key_N: self.field.no}.get(event.key())
            if button is not None:
                button.setChecked(True)
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                self.field.answered.emit()
                return True
        return False


class YesNoField(AnswerField):
    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.yes, self.no = QRadioButton("Yes"), QRadioButton("No")
        self.group = QButtonGroup(self)
        keys = _YesNoKeys(self)
        for button in (self.yes, self.no):
            self.group.addButton(button)
            button.setAccessibleDescription(question.text)
            button.installEventFilter(keys)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.buttonToggled.connect(lambda _button, checked: checked and self.changed.emit())
        self.group.buttonClicked.connect(lambda _button: self.answered.emit())

    def value(self) -> bool | None:
        return True if self.yes.isChecked() else False if self.no.isChecked() else None

    def set_value(self, value: object) -> None:
        if value is None:
            self.group.setExclusive(False)
            self.yes.setChecked(False)
            self.no.setChecked(False)
            self.group.setExclusive(True)
        else:
            (self.yes if value else self.no).setChecked(True)

    def focus_target(self) -> QWidget:
        return self.no if self.no.isChecked() else self.yes


class ChoiceField(AnswerField):
    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = FormComboBox()
        self.combo.addItems(list(question.choices))
        self.combo.setPlaceholderText(NOT_ANSWERED)
        self.combo.setAccessibleName(question.text)
        self.combo.setCurrentIndex(-1)
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def value(self) -> str | None:
        return self.combo.currentText() if self.combo.currentIndex() >= 0 else None

    def set_value(self, value: object) -> None:
        self.combo.setCurrentIndex(self.question.choices.index(value) if value in self.question.choices else -1)

    def focus_target(self) -> QWidget:
        return self.combo


class TextField(AnswerField):
    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(question.text)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        layout.addWidget(self.edit)

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: object) -> None:
        self.edit.setText(value if isinstance(value, str) else "")

    def focus_target(self) -> QWidget:
        return self.edit


class ChecklistField(AnswerField):
    """A list question with choices: one check box each."""

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.boxes = []
        for choice in question.choices:
            box = QCheckBox(choice.replace("&", "&&"))
            box.setAccessibleDescription(question.text)
            box.toggled.connect(lambda _on: self.changed.emit())
            layout.addWidget(box)
            self.boxes.append(box)

    def value(self) -> list[str]:
        return [choice for choice, box in zip(self.question.choices, self.boxes, strict=True) if box.isChecked()]

    def set_value(self, value: object) -> None:
        chosen = value if isinstance(value, list) else []
        for choice, box in zip(self.question.choices, self.boxes, strict=True):
            box.setChecked(choice in chosen)

    def focus_target(self) -> QWidget:
        return self.boxes[0]


class ListTextField(AnswerField):
    """A list question without choices: one item a line, so an item may hold commas ("Your name,
    email address and phone number: for 3 years"). Tab moves on, as in every other field."""

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(question.text)
        self.edit.setPlaceholderText("One per line")
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.edit.textChanged.connect(self.changed.emit)
        layout.addWidget(self.edit)

    def value(self) -> list[str]:
        return [item.strip() for item in self.edit.toPlainText().splitlines() if item.strip()]

    def set_value(self, value: object) -> None:
        self.edit.setPlainText("\n".join(value) if isinstance(value, list) else "")

    def focus_target(self) -> QWidget:
        return self.edit


class ServicesField(AnswerField):
    """A services question: the catalogue's checklist (and "Another service…"); the answer is what the
    profile stores under "services", service id -> its settings."""

    def __init__(self, question: Question, library: Library, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.library = library
        offered = {key: entry for key, entry in library.services.items() if not question.kinds or entry.kind in question.kinds}
        self.picker = ServicePicker(offered, library.vocabulary)
        self.picker.setMinimumHeight(self.fontMetrics().lineSpacing() * (20 if len(offered) > 8 else 12))
        for row in self.picker.checklist.rows.values():  # Tab moves on to the next question; the search's Enter picks
            row.box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.picker.checklist.search.setAccessibleDescription(question.text)
        self.picker.toggled.connect(self._toggle)
        self.picker.setting_toggled.connect(self._set)
        self.picker.described.connect(lambda service_id, entry: self._toggle(service_id, True, {"entry": entry}))
        layout.addWidget(self.picker)

    def _toggle(self, service_id: str, on: bool, settings: dict | None = None) -> None:
        picked = dict(self.picker.picked)
        if on:
            picked[service_id] = settings or {}
        else:
            picked.pop(service_id, None)
        self.set_value(picked)
        self.changed.emit()

    def _set(self, service_id: str, setting_id: str, on: bool) -> None:
        picked = {key: dict(settings) for key, settings in self.picker.picked.items()}
        picked.setdefault(service_id, {})[setting_id] = on
        self.set_value(picked)
        self.changed.emit()

    def value(self) -> dict[str, dict]:
        return {key: dict(settings) for key, settings in self.picker.picked.items()}

    def set_value(self, value: object) -> None:
        if isinstance(value, str):  # an answer saved in words before the catalogue: "Stripe"
            value = named_pick(value, self.question.kinds, self.library)
        self.picker.show_picked(dict(value) if isinstance(value, dict) else {})

    def focus_target(self) -> QWidget:
        return self.picker.checklist.search


def answer_field(question: Question, parent: QWidget | None = None, library: Library | None = None) -> AnswerField:
    if question.type == SERVICES and library is not None:
        return ServicesField(question, library, parent)
    if question.type == YES_NO:
        return YesNoField(question, parent)
    if question.type == CHOICE:
        return ChoiceField(question, parent)
    if question.type == LIST:
        return ChecklistField(question, parent) if question.choices else ListTextField(question, parent)
    assert question.type == TEXT, question.type
    return TextField(question, parent)
