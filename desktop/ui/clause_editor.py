"""Rewording one clause: the wording in use, in plain words with its filled-in values as protected
pieces (or, for clause authors, as its template); a reset to the library text, a comparison with
it, and what the checks find in it, refreshed as you type.
"""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.policy.document import Document
from desktop.engine.policy.place import clause_place
from desktop.engine.policy.reword import Piece, depends_on_choices, lines_template
from desktop.engine.review.checks import Problem, clause_statements, fixed_override
from desktop.ui.clause_details import ClauseDetails, TokenHighlighter
from desktop.ui.piece_edit import PieceEdit
from desktop.ui.session import ProfileSession
from desktop.ui.widgets import block_undo_shortcuts, error_colour, muted_colour, wrapped_check

HINT = ("Shaded words are filled in from your details and change with them: type around them, or "
        "delete one whole with Backspace. Start a line with “• ” or “- ” for a bullet; leave an empty "
        "line between paragraphs.")
TEMPLATE_HINT = ("Words in {{double braces}} are filled in from your details; a paragraph that starts with "
                 "{{if …}} appears only when that holds. Start a line with “- ” for a bullet; leave a blank line "
                 "between paragraphs.")
AS_IT_READS = "Parts that depend on other choices are shown as they read today."
AS_IT_READS_MORE = ("A paragraph that appears only with some choices is shown if it appears now, and left out if not. "
                    "Once you reword the clause, it keeps the paragraphs it shows, whatever you choose later.")


def clause_choices(document: Document, library) -> list[tuple[str, str]]:
    """(clause id, 'N. Clause title') for every clause in the policy, in reading order."""
    return [(clause_id, f"{section.number}. {library.clauses[clause_id].title}")
            for clause_id, section in document.clause_sections().items() if clause_id in library.clauses]


def _piece_values(pieces: list[Piece]) -> list[tuple[str, str, bool]]:
    return [(piece.source, piece.shown, piece.missing) for piece in pieces]


def _texts(lines) -> list[tuple[str, str]]:
    return [(line.kind, line.text) for line in lines]


