"""One problem per cause: a practice that contradicts several others is one problem naming them
all, the same pair of clauses is never reported twice, and unrelated contradictions stay apart."""

from test_coherence import LIBRARY, profile_with

from desktop.engine.policy.place import practice_place
from desktop.engine.review.causes import one_per_cause
from desktop.engine.review.checks import ERROR, Problem, check

SHARERS = ("share.service_providers", "share.legal", "share.protect", "share.business_transfer")


def contradictions(profile) -> list[Problem]:
    return [p for p in check(profile, LIBRARY) if p.code.startswith(("contradiction", "conflict"))]


def test_one_contradictory_tick_is_one_problem_that_names_every_other_side():
    profile = profile_with(dict.fromkeys(SHARERS, {}))
    assert contradictions(profile) == []
    profile.practices["share.none"] = {}
    found = contradictions(profile)
    assert len(found) == 1
    problem = found[0]
    assert problem.place == practice_place("share.none")
    assert {place.id for place in problem.also} == set(SHARERS)
    assert problem.message.startswith("“We do not share your information with anyone” contradicts 4 other ticked practices")
    assert problem.message.endswith("Untick “We do not share your information with anyone”, or untick the others.")
    assert len(problem.detail.splitlines()) == len(SHARERS)  # each pair's own explanation, once
    assert all("contradict each other" in line for line in problem.detail.splitlines())


def test_never_share_and_keep_private_against_one_clause_are_one_pair():
    """share.protect both shares (against "never shares") and shares with anyone (against "keeps private")."""
    found = contradictions(profile_with({"share.none": {}, "share.protect": {}}))
    assert len(found) == 1 and found[0].detail == ""
    assert {found[0].place.id, *(p.id for p in found[0].also)} == {"share.none", "share.protect"}


def test_pairs_with_no_practice_in_common_stay_apart():
    a = Problem(ERROR, "contradiction-opposite", "A and B.", practice_place("a"), (practice_place("b"),))
    c = Problem(ERROR, "contradiction-opposite", "C and D.", practice_place("c"), (practice_place("d"),))
    other_kind = Problem(ERROR, "conflict", "A and D.", practice_place("a"), (practice_place("d"),))
    assert one_per_cause([a, c, other_kind], LIBRARY) == [a, c, other_kind]


def test_the_merged_problem_takes_the_first_ones_place_in_the_list():
    pairs = [Problem(ERROR, "contradiction-opposite", f"hub and {x}.", practice_place("hub"), (practice_place(x),)) for x in "xyz"]
    single = Problem(ERROR, "missing-detail", "Fill it in.", practice_place("x"))
    merged = one_per_cause([pairs[0], single, pairs[1], pairs[2]], LIBRARY)
    assert [p.code for p in merged] == ["contradiction-opposite", "missing-detail"]
    assert merged[0].also == tuple(practice_place(x) for x in "xyz")
    assert merged[0].detail == "hub and x.\nhub and y.\nhub and z."
