"""The status bar's numbers, for texts whose words, sentences and syllables were counted by hand.

Flesch reading ease = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words), over the
policy's paragraphs and list items (not its title or headings); each paragraph or item ends at least
one sentence. Every word below has as many syllables in speech as the engine counts.
"""

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop.engine.policy.document import BulletList, Document, Paragraph, Run, Section
from desktop.engine.review.checks import ERROR, INFO, WARNING, Problem
from desktop.ui.status import StatusPanel, word_count


def make_document(paragraphs: list[str], items: list[str] = ()) -> Document:
    blocks = [Paragraph([Run(text)]) for text in paragraphs]
    if items:
        blocks.append(BulletList([[Run(text)] for text in items]))
    return Document(title="Acme Privacy Policy", effective_line="Effective 1 May 2025.", company_name="Acme",
                    lang="en", page_size="letter", sections=[Section("collect", 1, "Information we collect", blocks)])


# Words as a word processor counts them (runs between spaces):
#   title "Acme Privacy Policy" 3, effective line "Effective 1 May 2025." 4,
#   heading "1. Information we collect" 4, paragraph 6, item 3: 20.
# Reading ease counts only letters' words, in the effective line, the paragraph and the item:
#   "Effective May." 2 words, 3 + 1 syllables, 1 sentence
#   "The cat sat on the mat." 6 words, 6 syllables, 1 sentence
#   "Confidential identification documentation" 3 words, 4 + 6 + 5 syllables, 1 sentence
#   11 words, 3 sentences, 25 syllables: 206.835 - 1.015 * 11/3 - 84.6 * 25/11 = 10.84
MIXED = make_document(["The cat sat on the mat."], ["Confidential identification documentation"])
# "Effective May." and "The cat sat on the mat.": 8 words, 2 sentences, 10 syllables:
#   206.835 - 1.015 * 4 - 84.6 * 10/8 = 97.025
PLAIN = make_document(["The cat sat on the mat."])


@pytest.fixture
def status(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = StatusPanel(window.statusBar())
    window.show()
    yield panel  # the window stays referenced (and alive) while the test runs


def test_word_count_counts_every_block_by_spaces():
    assert word_count(MIXED) == 20
    assert word_count(PLAIN) == 17
    assert word_count(make_document(["word " * 1234])) == 1245


def test_reading_ease_scores_paragraphs_and_items_only():
    assert MIXED.reading_ease == pytest.approx(10.84, abs=0.01)
    assert PLAIN.reading_ease == pytest.approx(97.025)


def test_the_status_bar_shows_the_counts(status):
    status.show_document(MIXED, [])
    assert status.words.text() == "20 words"
    assert status.ease.text() == "Reading ease 11 (hard to read)"
    assert status.counts.text() == "0 errors · 0 warnings"
    status.show_document(make_document(["word " * 1234]), [Problem(WARNING, "w", "A warning.", "document")])
    assert status.words.text() == "1,245 words"
    assert status.counts.text() == "0 errors · 1 warning"


def test_the_reading_ease_shown_is_the_documents_not_a_number_in_a_message(status):
    reported = [Problem(INFO, "readability", "Reading ease 42 (Flesch; 60 or more is plain English).", "document"),
                Problem(ERROR, "missing-detail", "A detail is missing.", "company.phone")]
    status.show_document(PLAIN, reported)
    assert status.ease.text() == "Reading ease 97 (plain English)"
    assert "1 error · 0 warnings" in status.counts.text()
