"""The company details form: who you are, how to reach you, what the policy covers.

Values go to the profile on every keystroke. A value the engine finds wrong (an email or web
address that is not one, a missing detail) is marked beside its field with the reason; the
field itself never refuses what is typed.
"""

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.policy.place import FIELD
from desktop.engine.profile.fields import COMBO, DATE, LINE, ProfileField, form_groups
from desktop.engine.reference.countries import month_first
from desktop.engine.review.checks import Problem, field_problems
from desktop.ui.session import ProfileSession
from desktop.ui.widgets import FormComboBox, FormDateEdit, WrappedNote, block_undo_shortcuts, error_colour, muted_colour, wrapped_check

NO_DATE = QDate(2000, 1, 1)
DATE_STYLE, US_DATE = "d MMMM yyyy", "MMMM d, yyyy"
_LAW_COLUMNS = 2  # a group of laws (the US states) shows two to a row


class _Field:
    """One editor with its mark (the reason a value is wrong) and an optional help line."""

    def __init__(self, spec: ProfileField, editor: QWidget, line: QLineEdit | None):
        self.spec, self.editor, self.line = spec, editor, line
        self.container = QWidget()
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.mark = WrappedNote()
        self.mark.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.mark.hide()
        layout.addWidget(self.mark)
        notes = " ".join(note for note in (spec.help, spec.not_printed) if note)
        if notes:
            help_label = WrappedNote(notes)
            help_label.setProperty("role", "help")
            layout.addWidget(help_label)
            self.help = help_label
        else:
            self.help = None
        self.warning = None
        if line is not None:
            warning_icon = editor.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.warning = QAction(warning_icon, "", editor)
            line.addAction(self.warning, QLineEdit.ActionPosition.TrailingPosition)
            self.warning.setVisible(False)  # after addAction, which shows the button

    def show_problem(self, problem: Problem | None) -> None:
        text = problem.message if problem else ""
        if self.mark.text() == text and self.mark.isVisible() == bool(text):
            return
        self.mark.setText(text)
        self.mark.setVisible(bool(text))
        self.editor.setAccessibleDescription(text)
        if self.warning is not None:
            self.warning.setVisible(bool(text))
            self.warning.setToolTip(text)


