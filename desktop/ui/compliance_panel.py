"""The Compliance panel: one checklist per chosen law, and what to do about the requirement selected.

It follows the live document: after each change it shows the coverage the live document's check
worked out (`LiveDocument.coverage`), with the practices that would close each gap. A covered requirement
names its clause (Show in preview, or Enter in the list, selects it there); a missing one offers
the practices that would state it, best first, and Add ticks the chosen one through the session,
so it undoes like any other tick. Any requirement can be marked not required with the owner's
reason (GDPR Art. 27(2): "we serve people there only occasionally"), and unmarked, each an
undoable step. It says plainly that this is drafting help, not legal advice.
"""

from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import HAVE_A_LAWYER, NOT_LEGAL_ADVICE
from desktop.engine.language.words import join_words
from desktop.engine.review.coverage import (
    COVERED,
    MISSING,
    NOT_REQUIRED,
    REWORDED,
    detail_words,
    ruled_out_stating,
    with_suggestions,
)
from desktop.ui.compliance_model import (
    CITATION_ROLE,
    CLAUSES_ROLE,
    DETAILS_ROLE,
    ID_ROLE,
    INSTEAD,
    ITEM,
    KIND_ROLE,
    LAW_TEXT_ROLE,
    PRACTICES_ROLE,
    REASON_ROLE,
    REQUIREMENT,
    STATE,
    STATE_ROLE,
    ComplianceModel,
    state_text,
)
from desktop.ui.compliance_view import ChecklistView, small_font
from desktop.ui.live import LiveDocument
from desktop.ui.widgets import details_area, list_over_details, muted_colour

CHECKLIST_DISCLAIMER = (f"{NOT_LEGAL_ADVICE} This checklist says whether your draft states what each law asks "
                        f"a privacy policy to say; it cannot say whether your business complies. {HAVE_A_LAWYER}")


