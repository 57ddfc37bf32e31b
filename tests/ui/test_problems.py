"""The problems list: the engine's problems, errors first; double-click or Enter goes to the place."""

from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.engine.policy.place import CLAUSE, DOCUMENT, FIELD, REQUIREMENT, Place
from desktop.engine.review.checks import ERROR, INFO, WARNING, Problem
from desktop.ui.problems import MESSAGE, PLACE_ROLE, SEVERITY, WHERE, ProblemsModel
from ui.helpers import wait_rendered

PROBLEMS = [
    Problem(ERROR, "invalid-email", "'x' is not an email address.", Place(FIELD, "company.contact_email")),
    Problem(WARNING, "regime-gap", "CALOPPA asks…", Place(REQUIREMENT, "caloppa.do_not_track")),
    Problem(INFO, "readability", "Reading ease 70.", Place(DOCUMENT)),
]


def test_problems_model_passes_the_model_tester(qapp, qtmodeltester, fixture_library):  # icons need the application
    model = ProblemsModel(fixture_library)
    model.set_problems(PROBLEMS)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert [model.index(0, c).data() for c in (SEVERITY, MESSAGE, WHERE)] == ["Error", "'x' is not an email address.", "Contact email"]
    assert model.index(1, WHERE).data() == "CalOPPA requirement" and model.index(2, SEVERITY).data() == "Note"
    assert model.index(1, MESSAGE).data(PLACE_ROLE) == Place(REQUIREMENT, "caloppa.do_not_track")
    assert model.counts() == {ERROR: 1, WARNING: 1, INFO: 1}


def rows(window) -> list[tuple[str, str, str]]:
    model = window.problems.model()
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def activate(qtbot, window, message_part: str) -> None:
    view = window.problems
    model = view.model()
    row = next(r for r in range(model.rowCount()) if message_part in model.index(r, MESSAGE).data())
    rect = view.visualRect(model.index(row, MESSAGE))
    # A double-click is a click and then a second press; Qt 6's mouseDClick sends only the second.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_window_lists_what_check_returns_errors_first(qtbot, example_window):
    example_window.session.set_field("company.contact_email", "nobody")
    example_window.session.set_practice("cookies.ads", True)
    wait_rendered(qtbot, example_window)
    kinds = [row[0] for row in rows(example_window)]
    assert kinds == sorted(kinds, key=["Error", "Warning", "Note"].index)
    assert ("Error", "'nobody' is not an email address.", "Contact email") in rows(example_window)
    assert "2 errors · 0 warnings" in example_window.status.counts.text()  # the email, and the conflict with Do Not Track


def test_double_click_goes_to_the_field(qtbot, example_window):
    example_window.activateWindow()
    qtbot.waitActive(example_window)
    example_window.left.setCurrentIndex(1)
    example_window.session.set_field("company.contact_email", "nobody")
    wait_rendered(qtbot, example_window)
    activate(qtbot, example_window, "is not an email address")
    assert example_window.left.currentIndex() == 0
    assert example_window.focusWidget() is example_window.form.fields["company.contact_email"].editor


def test_double_click_goes_to_the_practice_option(qtbot, example_window):
    example_window.activateWindow()
    qtbot.waitActive(example_window)
    session = example_window.session
    session.set_practice("cookies.ads", True)
    session.edit("bad", "", lambda p: p.practices["cookies.ads"].update(days=0), merge=False)
    wait_rendered(qtbot, example_window)
    activate(qtbot, example_window, "must be at least 1")
    assert example_window.left.currentIndex() == 1
    assert example_window.practices.current_id == "cookies.ads"
    assert example_window.focusWidget() is example_window.practices.options.editors["days"].editor


def test_enter_on_a_clause_problem_opens_the_clause(qtbot, example_window):
    example_window.activateWindow()
    qtbot.waitActive(example_window)
    example_window.session.set_override("contact.details", "Write to {{nonsense}}.")
    wait_rendered(qtbot, example_window)
    view = example_window.problems
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(PLACE_ROLE) == Place(CLAUSE, "contact.details"))
    view.setFocus()
    view.setCurrentIndex(model.index(row, MESSAGE))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert example_window.clause_editor.clause_id == "contact.details"
    assert example_window.focusWidget() is example_window.clause_editor.text


def test_a_regime_gap_points_to_a_practice_that_covers_it(qtbot, example_window):
    session = example_window.session
    session.set_practice("dnt.honour", False)
    wait_rendered(qtbot, example_window)
    activate(qtbot, example_window, "Do Not Track")
    assert example_window.practices.current_id == "dnt.honour"
    assert "would cover this" in example_window.statusBar().currentMessage()


def test_one_contradiction_is_one_row_with_both_sides_in_its_details(qtbot, example_window):
    before = rows(example_window)
    example_window.session.set_practice("cookies.ads", True)  # cookies.ads cannot go with Do Not Track honoured
    wait_rendered(qtbot, example_window)
    added = [row for row in rows(example_window) if row not in before]
    errors = [row for row in added if row[0] == "Error"]
    assert len(errors) == 1, added
    view = example_window.problems
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, SEVERITY).data() == "Error")
    view.setCurrentIndex(model.index(row, MESSAGE))
    details = example_window.problem_details
    assert example_window.problem_details_area.isVisible()
    assert details.problem.code == "conflict"
    assert "Where:</b> Do Not Track · Advertising cookies" in details.text()  # both sides, in one row's details


def test_rows_keep_their_identity_when_an_unrelated_edit_changes_the_list(qtbot, example_window):
    session = example_window.session
    session.set_field("company.contact_email", "nobody")
    session.set_practice("cookies.ads", True)
    wait_rendered(qtbot, example_window)
    model = example_window.problems.model()
    resets, removed = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    email_row = next(r for r in range(model.rowCount()) if "email" in model.index(r, MESSAGE).data())
    kept = model.index(email_row, MESSAGE)
    persistent = QPersistentModelIndex(kept)
    example_window.problems.setCurrentIndex(kept)
    session.set_practice("cookies.ads", False)  # fixes the other error; the email's row stays where it is
    wait_rendered(qtbot, example_window)
    assert resets == [] and removed
    assert persistent.isValid() and "email" in persistent.data()
    assert example_window.problems.currentIndex().row() == persistent.row()
    assert example_window.problem_details.problem.code == "invalid-email"


def test_the_fix_hint_stays_beside_the_problem_until_it_is_fixed(qtbot, example_window):
    session = example_window.session
    session.set_practice("dnt.honour", False)
    wait_rendered(qtbot, example_window)
    view = example_window.problems
    model = view.model()
    row = next(r for r in range(model.rowCount()) if "Do Not Track" in model.index(r, MESSAGE).data())
    view.setCurrentIndex(model.index(row, MESSAGE))
    details = example_window.problem_details
    assert "To fix it:" in details.text() and "would cover this" in details.text()
    session.set_field("company.phone", "+1 555 0199")  # an unrelated edit: the hint stays
    wait_rendered(qtbot, example_window)
    assert "would cover this" in details.text()
    session.set_practice("dnt.honour", True)
    wait_rendered(qtbot, example_window)
    assert "would cover this" not in details.text()