class ClauseEditor(QWidget):
    clause_chosen = Signal(str)

    def __init__(self, session: ProfileSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.library = session.library
        self.clause_id: str | None = None
        self._problems: list[Problem] = []
        self._document: Document | None = None
        self._written: str | None = None  # the wording this box last showed or wrote

        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Clause to reword")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(14)
        self.chooser.activated.connect(lambda index: self._chosen(self.chooser.itemData(index)))
        self.empty = QLabel("Click a clause in the preview, or pick one above, to reword it.")
        self.empty.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.as_it_reads = QLabel(AS_IT_READS)
        self.as_it_reads.setWordWrap(True)
        self.as_it_reads.setToolTip(AS_IT_READS_MORE)
        self.text = PieceEdit()
        self.text.setAccessibleName("Clause wording")
        self.text.edited.connect(self._edited)
        self.template = QPlainTextEdit()
        self.template.setAccessibleName("Clause template")
        self.template.setUndoRedoEnabled(False)
        self.template.setTabChangesFocus(True)
        self.template.textChanged.connect(self._template_edited)
        self.highlighter = TokenHighlighter(self.template.document())
        self.highlighter.setParent(self.template)
        for box in (self.text, self.template):
            box.setMinimumHeight(box.fontMetrics().lineSpacing() * 6)
            block_undo_shortcuts(box)
        self.template.hide()
        self.advanced = QCheckBox()
        self.advanced_row = QWidget()  # its words wrap beside the box, so a narrow pane still holds it
        self.advanced_row.setLayout(wrapped_check(self.advanced, "Advanced: show the template"))
        self.advanced.setAccessibleName("Show the clause template")
        self.advanced.setToolTip("For clause authors: the wording with its {{tokens}} and {{if …}} conditions")
        self.advanced.toggled.connect(self._advanced_toggled)
        self.reset = QPushButton("&Reset")  # short, so the pane leaves the preview most of the width
        self.reset.setAccessibleName("Reset clause to library text")
        self.reset.setToolTip("Undo your rewording: go back to the library's wording")
        self.reset.clicked.connect(self._reset)

        self.details = ClauseDetails()
        self.findings, self.fix, self.says = self.details.findings, self.details.fix, self.details.says
        self.confirm, self.original, self.hint = self.details.confirm, self.details.original, self.details.hint
        self.compare = self.details.compare
        self.fix.clicked.connect(self._fix)
        self.confirm.toggled.connect(self._confirm_toggled)

        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.chooser)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.as_it_reads)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.template, 1)
        layout.addWidget(self.advanced_row)
        layout.addWidget(self.details.area)
        self._recolour()
        session.changed.connect(self._profile_changed)
        self.show_clause(None)

    def _recolour(self) -> None:
        muted = muted_colour(self.palette()).name()
        for label in (self.state, self.as_it_reads):
            label.setStyleSheet(f"color: {muted};")
        self.details.recolour(muted)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._recolour()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_details()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_details()  # laid out while hidden, the lines above the details wrapped at another width

    def _fit_details(self) -> None:
        """The details take up to 3/10 of the panel (the wording keeps most of it), and never more
        than the room the other widgets leave: with large fonts their wrapped lines need more."""
        share = max(self.height() * 3 // 10, self.fontMetrics().lineSpacing() * 3)
        self.details.limit_height(min(share, self._room_for_details()))

    def _room_for_details(self) -> int:
        layout = self.layout()
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        used = margins.top() + margins.bottom()
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item.isEmpty() or item.widget() is self.details.area:
                continue
            high = item.heightForWidth(width) if item.hasHeightForWidth() else -1
            used += max(high, item.minimumSize().height()) + layout.spacing()
        return self.height() - used

    # Which clause
    def set_document(self, document: Document, problems: list[Problem]) -> None:
        moved = self._document is None or self._document.introduced_in != document.introduced_in
        self._document, self._problems = document, problems
        choices = clause_choices(document, self.library)
        current = [(self.chooser.itemData(i), self.chooser.itemText(i)) for i in range(self.chooser.count())]
        if choices != current:
            self.chooser.blockSignals(True)
            self.chooser.clear()
            for clause_id, label in choices:
                self.chooser.addItem(label, clause_id)
            self.chooser.blockSignals(False)
        if self.clause_id and all(clause_id != self.clause_id for clause_id, _ in choices):
            self.show_clause(None)  # its practice was unticked: nothing of it is left to reword
            return
        self._sync_chooser()
        if moved:  # a term is now defined in another clause: the box reads as the new policy does
            self._refresh_text()
        self._show_findings()

    def _chosen(self, clause_id: str | None) -> None:
        if clause_id:
            self.show_clause(clause_id)
            self.clause_chosen.emit(clause_id)

    def _sync_chooser(self) -> None:
        index = self.chooser.findData(self.clause_id) if self.clause_id else -1
        self.chooser.blockSignals(True)
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)

    def show_clause(self, clause_id: str | None) -> None:
        if clause_id is not None and clause_id not in self.library.clauses:
            clause_id = None
        self.clause_id = clause_id
        has_clause = clause_id is not None
        advanced = self.advanced.isChecked()
        self.text.setVisible(has_clause and not advanced)
        self.template.setVisible(has_clause and advanced)
        for widget in (self.state, self.reset, self.advanced_row, self.details.area):
            widget.setVisible(has_clause)
        self.empty.setVisible(not has_clause)
        self._sync_chooser()
        self._refresh_text(force=True)
        self._show_findings()
        self._fit_details()  # the lines above it may have wrapped differently

    def focus_text(self) -> None:
        if self.clause_id:
            box = self.template if self.advanced.isChecked() else self.text
            box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _advanced_toggled(self, on: bool) -> None:
        self.show_clause(self.clause_id)

    # The wording
    def _lines(self, wording: str):
        """`wording` in words and pieces as the policy shown beside it reads (filled once per profile state)."""
        introduced_in = self._document.introduced_in if self._document is not None else None
        return self.session.rewording().lines(wording, self.clause_id, introduced_in)

    def _refresh_text(self, force: bool = False) -> None:
        if self.clause_id is None:
            self._written = None
            self.text.set_lines([])
            self._set_template("")
            self.as_it_reads.hide()
            self.details.show_library(None, False)
            self._show_statements(False)
            return
        wording = self.session.clause_text(self.clause_id)
        if self.advanced.isChecked():
            if force or self.template.toPlainText() != wording:
                self._set_template(wording)
        else:
            self._refresh_words(wording, force)
        overridden = self.clause_id in self.session.profile.overrides
        clause = self.library.clauses[self.clause_id]
        practice = self.library.practices.get(clause.practice)
        part = f" Part of “{practice.title}”." if practice and practice.title != clause.title else ""
        self.state.setText(("Your own wording." if overridden else "The library's wording.") + part)
        self.as_it_reads.setVisible(not self.advanced.isChecked() and depends_on_choices(clause.body))
        self.hint.setText(TEMPLATE_HINT if self.advanced.isChecked() else HINT)
        self.reset.setEnabled(overridden)
        self._show_statements(overridden)
        library_lines = None if self.advanced.isChecked() else self._lines(clause.body)
        self.details.show_library(library_lines, overridden, clause.body)
        self._fit_details()

    def _refresh_words(self, wording: str, force: bool) -> None:
        """Refill the box when the wording changed elsewhere (undo, reset, a fix) or a value in it did."""
        lines = self._lines(wording)
        unchanged = not force and wording == self._written
        shown = self.text.lines()
        if unchanged and (_piece_values([p for ln in shown for p in ln.parts if isinstance(p, Piece)])
                          == _piece_values([p for ln in lines for p in ln.parts if isinstance(p, Piece)])
                          or _texts(shown) == _texts(lines)):  # the user's own edit, reading as it will: no refill under the cursor
            return
        if force:  # a clause just opened is read from its start
            self.text.set_lines(lines)
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
        else:
            self.text.refill(lines)
        self._written = wording

    def _set_template(self, wording: str) -> None:
        position = self.template.textCursor().position()
        self.template.blockSignals(True)
        self.template.setPlainText(wording)
        cursor = self.template.textCursor()
        cursor.setPosition(min(position, len(wording)))
        self.template.setTextCursor(cursor)
        self.template.blockSignals(False)

    def _show_statements(self, overridden: bool) -> None:
        """Beside the user's own wording: what the library's wording stated, and their confirmation."""
        statements = clause_statements(self.library, self.clause_id, self.session.profile) if overridden and self.clause_id else []
        self.says.setText("<b>The library's wording states:</b>" + "".join(f"<br>• {escape(s, quote=False)}" for s in statements))
        self.says.setVisible(bool(statements))
        self.confirm.setVisible(bool(statements))
        self.confirm.blockSignals(True)
        self.confirm.setChecked(bool(statements) and self.session.profile.wording_confirmed(self.clause_id))
        self.confirm.blockSignals(False)

    def _confirm_toggled(self, on: bool) -> None:
        if self.clause_id is not None:
            self.session.confirm_wording(self.clause_id, on)

    def _edited(self) -> None:
        """Store what the box says, its pieces as tokens; the library's wording as it reads now is no override."""
        if self.clause_id is None:
            return
        body = self.library.clauses[self.clause_id].body.strip()
        wording = lines_template(self.text.lines())
        if wording == lines_template(self._lines(body)):
            wording = body
        self._written = wording  # the refresh this edit causes must not refill the box under the cursor
        self.session.set_override(self.clause_id, wording)

    def _template_edited(self) -> None:
        if self.clause_id is not None:
            self.session.set_override(self.clause_id, self.template.toPlainText())

    def _reset(self) -> None:
        if self.clause_id is not None:
            self.session.reset_override(self.clause_id)

    def _fix(self) -> None:
        fixed = self._fixed_wording(fresh=True)
        if fixed is not None:
            self.session.set_override(self.clause_id, fixed, merge=False)

    def _fixed_wording(self, fresh: bool = False) -> str | None:
        """The fixed wording; from the policy already rendered unless `fresh` (a click may come
        before the debounced render has caught up with the typing)."""
        if self.clause_id is None:
            return None
        document = None if fresh else self._document
        return fixed_override(self.session.profile, self.library, self.clause_id, document)

    def _profile_changed(self, _key: str) -> None:
        self._refresh_text()

    def _show_findings(self) -> None:
        messages = self.findings_for(self.clause_id) if self.clause_id else []
        colour = error_colour(self.palette()).name()
        self.findings.setText("".join(f'<p style="color:{colour}">{escape(m, quote=False)}</p>' for m in messages))
        self.findings.setVisible(bool(messages))
        self.fix.setVisible(bool(messages) and self._fixed_wording() is not None)
        self._fit_details()

    def findings_for(self, clause_id: str) -> list[str]:
        """What the checks say about this clause: linter findings, unknown tokens, missing details."""
        messages = [p.message for p in self._problems if p.place == clause_place(clause_id)]
        if self._document is not None:
            messages += [g.message for g in self._document.gaps if g.clause_id == clause_id]
        return list(dict.fromkeys(messages))
