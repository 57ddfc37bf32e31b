"""The main window: company details and practices on the left, the live preview in the middle,
the clause editor beside it, the problems below. It wires the panels together; the panels,
the session and the controller do the work.
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.engine.library.model import Library
from desktop.engine.policy.changes import changed_clause
from desktop.engine.policy.document import Document
from desktop.engine.policy.place import CLAUSE, DOCUMENT, FIELD, OPTION, PRACTICE, PRACTICES, REQUIREMENT, SERVICE, Place
from desktop.ui.actions import build_actions, fill_recent_menu, fit_toolbar, give_each_entry_its_letter
from desktop.ui.autosave import Autosave
from desktop.ui.clause_editor import ClauseEditor
from desktop.ui.company_form import CompanyForm
from desktop.ui.compliance_panel import CompliancePanel
from desktop.ui.controller import Controller
from desktop.ui.dialogs import WindowView, show_about
from desktop.ui.live import LiveDocument
from desktop.ui.outline import FindBar, PolicyOutline
from desktop.ui.page_writer import clause_at
from desktop.ui.practice_panel import PracticePanel
from desktop.ui.preview import PolicyPreview
from desktop.ui.problems import ProblemDetails, ProblemsView
from desktop.ui.resources import app_icon, style_sheet
from desktop.ui.services_panel import ServicesPanel
from desktop.ui.session import ProfileSession
from desktop.ui.settings import Settings
from desktop.ui.status import StatusPanel
from desktop.ui.version_actions import VersionActions
from desktop.ui.where import practices_covering
from desktop.ui.widgets import Caption, details_area, list_over_details

COMPANY_TAB, PRACTICES_TAB, COMPLIANCE_TAB, OUTLINE_TAB, SERVICES_TAB = 0, 1, 2, 3, 4


def _panel(title: str, body: QWidget, note: str = "") -> QWidget:
    """A panel with a caption line above it."""
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(Caption(title, note))
    layout.addWidget(body, 1)
    return panel


class MainWindow(QMainWindow):
    def __init__(self, library: Library, settings: Settings, parent: QWidget | None = None,
                 data_folder: Path | None = None):
        super().__init__(parent)
        self.library, self.settings = library, settings
        self.remember_state = True
        self.setWindowIcon(app_icon())
        self.setStyleSheet(style_sheet())
        self.session = ProfileSession(library, self)
        self.live = LiveDocument(self.session, self)
        self.view = WindowView(self)
        self.controller = Controller(self.session, settings, self.view, self, data_folder)
        self.autosave = Autosave(self.controller, self)

        self.form = CompanyForm(self.session)
        self.practices = PracticePanel(self.session)
        self.compliance = CompliancePanel(self.live)
        self.left = QTabWidget()
        self.left.setAccessibleName("Company details, practices, compliance and the policy's outline")
        self.left.addTab(self.form, "Company")  # short names: the four tabs fit the pane's width at 1024 pixels
        self.left.addTab(self.practices, "Practices")
        self.left.addTab(self.compliance, "Compliance")
        self.left.setDocumentMode(True)
        # Whole names, and arrows to reach a tab that does not fit, whatever the desktop's style prefers:
        # one that elides showed "Complian…" and hid the Outline tab with large fonts.
        self.left.setElideMode(Qt.TextElideMode.ElideNone)
        self.left.setUsesScrollButtons(True)
        self.preview = PolicyPreview()
        self.outline = PolicyOutline(self.preview)
        self.left.addTab(self.outline, "Outline")  # as a word processor's navigation pane, left of the page
        self.services = ServicesPanel(self.session)
        self.left.addTab(self.services, "Services")
        self.left.setTabToolTip(SERVICES_TAB, "The services you use (payments, analytics, email…): what they get, and their cookies")
        self.left.setTabToolTip(COMPANY_TAB, "Company details: who you are and what the policy covers")
        self.clause_editor = ClauseEditor(self.session)
        self.problems = ProblemsView(library)
        self.problem_details = ProblemDetails(library)
        self.find_bar = FindBar(self.preview)
        self._build_layout()
        self.status = StatusPanel(self.statusBar())
        self.actions = build_actions(self)
        self.versions = VersionActions(self)  # Profiles…, Publish…, History…
        for top in self.menuBar().actions():
            give_each_entry_its_letter(top.menu())
        self._connect()
        self._shown: Document | None = None  # the document the preview shows, to tell what an edit changed
        self._follow = False  # the last change was an edit (not a whole profile): show what it changed
        self._default_splitters: dict[str, bytes] = {}
        self._restored: set[str] = set()
        self._restore_state()
        self._update_title()

    def _build_layout(self) -> None:
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.preview, 1)
        page_layout.addWidget(self.find_bar)
        self.reword_pane = _panel("Reword a clause", self.clause_editor)
        self.doc_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.doc_splitter.setObjectName("documentSplitter")
        self.doc_splitter.addWidget(_panel("Preview", page, "as your readers will see it · click a clause to reword it"))
        self.doc_splitter.addWidget(self.reword_pane)
        self.problems_splitter = list_over_details("problemsSplitter", self.problems,
                                                  details_area("About the selected problem", self.problem_details))
        self.problem_details_area = self.problems_splitter.widget(1)
        self.problems_splitter.setStretchFactor(1, 3)  # a contradiction's sides and a law's wording need lines
        self.work_splitter = QSplitter(Qt.Orientation.Vertical)
        self.work_splitter.setObjectName("workSplitter")
        self.work_splitter.addWidget(self.doc_splitter)
        self.work_splitter.addWidget(_panel("Problems", self.problems_splitter, "double-click one to go to it"))
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.left)
        self.main_splitter.addWidget(self.work_splitter)
        for splitter in self.splitters():
            splitter.setChildrenCollapsible(False)
        self.main_splitter.setSizes([350, 650])  # in proportion: the form and the four tabs fit at 1024 pixels
        self.doc_splitter.setSizes([640, 340])
        self.work_splitter.setSizes([640, 190])
        self.setCentralWidget(self.main_splitter)
        self._fit_panes()

    def _fit_panes(self) -> None:
        """Panels with nothing to show take no room: the reword pane with no clause chosen,
        the practice details with no practice selected, the problem details with no problem."""
        wanted = self.clause_editor.clause_id is not None
        if wanted != self.reword_pane.isVisible():
            self.reword_pane.setVisible(wanted)
            if wanted and self.isVisible():  # laid out at once, so what it shows can be used at once
                self.doc_splitter.refresh()
                self.reword_pane.layout().activate()
        self.practices.details.setVisible(self.practices.current_id is not None)
        self.problem_details_area.setVisible(self.problem_details.problem is not None)

    def splitters(self) -> list[QSplitter]:
        return [self.main_splitter, self.work_splitter, self.doc_splitter, self.problems_splitter,
                self.practices.splitter, self.compliance.splitter]

    def _connect(self) -> None:
        self.session.changed.connect(lambda key: setattr(self, "_follow", bool(key)))
        self.live.updated.connect(self._document_updated)
        self.practices.tree.selectionModel().currentChanged.connect(lambda *_: (self._show_practice(self.practices.current_id),
                                                                                 self._fit_panes()))
        self.problems.current_place.connect(self._show_place)
        self.session.changed.connect(self._update_title)
        self.session.replaced.connect(self._profile_replaced)
        self.session.undo_stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        self.preview.clause_clicked.connect(self._reword)
        self.problems.current_problem.connect(lambda problem: (self.problem_details.show_problem(problem), self._fit_panes()))
        self.preview.edit_requested.connect(self.clause_editor.focus_text)
        self.clause_editor.clause_chosen.connect(self.preview.select_clause)
        self.clause_editor.clause_chosen.connect(lambda _clause_id: self._fit_panes())
        self.practices.clause_requested.connect(lambda clause_id: self.select_clause(clause_id, focus=True))
        self.problems.navigate.connect(self.navigate)
        self.compliance.clause_requested.connect(self.select_clause)
        self.compliance.laws_requested.connect(self.go_laws)
        self.compliance.practice_added.connect(lambda practice_id: self.statusBar().showMessage(
            f"Ticked “{self.library.practices[practice_id].title}”. Undo takes it back.", 8000))
        self.controller.recent_changed.connect(self._fill_recent)
        self.controller.saved.connect(self.status.show_saved)
        self._fill_recent()

    # Following the profile
    def _document_updated(self) -> None:
        document, problems = self.live.document, self.live.problems
        changed = changed_clause(self._shown, document) if self._follow else None
        self._shown = document
        self.preview.show_document(document)
        if changed:
            self.preview.reveal(changed)
        self.problems.set_problems(problems)
        self.status.show_document(document, problems)
        self.form.set_check_problems(problems)
        self.practices.set_problems(problems)
        self.clause_editor.set_document(document, problems)
        self.outline.show_document(document)
        self._fit_panes()

    def _profile_replaced(self) -> None:
        self._update_title()
        self.setWindowModified(self.session.is_modified())

    def _update_title(self, _key: str = "") -> None:
        self.setWindowTitle(f"{self.session.display_name()}[*] — Policywright")

    def _fill_recent(self) -> None:
        fill_recent_menu(self.actions.recent_menu, self.settings.recent_files(),
                         self.controller.open_profile, self.controller.clear_recent)

    def show_exported(self, path: Path) -> None:
        self.status.show_exported(path)
        self.actions.open_export.setEnabled(True)
        self.actions.show_export.setEnabled(True)
        self.versions.offer_publish()

    # Going places
    def go_company(self) -> None:
        self.left.setCurrentIndex(COMPANY_TAB)
        self.form.focus_field("company.legal_name")

    def go_practices(self) -> None:
        self.left.setCurrentIndex(PRACTICES_TAB)
        self.practices.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_compliance(self) -> None:
        self.left.setCurrentIndex(COMPLIANCE_TAB)
        self.compliance.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_laws(self) -> None:
        self.left.setCurrentIndex(COMPANY_TAB)
        first = next(iter(self.form.regime_boxes.values()), None)
        if first is not None:
            self.form.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_outline(self) -> None:
        self.left.setCurrentIndex(OUTLINE_TAB)
        self.outline.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def find_practice(self) -> None:
        self.left.setCurrentIndex(PRACTICES_TAB)
        self.practices.focus_filter()

    def _reword(self, clause_id: str) -> None:
        self.clause_editor.show_clause(clause_id)
        self._fit_panes()

    def find_in_policy(self) -> None:
        self.find_bar.open()

    def find(self) -> None:
        """Ctrl+F finds in the policy while the preview has the focus, else finds a practice."""
        focus = self.focusWidget()
        if focus is not None and (focus is self.preview or self.find_bar.isAncestorOf(focus)):
            self.find_in_policy()
        else:
            self.find_practice()

    def go_clause_wording(self) -> None:
        """Ctrl+4: the reword pane, on the clause chosen, else the one at the preview's cursor, else the policy's first."""
        clause_id = self.clause_editor.clause_id or clause_at(self.preview.textCursor().block())
        if clause_id is None and self.live.document is not None:
            clause_id = next(iter(self.live.document.clause_sections()), None)
        if clause_id is not None:
            self.select_clause(clause_id, focus=True)

    def select_clause(self, clause_id: str, focus: bool = False) -> None:
        self._reword(clause_id)
        self.preview.select_clause(clause_id)
        if focus:
            self.clause_editor.focus_text()

    def _show_practice(self, practice_id: str | None) -> None:
        """The preview shows the clause of the practice selected in the tree, when the policy has it."""
        practice = self.library.practices.get(practice_id or "")
        for clause in practice.clauses if practice else ():
            if self.preview.reveal(clause.id):
                return

    def _show_place(self, place: Place | None) -> None:
        if place is None:
            return
        if place.kind == CLAUSE:
            self.preview.reveal(place.id)
        elif place.kind in (PRACTICE, OPTION):
            self._show_practice(place.id)

    def navigate(self, place: Place) -> None:
        """Go to what a problem points at."""
        if place.kind == FIELD:
            self.left.setCurrentIndex(COMPANY_TAB)
            self.form.focus_field(place.id)
        elif place.kind in (PRACTICE, OPTION):
            self.left.setCurrentIndex(PRACTICES_TAB)
            if not self.practices.select_practice(place.id, place.option):
                self.statusBar().showMessage(f"“{place.id}” is not in the clause library; "
                                             "remove it from the profile or add its clauses.", 8000)
        elif place.kind == CLAUSE:
            self.select_clause(place.id, focus=True)
        elif place.kind == REQUIREMENT:
            covering = practices_covering(place.id, self.library)
            if covering:
                self.left.setCurrentIndex(PRACTICES_TAB)
                self.practices.select_practice(covering[0])
                titles = ", ".join(f"“{self.library.practices[p].title}”" for p in covering[:3])
                self.statusBar().showMessage(f"Ticking {titles} would cover this.", 8000)
        elif place.kind == SERVICE:
            self.left.setCurrentIndex(SERVICES_TAB)
            self.services.show_service(place.id)
        elif place.kind == PRACTICES:
            self.go_practices()
        elif place.kind == DOCUMENT:
            self.preview.setFocus(Qt.FocusReason.OtherFocusReason)

    def about(self) -> None:
        show_about(self, self.library)

    # Window state
    def _restore_state(self) -> None:
        geometry = self.settings.geometry()
        if not (geometry and self.restoreGeometry(QByteArray(geometry))):
            screen = self.screen().availableGeometry()
            self.resize(min(1440, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.9)))
        tab = self.settings.left_tab()
        self.left.setCurrentIndex(tab if 0 <= tab < self.left.count() else COMPANY_TAB)
        for splitter in self.splitters():
            state = self.settings.splitter(splitter.objectName())
            if state and splitter.restoreState(QByteArray(state)):
                self._restored.add(splitter.objectName())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "toolbar", None) is not None:  # resized before the actions exist
            fit_toolbar(self.toolbar, event.size().width())

    def _fit_left_pane(self) -> None:
        """First layout: the left pane as wide as its tabs and the company form need (large fonts
        need more), within a third to a half of the window; the rest is the preview's."""
        width = self.main_splitter.width()
        bar = self.left.tabBar()
        tabs = sum(bar.tabSizeHint(index).width() for index in range(bar.count())) + 8
        form = self.form.widget().minimumSizeHint().width() + self.form.verticalScrollBar().sizeHint().width() + 8
        left = min(max(tabs, form, width // 3), width // 2)
        self.main_splitter.setSizes([left, width - left])

    def showEvent(self, event) -> None:
        if not self._default_splitters and self.main_splitter.objectName() not in self._restored:
            self._fit_left_pane()
        super().showEvent(event)
        if not self._default_splitters:  # the built-in layout as first shown is what settings need not store
            self._default_splitters = {s.objectName(): b"" if s.objectName() in self._restored else bytes(s.saveState())
                                       for s in self.splitters()}

    def save_state(self) -> None:
        self.settings.set_geometry(bytes(self.saveGeometry()))
        self.settings.set_left_tab(self.left.currentIndex())
        for splitter in self.splitters():
            name = splitter.objectName()
            self.settings.set_splitter(name, bytes(splitter.saveState()), self._default_splitters.get(name, b""))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.controller.confirm_discard():
            event.ignore()
            return
        self.autosave.finish()
        if self.remember_state:
            self.save_state()
        event.accept()
