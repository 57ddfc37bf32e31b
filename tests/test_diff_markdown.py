"""The Markdown of a comparison, read back with markdown-it-py: every block where it belongs,
insertions strong inside [+ … +], deletions inside [- ~~…~~ -], no text turned into markup."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from desktop.engine.export import diff_markdown
from desktop.engine.policy.diff import DELETED, compare


def markdown_blocks(data: bytes) -> list[tuple[str, str]]:
    """(tag, text) of every heading, paragraph and list item, as markdown-it-py reads them."""
    tokens = MarkdownIt("commonmark").parse(data.decode("utf-8"))
    return [(tokens[index - 1].tag, "".join(child.content for child in token.children if child.type in ("text", "softbreak")))
            for index, token in enumerate(tokens) if token.type == "inline"]


def render(old, new, summary=()):
    return diff_markdown.render(compare(old, new), "Changes to P", "Version 1 compared with Version 2", list(summary))


def test_insertions_are_strong_and_deletions_struck_in_brackets():
    data = render([("paragraph", "We tell you within 10 days.")], [("paragraph", "We tell you within 3 days.")],
                  ["“Breach notice”: days is now 3 instead of 10."])
    html = MarkdownIt("commonmark").render(data.decode("utf-8"))
    assert "within [- ~~10~~ -][+ <strong>3</strong> +] days." in html
    assert "<li>“Breach notice”: days is now 3 instead of 10.</li>" in html


def test_a_change_at_the_start_of_a_line_is_no_link_definition_or_list():
    data = render([("paragraph", "Old: x")], [("paragraph", "Contact: x"), ("paragraph", "1. Not a list")])
    blocks = markdown_blocks(data)
    assert ("p", "[- ~~Old~~ -][+ Contact +]: x") in blocks and ("p", "[+ 1. Not a list +]") in blocks


_text = st.text(alphabet=st.sampled_from("ab *_#<>`\\!1.&;:|{}[]()~-+"), min_size=1, max_size=25).filter(lambda t: t.strip())
_blocks = st.lists(st.tuples(st.sampled_from(["paragraph", "item", "heading2"]), _text), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(_blocks, _blocks)
def test_the_new_text_reads_back_from_the_markdown(old, new):
    changes = compare(old, new)
    blocks = markdown_blocks(render(old, new))
    start = blocks.index(("h2", "The policy with its changes marked")) + 1
    read = [text for _, text in blocks[start:]]
    shown = [c for c in changes if c.new_text.strip() or c.status == DELETED]
    assert len(read) == len(shown)
    for text, change in zip(read, shown, strict=True):
        without_deleted = re.sub(r"\[- ~~.*?~~ -\]", "", text)
        rebuilt = re.sub(r"\[\+ (.*?) \+\]", r"\1", without_deleted)
        assert " ".join(rebuilt.split()) == " ".join(change.new_text.split())


def test_two_policies_that_read_the_same_say_so():
    same = [("title", "P"), ("paragraph", "We tell you within 10 days.")]
    blocks = markdown_blocks(render(same, list(same)))
    assert ("h2", "What changed") in blocks and ("p", "Nothing changed: the two read the same.") in blocks
    assert ("p", "Nothing changed: the two read the same.") not in markdown_blocks(
        render(same, [("title", "P"), ("paragraph", "We tell you within 3 days.")]))
