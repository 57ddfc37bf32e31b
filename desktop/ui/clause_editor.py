"""Rewording one clause: the wording in use, editable; a reset to the library text; and what the
checks find in it, refreshed as you type.
"""

import re
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.checks import Problem, clause_statements, fixed_override
from desktop.engine.document import Document
from desktop.engine.place import clause_place
from desktop.ui.session import ProfileSession
from desktop.ui.widgets import block_undo_shortcuts, error_colour, muted_colour

_TOKEN = re.compile(r"\{\{.*?\}\}")


class TokenHighlighter(QSyntaxHighlighter):
    """Shows {{tokens}} (filled in from your details) in the link colour and {{if …}} conditions
    in italics, so the words a reader will see stand out from the machinery around them."""

    def highlightBlock(self, text: str) -> None:
        palette = self.parent().palette() if isinstance(self.parent(), QWidget) else QPalette()
        token = QTextCharFormat()
        token.setForeground(palette.color(QPalette.ColorRole.Link))
        condition = QTextCharFormat()
        condition.setForeground(muted_colour(palette))
        condition.setFontItalic(True)
        for match in _TOKEN.finditer(text):
            fmt = condition if match.group().startswith("{{if ") else token
            self.setFormat(match.start(), match.end() - match.start(), fmt)


HINT = ("Words in {{double braces}} are filled in from your details; a paragraph that starts with "
        "{{if …}} appears only when that holds. Start a line with “- ” for a bullet; leave a blank line "
        "between paragraphs.")


def clause_choices(document: Document, library) -> list[tuple[str, str]]:
    """(clause id, 'N. Clause title') for every clause in the policy, in reading order."""
    choices, seen = [], set()
    for section in document.sections:
        for block in section.blocks:
            clause_id = block.clause_id
            if clause_id and clause_id not in seen and clause_id in library.clauses:
                seen.add(clause_id)
                choices.append((clause_id, f"{section.number}. {library.clauses[clause_id].title}"))
    return choices


class ClauseEditor(QWidget):
    clause_chosen = Signal(str)

    def __init__(self, session: ProfileSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.library = session.library
        self.clause_id: str | None = None
        self._problems: list[Problem] = []
        self._document: Document | None = None

        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Clause to reword")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(18)
        self.chooser.activated.connect(lambda index: self._chosen(self.chooser.itemData(index)))
        self.empty = QLabel("Click a clause in the preview, or pick one above, to reword it.")
        self.empty.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Clause wording")
        self.text.setUndoRedoEnabled(False)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 6)
        block_undo_shortcuts(self.text)
        self.highlighter = TokenHighlighter(self.text.document())
        self.highlighter.setParent(self.text)
        self.text.textChanged.connect(self._edited)
        self.reset = QPushButton("&Reset to library text")
        self.reset.setAccessibleName("Reset clause to library text")
        self.reset.clicked.connect(self._reset)
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.findings.setAccessibleName("Findings in this clause")
        self.fix = QPushButton("&Fix the wording")
        self.fix.setAccessibleName("Fix the terms in this clause")
        self.fix.setToolTip("Replace each flagged word with the one the policy uses (can be undone)")
        self.fix.clicked.connect(self._fix)
        self.says = QLabel()
        self.says.setWordWrap(True)
        self.says.setAccessibleName("What this clause states")
        self.confirm = QCheckBox("My wording still says all of this")
        self.confirm.setAccessibleName("Confirm my wording still says this")
        self.confirm.setToolTip("Until you confirm, the problems list asks you to check your wording")
        self.confirm.toggled.connect(self._confirm_toggled)
        self.original = QLabel()
        self.original.setWordWrap(True)
        self.original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.chooser)
        layout.addWidget(self.empty)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.findings)
        layout.addWidget(self.fix, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.says)
        layout.addWidget(self.confirm)
        layout.addWidget(self.hint)
        layout.addWidget(self.original)
        self._recolour()
        session.changed.connect(self._profile_changed)
        self.show_clause(None)

    def _recolour(self) -> None:
        muted = muted_colour(self.palette()).name()
        self.hint.setStyleSheet(f"color: {muted};")
        self.original.setStyleSheet(f"color: {muted};")
        self.state.setStyleSheet(f"color: {muted};")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._recolour()

    # Which clause
    def set_document(self, document: Document, problems: list[Problem]) -> None:
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
        for widget in (self.text, self.state, self.reset, self.hint, self.findings):
            widget.setVisible(has_clause)
        self.empty.setVisible(not has_clause)
        self._sync_chooser()
        self._refresh_text(force=True)
        self._show_findings()

    def focus_text(self) -> None:
        if self.clause_id:
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    # The wording
    def _refresh_text(self, force: bool = False) -> None:
        if self.clause_id is None:
            self.text.blockSignals(True)
            self.text.clear()
            self.text.blockSignals(False)
            self.original.hide()
            self._show_statements(False)
            return
        wording = self.session.clause_text(self.clause_id)
        if force or self.text.toPlainText() != wording:
            position = self.text.textCursor().position()
            self.text.blockSignals(True)
            self.text.setPlainText(wording)
            cursor = self.text.textCursor()
            cursor.setPosition(min(position, len(wording)))
            self.text.setTextCursor(cursor)
            self.text.blockSignals(False)
        overridden = self.clause_id in self.session.profile.overrides
        clause = self.library.clauses[self.clause_id]
        practice = self.library.practices.get(clause.practice)
        part = f" Part of “{practice.title}”." if practice and practice.title != clause.title else ""
        self.state.setText(("Your own wording." if overridden else "The library's wording.") + part)
        self.reset.setEnabled(overridden)
        self.original.setVisible(overridden)
        self._show_statements(overridden)
        self.original.setText(f"<b>Library text:</b><br>{escape(clause.body.strip(), quote=False).replace(chr(10), '<br>')}")

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
        if self.clause_id is not None:
            self.session.set_override(self.clause_id, self.text.toPlainText())

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

    def findings_for(self, clause_id: str) -> list[str]:
        """What the checks say about this clause: linter findings, unknown tokens, missing details."""
        messages = [p.message for p in self._problems if p.place == clause_place(clause_id)]
        if self._document is not None:
            messages += [g.message for g in self._document.gaps if g.clause_id == clause_id]
        return list(dict.fromkeys(messages))
