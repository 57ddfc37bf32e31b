"""A clause's wording in words and pieces, and back to a template that keeps the tokens."""

import pytest

from desktop.engine.policy.reword import Line, Piece, Rewording, Words, depends_on_choices, lines_template
from desktop.engine.review.example import all_practices_profile, example_profile


@pytest.mark.parametrize("make", [example_profile, all_practices_profile], ids=["example", "all practices"])
def test_every_clause_reads_in_words_and_comes_back_unchanged(bundled_library, make):
    profile = make(bundled_library)
    clauses = [c for c in bundled_library.clauses.values() if c.practice in profile.practices]
    assert len(clauses) > 30
    for clause in clauses:
        lines = Rewording(profile, bundled_library).lines(clause.body, clause.id)
        for line in lines:
            assert "{{" not in line.text and "}}" not in line.text, (clause.id, line.text)
        template = lines_template(lines)
        assert "{{if" not in template
        assert Rewording(profile, bundled_library).lines(template, clause.id) == lines, clause.id


def test_pieces_name_their_source_and_show_the_value(bundled_library):
    profile = example_profile(bundled_library)
    body = "- {{if company.phone}}by phone at {{company.phone}}\n- {{if not company.phone}}never by phone"
    lines = Rewording(profile, bundled_library).lines(body, "contact.details")
    assert lines == [Line("li", (Words("by phone at "), Piece("company.phone", "+1 555 0100", "Phone number — from the company details")))]
    assert lines_template(lines) == "- by phone at {{company.phone}}"
    assert depends_on_choices(body) and not depends_on_choices("Plain words.")


def test_a_missing_value_is_a_piece_marked_missing_and_bold_survives(bundled_library):
    profile = example_profile(bundled_library)
    profile.company.phone = ""
    lines = Rewording(profile, bundled_library).lines("**Call {{company.phone}}.** Or not.", "contact.details")
    missing = Piece("company.phone", "[Phone number]", "Phone number — from the company details", True, bold=True)
    assert lines[0].parts == (Words("Call ", bold=True), missing, Words(".", bold=True), Words(" Or not."))
    assert lines_template(lines) == "**Call {{company.phone}}.** Or not."
