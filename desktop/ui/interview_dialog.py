"""The interview: a wizard with one page per part of the questions, and a last page that says which
laws apply, why, and what finishing will change.

Each question shows its reason and example, and under its answer what that answer changes, so a
reopened interview shows what each answer did. Follow-up questions appear as answers call for
them. Keyboard: Tab moves on, Enter goes to the next page, Alt+B goes back, Alt and the
underlined letter jumps to a question; Y and N answer a yes/no question. A service is picked once for
the whole interview, as the profile keeps it: every services question shows it ticked where it offers it.

The dialog only collects answers: the controller applies them, as one undoable step.
"""

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from desktop import DISCLAIMER
from desktop.engine.interview.interview import answer_effects, apply_answers, load_questions, profile_changes, regime_reasons, split_option
from desktop.engine.interview.picks import offered, picks
from desktop.engine.library.model import Library
from desktop.engine.profile.profile import Profile
from desktop.engine.profile.questions import TEXT, Page, Question, Questions, asked
from desktop.ui.interview_fields import SERVICES, AnswerField, answer_field
from desktop.ui.widgets import muted_colour

RESERVED = set("bnfch")  # the wizard's own buttons: Back, Next, Finish, Cancel, Help


def with_mnemonic(text: str, used: set[str]) -> str:
    """`text` with & before the first letter not yet `used` (a word's first letter if it can), for Alt+letter."""
    escaped = text.replace("&", "&&")
    starts = [i for i, c in enumerate(escaped) if c.isalpha() and (i == 0 or not escaped[i - 1].isalpha())]
    for index in starts + [i for i, c in enumerate(escaped) if c.isalpha()]:
        letter = escaped[index].lower()
        if letter not in used:
            used.add(letter)
            return escaped[:index] + "&" + escaped[index:]
    return escaped


def initial_answers(profile: Profile, questions: Questions) -> dict:
    """What the interview shows first: the saved answers, details already filled in (and services
    picked), then the defaults."""
    answers = {k: v for k, v in profile.answers.items() if k in questions.by_id}
    for question in questions.questions:
        for effect in question.effects:
            if question.type == TEXT and effect.answer_to and not split_option(effect.answer_to):
                value = profile.field_value(effect.answer_to).strip()
                if value:
                    answers[question.id] = value
        if question.type == SERVICES and profile.services:  # the services picked since, in the Services tab
            answers[question.id] = {key: dict(settings) for key, settings in profile.services.items()}
        if question.id not in answers and question.default is not None:
            answers[question.id] = question.default
    return answers


def given_before(profile: Profile, questions: Questions, initial: dict) -> set[str]:
    """The questions answered before the interview opens: saved answers and details filled in (a default is no answer)."""
    return {qid for qid, value in initial.items() if qid in profile.answers or value != questions.by_id[qid].default}


class QuestionRow(QWidget):
    """A question in bold, its reason and example below it, the answer, then what the answer changes."""

    def __init__(self, question: Question, used: set[str], parent: QWidget | None = None, library: Library | None = None):
        super().__init__(parent)
        self.question = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24 if question.ask_when else 0, 4, 0, 10)  # a follow-up sits under its question
        layout.setSpacing(3)
        self.label = QLabel(with_mnemonic(question.text, used))
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout.addWidget(self.label)
        self.notes = [QLabel(question.why)]
        if question.example:
            self.notes.append(QLabel(f"<i>For example: {html.escape(question.example)}</i>"))
        for note in self.notes:
            note.setWordWrap(True)
            layout.addWidget(note)
        self.field: AnswerField = answer_field(question, library=library)
        self.label.setBuddy(self.field.focus_target())
        layout.addWidget(self.field)
        self.effect = QLabel()
        self.effect.setWordWrap(True)
        self.effect.setAccessibleName(f"What the answer to “{question.text}” changes")
        layout.addWidget(self.effect)
        self.notes.append(self.effect)
        self.recolour()

    def recolour(self) -> None:
        colour = muted_colour(self.palette()).name()
        for note in self.notes:
            note.setStyleSheet(f"color: {colour};")

    def show_effect(self, lines: tuple[str, ...]) -> None:
        self.effect.setText("→ " + " ".join(lines))


class QuestionPage(QWizardPage):
    def __init__(self, page: Page, rows: list[QuestionRow], number: int, pages: int):
        super().__init__()
        self.setTitle(f"{page.title}  ·  {number} of {pages}")
        self.setSubTitle(page.intro)
        self.rows = rows
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 0, 12, 0)
        for row in rows:
            column.addWidget(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def focus_first(self) -> None:
        for row in self.rows:
            if row.isVisibleTo(self):
                row.field.focus_target().setFocus(Qt.FocusReason.TabFocusReason)
                return


class SummaryPage(QWizardPage):
    """Which laws apply and why; what finishing changes; drafting help, not legal advice."""

    def __init__(self, dialog: "InterviewDialog"):
        super().__init__()
        self.dialog = dialog
        self.setTitle(f"What your answers mean  ·  {len(dialog.questions.pages) + 1} of {len(dialog.questions.pages) + 1}")
        self.setSubTitle("Press Finish to apply your answers. You can undo it, and fine-tune the practices afterwards.")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAccessibleName("What your answers mean")
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.text)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def initializePage(self) -> None:
        self.text.setText(self.dialog.summary_html())


