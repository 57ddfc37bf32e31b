"""Every coherence rule in the library triggers, and explains itself naming both practices."""

import pytest

from desktop.engine.library.loader import load_library
from desktop.engine.review.checks import check
from desktop.engine.review.example import example_profile
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
GROUPS = sorted({p.group for p in LIBRARY.practices.values() if p.group})


def titles(*ids):
    return [f"“{LIBRARY.practices[i].title}”" for i in ids]


def profile_with(*practice_ids):
    profile = example_profile(LIBRARY)
    profile.practices = {p: {} for p in practice_ids}
    profile.services = {}  # the facts of these practices alone
    return profile


def test_library_has_rules_with_reasons():
    assert len(LIBRARY.rules) >= 17
    assert all(rule.reason for rule in LIBRARY.rules)


@pytest.mark.parametrize("rule", [r for r in LIBRARY.rules if r.kind == "conflict"], ids=lambda r: f"{r.practice}-x-{r.other}")
def test_a_hand_conflict_rule_is_kept_only_where_the_facts_cannot_say_it(rule):
    problems = check(profile_with(rule.practice, rule.other), LIBRARY)
    assert not [p for p in problems if p.code.startswith("contradiction")]


@pytest.mark.parametrize("rule", [r for r in LIBRARY.rules if r.kind == "conflict"], ids=lambda r: f"{r.practice}-x-{r.other}")
def test_every_conflict_rule_triggers(rule):
    problems = [p for p in check(profile_with(rule.practice, rule.other), LIBRARY) if p.code == "conflict"]
    assert len(problems) == 1
    message = problems[0].message
    assert all(title in message for title in titles(rule.practice, rule.other))
    assert rule.reason in message and "Untick one of them." in message


@pytest.mark.parametrize("rule", [r for r in LIBRARY.rules if r.kind == "needs"], ids=lambda r: f"{r.practice}-needs-{r.other}")
def test_every_dependency_rule_triggers(rule):
    problems = [p for p in check(profile_with(rule.practice), LIBRARY) if p.code == "needs-practice"]
    matching = [p for p in problems if titles(rule.other)[0] in p.message]
    assert matching and matching[0].where == f"practice:{rule.practice}"
    assert rule.reason in matching[0].message and f"Tick {titles(rule.other)[0]} too." in matching[0].message


@pytest.mark.parametrize("group", GROUPS)
def test_every_exclusive_group_allows_only_one(group):
    members = sorted(p.id for p in LIBRARY.practices.values() if p.group == group)
    assert len(members) >= 2
    problems = [p for p in check(profile_with(*members), LIBRARY) if p.code == "exclusive-group"]
    assert len(problems) == 1 and all(t in problems[0].message for t in titles(*members))
    assert not [p for p in check(profile_with(members[0]), LIBRARY) if p.code == "exclusive-group"]
