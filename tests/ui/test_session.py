"""Every change to the profile is one undoable step; typing in one place merges into one step."""

import pytest

from desktop.engine.review.example import example_profile
from desktop.ui.session import ProfileSession


@pytest.fixture
def session(qtbot, fixture_library):
    session = ProfileSession(fixture_library)
    session.replace(example_profile(fixture_library))
    return session


def test_typing_in_one_field_is_one_undo_step(session):
    for text in ("B", "Br", "Bri"):
        session.set_field("company.legal_name", text)
    session.set_field("company.phone", "1")
    stack = session.undo_stack
    assert stack.count() == 2 and stack.text(0) == "Edit company legal name"
    stack.undo()
    stack.undo()
    assert session.profile.company.legal_name == "Acme Audio, Inc." and session.profile.company.phone == "+1 555 0100"
    assert stack.isClean()
    stack.redo()
    assert session.profile.company.legal_name == "Bri"


def test_typing_back_to_the_saved_text_leaves_nothing_to_undo(session):
    session.set_field("company.short_name", "Acmex")
    session.set_field("company.short_name", "Acme")
    assert session.undo_stack.count() == 0 and not session.is_modified()


def test_ticking_one_of_a_group_unticks_the_others_in_one_step(session):
    assert "dnt.honour" in session.profile.practices
    session.set_practice("dnt.ignore", True)
    assert "dnt.ignore" in session.profile.practices and "dnt.honour" not in session.profile.practices
    session.undo_stack.undo()
    assert "dnt.honour" in session.profile.practices and "dnt.ignore" not in session.profile.practices


def test_ticks_do_not_merge_and_untick_forgets_options_until_undone(session):
    session.set_practice("cookies.ads", True)
    session.set_option("cookies.ads", "days", 45)
    session.set_practice("cookies.ads", False)
    assert "cookies.ads" not in session.profile.practices
    session.undo_stack.undo()
    assert session.profile.practices["cookies.ads"] == {"days": 45}
    assert [session.undo_stack.text(i) for i in range(3)] == [
        "Tick “Advertising cookies”", "Change “Days cookies last”", "Untick “Advertising cookies”"]


def test_an_option_at_its_default_is_not_stored(session):
    session.set_practice("cookies.ads", True)
    session.set_option("cookies.ads", "days", 31)
    session.set_option("cookies.ads", "days", 30)
    assert session.profile.practices["cookies.ads"] == {}


def test_an_option_of_an_unticked_practice_is_not_set(session):
    assert not session.set_option("cookies.ads", "days", 12)
    assert "cookies.ads" not in session.profile.practices


def test_rewording_merges_and_the_library_text_is_no_override(session):
    body = session.library.clauses["intro.about"].body.strip()
    session.set_override("intro.about", "We run it.")
    session.set_override("intro.about", "We run it all.")
    assert session.profile.overrides == {"intro.about": "We run it all."}
    assert session.clause_text("intro.about") == "We run it all."
    session.set_override("intro.about", body + "\n")
    assert session.profile.overrides == {} and session.undo_stack.count() == 0


def test_reset_is_its_own_step(session):
    session.set_override("intro.about", "Mine.")
    session.reset_override("intro.about")
    assert session.profile.overrides == {}
    session.undo_stack.undo()
    assert session.profile.overrides == {"intro.about": "Mine."}


def test_regimes_keep_the_librarys_order(bundled_library):
    session = ProfileSession(bundled_library)
    first, *_, last = bundled_library.regimes
    session.set_regime(last, True)
    session.set_regime(first, True)
    assert session.profile.regimes == [first, last]
    session.set_regime(first, False)
    assert session.profile.regimes == [last]


def test_replace_clears_history_and_reports(session, qtbot):
    session.set_field("company.phone", "2")
    with qtbot.waitSignals([session.replaced, session.changed]):
        session.replace(example_profile(session.library))
    assert session.undo_stack.count() == 0 and not session.is_modified()
    assert session.display_name() == "Acme"
