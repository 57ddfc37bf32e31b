"""A service made for children, built through the interview as its owner would answer: every fact
about its users is a fact about children, and each use COPPA forbids without a parent's consent
is an error unless a clause gives that very consent."""

import pytest
from businesses import CHILDREN_APP

from desktop.engine.interview.interview import new_profile
from desktop.engine.library.loader import load_library
from desktop.engine.review.checks import ERROR, check
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])


def children_errors(answers: dict) -> list[str]:
    profile = new_profile(answers, LIBRARY)
    return [p.message for p in check(profile, LIBRARY) if p.severity == ERROR and p.code.startswith("contradiction")]


def test_the_childrens_app_as_answered_has_no_contradiction():
    assert children_errors(CHILDREN_APP) == []


@pytest.mark.parametrize("added, named", [
    ({"ad_network": True, "ad_network_use": "ads on our service"}, "Interest-based ads through an ad network"),
    ({"personalised": True}, "Relevant content and ads"),
    ({"forums": True}, "Message boards and chat"),
    ({"sign_in_with": ["Facebook"]}, "Facebook"),
    ({"social_buttons": True}, "Social media buttons"),
])
def test_each_use_that_needs_a_parents_consent_is_an_error_in_a_service_for_children(added, named):
    errors = children_errors({**CHILDREN_APP, **added})
    assert errors, added
    assert any(named in message and "children under 13" in message for message in errors), errors
    assert children_errors({**CHILDREN_APP, **added, "children": "general audience"}) == []


def test_a_promise_of_consent_before_collecting_does_not_excuse_ads():
    profile = new_profile({**CHILDREN_APP, "ad_network": True, "ad_network_use": "ads on our service"}, LIBRARY)
    assert "children.directed" in profile.practices  # it states "obtains parental consent"
    codes = {p.code for p in check(profile, LIBRARY) if p.severity == ERROR}
    assert "contradiction-children" in codes or "contradiction-opposite" in codes
