"""A lawyer's review of the US state section of the Colorado shop's policy: an online shop with an ad
pixel, analytics and a payment company, and one US state law (Colorado's) that applies."""

import datetime as dt

import pytest
from businesses import COLORADO_SHOP_WITH_SERVICES

from desktop.engine.interview.interview import new_profile
from desktop.engine.policy.assemble import assemble

TODAY = dt.date(2026, 12, 7)


def _blocks(profile, library) -> list[str]:
    """Paragraphs, and list items marked "- "."""
    blocks = assemble(profile, library).text_blocks()
    return [("- " if kind == "item" else "") + text for kind, text in blocks if kind in ("paragraph", "item")]


@pytest.fixture(scope="module")
def shop(bundled_library) -> list[str]:
    return _blocks(new_profile(COLORADO_SHOP_WITH_SERVICES, bundled_library, TODAY), bundled_library)


def _items_after(blocks: list[str], words: str) -> list[str]:
    start = blocks.index(next(text for text in blocks if words in text)) + 1
    end = next((i for i in range(start, len(blocks)) if not blocks[i].startswith("- ")), len(blocks))
    return [item.removeprefix("- ") for item in blocks[start:end]]


def test_the_appeal_gives_its_window_from_our_answer_and_colorados_time_to_reply(shop):
    """C.R.S. 6-1-1306(3): 45 days to answer an appeal, which may be extended by 60 with reasons; the
    old "(45 or 60 days)" left the reader to guess which."""
    text = "\n".join(shop)
    assert "45 or 60 days" not in text
    assert "You can appeal within 60 days of our answer" in text
    assert _items_after(shop, "within the time your state") == [
        "in Colorado, 45 days, which we may extend by 60 more if we tell you why"]


def test_the_copy_right_is_a_copy_of_all_of_your_data_in_a_portable_format(shop):
    """C.R.S. 6-1-1306(1)(e) and its peers: a copy of the personal data, portable where feasible, not only
    what the person gave us."""
    text = "\n".join(shop)
    assert "you gave us, in a form you can take elsewhere" not in text
    assert "You can ask for a copy of your personal information, in a portable format where that is possible." in text
