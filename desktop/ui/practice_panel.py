"""The practice picker: a filter box, the tree of practices, and a pane explaining the one selected.

Ticking is done in the tree (click or Space). A practice of an exclusive group shows a round
button: ticking it unticks the others. The pane says in one sentence what the practice means,
names the seed policies it came from, and holds its options once it is ticked.
"""

from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.language.words import join_words
from desktop.engine.library.search import bundled_search
from desktop.engine.policy.assemble import practice_options
from desktop.engine.policy.place import OPTION
from desktop.engine.policy.place import PRACTICE as PRACTICE_PLACE
from desktop.engine.review.checks import Problem
from desktop.ui.option_editors import OptionsPanel
from desktop.ui.practice_model import GROUP_ROLE, ID_ROLE, KIND_ROLE, PRACTICE, PracticeFilter, PracticeTreeModel
from desktop.ui.resources import describe_source
from desktop.ui.session import ProfileSession
from desktop.ui.widgets import details_area, error_colour, list_over_details, muted_colour, palette_is_dark


class PracticeDelegate(QStyledItemDelegate):
    """Draws a round button instead of a check box for practices that are a choice of one, and
    outlines the indicators on dark palettes, where some styles draw them almost invisibly."""

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + 4)
        return size

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if index.data(KIND_ROLE) != PRACTICE:
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        style = item.widget.style() if item.widget else QApplication.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, item, item.widget)
        radio = bool(index.data(GROUP_ROLE))
        painter.save()
        if radio:
            painter.fillRect(rect, item.palette.base())
            panel = QStyleOptionViewItem(item)
            panel.rect = rect
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, panel, painter, item.widget)
            button = QStyleOptionButton()
            button.rect = rect
            button.palette = item.palette
            checked = item.checkState == Qt.CheckState.Checked
            button.state = (item.state & QStyle.StateFlag.State_Enabled) | (
                QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorRadioButton, button, painter, item.widget)
        if palette_is_dark(item.palette):
            outline = QColor(item.palette.color(QPalette.ColorRole.Text))
            outline.setAlpha(120)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(outline, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5)
            if radio:
                painter.drawEllipse(box)
            else:
                painter.drawRoundedRect(box, 2, 2)
        painter.restore()


