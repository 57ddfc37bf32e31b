"""The Compliance panel: a checklist per chosen law; Add closes a gap (undoably); a covered
requirement goes to its clause; keyboard and screen readers can do all of it."""

import pytest
from businesses import BRISTOL_SHOP
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.engine.interview.interview import new_profile
from desktop.engine.review.coverage import COVERED, MISSING, NOT_REQUIRED, REWORDED, coverage
from desktop.engine.review.example import example_profile
from desktop.ui.compliance_model import (
    CITATION_ROLE,
    CLAUSES_ROLE,
    ID_ROLE,
    INSTEAD,
    KIND_ROLE,
    PRACTICES_ROLE,
    REGIME,
    STATE,
    STATE_ROLE,
    WHERE,
    ComplianceModel,
)
from desktop.ui.main_window import COMPANY_TAB, COMPLIANCE_TAB, PRACTICES_TAB, MainWindow
from tests.laws import regime_ids
from ui.helpers import click_row, highlighted_clauses, wait_rendered

GAP = "caloppa.do_not_track"


def test_the_model_passes_the_model_tester_and_names_its_columns_and_roles(qapp, qtmodeltester, bundled_library):
    profile = example_profile(bundled_library)
    profile.regimes = list(regime_ids())
    profile.practices.pop("children.under13")  # COPPA then offers the general audience instead
    profile.overrides["rights.access_correct"] = "Write to us."
    model = ComplianceModel(bundled_library)
    model.set_coverage(coverage(profile, bundled_library))
    qtmodeltester.check(model)
    regimes = {model.index(row, 0).data(ID_ROLE): model.index(row, 0) for row in range(model.rowCount())}
    assert list(regimes) == list(regime_ids())
    gdpr = regimes["gdpr"]
    total = len(coverage(profile, bundled_library)["gdpr"].requirements)  # special categories only when collected
    covered = len(coverage(profile, bundled_library)["gdpr"].in_state("covered"))
    assert gdpr.data(KIND_ROLE) == REGIME and gdpr.data().startswith(f"GDPR (the European Union): {covered} of {total} covered")
    complaint = model.index_of("gdpr.complaint")
    assert complaint.data() == "That people can complain to a data protection authority"
    assert complaint.data(CITATION_ROLE) == "GDPR Art. 13(2)(d)"
    assert (complaint.data(STATE_ROLE), complaint.siblingAtColumn(STATE).data()) == (MISSING, "Missing")
    assert complaint.data(PRACTICES_ROLE) == ("rights.gdpr_complaint",)
    assert complaint.siblingAtColumn(WHERE).data() == "Add “Making a complaint”"
    assert not complaint.siblingAtColumn(STATE).data(Qt.ItemDataRole.DecorationRole).isNull()  # an icon beside the words
    review = model.index_of("caloppa.review_changes")
    assert review.siblingAtColumn(STATE).data() == "Reworded: check your wording"
    assert review.data(CLAUSES_ROLE) == ("rights.access_correct",) and "(your wording)" in review.siblingAtColumn(WHERE).data()
    audience = model.index_of("coppa.general_audience")
    assert audience.data(STATE_ROLE) == INSTEAD and audience.siblingAtColumn(STATE).data() == "Or instead: answers COPPA alone"
    assert model.counts()[MISSING] == sum(len(r.missing) for r in coverage(profile, bundled_library).values())
    # the same rows with new data keep their indexes; new rows reset the model
    profile.practices["rights.gdpr_complaint"] = {}
    model.set_coverage(coverage(profile, bundled_library))
    qtmodeltester.check(model)
    assert complaint.isValid() and complaint.data(STATE_ROLE) == COVERED
    model.set_coverage({})
    assert model.rowCount() == 0