class InterviewDialog(QWizard):
    def __init__(self, library: Library, profile: Profile, questions: Questions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.library, self.profile = library, profile
        self.questions = questions or load_questions()
        self.setWindowTitle("Interview — Policywright")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 84, self.fontMetrics().height() * 34)
        self.rows: dict[str, QuestionRow] = {}
        self.question_pages: list[QuestionPage] = []
        total = len(self.questions.pages) + 1
        for number, page in enumerate(self.questions.pages, start=1):
            used = set(RESERVED)
            rows = [QuestionRow(q, used, library=library) for q in self.questions.on_page(page.id)]
            self.rows.update({row.question.id: row for row in rows})
            wizard_page = QuestionPage(page, rows, number, total)
            self.question_pages.append(wizard_page)
            self.addPage(wizard_page)
        self.summary = SummaryPage(self)
        self.addPage(self.summary)
        initial = initial_answers(profile, self.questions)
        for qid, value in initial.items():
            self.rows[qid].field.set_value(value)
        self.picked_services = picks(self.answers(), self.questions)  # every service picked, by any services question
        self._show_services()
        # What the owner has answered: a law is explained as decided only once its questions are.
        self.given = given_before(profile, self.questions, initial)
        self._shown_id = -1
        for qid, row in self.rows.items():
            row.field.changed.connect(lambda qid=qid: self.given.add(qid))
            if row.question.type == SERVICES:
                row.field.changed.connect(lambda row=row: self._share_services(row))
            row.field.changed.connect(self.refresh)
            row.field.answered.connect(lambda qid=qid: self._answered(qid))
        self.currentIdChanged.connect(self._page_changed)
        self.refresh()

    def answers(self) -> dict:
        """The answers given: every question with an answer (a hidden follow-up's is kept, and ignored)."""
        values = {qid: row.field.value() for qid, row in self.rows.items()}
        return {qid: value for qid, value in values.items() if value is not None and value != ""}

    def refresh(self) -> None:
        answers = self.answers()
        shown = {q.id for q in asked(self.questions, answers)}
        effects = {e.question.id: e for e in answer_effects(answers, self.library, self.questions, self.profile, self.given)
                   if e.question}
        for qid, row in self.rows.items():
            row.setVisible(qid in shown)
            if qid in effects:
                row.show_effect(effects[qid].lines)

    def _share_services(self, source: QuestionRow) -> None:
        """What `source` now picks, among the services it offers, is what the whole interview picks of them:
        a service ticked or unticked there is ticked or unticked in every other services question."""
        there = offered(source.question, self.picked_services, self.library)
        others = {k: v for k, v in self.picked_services.items() if k not in there}
        self.picked_services = {**others, **source.field.value()}
        self._show_services(source)

    def _show_services(self, source: QuestionRow | None = None) -> None:
        for row in self.rows.values():
            if row.question.type == SERVICES and row is not source:
                row.field.set_value(offered(row.question, self.picked_services, self.library))

    def _answered(self, qid: str) -> None:
        if qid not in self.given:
            self.given.add(qid)
            self.refresh()

    def _page_changed(self, page_id: int) -> None:
        """The page left behind counts as answered, the defaults it showed included."""
        left = self.page(self._shown_id)
        if isinstance(left, QuestionPage):
            self.given.update(row.question.id for row in left.rows)
        self._shown_id = page_id
        self.refresh()
        QTimer.singleShot(0, self._focus_page)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._focus_page)

    def _focus_page(self) -> None:
        page = self.currentPage()
        if isinstance(page, QuestionPage):
            page.focus_first()

    def summary_html(self) -> str:
        answers = self.answers()
        after = apply_answers(self.profile, answers, self.library, self.questions)
        items, folded = [], {}
        for reason in regime_reasons(answers, self.questions, self.given).values():
            regime = self.library.regimes.get(reason.regime)
            if reason.quiet and regime is not None and regime.group:  # "no one in Iowa uses it", eighteen times over
                folded.setdefault(regime.group, []).append(regime.title)
                continue
            title = regime.title if regime is not None else reason.regime
            # a law that does not apply is no gap
            mark = "not decided yet" if reason.waits_for else "✔ covered" if reason.applies else "not needed"
            items.append(f"<li><b>{html.escape(title)}</b> ({mark}). {html.escape(reason.text)}</li>")
        for group, titles in folded.items():
            items.append(f"<li><b>{html.escape(group)}</b> (not needed): {html.escape(', '.join(titles))}, "
                         "as you have not said that people live where they apply.</li>")
        changes = "".join(f"<li>{html.escape(line)}</li>" for line in profile_changes(self.profile, after, self.library))
        return (f"<p><b>The laws</b></p><ul>{''.join(items)}</ul>"
                f"<p><b>Finishing will change the profile</b></p><ul>{changes}</ul>"
                f"<p>{html.escape(DISCLAIMER)}</p>")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            for row in self.rows.values():
                row.recolour()
