"""Editors for a practice's options: a check box, a number, a line of text, a list, a choice.

One editor per option type, built from the option's declaration (its title, default, choices,
limits). Each change is sent as (practice id, option name, value); the profile decides the rest.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.language.markup import TOKEN
from desktop.engine.library.model import Practice
from desktop.engine.library.options import OptionSpec
from desktop.ui.widgets import ClickLabel, FormComboBox, FormSpinBox, block_undo_shortcuts, error_colour, muted_colour

ITEM_GAP = 5
Words = Callable[[str], str]  # an option value (tokens and all) -> how it reads in the policy


def readable(text: str) -> str:
    """A value read without a profile to fill it: '{{the service}}' shows as 'the service'."""
    return TOKEN.sub(lambda m: m.group(1).strip().replace("company.", "your ").replace("_", " "), text)


class ListEdit(QTextEdit):
    """A list as lines of plain text, one item per line, with a little space between items so a
    long item that wraps still reads as one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.textChanged.connect(self._space_items)

    def items(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_items(self, items: list[str]) -> None:
        self.setPlainText("\n".join(items))
        self._space_items()

    def _space_items(self) -> None:
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().bottomMargin() != ITEM_GAP:
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setBottomMargin(ITEM_GAP)
                blocked = self.blockSignals(True)
                cursor.setBlockFormat(fmt)
                self.blockSignals(blocked)
            block = block.next()


class OptionEditor(QWidget):
    """The editor of one option, with its title and a line for what is wrong with its value."""

    changed = Signal(str, object)

    def __init__(self, spec: OptionSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.words: Words = readable
        self._source: object = spec.default  # the stored value the editor shows in words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.editor = self._make_editor(layout)
        self.editor.setAccessibleName(spec.title)
        self.editor.setObjectName(f"option.{spec.name}")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {error_colour(self.palette()).name()};")
        self.problem.hide()
        layout.addWidget(self.problem)

    def _title(self, layout: QVBoxLayout, hint: str = "") -> None:
        label = QLabel(self.spec.title)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.title_label = label
        if hint:
            note = QLabel(hint)
            note.setStyleSheet(f"color: {muted_colour(self.palette()).name()};")
            layout.addWidget(note)

    def _make_editor(self, layout: QVBoxLayout) -> QWidget:
        spec = self.spec
        if spec.type == "bool":
            box = QCheckBox()
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            self.title_label = ClickLabel(spec.title, box)
            row.addWidget(self.title_label, 1)
            layout.addLayout(row)
            box.toggled.connect(lambda on: self.changed.emit(spec.name, bool(on)))
            return box
        if spec.type == "int":
            self._title(layout)
            spin = FormSpinBox()
            spin.setRange(spec.min if spec.min is not None else 0, spec.max if spec.max is not None else 100000)
            spin.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000000") + 40)
            block_undo_shortcuts(spin)
            spin.valueChanged.connect(lambda value: self.changed.emit(spec.name, int(value)))
            layout.addWidget(spin)
            return spin
        if spec.type == "choice":
            self._title(layout)
            combo = FormComboBox()
            for choice in spec.choices:
                combo.addItem(readable(choice), choice)
            combo.activated.connect(lambda index: self.changed.emit(spec.name, combo.itemData(index)))
            layout.addWidget(combo)
            return combo
        if spec.type == "list":
            self._title(layout, "One per line.")
            text = ListEdit()
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 6 + 14)
            block_undo_shortcuts(text)
            text.textChanged.connect(lambda: self._list_edited(text))
            layout.addWidget(text)
            return text
        self._title(layout)
        line = QLineEdit()
        block_undo_shortcuts(line)
        line.textEdited.connect(lambda _text: self.changed.emit(spec.name, self.value()))
        layout.addWidget(line)
        return line

    def _list_edited(self, text: "ListEdit") -> None:
        if not text.signalsBlocked():
            self.changed.emit(self.spec.name, self.value())

    def value(self) -> object:
        """The value as stored: where the user left the words of the stored value as they were, the
        stored value itself, so its tokens keep following the company's details."""
        editor = self.editor
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, ListEdit):
            sources = self._source if isinstance(self._source, list) else []
            return [self._stored_item(line, sources) for line in editor.items()]
        text = editor.text()
        return self._source if isinstance(self._source, str) and text == self.words(self._source) else text

    def _stored_item(self, line: str, sources: list) -> str:
        """A list line as stored: a stored item whose words it shows, or whose words it starts with
        ("companies that send emails for us (Mailchimp)": the item, then what was typed after it)."""
        best = ""
        for item in sources:
            shown = self.words(item)
            if line == shown:
                return item
            if shown and line.startswith(shown) and len(shown) > len(self.words(best)):
                best = item
        return best + line[len(self.words(best)):] if best else line

    def set_value(self, value: object, words: Words | None = None) -> None:
        """Show `value` in words without sending it back; text being typed is left alone when it reads the same."""
        self.words = words or self.words
        self._source = value
        editor = self.editor
        editor.blockSignals(True)
        try:
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value) if isinstance(value, int) else editor.minimum())
            elif isinstance(editor, QComboBox):
                for index in range(editor.count()):
                    editor.setItemText(index, self.words(editor.itemData(index)))
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, ListEdit):
                shown = [self.words(item) for item in value] if isinstance(value, list) else [self.words(str(value))]
                if editor.items() != shown:
                    editor.set_items(shown)
            elif editor.text() != (shown := self.words(str(value))):
                editor.setText(shown)
        finally:
            editor.blockSignals(False)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.editor.setAccessibleDescription(text)


class OptionsPanel(QWidget):
    """All options of one practice; rebuilt when another practice is shown."""

    option_changed = Signal(str, str, object)  # practice id, option name, value

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.practice: Practice | None = None
        self.editors: dict[str, OptionEditor] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)

    def show_practice(self, practice: Practice | None, values: dict, enabled: bool, problems: dict[str, str],
                      words: Words = readable) -> None:
        """Show the practice's options; `words` shows a value's tokens as the policy fills them."""
        if practice is not self.practice:
            self._rebuild(practice)
        for name, editor in self.editors.items():
            editor.set_value(values.get(name, editor.spec.default), words)
            editor.setEnabled(enabled)
            editor.show_problem(problems.get(name, ""))

    def _rebuild(self, practice: Practice | None) -> None:
        for editor in self.editors.values():
            editor.setParent(None)
            editor.deleteLater()
        self.editors = {}
        self.practice = practice
        if practice is None:
            return
        for name, spec in practice.options.items():
            editor = OptionEditor(spec, self)
            editor.changed.connect(lambda option, value, pid=practice.id: self.option_changed.emit(pid, option, value))
            self._layout.addWidget(editor)
            self.editors[name] = editor

    def focus_option(self, name: str) -> bool:
        editor = self.editors.get(name)
        if editor is None:
            return False
        editor.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
