"""The controller and the interview, with a fake view answering it: a new profile starts with it,
it can be reopened, and finishing it is one undoable step."""

import pytest
from businesses import OREGON_TICKETS

from desktop.engine.interview.interview import new_profile
from desktop.ui.controller import NEW, Controller
from desktop.ui.session import ProfileSession
from ui.fakes import FakeView


@pytest.fixture
def make(qtbot, bundled_library, settings):
    def build(**answers):
        session = ProfileSession(bundled_library)
        view = FakeView(**answers)
        return Controller(session, settings, view), view

    return build


def test_a_new_profile_starts_with_the_interview_and_its_answers_are_one_undo_step(make):
    controller, view = make(first_run=NEW, interview=OREGON_TICKETS)
    controller.start()
    assert view.questions() == ["first_run", "interview"]
    asked_with = view.asked[1][1]
    assert asked_with.answers == {} and asked_with.company.legal_name == "", "the interview starts from a blank profile"
    session = controller.session
    profile = session.profile
    assert profile.regimes == ["gdpr", "caloppa"] and "comms.newsletter" in profile.practices
    assert profile.company.legal_name == "Rose City Tickets LLC"
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Answer the interview"
    session.undo_stack.undo()
    assert session.profile.answers == {} and session.profile.regimes == [] and session.profile.company.legal_name == ""


def test_the_interview_cancelled_on_the_first_run_leaves_a_new_profile_with_nothing_answered(make):
    controller, view = make(first_run=NEW, interview=None)
    controller.start()
    profile = controller.session.profile
    assert profile.answers == {} and profile.regimes == [] and "share.no_selling" not in profile.practices
    assert not controller.session.is_modified()


def test_the_interview_cancelled_from_the_menu_keeps_the_current_profile(make):
    controller, view = make(interview=None)
    controller.load_example(confirm=False)
    before = controller.session.profile
    assert not controller.new_profile()
    assert controller.session.profile == before


def test_reopening_the_interview_asks_with_the_profile_and_applies_the_new_answers_as_one_step(make, bundled_library):
    controller, view = make()
    controller.session.replace(new_profile(OREGON_TICKETS, bundled_library))
    controller.session.set_practice("law.governing", True)  # fine-tuning in the practice tree
    before = controller.session.profile
    view.answers["interview"] = {**OREGON_TICKETS, "newsletter": False, "has_accounts": True}
    assert controller.interview()
    assert view.asked[-1][1] == before, "the interview opens on the profile as it is"
    after = controller.session.profile
    assert "comms.newsletter" not in after.practices and "collect.registration" in after.practices
    assert "law.governing" in after.practices, "what the interview does not decide stays as the user ticked it"
    controller.session.undo_stack.undo()
    assert controller.session.profile == before


def test_a_reopened_interview_that_is_cancelled_changes_nothing(make, bundled_library):
    controller, view = make(interview=None)
    controller.session.replace(new_profile(OREGON_TICKETS, bundled_library))
    assert not controller.interview()
    assert controller.session.undo_stack.count() == 0
