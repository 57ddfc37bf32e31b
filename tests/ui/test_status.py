"""The status bar's numbers: problems, words, reading ease."""

from desktop.engine.checks import INFO, Problem
from desktop.engine.readability import flesch_reading_ease
from desktop.ui.status import reading_ease, word_count


def test_word_count_and_reading_ease(example_window):
    document, problems = example_window.live.document, example_window.live.problems
    assert word_count(document) == sum(len(text.split()) for _, text in document.text_blocks())
    counted = flesch_reading_ease([text for kind, text in document.text_blocks() if kind in ("paragraph", "item")])
    assert round(reading_ease(document, problems)) == round(counted)
    assert reading_ease(document, []) == counted
    assert reading_ease(document, [Problem(INFO, "readability", "Reading ease 42 (Flesch).", "document")]) == 42
    shown = example_window.status.ease.text()
    assert shown == f"Reading ease {counted:.0f} ({'plain English' if counted >= 60 else 'hard to read'})"