class PracticePanel(QWidget):
    clause_requested = Signal(str)

    def __init__(self, session: ProfileSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.library = session.library
        self.current_id: str | None = None
        self._problems: list[Problem] = []

        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find a practice (e.g. cookies, email, children)")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Practice filter")
        self.filter.textChanged.connect(self._filter_changed)

        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.no_match.setAccessibleName("No practice matches")
        self.no_match.hide()

        self.model = PracticeTreeModel(session, self)
        self.proxy = PracticeFilter(bundled_search(self.library), self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(PracticeDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName("Practices")
        self.tree.setAccessibleDescription("Tick the practices that are true of your business. Space ticks or unticks.")
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.details = self._build_details()
        self.splitter = list_over_details("practiceSplitter", self.tree, self.details)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.no_match)
        layout.addWidget(self.splitter, 1)
        session.changed.connect(self._show_details)
        session.replaced.connect(self._profile_replaced)
        self._show_details()

    def _build_details(self) -> QScrollArea:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.practice_problems = QLabel()
        self.practice_problems.setWordWrap(True)
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.options_box = QGroupBox("Options")
        box_layout = QVBoxLayout(self.options_box)
        self.options_hint = QLabel("Tick this practice to set its options.")
        self.options_hint.setWordWrap(True)
        box_layout.addWidget(self.options_hint)
        self.options = OptionsPanel()
        self.options.option_changed.connect(self.session.set_option)
        box_layout.addWidget(self.options)
        self.clauses = QLabel()
        self.clauses.setWordWrap(True)
        self.clauses.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.clauses.setAccessibleName("Clauses of this practice")
        self.clauses.linkActivated.connect(lambda link: self.clause_requested.emit(link.removeprefix("clause:")))
        for widget in (self.title, self.summary, self.notes, self.practice_problems, self.sources, self.options_box, self.clauses):
            layout.addWidget(widget)
        layout.addStretch(1)
        return details_area("About the selected practice", content)

    # The filter and the tree
    def _filter_changed(self, text: str) -> None:
        self.proxy.set_words(text)
        self.tree.expandAll()
        found = not text.strip() or self.proxy.best() is not None
        self.no_match.setText("" if found else f"No practice matches “{text.strip()}”. Try another word, such as cookies, email or children.")
        self.no_match.setVisible(not found)
        if not found:
            self.tree.setCurrentIndex(QModelIndex())  # nothing found: the pane shows nothing either
            self.current_id = None
            self._show_details()
            return
        if text.strip():
            self.tree.setCurrentIndex(self._proxy_index(self.proxy.best()))  # the best match is shown
        elif self.current_id and not self._proxy_index(self.current_id).isValid():
            self.tree.setCurrentIndex(QModelIndex())

    def _proxy_index(self, practice_id: str) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(practice_id))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_id = current.data(ID_ROLE) if current.data(KIND_ROLE) == PRACTICE else None
        self._show_details()

    def _profile_replaced(self) -> None:
        self.tree.expandAll()

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def select_practice(self, practice_id: str, option: str = "") -> bool:
        if practice_id not in self.library.practices:
            return False
        index = self._proxy_index(practice_id)
        if not index.isValid():
            self.filter.clear()
            index = self._proxy_index(practice_id)
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if not (option and self.options.focus_option(option)):
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # The pane
    def set_problems(self, problems: list[Problem]) -> None:
        self._problems = problems
        self._show_details()

    def _show_details(self, _key: str = "") -> None:
        practice = self.library.practices.get(self.current_id or "")
        self.details.widget().setVisible(practice is not None)
        if practice is None:
            self.options.show_practice(None, {}, False, {})
            return
        ticked = self.session.is_ticked(practice.id)
        muted, error = muted_colour(self.palette()).name(), error_colour(self.palette()).name()
        self.title.setText(practice.title)
        self.summary.setText(practice.primary.summary)
        self.notes.setText(self._notes_html(practice, muted))
        self.notes.setVisible(bool(self.notes.text()))
        problems = self._practice_problems(practice.id)
        self.practice_problems.setText("".join(f'<p style="color:{error}">{escape(p.message, quote=False)}</p>' for p in problems))
        self.practice_problems.setVisible(bool(problems))
        names = "; ".join(describe_source(source) for source in practice.sources)
        self.sources.setText(f'<span style="color:{muted}">Based on: {escape(names, quote=False)}.</span>')
        self.options_box.setVisible(bool(practice.options))
        self.options_hint.setVisible(not ticked)
        values = practice_options(self.library, self.session.profile, practice.id)
        words = self.session.rewording().value_words(practice.id) if practice.options else None
        self.options.show_practice(practice, values, ticked, self._option_problems(practice.id), words)
        links = ", ".join(f'<a href="clause:{escape(c.id)}">{escape(c.title)}</a>' for c in practice.clauses)
        self.clauses.setText(f"Reword: {links}" if ticked else "")
        self.clauses.setVisible(ticked)

    def _notes_html(self, practice, muted: str) -> str:
        notes = []
        if practice.group:
            others = [p.title for p in self.library.practices.values() if p.group == practice.group and p.id != practice.id]
            notes.append("A choice of one: ticking this unticks " + join_words([f"“{t}”" for t in others]) + ".")
        needs = [self.library.practices[p].title for p in self.library.needs(practice.id) if p in self.library.practices]
        if needs:
            notes.append("Needs " + join_words([f"“{t}”" for t in needs]) + ".")
        excludes = [self.library.practices[p].title for p in practice.primary.excludes if p in self.library.practices]
        if excludes:
            notes.append("Cannot go with " + join_words([f"“{t}”" for t in excludes], "or") + ".")
        return "".join(f'<p style="color:{muted}">{escape(n, quote=False)}</p>' for n in notes)

    def _practice_problems(self, practice_id: str) -> list[Problem]:
        return [p for p in self._problems if p.place.kind == PRACTICE_PLACE and p.place.id == practice_id]

    def _option_problems(self, practice_id: str) -> dict[str, str]:
        return {p.place.option: p.message for p in self._problems if p.place.kind == OPTION and p.place.id == practice_id}
