"""README says how many pages the interview has, as its window counts them ("1 of 6"; issue 23)."""

from pathlib import Path

from desktop.engine.interview.interview import load_questions

WORDS = {4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def test_the_readme_counts_the_interviews_pages_as_the_window_does():
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    questions = len(load_questions().pages)
    shown = questions + 1  # the last page says what the answers mean
    assert f"interview: {WORDS[shown]} pages, about thirty plain questions on the first {WORDS[questions]}" in readme
