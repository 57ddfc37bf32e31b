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


def test_targeted_advertising_is_stated_and_names_the_ad_pixels_company(shop):
    """C.R.S. 6-1-1308(1)(b), 4 CCR 904-3 Rule 6.03(A)(1)(b)-(c): the purposes, targeted advertising among
    them, stated plainly, not "may count as"."""
    text = "\n".join(shop)
    assert "may count as “selling” or “targeted advertising”" not in text
    assert _items_after(shop, "We use your personal information for targeted advertising.") == [
        "Meta Platforms, Inc. (Meta Pixel)"]


def test_an_ad_network_described_but_not_picked_is_named_by_its_kind(bundled_library):
    answers = {k: v for k, v in COLORADO_SHOP_WITH_SERVICES.items() if k not in ("services",)}
    text = "\n".join(_blocks(new_profile(answers, bundled_library, TODAY), bundled_library))
    assert ("We use your personal information for targeted advertising: advertising networks and ad tech companies "
            "that pick ads based on your interests learn what you do on the Site") in text
    assert "may count as “selling”" not in text


def test_sharing_for_targeted_ads_is_not_flatly_denied_as_a_sale(shop):
    """Colorado's "sale" is an exchange for money or other valuable consideration (C.R.S. 6-1-1303(23)):
    giving an ad company data for targeted ads may be one, so the policy must not flatly deny selling."""
    assert "We do not sell your personal information. We do not rent it out" not in "\n".join(shop)
    sharing = next(text for text in shop if text.startswith("We do not sell your personal information for money"))
    assert "some US state privacy laws may count giving it to advertising companies for targeted advertising as a “sale”" in sharing
    assert "Your state’s law may also count this as a “sale” of your information." in shop


def test_a_shop_without_ads_still_says_plainly_that_it_does_not_sell(bundled_library):
    answers = {k: v for k, v in COLORADO_SHOP_WITH_SERVICES.items() if k not in ("services", "ad_network")}
    answers["services"] = {"google_analytics": {}}
    blocks = _blocks(new_profile(answers, bundled_library, TODAY), bundled_library)
    assert ("We do not sell your personal information. We do not rent it out or trade it either, and that includes "
            "your email address.") in blocks
    assert not any("for targeted advertising" in text and text.startswith("We use") for text in blocks)


def test_the_state_section_does_not_repeat_the_date_the_retention_or_the_changes_promise(shop):
    """The date is at the top, retention has its own section, and the promise to tell people of a material
    change belongs with the rest of what the policy says about changes."""
    text = "\n".join(shop)
    assert "This policy was last updated on" not in text
    assert "only as long as this policy says" not in text
    changes = _items_after(shop, "We may change this policy from time to time.")
    assert changes == [] and text.count("If we make a material change") == 1
    after = shop[shop.index(next(t for t in shop if t.startswith("We may change this policy"))):]
    assert any(t.startswith("If we make a material change to how we handle your personal information") for t in after)
    assert not any(t.startswith("If we make a material change") for t in shop[:shop.index(after[0])])


def test_minnesota_and_montana_still_get_the_date_and_the_retention_they_ask_for(bundled_library):
    answers = {**COLORADO_SHOP_WITH_SERVICES, "us_states": ["Minnesota"], "us_people": ["Minnesota: 150,000"]}
    text = "\n".join(_blocks(new_profile(answers, bundled_library, TODAY), bundled_library))
    assert "This policy was last updated on" in text and "only as long as this policy says" in text


def test_one_state_law_is_worded_for_that_state_alone(shop):
    """Only Colorado's law applies: no "Depending on where you live", no "Several US states", and the
    attorney general named."""
    text = "\n".join(shop)
    assert "Depending on where you live" not in text and "Several US states" not in text
    assert "the attorney general of your state" not in text and "under these state laws" not in text
    assert "If you live in Colorado, its privacy law gives you rights of its own. This section explains them." in shop
    assert "You have these rights:" in shop
    assert "If we turn down your appeal, you can complain to the Colorado Attorney General." in shop
    assert "Your state’s law may also count this as a “sale” of your information." in shop


def test_several_state_laws_are_listed_with_each_attorney_general(bundled_library):
    answers = {**COLORADO_SHOP_WITH_SERVICES, "us_states": ["Colorado", "Virginia"],
               "us_people": ["Colorado: 150,000", "Virginia: 120,000"]}
    blocks = _blocks(new_profile(answers, bundled_library, TODAY), bundled_library)
    assert _items_after(blocks, "Several US states give their residents privacy rights") == ["Virginia", "Colorado"]
    assert "Depending on where you live, you have these rights:" in blocks
    assert _items_after(blocks, "you can complain to the attorney general of your state") == [
        "Virginia: the Virginia Attorney General", "Colorado: the Colorado Attorney General"]
    assert _items_after(blocks, "within the time your state") == [
        "in Colorado, 45 days, which we may extend by 60 more if we tell you why", "in Virginia, 60 days"]
    assert "These state laws may also count this as a “sale” of your information." in blocks


def test_the_uses_section_names_targeted_advertising(shop, bundled_library):
    """Rule 6.03(A)(1)(b): each processing purpose, targeted advertising among them, among the uses."""
    assert any(text.startswith("- To show you ads chosen for you. We use information about what you do on the Site "
                               "for targeted advertising") for text in shop)
    answers = {k: v for k, v in COLORADO_SHOP_WITH_SERVICES.items() if k not in ("services", "ad_network")}
    without = _blocks(new_profile(answers, bundled_library, TODAY), bundled_library)
    assert not any("To show you ads chosen for you" in text for text in without)
