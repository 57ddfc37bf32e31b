"""The word-level diff model: the same and inserted pieces make the new text, the same and deleted the old."""

from hypothesis import given
from hypothesis import strategies as st

from desktop.engine.policy.diff import CHANGED, DELETED, INSERTED, SAME, compare, counts, has_changes, word_diff


def test_a_changed_number_is_one_deletion_and_one_insertion():
    pieces = word_diff("We tell you within 10 business days.", "We tell you within 3 business days.")
    assert [(p.mark, p.text) for p in pieces] == [(SAME, "We tell you within "), (DELETED, "10"), (INSERTED, "3"),
                                                  (SAME, " business days.")]


def test_a_rewritten_phrase_reads_as_one_change_not_alternating_words():
    pieces = word_diff("we keep it for a short while", "we delete it after ninety days")
    marks = [p.mark for p in pieces]
    assert marks.count(DELETED) <= 2 and marks.count(INSERTED) <= 2


def test_blocks_are_matched_inserted_and_deleted():
    old = [("title", "Policy"), ("heading1", "1. About"), ("paragraph", "We collect your name."),
           ("heading1", "2. Children"), ("paragraph", "Not for children.")]
    new = [("title", "Policy"), ("heading1", "1. About"), ("paragraph", "We collect your name and email."),
           ("heading1", "2. Transfers"), ("paragraph", "We send data abroad."),
           ("heading1", "3. Children"), ("paragraph", "Not for children.")]
    changes = compare(old, new)
    assert [(c.kind, c.status) for c in changes] == [
        ("title", SAME), ("heading1", SAME), ("paragraph", CHANGED), ("heading1", INSERTED), ("paragraph", INSERTED),
        ("heading1", CHANGED), ("paragraph", SAME)]
    assert changes[5].pieces[0].text == "2" and changes[5].pieces[1].text == "3"
    assert counts(changes) == {INSERTED: 2, DELETED: 0, CHANGED: 2}
    assert [c.new_text for c in changes] == [t for _, t in new]


def test_a_removed_block_is_deleted_where_it_stood():
    changes = compare([("paragraph", "A."), ("item", "Gone entirely."), ("paragraph", "B.")],
                      [("paragraph", "A."), ("paragraph", "B.")])
    assert [(c.status, c.text((SAME, DELETED))) for c in changes] == [(SAME, "A."), (DELETED, "Gone entirely."), (SAME, "B.")]
    assert not has_changes(compare([("paragraph", "A.")], [("paragraph", "A.")]))


blocks = st.lists(st.tuples(st.sampled_from(["heading1", "paragraph", "item"]),
                            st.text(alphabet=st.sampled_from("ab c.,\n1é"), max_size=30)), max_size=8)


@given(blocks, blocks)
def test_the_model_always_rebuilds_both_texts(old, new):
    changes = compare(old, new)
    assert [(c.kind, c.new_text) for c in changes if c.status != DELETED] == new
    assert [(c.kind, c.text((SAME, DELETED))) for c in changes if c.status != INSERTED] == old
