"""The practice picker: the tree model, ticking, choices of one, the filter, the explanation pane, options."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.engine.library.search import PracticeSearch
from desktop.ui.practice_model import GROUP_ROLE, ID_ROLE, PracticeFilter, PracticeTreeModel
from desktop.ui.practice_panel import PracticePanel
from desktop.ui.session import ProfileSession
from ui.helpers import click_check, click_row, tree_index


@pytest.fixture
def session(qtbot, fixture_library):
    from desktop.engine.review.example import example_profile

    session = ProfileSession(fixture_library)
    session.replace(example_profile(fixture_library))
    return session


def shown_panel(qtbot, session):
    panel = PracticePanel(session)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def panel(qtbot, session):
    return shown_panel(qtbot, session)


def visible_ids(panel) -> list[str]:
    proxy, ids = panel.proxy, []
    for row in range(proxy.rowCount()):
        section = proxy.index(row, 0)
        ids += [proxy.index(r, 0, section).data(ID_ROLE) for r in range(proxy.rowCount(section))]
    return ids


def test_models_pass_the_model_tester(qtmodeltester, session):
    model = PracticeTreeModel(session)
    qtmodeltester.check(model)
    proxy = PracticeFilter(PracticeSearch(session.library))
    proxy.setSourceModel(model)
    proxy.set_words("track")
    qtmodeltester.check(proxy)


def test_tree_lists_sections_in_order_with_ticks_from_the_profile(session):
    model = PracticeTreeModel(session)
    sections = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert sections == ["About this policy (1 of 1)", "Information we collect (1 of 2)", "Cookies (1 of 3)", "Contact us (1 of 2)"]
    cookies = model.index(2, 0)
    rows = {model.index(r, 0, cookies).data(ID_ROLE): model.index(r, 0, cookies) for r in range(model.rowCount(cookies))}
    assert rows["dnt.honour"].data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert rows["cookies.ads"].data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert rows["dnt.ignore"].data(GROUP_ROLE) == "dnt" and rows["cookies.ads"].data(GROUP_ROLE) == ""
    assert "Say that ad networks set cookies." in rows["cookies.ads"].data(Qt.ItemDataRole.ToolTipRole)
    assert rows["dnt.honour"].data(Qt.ItemDataRole.AccessibleTextRole) == "Do Not Track, ticked, choose one of this kind"


def test_setting_a_check_state_asks_the_session(session):
    model = PracticeTreeModel(session)
    index = model.index_of("cookies.ads")
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "cookies.ads" in session.profile.practices
    assert model.index(2, 0).data() == "Cookies (2 of 3)"
    session.undo_stack.undo()
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_typing_a_detail_redraws_no_row_and_a_tick_redraws_them(session):
    model = PracticeTreeModel(session)
    changed = []
    model.dataChanged.connect(lambda first, _last, _roles: changed.append(first))
    session.set_field("company.short_name", "Zenith")
    session.undo_stack.undo()
    assert changed == []
    session.set_practice("cookies.ads", True)
    assert changed and model.index_of("cookies.ads").data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_clicking_ticks_and_a_choice_of_one_replaces_the_other(qtbot, panel, session):
    click_check(qtbot, panel, "collect.files")
    assert "collect.files" in session.profile.practices
    click_check(qtbot, panel, "dnt.ignore")
    assert "dnt.ignore" in session.profile.practices and "dnt.honour" not in session.profile.practices
    assert tree_index(panel, "dnt.honour").data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    click_row(qtbot, panel, "collect.files")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)
    assert "collect.files" not in session.profile.practices


def test_filter_finds_practices_by_words_in_title_summary_or_section(qtbot, panel):
    qtbot.keyClicks(panel.filter, "track")
    assert visible_ids(panel) == ["dnt.honour", "dnt.ignore"]
    assert panel.current_id == "dnt.honour"  # the first match is shown
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "cookies ignore")
    assert visible_ids(panel) == ["dnt.ignore"]
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "contact")
    assert visible_ids(panel) == ["contact.details", "contact.post"]
    panel.filter.setText("zzz")
    assert visible_ids(panel) == []
    panel.select_practice("collect.files")  # going to a hidden practice clears the filter
    assert panel.filter.text() == "" and panel.current_id == "collect.files"


def test_pane_explains_the_practice_and_names_its_sources(qtbot, panel):
    click_row(qtbot, panel, "cookies.ads")
    assert panel.title.text() == "Advertising cookies"
    assert panel.summary.text() == "Say that ad networks set cookies."
    assert "a gig-booking site's privacy policy" in panel.sources.text()
    notes = panel.notes.text()
    assert "Needs “What you give us”" in notes and "Cannot go with “Do Not Track”" in notes
    click_row(qtbot, panel, "dnt.ignore")
    assert "written new for Policywright" in panel.sources.text()
    assert "A choice of one: ticking this unticks “Do Not Track”" in panel.notes.text()


def test_options_are_editable_only_when_ticked(qtbot, panel, session):
    click_row(qtbot, panel, "cookies.ads")
    spin = panel.options.editors["days"].editor
    assert not spin.isEnabled() and panel.options_hint.isVisible()
    click_check(qtbot, panel, "cookies.ads")
    assert spin.isEnabled() and not panel.options_hint.isVisible()
    spin.setValue(90)
    assert session.profile.practices["cookies.ads"] == {"days": 90}
    session.undo_stack.undo()
    assert spin.value() == 30 and session.profile.practices["cookies.ads"] == {}


def test_list_and_bool_options_edit_the_profile(qtbot, panel, session):
    click_row(qtbot, panel, "collect.basic")
    items = panel.options.editors["items"].editor
    assert items.toPlainText() == "your name\nyour email address"
    items.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(items, Qt.Key.Key_Return)
    qtbot.keyClicks(items, "your phone number")
    assert session.profile.practices["collect.basic"]["items"] == ["your name", "your email address", "your phone number"]
    note = panel.options.editors["extra_note"]
    qtbot.mouseClick(note.title_label, Qt.MouseButton.LeftButton)  # the wrapped title toggles, as a check box's text does
    assert session.profile.practices["collect.basic"]["extra_note"] is True
    assert session.undo_stack.count() == 2


def test_problems_show_at_the_practice_and_option(qtbot, panel, session):
    from desktop.engine.review.checks import check

    click_check(qtbot, panel, "cookies.ads")
    session.edit("bad", "", lambda p: p.practices["cookies.ads"].update(days=999), merge=False)
    panel.set_problems(check(session.profile, session.library))
    click_row(qtbot, panel, "cookies.ads")
    assert "must be at most 365" in panel.options.editors["days"].problem.text()
    assert not panel.practice_problems.isVisible()
    click_row(qtbot, panel, "dnt.honour")  # the engine places the conflict at the second of the pair
    assert "“Advertising cookies” contradicts “Do Not Track”" in panel.practice_problems.text()


def test_clause_links_ask_for_the_clause_editor(qtbot, panel):
    click_row(qtbot, panel, "contact.details")
    assert 'href="clause:contact.details"' in panel.clauses.text()
    with qtbot.waitSignal(panel.clause_requested) as signal:
        panel.clauses.linkActivated.emit("clause:contact.details")
    assert signal.args == ["contact.details"]


@pytest.fixture
def full_panel(qtbot, bundled_library):
    from desktop.engine.review.example import example_profile

    session = ProfileSession(bundled_library)
    session.replace(example_profile(bundled_library))
    return shown_panel(qtbot, session)


def test_searching_ticket_finds_orders_and_payments(qtbot, full_panel):
    qtbot.keyClicks(full_panel.filter, "ticket")
    assert "collect.orders" in visible_ids(full_panel)
    assert full_panel.current_id == "collect.orders"  # the best match is the one shown
    assert full_panel.title.text() == "Orders and payment details" and full_panel.details.widget().isVisibleTo(full_panel)
    assert not full_panel.no_match.isVisibleTo(full_panel)


def test_no_match_says_so_and_clears_the_details(qtbot, full_panel):
    full_panel.select_practice("comms.newsletter")
    assert full_panel.details.widget().isVisibleTo(full_panel)
    qtbot.keyClicks(full_panel.filter, "zzzz")
    assert visible_ids(full_panel) == []
    assert full_panel.no_match.isVisibleTo(full_panel)
    assert full_panel.no_match.text().startswith("No practice matches “zzzz”.")
    assert full_panel.current_id is None and not full_panel.details.widget().isVisibleTo(full_panel)
    full_panel.filter.clear()
    assert not full_panel.no_match.isVisibleTo(full_panel)
    qtbot.keyClicks(full_panel.filter, "mailing list")
    assert full_panel.current_id == "comms.newsletter"


def test_a_need_declared_in_rules_shows_in_the_pane(qtbot, tmp_path):
    from test_needs import FILES_NEED_CONTACT, library_with_rule

    library = library_with_rule(tmp_path, FILES_NEED_CONTACT)
    panel = shown_panel(qtbot, ProfileSession(library))
    click_row(qtbot, panel, "collect.files")
    assert "Needs “How to reach us”" in panel.notes.text()
