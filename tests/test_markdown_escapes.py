"""The Markdown export reads back, with markdown-it-py (CommonMark and GitHub's tables), as exactly the
policy's text, and carries a backslash only where a character would otherwise be read as markup:
pasted into a plain editor, "Welcome!" and "Crumb & Hearth" show as written."""

import businesses
import pytest
from exports import markdown_blocks
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.engine.export import export_bytes
from desktop.engine.export.markdown import escape
from desktop.engine.interview.interview import new_profile
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import BulletList, Document, Heading, Paragraph, Run, Section, Table
from desktop.engine.review.example import all_practices, example_profile

ANSWERS = {name: value for name, value in vars(businesses).items() if name.isupper() and isinstance(value, dict)}


def _profiles(library) -> dict:
    profiles = {name: new_profile(answers, library) for name, answers in ANSWERS.items()}
    profiles["example"] = example_profile(library)
    profiles["all practices"] = example_profile(library)
    profiles["all practices"].practices = all_practices(library)
    return profiles


def test_every_profile_the_tests_build_reads_back_as_its_policy_text(bundled_library):
    assert len(ANSWERS) >= 8
    for name, profile in _profiles(bundled_library).items():
        document = assemble(profile, bundled_library)
        assert markdown_blocks(export_bytes(document, "md")) == document.text_blocks(), name


def _bakery(library, legal_name: str):
    profile = example_profile(library)
    profile.company.legal_name, profile.company.short_name = legal_name, ""
    profile.overrides["intro.about"] = "Welcome! {{company}} bakes bread & cakes, 100% by hand."
    return assemble(profile, library)


@pytest.mark.parametrize("legal_name", ["Crumb & Hearth Bakery LLC", "Fish & Chips #1 *best*"])
def test_a_company_name_and_a_welcome_keep_their_punctuation_as_written(bundled_library, legal_name):
    document = _bakery(bundled_library, legal_name)
    markdown = export_bytes(document, "md").decode()
    assert markdown_blocks(markdown.encode()) == document.text_blocks()
    written = legal_name.replace("*", "\\*")  # emphasis: the only markup these names could make
    assert markdown.startswith(f"# {written} Privacy Policy\n")
    assert f"\n\nWelcome! {written} (“**we**”, “**us**” or “**our**”) bakes bread & cakes, 100% by hand.\n" in markdown
    assert "\\!" not in markdown and "\\&" not in markdown and "\\#" not in markdown


def test_a_title_of_welcome_and_a_heading_with_a_hash_are_written_bare():
    document = Document("Welcome!", "Effective date: 1 May 2026", "Fish & Chips #1", "en", "a4", [
        Section("s", 1, "Fish & Chips #1 *best*", [Heading([Run("Who we are: R&D, snake_case & 2 + 2 = 4")]),
                                                  Paragraph([Run("1 - 2 > 0 < 3 [sic] ~ a * b! Visit "),
                                                             Run("our site", href="https://fish.example")])])])
    markdown = export_bytes(document, "md").decode()
    assert markdown_blocks(markdown.encode()) == document.text_blocks()
    assert markdown.splitlines()[:3] == ["# Welcome!", "", "Effective date: 1 May 2026"]
    assert "## 1. Fish & Chips #1 \\*best\\*\n" in markdown
    assert "### Who we are: R&D, snake_case & 2 + 2 = 4\n" in markdown
    assert "1 - 2 > 0 < 3 [sic] ~ a * b! Visit [our site](<https://fish.example>)" in markdown


@pytest.mark.parametrize("text,escaped", [
    ("&amp; &#123; &#x1F; &copy;", "\\&amp; \\&#123; \\&#x1F; \\&copy;"),  # entity references
    ("# Title", "\\# Title"), ("- item", "\\- item"), ("+ item", "\\+ item"), ("* item", "\\* item"),
    ("12. item", "12\\. item"), ("3) item", "3\\) item"), ("> quote", "\\> quote"), ("---", "\\---"), ("_ _ _", "\\_ _ _"),
    ("[a]: https://x.example", "\\[a]: https://x.example"), ("a [b](c) d", "a [b\\](c) d"), ("![i](x)", "\\![i\\](x)"),
    ("<b> <http://x> a < b", "\\<b> \\<http://x> a < b"), ("`code`", "\\`code\\`"), ("_a_ a_b", "\\_a\\_ a_b"),
    ("a\\b a\\*", "a\\b a\\\\\\*"), ("~~gone~~", "\\~\\~gone\\~\\~"), ("Heading #", "Heading \\#"),
    ("[x] done", "\\[x] done"),  # GitHub's task list
])
def test_only_what_would_be_markup_where_it_stands_is_escaped(text, escaped):
    heading = text == "Heading #"
    document = Document("T", "E", "C", "en", "a4", [Section("s", 1, "S", [Heading([Run(text)]) if heading else Paragraph([Run(text)])])])
    markdown = export_bytes(document, "md").decode()
    assert (f"### {escaped}\n" if heading else f"\n{escaped}\n") in markdown
    assert markdown_blocks(markdown.encode()) == document.text_blocks()


def test_text_next_to_markup_is_escaped_as_markup_makes_it_read():
    assert escape("Welcome!", before="", after="") == "Welcome!" and escape("Welcome!", after=" x") == "Welcome!"
    assert escape("See!", after="[") == "See\\!" and escape("See!") == "See\\!"  # a link may follow: "![" is an image
    assert escape("&amp", after=";") == "\\&amp" and escape("&amp", after="") == "&amp" and escape("&amp") == "\\&amp"
    assert escape("a_", before="", after="b") == "a_" and escape("a_", after=" ") == "a\\_"


_MARKUP_TEXT = st.text(alphabet=st.sampled_from("ab1 !#&;*_-+.)[]()<>`\\|~=:x"), min_size=1, max_size=10)
_RUNS = st.lists(st.builds(Run, text=_MARKUP_TEXT, bold=st.booleans(), italic=st.booleans(),
                           href=st.sampled_from([None, None, None, "https://a.example/x_(y)"]),
                           ref=st.sampled_from([None, None, "s"])), min_size=1, max_size=4)


def _spaced(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks with one space between words: a line's spaces are no markup (and an empty cell has none)."""
    return [(kind, " ".join(text.split())) for kind, text in blocks]


@settings(max_examples=300, deadline=None)
@given(title=_MARKUP_TEXT, heading=_RUNS, paragraph=_RUNS, item=_RUNS, cell=_RUNS)
def test_text_made_of_markup_characters_reads_back_as_written(title, heading, paragraph, item, cell):
    blocks = [Heading(heading), Paragraph(paragraph), BulletList([item, paragraph]), Table(["A|b", "c"], [[cell, item]])]
    document = Document(title, "E", "C", "en", "a4", [Section("s", 1, title, blocks)])
    expected = [(kind, text) for kind, text in _spaced(document.text_blocks()) if text or kind != "paragraph"]
    for toc in (False, True):
        blocks_read = _spaced(markdown_blocks(export_bytes(document, "md", toc=toc)))
        if toc:  # the contents: a heading, then one entry for the section and one for its heading
            assert blocks_read[2:5] == [("heading1", "Contents"), ("item", expected[2][1]), ("item", expected[3][1])]
            blocks_read = blocks_read[:2] + blocks_read[5:]
        assert blocks_read == expected
