"""A clause's wording in words and pieces, and back to a template that keeps the tokens."""

import datetime as dt

import pytest
from businesses import CHILDREN_APP, MONTREAL_CAFE, STUDIO_WITH_SERVICES

from desktop.engine.interview.interview import new_profile
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import BulletList, Paragraph, plain
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


def _shown_in_policy(document) -> dict[str, list[tuple[str, str]]]:
    """Clause id -> its paragraphs and bullets as the preview shows them, in order."""
    shown: dict[str, list[tuple[str, str]]] = {}
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                shown.setdefault(block.clause_id, []).append(("p", plain(block.runs)))
            elif isinstance(block, BulletList):
                shown.setdefault(block.clause_id, []).extend(("li", plain(item)) for item in block.items)
    return shown


BUSINESSES = {"studio with services": STUDIO_WITH_SERVICES, "children's app": CHILDREN_APP, "Montreal café": MONTREAL_CAFE}


@pytest.mark.parametrize("name", ["example", "all practices", *BUSINESSES])
def test_every_clause_reads_in_the_box_exactly_as_the_policy_shows_it(bundled_library, name):
    """Terms defined where the policy first uses them, one bullet per list item, every notice too."""
    if name in BUSINESSES:
        profile = new_profile(BUSINESSES[name], bundled_library, dt.date(2026, 12, 7))
    else:
        profile = (example_profile if name == "example" else all_practices_profile)(bundled_library)
    notices = {section.notice for section in bundled_library.sections.values()}
    compared = 0
    for notice in sorted(notices):
        document = assemble(profile, bundled_library, notice)
        rewording = Rewording(profile, bundled_library)
        for clause_id, shown in _shown_in_policy(document).items():
            wording = profile.overrides.get(clause_id, bundled_library.clauses[clause_id].body)
            in_the_box = [(line.kind, line.text) for line in rewording.lines(wording, clause_id, document.introduced_in)]
            table = "{{table:cookies}}" in wording  # a table is no paragraph: the box names it in its place
            assert [line for line in in_the_box if not (table and line[1].startswith("[the "))] == shown, clause_id
            compared += 1
    assert compared > 30


def test_a_list_shows_a_bullet_per_item_and_is_written_back_as_its_one_token(bundled_library):
    profile = example_profile(bundled_library)
    body = bundled_library.clauses["collect.automatic"].body
    lines = Rewording(profile, bundled_library).lines(body, "collect.automatic")
    items = [line for line in lines if line.kind == "li"]
    assert [line.text for line in items[:3]] == [
        "your IP address, which can show roughly where you are, such as your country or city",
        "the kind of device you use, such as a computer or a phone, and its operating system",
        "the company that gives you internet access"]
    assert all(len(line.parts) == 1 and line.parts[0].source == "opt.items" for line in items[:6])
    assert "Content" not in lines[0].text
    template = lines_template(lines)
    assert template.count("{{opt.items}}") == 1 and template.count("{{opt.web_items}}") == 1
    assert "- {{opt.items}}\n- {{opt.web_items}}" in template

    # Backspace over one bullet: what the box shows is what the policy says, the list the user's own words now
    one_bullet_gone = lines_template(lines[:2] + lines[3:])
    assert "{{opt.items}}" not in one_bullet_gone and "the kind of device you use" not in one_bullet_gone
    assert "- your IP address, which can show roughly where you are, such as your country or city\n" in one_bullet_gone
    assert "- the parts of {{the service}} you use and the links you click\n" in one_bullet_gone  # its tokens kept
    assert "- {{opt.web_items}}" in one_bullet_gone  # the other list stands as shown
    words = Words(" (with a time stamp)")
    typed = lines[:1] + [Line("li", (*lines[1].parts, words))] + lines[2:]
    assert "- your IP address, which can show roughly where you are, such as your country or city (with a time stamp)" in (
        lines_template(typed))
    moved = lines[:1] + [lines[2], lines[1]] + lines[3:]
    assert "{{opt.items}}" not in lines_template(moved)
    without_the_list = [line for line in lines if not (line.parts and getattr(line.parts[0], "source", "") == "opt.items")]
    assert "{{opt.items}}" not in lines_template(without_the_list)


def test_a_term_is_defined_in_the_box_only_for_the_clause_that_defines_it_in_the_policy(bundled_library):
    profile = example_profile(bundled_library)
    rewording = Rewording(profile, bundled_library)
    about = rewording.lines(bundled_library.clauses["intro.about"].body, "intro.about")
    automatic = rewording.lines(bundled_library.clauses["collect.automatic"].body, "collect.automatic")
    assert about[0].text.startswith("Acme Audio, Inc. (“Acme”, “we”, “us” or “our”) offers Acme Studio, our online music platform (the “Platform”).")
    assert automatic[0].text.startswith("When you use the Platform,")
    assert about[0].parts[0] == Piece("company", "Acme Audio, Inc. (“Acme”, “we”, “us” or “our”)", "Company name — from the company details")
    assert lines_template(about).startswith("{{company}} offers {{the service}}.")