def test_an_update_redraws_only_the_laws_whose_coverage_changed(qapp, bundled_library):
    profile = example_profile(bundled_library)
    profile.regimes = list(regime_ids())
    model = ComplianceModel(bundled_library)
    model.set_coverage(coverage(profile, bundled_library))
    changed = []
    model.dataChanged.connect(lambda first, _last, _roles: changed.append(first.parent().data(ID_ROLE) or first.data(ID_ROLE)))
    profile.set_field("company.short_name", "Zenith")  # no law's coverage changes
    model.set_coverage(coverage(profile, bundled_library))
    assert changed == []
    before = coverage(profile, bundled_library)
    profile.practices["rights.gdpr_complaint"] = {}
    after = coverage(profile, bundled_library)
    model.set_coverage(after)
    moved = {law for law in after if after[law] != before[law]}  # the GDPR, and the UK GDPR its clause also answers
    assert "gdpr" in moved and len(moved) < len(after)
    assert set(changed) == moved and model.index_of("gdpr.complaint").data(STATE_ROLE) == COVERED


@pytest.fixture
def panel(example_window):
    example_window.left.setCurrentIndex(COMPLIANCE_TAB)
    return example_window.compliance


def click(qtbot, button) -> None:
    """Click a button the way a hand does: once the layout has given it a place on screen."""
    qtbot.waitUntil(lambda: button.isVisible() and not button.rect().isEmpty(), timeout=2000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def row_state(panel, requirement_id: str) -> str:
    return panel.model.index_of(requirement_id).data(STATE_ROLE)


def test_it_says_it_is_drafting_help_not_legal_advice(panel):
    assert "not legal advice" in panel.disclaimer.text() and panel.disclaimer.isVisible()
    assert panel.tree.accessibleName() == "Compliance checklist"


def test_the_add_button_closes_a_gap_and_undo_opens_it_again(qtbot, example_window, panel):
    example_window.session.set_practice("dnt.honour", False)
    wait_rendered(qtbot, example_window)
    assert row_state(panel, GAP) == MISSING
    assert any(p.code == "regime-gap" and p.place.id == GAP for p in example_window.live.problems)
    assert panel.select_requirement(GAP)
    assert panel.add.isVisible() and panel.add.accessibleName() == "Add the practice “Do Not Track”"
    click(qtbot, panel.add)
    assert "dnt.honour" in example_window.session.profile.practices
    wait_rendered(qtbot, example_window)
    assert row_state(panel, GAP) == COVERED
    assert panel.current_requirement() == GAP and not panel.add.isVisible() and panel.show_clause.isVisible()
    assert not any(p.code == "regime-gap" for p in example_window.live.problems)
    assert not any("Do Not Track" in message for _kind, message, _where in problem_rows(example_window))
    assert "Ticked “Do Not Track”" in example_window.statusBar().currentMessage()
    example_window.actions.undo.trigger()
    wait_rendered(qtbot, example_window)
    assert "dnt.honour" not in example_window.session.profile.practices and row_state(panel, GAP) == MISSING


def problem_rows(window):
    model = window.problems.model()
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def test_activating_a_covered_row_selects_its_clause_in_the_preview(qtbot, example_window, panel):
    assert row_state(panel, GAP) == COVERED
    panel.select_requirement(GAP)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert example_window.preview.selected_clause == "dnt.honour"
    assert highlighted_clauses(example_window.preview) == {"dnt.honour"}
    assert example_window.clause_editor.clause_id == "dnt.honour"
    assert example_window.left.currentIndex() == COMPLIANCE_TAB  # the checklist stays where it was
    panel.select_requirement("caloppa.effective_date")
    rect = panel.tree.visualRect(panel.model.index_of("caloppa.effective_date"))
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert example_window.preview.selected_clause == "intro.about"
    panel.where.linkActivated.emit("clause:dnt.honour")
    assert example_window.preview.selected_clause == "dnt.honour"


def test_enter_on_a_missing_row_adds_the_practice_by_keyboard_alone(qtbot, example_window, panel):
    example_window.session.set_practice("dnt.honour", False)
    wait_rendered(qtbot, example_window)
    qtbot.keyClick(example_window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert example_window.left.currentIndex() == COMPLIANCE_TAB and QApplication.focusWidget() is panel.tree
    panel.select_requirement(GAP)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Enter)
    assert "dnt.honour" in example_window.session.profile.practices
    wait_rendered(qtbot, example_window)
    assert row_state(panel, GAP) == COVERED and QApplication.focusWidget() is panel.tree


def test_a_reworded_clause_asks_for_a_check_and_shows_where(qtbot, example_window, panel):
    example_window.session.set_override("dnt.honour", "We sometimes honour it.", merge=False)
    wait_rendered(qtbot, example_window)
    assert row_state(panel, GAP) == REWORDED
    panel.select_requirement(GAP)
    assert panel.state.text() == "Reworded: check your wording" and "check that your wording still says this" in panel.where.text()
    click(qtbot, panel.show_clause)
    assert example_window.preview.selected_clause == "dnt.honour"
    example_window.session.confirm_wording("dnt.honour", True)
    wait_rendered(qtbot, example_window)
    assert row_state(panel, GAP) == COVERED and panel.current_requirement() == GAP


def test_the_selected_requirement_stays_selected_while_the_user_types(qtbot, example_window, panel):
    panel.select_requirement("caloppa.effective_date")
    example_window.session.set_field("company.phone", "+1 555 0199")
    wait_rendered(qtbot, example_window)
    assert panel.current_requirement() == "caloppa.effective_date"


def test_with_no_law_chosen_it_offers_to_choose_them(qtbot, example_window, panel):
    example_window.session.set_regime("caloppa", False)
    wait_rendered(qtbot, example_window)
    assert panel.model.rowCount() == 0 and panel.no_laws.isVisible() and not panel.tree.isVisible()
    click(qtbot, panel.choose_laws)
    assert example_window.left.currentIndex() == COMPANY_TAB
    assert QApplication.focusWidget() is example_window.form.regime_boxes["caloppa"]  # the library's first law
    example_window.session.set_regime("caloppa", True)
    wait_rendered(qtbot, example_window)
    example_window.go_compliance()
    assert panel.model.rowCount() == 1 and not panel.no_laws.isVisible()


def test_with_no_law_chosen_its_words_and_button_stay_together_at_the_top(qtbot, example_window, panel):
    example_window.session.set_regime("caloppa", False)
    wait_rendered(qtbot, example_window)
    qtbot.waitUntil(lambda: not panel.choose_laws.rect().isEmpty() and not panel.splitter.isVisible(), timeout=2000)
    qtbot.wait(20)  # the layout without the checklist
    line = panel.fontMetrics().lineSpacing()
    words = sum(label.heightForWidth(label.width()) for label in (panel.disclaimer, panel.no_laws))
    assert panel.choose_laws.geometry().top() < words + 3 * line, "the words float apart, the button sits at the bottom"


def test_several_practices_to_choose_from_and_the_one_picked_is_added(qtbot, bundled_library, settings):
    window = MainWindow(bundled_library, settings)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.controller.load_example(confirm=False)
        window.session.set_regime("ccpa", True)
        wait_rendered(qtbot, window)
        window.go_compliance()
        panel = window.compliance
        assert panel.select_requirement("ccpa.sold_shared")
        options = [panel.suggestions.itemData(i) for i in range(panel.suggestions.count())]
        assert options == ["california.no_sale", "california.opt_out"] and panel.suggestions.isVisible()
        assert panel.suggestions.accessibleName() == "Practice to add"
        panel.suggestions.setCurrentIndex(1)
        assert "Add the practice “" in panel.add.accessibleName() and "opt" in panel.add.accessibleName().lower()
        click(qtbot, panel.add)
        assert "california.opt_out" in window.session.profile.practices
        assert "california.no_sale" not in window.session.profile.practices
        wait_rendered(qtbot, window)
        # in, but its link's page is blank: Compliance says what to fill in, as Problems does
        assert row_state(panel, "ccpa.sold_shared") == MISSING
        assert panel.select_requirement("ccpa.sold_shared")
        assert "fill in “Web address of the page the link opens" in panel.where.text() and not panel.add.isVisible()
        window.left.setCurrentIndex(PRACTICES_TAB)
        click_row(qtbot, window.practices, "california.opt_out")
        url = window.practices.options.editors["url"].editor
        qtbot.mouseClick(url, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(url, "https://acme-audio.example/privacy-choices")
        wait_rendered(qtbot, window)
        window.go_compliance()
        assert row_state(panel, "ccpa.sold_shared") == COVERED
    finally:
        window.session.undo_stack.setClean()
        window.close()
        window.deleteLater()


def test_a_hidden_checklist_catches_up_when_shown(qtbot, example_window):
    panel = example_window.compliance
    example_window.go_practices()
    example_window.session.set_practice("dnt.honour", False)
    wait_rendered(qtbot, example_window)
    example_window.go_compliance()
    assert row_state(panel, GAP) == MISSING and QApplication.focusWidget() is panel.tree


def test_one_refresh_works_out_coverage_once(qtbot, monkeypatch, example_window, panel):
    import desktop.engine.review.coverage as coverage_module

    calls = []
    real = coverage_module.states
    monkeypatch.setattr(coverage_module, "states", lambda *args: calls.append(1) or real(*args))
    monkeypatch.setattr("desktop.engine.review.checks.states", coverage_module.states)
    example_window.session.set_practice("dnt.honour", False)
    wait_rendered(qtbot, example_window)
    assert panel.isVisible() and row_state(panel, GAP) == MISSING
    assert len(calls) == 1
    assert panel.model.index_of(GAP).data(PRACTICES_ROLE)[0] == "dnt.honour"  # the panel still suggests


def test_a_requirement_marked_not_required_with_a_reason_shows_so_and_undoes(qtbot, bundled_window):
    window, rep = bundled_window, "gdpr.representative"
    session, panel = window.session, window.compliance
    session.set_regime("gdpr", True)  # the example company is in the United States and names no representative
    wait_rendered(qtbot, window)
    window.go_compliance()
    assert row_state(panel, rep) == MISSING and panel.select_requirement(rep)
    assert "fill in EU representative" in panel.where.text() and not panel.add.isVisible()
    assert any(p.code == "needed-detail" for p in window.live.problems)
    assert not panel.mark.isEnabled()  # no reason typed yet
    qtbot.keyClicks(panel.reason, "we serve people there only occasionally")
    click(qtbot, panel.mark)
    assert session.profile.not_required == {rep: "we serve people there only occasionally"}
    wait_rendered(qtbot, window)
    assert row_state(panel, rep) == NOT_REQUIRED and panel.current_requirement() == rep
    assert panel.model.index_of(rep).siblingAtColumn(WHERE).data() == "You said: we serve people there only occasionally"
    assert panel.unmark.isVisible() and not panel.reason.isVisible()
    assert not any(p.code == "needed-detail" for p in window.live.problems)
    assert any(p.code == "not-required" and p.place.id == rep for p in window.live.problems)
    window.actions.undo.trigger()
    wait_rendered(qtbot, window)
    assert session.profile.not_required == {} and row_state(panel, rep) == MISSING
    window.actions.redo.trigger()
    wait_rendered(qtbot, window)
    panel.select_requirement(rep)
    click(qtbot, panel.unmark)
    wait_rendered(qtbot, window)
    assert session.profile.not_required == {} and row_state(panel, rep) == MISSING


def test_a_requirement_whose_practice_the_interview_ruled_out_says_so_instead_of_a_dead_end(qtbot, bundled_window):
    """A second new user's UK gym, for a general audience: "No practice in the clause library says this" on the
    children's-consent requirement, though the library has one, which the interview had ruled out."""
    window = bundled_window
    window.session.replace(new_profile(BRISTOL_SHOP, window.session.library))
    wait_rendered(qtbot, window)
    window.go_compliance()
    panel = window.compliance
    assert panel.select_requirement("uk_gdpr.children") and row_state(panel, "uk_gdpr.children") == MISSING
    shown = panel.suggestion.text()
    assert "Your interview answers rule out “Children in Europe and the UK: a parent" in shown
    assert "you answered “general audience” to “Who is your service made for?”" in shown.replace("&quot;", '"')
    assert "No practice in the clause library says this" not in shown and panel.suggestion.isVisible()
