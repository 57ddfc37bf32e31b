"""The HTML page and snippet (parsed by html5lib, strict) and Markdown's table of contents
(markdown-it-py with its anchors plugin, which names headings as GitHub does)."""

from urllib.parse import unquote

import pytest
from exports import html_blocks, markdown_blocks, parse_html
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin

from desktop.engine.export import export_bytes
from desktop.engine.policy.document import Document, Heading, Paragraph, Run, Section
from desktop.engine.review.example import example_profile


@pytest.fixture(scope="module")
def policy(all_practices_policy):
    return all_practices_policy


def _links(element) -> list[str]:
    return [a.get("href") for a in element.iter("a")]


def _clause_headings(section) -> list[str]:
    return ["".join(run.text for run in block.runs) for block in section.blocks if isinstance(block, Heading)]


@pytest.mark.parametrize("fmt,fragment", [("html", False), ("html-snippet", True)])
def test_the_page_and_the_snippet_are_valid_html5_with_the_policy_text(policy, fmt, fragment):
    data = export_bytes(policy, fmt)
    parse_html(data, fragment)  # strict: a parse error raises
    assert html_blocks(data, fragment) == policy.text_blocks()


def test_the_snippet_is_a_fragment_without_page_or_styles(policy):
    snippet = export_bytes(policy, "html-snippet").decode()
    assert "<html" not in snippet and "<head" not in snippet and "<style" not in snippet
    assert snippet.count('<article class="privacy-policy" lang="en-US">') == 1


def test_every_id_of_the_snippet_starts_with_section_so_it_cannot_clash_with_the_sites_own(policy):
    tree = parse_html(export_bytes(policy, "html-snippet"), fragment=True)
    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    assert ids and all(i.startswith("section-") for i in ids), [i for i in ids if not i.startswith("section-")]
    labels = {element.get("aria-labelledby") for element in tree.iter() if element.get("aria-labelledby")}
    assert labels <= set(ids)


def test_the_contents_link_to_an_id_on_every_section_and_heading(policy):
    tree = parse_html(export_bytes(policy, "html"))
    ids = {element.get("id") for element in tree.iter() if element.get("id")}
    nav = next(tree.iter("nav"))
    links = _links(nav)
    assert len(links) == len(policy.sections) + sum(len(_clause_headings(s)) for s in policy.sections)
    assert all(link.startswith("#") and link[1:] in ids for link in links)
    sections = [element for element in tree.iter("section")]
    assert [s.get("id") for s in sections] == [s.anchor for s in policy.sections]
    assert all(h.get("id") for h in tree.iter("h3"))  # every clause heading can be linked to
    # A cross-reference is a link to its section.
    body_links = [link for s in sections for link in _links(s) if link.startswith("#")]
    contact = next(s for s in policy.sections if s.id == "contact")
    assert f"#{contact.anchor}" in body_links


@pytest.mark.parametrize("fmt,fragment", [("html", False), ("html-snippet", True)])
def test_the_contents_do_not_number_their_entries_twice(policy, fmt, fragment):
    """An entry's text carries the section's number ("1. About this policy"): a numbered list
    (<ol>) would add its own marker in front, "1. 1. About this policy", in any browser."""
    nav = next(parse_html(export_bytes(policy, fmt), fragment).iter("nav"))
    entries = ["".join(a.itertext()) for a in nav.iter("a")]
    assert entries[0].startswith("1. ")
    assert not list(nav.iter("ol"))


def test_the_page_has_print_styles(policy):
    style = "".join(next(parse_html(export_bytes(policy, "html")).iter("style")).itertext())
    assert "@media print" in style and "@page" in style


def _anchors(markdown: str) -> tuple[set[str], list[str]]:
    """The ids markdown-it's anchors plugin gives every heading, and the page's links to anchors."""
    parser = MarkdownIt("commonmark").use(anchors_plugin, min_level=1, max_level=6)
    tokens = parser.parse(markdown)
    ids = {token.attrGet("id") for token in tokens if token.type == "heading_open"}
    # A browser matches the fragment percent-decoded, as markdown-it leaves it encoded.
    links = ["#" + unquote(child.attrGet("href")[1:]) for token in tokens if token.type == "inline"
             for child in token.children if child.type == "link_open" and child.attrGet("href").startswith("#")]
    return ids, links


def test_markdown_contents_are_optional_and_link_to_every_heading(policy):
    plain = export_bytes(policy, "md").decode()
    assert "## Contents" not in plain
    with_toc = export_bytes(policy, "md", toc=True).decode()
    ids, links = _anchors(with_toc)
    contents = with_toc.split("## Contents", 1)[1].split("\n## ", 1)[0]
    toc_links = [line.rsplit("](", 1)[1].rstrip(")") for line in contents.splitlines() if line.strip().startswith("- [")]
    assert len(toc_links) == len(policy.sections) + sum(len(_clause_headings(s)) for s in policy.sections)
    assert all(link[1:] in ids for link in links)  # the contents and the cross-references land on headings
    assert set(toc_links) <= set(links)
    # Without the contents, the text is the Document's, as in every format.
    assert markdown_blocks(plain.encode()) == policy.text_blocks()


def test_the_command_line_takes_toc_for_markdown(bundled_library, tmp_path):
    from desktop.cli import main
    from desktop.engine.profile.profile import profile_json

    profile_path = tmp_path / "acme.json"
    profile_path.write_text(profile_json(example_profile(bundled_library)), encoding="utf-8")
    out = tmp_path / "policy.md"
    assert main(["export", str(profile_path), "--format", "md", "--toc", "--out", str(out)]) == 0
    assert "## Contents\n\n- [1. About this policy](#1-about-this-policy)" in out.read_text(encoding="utf-8")


heading_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=16)


@settings(max_examples=150, deadline=None)
@given(titles=st.lists(heading_text, min_size=1, max_size=4), headings=st.lists(heading_text, max_size=3))
def test_any_heading_text_gets_the_anchor_its_link_names(titles, headings):
    sections = [Section(f"s{n}", n, title, [Heading([Run(h)]) for h in headings] + [Paragraph([Run("x")])])
                for n, title in enumerate(titles, 1)]
    ids, links = _anchors(export_bytes(Document("T", "E", "C", "en", "a4", sections), "md", toc=True).decode())
    assert len(links) == len(titles) * (1 + len(headings))
    assert all(link[1:] in ids for link in links), (links, ids)
