"""The all-practices policy read as a lawyer reads it: sentences that said a thing twice or left
a pronoun pointing at the wrong noun, each found in a reading of the whole text."""

import pytest

from desktop.engine.policy.assemble import assemble
from desktop.engine.review.example import all_practices_profile


@pytest.fixture(scope="module")
def paragraphs(bundled_library) -> list[str]:
    policy = assemble(all_practices_profile(bundled_library), bundled_library)
    return [text for kind, text in policy.text_blocks() if kind in ("paragraph", "item")]


def _containing(paragraphs: list[str], words: str) -> str:
    return next(text for text in paragraphs if words in text)


def test_account_messages_say_the_channels_not_the_messages_reach_you(paragraphs):
    # "We may send these messages by email and phone. We may also use them to reach you…": them = the messages?
    text = _containing(paragraphs, "We may send these messages by")
    assert "use them to reach you" not in text
    assert "about your orders or a request you made" in text


def test_the_analytics_cookie_sentence_names_what_helps(paragraphs):
    text = _containing(paragraphs, "We look at totals, such as the number of visits")
    assert "It helps us" not in text and "This helps us fix problems" in text


def test_the_dispute_provider_is_called_independent_once(paragraphs):
    text = _containing(paragraphs, "If we do not reply to you, or we do not settle your concern")
    assert text.lower().count("independent") == 1, text
