"""How long each kind of information is kept: stated by the owner, never dropped silently."""

from businesses import OREGON_TICKETS

from desktop.engine.interview.interview import new_profile
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.review.checks import ERROR, check
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
UNANSWERED = ("keep_billing", "keep_logs", "keep_support", "keep_other")


def retention_errors(profile) -> list:
    return [p for p in check(profile, LIBRARY) if p.code == "missing-retention"]


def test_the_shop_that_answered_how_long_has_a_full_schedule_in_its_own_words():
    profile = new_profile(OREGON_TICKETS, LIBRARY)
    assert retention_errors(profile) == []
    text = assemble(profile, LIBRARY).plain_text()
    assert "Email addresses on our mailing list: until you unsubscribe" in text
    assert "Purchase history and billing address: for 3 years, as tax law requires" in text
    assert "Payment card details: not kept by us, only by our payment company" in text  # it names Stripe


def test_an_empty_period_is_an_error_naming_what_is_kept_and_pointing_at_its_box():
    profile = new_profile({**OREGON_TICKETS, "keep_support": ""}, LIBRARY)
    [error] = retention_errors(profile)
    assert error.severity == ERROR
    assert error.message.startswith("The policy does not say how long you keep messages to our support team")
    assert (error.place.id, error.place.option) == ("retention.criteria", "support_period")
    assert "Messages to our support team" not in assemble(profile, LIBRARY).plain_text()
    profile.practices["retention.criteria"]["support_period"] = "for 1 year"
    assert retention_errors(profile) == []


def test_each_kind_collected_without_a_period_is_named_once_the_catch_all_does_not_count():
    profile = new_profile({key: value for key, value in OREGON_TICKETS.items() if key not in UNANSWERED}, LIBRARY)
    messages = [e.message for e in retention_errors(profile)]
    assert any(m.startswith("The policy does not say how long you keep purchase history and billing address") for m in messages)
    assert any("you collect name, email address, phone number and cookie identifiers but not how long" in m for m in messages)
    assert len(messages) == len(set(messages)) == 5  # billing, logs, support, identifiers, location: each once
    assert "Anything else: until we no longer need it" in assemble(profile, LIBRARY).plain_text()  # it stays, but covers no gap
    profile.practices["retention.criteria"]["more_periods"] = ["Contact details and cookie identifiers: for 2 years"]
    assert not any("cookie identifiers but not how long" in m for m in (e.message for e in retention_errors(profile)))


def test_a_period_for_something_the_policy_does_not_collect_need_not_be_given():
    profile = new_profile({**OREGON_TICKETS, "keep_support": ""}, LIBRARY)
    profile.practices.pop("collect.support")
    assert not [e for e in retention_errors(profile) if "support" in e.message]


def test_a_period_the_owner_typed_is_in_the_schedule_even_when_its_words_name_no_known_kind():
    """A bakery owner's "Delivery addresses: …" line never reached the policy, with only a note saying so."""
    lines = ["Delivery addresses: for 3 years after your last order", "Gift card balances: until the card is used up"]
    profile = new_profile({**OREGON_TICKETS, "keep_other": OREGON_TICKETS["keep_other"] + lines}, LIBRARY)
    blocks = [text for _, text in assemble(profile, LIBRARY).text_blocks()]
    assert set(lines) <= set(blocks), "each line a row of the schedule, as typed"
    notes = [p for p in check(profile, LIBRARY) if p.code == "unknown-data"]
    assert [n.message.split("”")[0] for n in notes] == ["“Gift card balances: until the card is used up"]
    assert "the policy shows it as you wrote it" in notes[0].message


def test_a_period_typed_among_the_others_fills_its_own_box_s_place():
    """A new user typed "Account details: until you close your account" under "anything else" and was still told
    the policy does not say how long it keeps account details."""
    shop = {**OREGON_TICKETS, "has_accounts": True}
    assert any("account details" in e.message for e in retention_errors(new_profile(shop, LIBRARY)))
    typed = {**shop, "keep_other": OREGON_TICKETS["keep_other"] + ["Account details: until you close your account"]}
    profile = new_profile(typed, LIBRARY)
    assert not [e for e in retention_errors(profile) if "account details" in e.message]
    assert "Account details: until you close your account" in assemble(profile, LIBRARY).plain_text()


def test_a_period_for_information_the_policy_never_collects_is_a_warning_at_the_schedule():
    """A lawyer's read of a bakery: delivery addresses kept for 3 years, never said to be collected."""
    lines = ["Delivery addresses: for 3 years after your last order"]
    profile = new_profile({**OREGON_TICKETS, "keep_other": OREGON_TICKETS["keep_other"] + lines}, LIBRARY)
    [warning] = [p for p in check(profile, LIBRARY) if p.code == "retention-not-collected"]
    assert warning.message.startswith("You say how long you keep “Delivery addresses”, but the policy never says you collect it")
    assert str(warning.place) == "practice:retention.criteria.more_periods"
    profile.practices["collect.orders"]["contact_items"] = ["your name", "your delivery address", "your phone number"]
    assert not [p for p in check(profile, LIBRARY) if p.code == "retention-not-collected"]
