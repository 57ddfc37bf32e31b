"""What an edit changed: the clause the preview goes to, compared block by block."""

import copy

from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.changes import changed_clause, clause_blocks


def test_a_ticked_practice_is_the_change_even_when_references_elsewhere_are_renumbered(fixture_library, profile):
    before = assemble(profile, fixture_library)
    ticked = copy.deepcopy(profile)
    ticked.practices["contact.post"] = {}
    after = assemble(ticked, fixture_library)
    assert "contact.post" not in clause_blocks(before) and "contact.post" in clause_blocks(after)
    assert changed_clause(before, after) == "contact.post"


def test_a_field_edit_goes_to_the_first_clause_that_reads_differently(fixture_library, profile):
    before = assemble(profile, fixture_library)
    edited = copy.deepcopy(profile)
    edited.company.contact_email = "privacy@acme.example"
    after = assemble(edited, fixture_library)
    changed = changed_clause(before, after)
    assert changed is not None
    assert "privacy@acme.example" in str(clause_blocks(after)[changed])
    first_changed = [c for c, blocks in clause_blocks(after).items() if clause_blocks(before).get(c) != blocks][0]
    assert changed == first_changed


def test_nothing_to_show_after_an_untick_a_first_render_or_no_change(fixture_library, profile):
    before = assemble(profile, fixture_library)
    unticked = copy.deepcopy(profile)
    unticked.practices.pop("dnt.honour")
    assert changed_clause(before, assemble(unticked, fixture_library)) is None
    assert changed_clause(None, before) is None
    assert changed_clause(before, assemble(profile, fixture_library)) is None