class CompliancePanel(QWidget):
    clause_requested = Signal(str)  # show this clause in the preview
    laws_requested = Signal()  # the user wants to choose the laws (in Company details)
    practice_added = Signal(str)  # a practice was ticked from here

    def __init__(self, live: LiveDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.live, self.session, self.library = live, live.session, live.session.library
        self.model = ComplianceModel(self.library, self)
        self.tree = ChecklistView(self.model)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_details())
        self.tree.activated.connect(self._activated)

        self.disclaimer = QLabel(CHECKLIST_DISCLAIMER)
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setAccessibleName(NOT_LEGAL_ADVICE)
        self.no_laws = QLabel("No law chosen yet. Tick the laws that apply to you under Company details, "
                              "and this checklist shows what each asks your policy to say.")
        self.no_laws.setWordWrap(True)
        self.choose_laws = QPushButton("&Choose laws…")
        self.choose_laws.setAccessibleName("Choose the laws to cover")
        self.choose_laws.clicked.connect(self.laws_requested.emit)

        self.details = self._build_details()
        self.splitter = list_over_details("complianceSplitter", self.tree, self.details)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.disclaimer)
        layout.addWidget(self.no_laws)
        layout.addWidget(self.choose_laws, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.splitter, 1)
        layout.addStretch(0)  # takes the room only while the checklist is hidden, keeping the words together at the top
        self._recolour()
        self._stale = True
        live.updated.connect(self.refresh)

    def _build_details(self) -> QScrollArea:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        self.words = QLabel()
        self.words.setWordWrap(True)
        font = self.words.font()
        font.setBold(True)
        self.words.setFont(font)
        self.law = QLabel()
        self.law.setTextFormat(Qt.TextFormat.RichText)  # its text is escaped HTML, tags or not
        self.law.setWordWrap(True)
        self.law.setFont(small_font(self.law.font()))
        self.state_icon = QLabel()
        self.state = QLabel()
        self.state.setWordWrap(True)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_icon)
        state_row.addWidget(self.state, 1)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.where.setAccessibleName("Where the policy says it")
        self.where.linkActivated.connect(lambda link: self.clause_requested.emit(link.removeprefix("clause:")))
        self.suggestions = QComboBox()
        self.suggestions.setAccessibleName("Practice to add")
        self.suggestions.currentIndexChanged.connect(lambda _i: self._show_suggestion())
        self.suggestion = QLabel()
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setWordWrap(True)
        self.add = QPushButton("&Add")
        self.add.clicked.connect(self.add_suggested)
        self.show_clause = QPushButton("&Show in preview")
        self.show_clause.setAccessibleName("Show the clause in the preview")
        self.show_clause.clicked.connect(self._show_clause)
        self.suggestions.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.suggestions.setMinimumContentsLength(12)  # a long title is elided, never widening the panel
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.show_clause)
        buttons.addStretch(1)
        for widget in (self.words, self.law):
            layout.addWidget(widget)
        layout.addLayout(state_row)
        layout.addWidget(self.where)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.suggestions)
        layout.addLayout(buttons)
        layout.addLayout(self._build_not_required())
        layout.addStretch(1)
        return details_area("About the selected requirement", content)

    def _build_not_required(self) -> QHBoxLayout:
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Why the law does not ask this of you, e.g. we serve people there only occasionally")
        self.reason.setAccessibleName("Why this is not required")
        self.reason.textChanged.connect(lambda text: self.mark.setEnabled(bool(text.strip())))
        self.reason.returnPressed.connect(self.mark_not_required)
        self.mark = QPushButton("Mark &not required")
        self.mark.setToolTip("Record that the law does not ask this of you, with your reason (can be undone)")
        self.mark.clicked.connect(self.mark_not_required)
        self.unmark = QPushButton("&Required after all")
        self.unmark.setToolTip("Take back your note that this is not required (can be undone)")
        self.unmark.clicked.connect(lambda: self._set_reason(""))
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.mark)
        row.addWidget(self.unmark)
        return row

    def mark_not_required(self) -> bool:
        """Record the reason typed for the requirement selected, as one undoable step."""
        return bool(self.reason.text().strip()) and self._set_reason(self.reason.text())

    def _set_reason(self, reason: str) -> bool:
        requirement_id = self.current_requirement()
        return bool(requirement_id) and self.session.set_not_required(requirement_id, reason)

    # Following the policy
    def refresh(self) -> None:
        """Show the coverage of the policy as it is now; while the panel is hidden, only note that it is out of date."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        profile, document = self.session.profile, self.live.document
        current = self.current_requirement()
        found = with_suggestions(self.live.coverage, profile, self.library, document) if document is not None else {}
        self.model.set_coverage(found)  # new rows are shown open by the view; kept rows keep the state they had
        if current and current != self.current_requirement():
            self.select_requirement(current, focus=False)
        chosen = bool(self.model.rowCount())
        self.no_laws.setVisible(not chosen)
        self.choose_laws.setVisible(not chosen)
        self.splitter.setVisible(chosen)
        self._show_details()

    def current_requirement(self) -> str | None:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(REQUIREMENT).data(ID_ROLE) if index.data(KIND_ROLE) == ITEM else None

    def select_requirement(self, requirement_id: str, focus: bool = True) -> bool:
        index = self.model.index_of(requirement_id)
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.scrollTo(index)
        QTimer.singleShot(0, lambda: self.tree.scrollTo(self.tree.currentIndex()))  # once wrapped rows are laid out
        if focus:
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # What to do about the requirement selected
    def _current(self) -> QModelIndex:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(REQUIREMENT) if index.data(KIND_ROLE) == ITEM else QModelIndex()

    def _show_details(self) -> None:
        index = self._current()
        self.details.setVisible(index.isValid())
        if not index.isValid():
            return
        state, clauses = index.data(STATE_ROLE), index.data(CLAUSES_ROLE)
        title = self.library.regimes[index.parent().data(ID_ROLE)].title
        self.words.setText(index.data())
        self.law.setText(f"{escape(title)} asks the policy to state {escape(index.data(LAW_TEXT_ROLE))}. "
                         f"<i>{escape(index.data(CITATION_ROLE))}</i>")
        self.state_icon.setPixmap(index.siblingAtColumn(STATE).data(Qt.ItemDataRole.DecorationRole).pixmap(16, 16))
        self.state.setText(state_text(state, title))
        links = ", ".join(f'<a href="clause:{escape(c)}">{escape(self.library.clauses[c].title)}</a>'
                          for c in clauses if c in self.library.clauses)
        self.where.setText({COVERED: f"In the policy: {links}.",
                            REWORDED: f"You reworded {links}: check that your wording still says this, then "
                                      "confirm it beside the wording.",
                            MISSING: self._missing_text(index.data(DETAILS_ROLE)),
                            NOT_REQUIRED: f"You said the law does not ask this of you: “{escape(index.data(REASON_ROLE))}”.",
                            INSTEAD: "Your policy could answer this law with this one statement instead."}[state])
        markable = state not in (INSTEAD, NOT_REQUIRED)
        self.reason.clear()
        self.reason.setVisible(markable)
        self.mark.setVisible(markable)
        self.mark.setEnabled(False)
        self.unmark.setVisible(state == NOT_REQUIRED)
        practices = [p for p in index.data(PRACTICES_ROLE) if p in self.library.practices]
        self.suggestions.blockSignals(True)
        self.suggestions.clear()
        for practice_id in practices:
            self.suggestions.addItem(self.library.practices[practice_id].title, practice_id)
        self.suggestions.blockSignals(False)
        wanted = state in (MISSING, INSTEAD) and not index.data(DETAILS_ROLE)
        self.suggestions.setVisible(wanted and len(practices) > 1)  # one practice: the line above names it
        self.add.setVisible(wanted and bool(practices))
        self.show_clause.setVisible(state in (COVERED, REWORDED))
        self.suggestion.setVisible(wanted)
        self.suggestion.setText(self._nothing_to_add(index.data(ID_ROLE)))
        self._show_suggestion()

    def _nothing_to_add(self, requirement_id: str) -> str:
        """Why no practice is offered: the interview ruled each out, or the library has none."""
        ruled = ruled_out_stating(self.session.profile, self.library, requirement_id)
        if ruled:
            return (f"Your interview answers rule out {escape(join_words(ruled))}. If the law does not ask this of you, "
                    "say why below; or change your answer in the interview.")
        return "No practice in the clause library says this; write a clause of your own."

    def _missing_text(self, details: tuple[str, ...]) -> str:
        if details:
            return f"Your policy says this only once you fill in {escape(join_words([detail_words(k, self.library) for k in details]))}."
        return "No clause in your policy says this yet."

    def _show_suggestion(self) -> None:
        practice = self.library.practices.get(self.suggestions.currentData() or "")
        if practice is None:
            return
        muted = muted_colour(self.palette()).name()
        others = self.suggestions.count() - 1
        choose = f" <span style='color:{muted}'>({others + 1} practices would say it: pick one below.)</span>" if others else ""
        self.suggestion.setText(f"Ticking “{escape(practice.title)}” would cover it: "
                                f"{escape(practice.primary.summary)}{choose}")
        self.add.setAccessibleName(f"Add the practice “{practice.title}”")
        self.add.setToolTip(f"Tick “{practice.title}” in Practices (can be undone)")

    def _wanted(self) -> bool:
        return self._current().data(STATE_ROLE) in (MISSING, INSTEAD)

    def add_suggested(self) -> bool:
        """Tick the practice chosen for the requirement selected, as one undoable step."""
        practice_id = self.suggestions.currentData()
        if not self._wanted() or not practice_id or not self.session.set_practice(practice_id, True):
            return False
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.practice_added.emit(practice_id)
        return True

    def _show_clause(self) -> None:
        clauses = self._current().data(CLAUSES_ROLE)
        if clauses:
            self.clause_requested.emit(clauses[0])

    def _activated(self, index: QModelIndex) -> None:
        """Enter or a double-click: a covered requirement shows its clause; a missing one adds the practice."""
        if index.data(KIND_ROLE) != ITEM:
            return
        if self._wanted():
            self.add_suggested()
        else:
            self._show_clause()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _recolour(self) -> None:
        self.disclaimer.setStyleSheet(f"color: {muted_colour(self.palette()).name()};")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._recolour()