class CompanyForm(QScrollArea):
    def __init__(self, session: ProfileSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAccessibleName("Company details")
        self.fields: dict[str, _Field] = {}
        self.regime_boxes: dict[str, QCheckBox] = {}
        self.regime_labels: dict[str, QLabel] = {}  # beside each box, wrapped
        self._check_problems: list[Problem] = []
        self._labels: list[QLabel] = []
        self._forms: list[QFormLayout] = []
        self._typed: dict[str, str] = {}  # what was typed into a suggesting box, before its completion
        self._left: set[str] = set()  # the fields the owner has changed, or been in and left
        self._all_missing = False  # every missing detail marked, left or not
        content = QWidget()
        content.setObjectName("companyFormContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 10, 6, 10)
        layout.setSpacing(12)
        for title, specs in form_groups():
            box = QGroupBox(title)
            form = QFormLayout(box)
            self._forms.append(form)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in specs:
                field = self._make_date(spec) if spec.kind == DATE else self._make_field(spec)
                label = QLabel(spec.form_label)
                label.setBuddy(field.editor)
                form.addRow(label, field.container)
                self._labels.append(label)
                self.fields[spec.key] = field
            layout.addWidget(box)
        layout.addWidget(self._regimes_box())
        layout.addStretch(1)
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:  # one label column for every group, so the fields line up
            label.setMinimumWidth(width)
        self.setWidget(content)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form fits its width instead
        self._recolour()
        session.changed.connect(self._profile_changed)
        self.refresh()

    # Building
    def _make_field(self, spec: ProfileField) -> _Field:
        if spec.kind == LINE:
            editor = line = QLineEdit()
            line.textEdited.connect(lambda text, name=spec.key: self.session.set_field(name, text))
        else:
            editor = FormComboBox()
            editor.addItems(spec.choices)
            # a long choice ("Saint Vincent and the Grenadines") must not widen the form
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(8)
            if spec.kind == COMBO:
                editor.setEditable(True)
                editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                line = editor.lineEdit()
                line.textEdited.connect(lambda text, name=spec.key: self._typed_into_combo(name, text))
                line.editingFinished.connect(lambda box=editor, field_spec=spec: self._combo_finished(field_spec, box))
                editor.activated.connect(lambda _index, box=editor, name=spec.key: self.session.set_field(name, box.currentText()))
            else:
                line = None
                editor.activated.connect(lambda _index, box=editor, name=spec.key: self.session.set_field(name, box.currentText()))
        if line is not None:
            line.setPlaceholderText(f"e.g. {spec.placeholder}" if spec.placeholder else "")  # never mistaken for a value
            block_undo_shortcuts(line)
        editor.setAccessibleName(spec.label)
        editor.setObjectName(spec.key)
        for watched in {editor, line} - {None}:
            watched.installEventFilter(self)  # leaving the field shows what it still needs
        return _Field(spec, editor, line)

    def _typed_into_combo(self, name: str, text: str) -> None:
        self._typed[name] = text
        self.session.set_field(name, text)

    def _combo_finished(self, spec: ProfileField, box: QComboBox) -> None:
        """Tab, Enter or a click elsewhere takes the completed suggestion, not just the letters typed;
        unless what was typed is itself a good value (“UK” is not “Ukraine”)."""
        typed = self._typed.pop(spec.key, None)
        completed = box.currentText()
        if typed is None:
            return  # nothing typed since the last time: a choice from the list was stored already
        good_as_typed = spec.doubt is not None and bool(typed.strip()) and spec.doubt(typed) is None
        if good_as_typed and completed != typed:
            listed = box.findText(typed.strip(), Qt.MatchFlag.MatchFixedString)  # "germany": the list's "Germany"
            completed = box.itemText(listed) if listed >= 0 else typed
            box.setEditText(completed)
        self.session.set_field(spec.key, completed)

    def _make_date(self, spec: ProfileField) -> _Field:
        self.date = FormDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))  # the policy's months
        self.date.setDisplayFormat(DATE_STYLE)
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText("Not set")
        self.date.setAccessibleName(spec.label)
        self.date.setObjectName(spec.key)
        block_undo_shortcuts(self.date)
        self.date.dateChanged.connect(lambda date, name=spec.key: self._date_changed(name, date))
        return _Field(spec, self.date, None)

    def _regimes_box(self) -> QGroupBox:
        box = QGroupBox("Laws to cover")
        layout = QVBoxLayout(box)
        note = QLabel("Tick the laws that apply to you, or let Edit ▸ Interview… work them out and say why. The "
                      "problems list then names anything they ask the policy to say that no ticked practice says.")
        note.setWordWrap(True)
        note.setProperty("role", "help")
        layout.addWidget(note)
        groups: dict[str, list] = {}
        for regime in self.session.library.regimes.values():
            if regime.group:
                groups.setdefault(regime.group, []).append(regime)
            else:
                layout.addLayout(self._regime_row(regime, regime.label))
        for title, members in groups.items():
            layout.addWidget(self._law_group(title, members))
        return box

    def _law_group(self, title: str, members: list) -> QWidget:
        """Laws declared under one `group` (the US states): a heading over a grid of short titles, so
        twenty laws take a few rows; each box's tooltip still says whom its law protects."""
        group = QWidget()
        layout = QVBoxLayout(group)
        layout.setContentsMargins(0, 4, 0, 0)
        heading = QLabel(f"<b>{title}</b>")
        heading.setAccessibleName(title)
        layout.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for index, regime in enumerate(members):
            row = self._regime_row(regime, regime.title)
            row.setSpacing(6)
            grid.addLayout(row, index // _LAW_COLUMNS, index % _LAW_COLUMNS)
        layout.addLayout(grid)
        return group

    def _regime_row(self, regime, text: str) -> QHBoxLayout:
        check = QCheckBox()
        check.setAccessibleName(f"Cover {regime.title}")
        check.setToolTip(f"{regime.label}. {regime.explanation} {regime.question}")
        check.toggled.connect(lambda on, r=regime.id: self.session.set_regime(r, on))
        row = wrapped_check(check, text)
        self.regime_labels[regime.id] = row.itemAt(1).widget()
        self.regime_boxes[regime.id] = check
        return row

    def _recolour(self) -> None:
        for field in self.fields.values():
            field.mark.setStyleSheet(f"color: {error_colour(self.palette()).name()};")
            if field.help is not None:
                field.help.setStyleSheet(f"color: {muted_colour(self.palette()).name()};")
        for label in self.widget().findChildren(QLabel):
            if label.property("role") == "help":
                label.setStyleSheet(f"color: {muted_colour(self.palette()).name()};")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._recolour()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Labels beside their fields when there is room, above them when the panel is narrow
        (a side panel at 1024 pixels, or large text), so the form never scrolls sideways."""
        room_for_fields = self.fontMetrics().horizontalAdvance("x" * 28)
        beside = self.viewport().width() >= self._labels[0].minimumWidth() + room_for_fields + 40
        policy = QFormLayout.RowWrapPolicy.DontWrapRows if beside else QFormLayout.RowWrapPolicy.WrapAllRows
        for form in self._forms:
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)

    # Showing the profile
    def _date_changed(self, name: str, date: QDate) -> None:
        self.session.set_field(name, "" if date == NO_DATE else date.toString(Qt.DateFormat.ISODate))

    def _profile_changed(self, key: str) -> None:
        if not key:  # another profile: nothing of it was left empty by hand yet
            self._left, self._all_missing = set(), False
        elif key.startswith("field:"):
            self._left.add(key.removeprefix("field:"))  # changed by hand: what it lacks now is news
        self.refresh()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            name = next((n for n, f in self.fields.items() if watched in (f.editor, f.line)), None)
            if name is not None and name not in self._left:
                self._left.add(name)
                self._show_marks()
        return False

    def reveal_missing(self) -> None:
        """Mark every detail the policy still needs, left or not (an export with errors asks for them)."""
        self._all_missing = True
        self._show_marks()

    def refresh(self) -> None:
        profile = self.session.profile
        self.date.setDisplayFormat(US_DATE if month_first(profile.company.country) else DATE_STYLE)  # as the policy will print it
        for name, field in self.fields.items():
            if field.spec.kind == DATE:
                date = QDate.fromString(profile.field_value(name), Qt.DateFormat.ISODate)
                wanted = date if date.isValid() else NO_DATE
                if self.date.date() != wanted:
                    self.date.blockSignals(True)
                    self.date.setDate(wanted)
                    self.date.blockSignals(False)
                continue
            _set_text(field, profile.field_value(name))
        for regime, check in self.regime_boxes.items():
            if check.isChecked() != (regime in profile.regimes):
                check.blockSignals(True)
                check.setChecked(regime in profile.regimes)
                check.blockSignals(False)
        self._show_marks()

    def set_check_problems(self, problems: list[Problem]) -> None:
        """Problems from the full check that point at a field (a detail a picked clause needs)."""
        self._check_problems = [p for p in problems if p.place.kind == FIELD and p.place.id in self.fields]
        self._show_marks()

    def _show_marks(self) -> None:
        """A wrong value is marked at once; an empty one only once the owner has emptied the field, been
        in it and left it, or asked for the policy: an empty form is not a page of errors before anything is typed."""
        profile = self.session.profile
        marks = {p.place.id: p for p in self._check_problems}
        marks.update({p.place.id: p for p in field_problems(profile, self.session.library)})
        for name, field in self.fields.items():
            waiting = not profile.field_value(name).strip() and name not in self._left and not self._all_missing
            field.show_problem(None if waiting else marks.get(name))

    def focus_field(self, name: str) -> bool:
        field = self.fields.get(name)
        if field is None:
            return False
        self.ensureWidgetVisible(field.container)
        field.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        if field.line is not None:
            field.line.selectAll()
        return True



def _set_text(field: _Field, value: str) -> None:
    editor = field.editor
    if isinstance(editor, QComboBox):
        if editor.currentText() == value:
            return
        editor.blockSignals(True)
        index = editor.findText(value)
        if editor.isEditable():
            editor.setEditText(value)
        else:
            if index < 0 and value:
                editor.addItem(value)
                index = editor.count() - 1
            editor.setCurrentIndex(max(index, 0))  # no choice made yet shows the first, which is what it means
        editor.blockSignals(False)
    elif editor.text() != value:
        position = editor.cursorPosition()
        editor.setText(value)
        editor.setCursorPosition(min(position, len(value)))
