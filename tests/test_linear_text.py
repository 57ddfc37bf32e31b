"""Every text path takes time linear in its input, whatever the input: a hostile text eight times
as long takes about eight times as long (compared in one run at two sizes, with a generous ratio
for a shared machine), never the sixty-four times of a quadratic scan. Each input here took seconds
to minutes at the sizes of a real attack before."""

import copy
import time

import pytest
from conftest import make_profile

from desktop.engine.export import export_bytes
from desktop.engine.language.markup import parse_inline, tokens_in
from desktop.engine.policy.assemble import assemble
from desktop.engine.reference.vocabulary import normal_text
from desktop.engine.review.checks import check

# linear: 8 times as long; quadratic: 64. The wide gap is for a shared machine whose load comes and goes:
# at 4 and 16 with a limit of 10, a linear path read 10.4 once under load.
GROWTH, RATIO = 8, 24.0


def _timing(call, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        call()
    return time.perf_counter() - start


def assert_linear(work, make, size: int) -> None:
    """`work(make(GROWTH * size))` takes at most RATIO times `work(make(size))`: the best of five timings
    of each, taken in turns so that a burst of load falls on both sizes alike."""
    small, large = make(size), make(GROWTH * size)
    repeat = 1
    while _timing(lambda: work(small), repeat) < 0.02:  # long enough that the clock's noise does not decide
        repeat *= 2
    smalls, larges = [], []
    for _ in range(5):
        smalls.append(_timing(lambda: work(small), repeat))
        larges.append(_timing(lambda: work(large), repeat))
    ratio = min(larges) / min(smalls)
    assert ratio < RATIO, f"{GROWTH} times the input took {ratio:.1f} times as long"


HOSTILE_TEXTS = {
    "unclosed links": lambda n: "[" * n,
    "unclosed tokens": lambda n: "{{" * n,
    "unclosed conditions": lambda n: "{{if " * n,
    "unclosed bold": lambda n: "**a*" * n,
    "capitalised words before no Inc": lambda n: "Word " * n,
    "dotted words that are no address": lambda n: "a." * n,
    "hyphenated words that are no address": lambda n: "a-" * n,
    "definitions in quotation marks": lambda n: '("A' * n,
    "opening quotation marks": lambda n: "‘" * n,
    "at signs": lambda n: "x@" * n,
    "a house spelling again and again": lambda n: "e-mail " * n,
    "a capitalised service word again and again": lambda n: "Service " * n,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_reading_markup_and_tokens_is_linear(name):
    assert_linear(lambda text: (parse_inline(text), tokens_in(text), normal_text(text)), HOSTILE_TEXTS[name], 10_000)


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_a_reworded_clause_is_assembled_checked_and_exported_in_linear_time(name, profile, fixture_library):
    def reworded(n):
        hostile = copy.deepcopy(profile)
        hostile.overrides = {"intro.about": HOSTILE_TEXTS[name](n)}
        return hostile

    def work(hostile):
        document = assemble(hostile, fixture_library)
        check(hostile, fixture_library, document)
        export_bytes(document, "md")

    assert_linear(work, reworded, 2_000)


def test_an_option_of_unclosed_tokens_is_linear(fixture_library):
    def with_option(n):
        return make_profile(intro__about={}, collect__basic={"items": ["{{" * n] * 3}, contact__details={})

    assert_linear(lambda hostile: check(hostile, fixture_library), with_option, 2_000)


def test_comparing_long_runs_of_changed_paragraphs_takes_linear_steps(monkeypatch):
    import difflib

    from desktop.engine.policy import diff

    made = []

    class Counting(difflib.SequenceMatcher):
        def __init__(self, *args, **kwargs):
            made.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(diff.difflib, "SequenceMatcher", Counting)

    def comparisons(n: int) -> int:
        made.clear()
        old = [("paragraph", f"old paragraph number {i} says alpha beta") for i in range(n)]
        new = [("paragraph", f"new text {i} reads gamma delta epsilon") for i in range(n)]
        changes = diff.compare(old, new)
        assert len(changes) == 2 * n  # nothing in common: each old one deleted, each new one inserted
        return len(made)

    assert comparisons(1_000) <= 2.5 * comparisons(500)


def test_comparing_long_paragraphs_of_repeated_words_is_linear():
    from desktop.engine.policy.diff import DELETED, INSERTED, SAME, word_diff

    def work(n):
        old, new = "the cat " * n, "the dog " * n
        pieces = word_diff(old, new)
        assert "".join(p.text for p in pieces if p.mark in (SAME, DELETED)) == old
        assert "".join(p.text for p in pieces if p.mark in (SAME, INSERTED)) == new

    assert_linear(work, lambda n: n, 500)


def test_a_pdf_whose_service_term_is_one_long_word_is_paginated_in_linear_time(bundled_library, qapp):
    """The term is used about a hundred times, so its paragraphs cross page breaks all through the
    policy: pagination once laid out everything after each fix again (10,000 letters: 52 s)."""
    from desktop.engine.review.example import all_practices, example_profile
    from desktop.usecases import render_policy

    def with_term(letters):
        profile = example_profile(bundled_library)
        profile.practices = all_practices(bundled_library)
        profile.terms.service = "S" + "x" * (letters - 1)
        return assemble(profile, bundled_library)

    assert_linear(lambda document: render_policy(document, "pdf"), with_term, 2_500)
