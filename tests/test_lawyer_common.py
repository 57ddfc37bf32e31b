"""A lawyer's review of the common clauses and the GDPR, read on businesses built through the interview:
a Texas yoga studio with members in Europe who tell it about injuries and pregnancy, a Colorado shop and a
Montreal café, neither with accounts."""

import datetime as dt

import pytest
from businesses import BRISTOL_SHOP, CHILDREN_APP, MONTREAL_CAFE, OREGON_TICKETS, TEXAS_STUDIO

from desktop.engine.interview.interview import new_profile
from desktop.engine.policy.assemble import assemble

TODAY = dt.date(2026, 12, 7)
# The studio as the lawyer saw it: its picked services named, YouTube videos embedded.
STUDIO = {**{k: v for k, v in TEXAS_STUDIO.items() if k not in ("analytics", "newsletter")},
          "payment_processor": {"stripe": {}},
          "services": {"mailchimp": {}, "google_analytics": {}, "youtube": {}}}


def _blocks(answers, library) -> list[str]:
    return [text for _kind, text in assemble(new_profile(answers, library, TODAY), library).text_blocks()]


def _text(answers, library) -> str:
    return "\n".join(_blocks(answers, library))


@pytest.fixture(scope="module")
def studio(bundled_library) -> str:
    return _text(STUDIO, bundled_library)


# 3. GDPR Art. 17(1)(b): withdrawn consent for health data means it is deleted, not only no longer used
def test_withdrawing_consent_to_sensitive_information_deletes_it(studio):
    assert "We then stop using it and delete it, unless the law requires us to keep it." in studio
    assert "We then stop using it.\n" not in studio + "\n"


# 4. GDPR Art. 77: contacting the business first is an invitation, never a condition of complaining
def test_contacting_us_first_does_not_limit_the_right_to_complain(studio):
    assert "You are welcome to contact us first; this does not limit your right to complain." in studio
    assert "before you complain" not in studio


# 6. A policy that promises to tell people of changes does not also ask them to keep checking it
def test_a_policy_that_writes_about_changes_does_not_ask_people_to_keep_checking(studio):
    assert "We write to you about changes to our terms or this policy" in studio
    assert "Please check this policy now and then to see what is new." not in studio
    assert "We use your information under the version of this policy that was in force when we collected it." in studio


# 9. ePrivacy Art. 5(3): an embed's cookie is not strictly necessary for the site that embeds it
def test_the_youtube_embed_sets_no_necessary_cookie(bundled_library):
    from desktop.engine.policy.cookies import cookie_rows
    rows = {row.name: row for row in cookie_rows(new_profile(STUDIO, bundled_library, TODAY), bundled_library)}
    assert rows["YSC"].category == "preferences"


# 1. GDPR Art. 13(1)(c): health information used on explicit consent has its own line among the legal bases
def test_the_legal_bases_give_health_information_its_explicit_consent(bundled_library):
    blocks = _blocks(STUDIO, bundled_library)
    line = "Health information: your explicit consent (Art. 6(1)(a) and 9(2)(a)), which you can take back at any time"
    assert any(text.startswith(line) for text in blocks)
    assert not any(text.startswith("Health information: your explicit") for text in _blocks(BRISTOL_SHOP, bundled_library))


# 5. A section's title follows what it holds: no "public areas" in a policy that has none
@pytest.mark.parametrize("answers", [STUDIO, MONTREAL_CAFE], ids=["studio", "cafe"])
def test_a_section_of_links_alone_is_titled_for_them(bundled_library, answers):
    document = assemble(new_profile(answers, bundled_library, TODAY), bundled_library)
    titles = [section.title for section in document.sections]
    assert "Links to other websites" in titles
    assert "Public areas and other websites" not in titles


def test_a_section_with_public_areas_keeps_its_title(bundled_library):
    profile = new_profile(STUDIO, bundled_library, TODAY)
    profile.practices["community.forums"] = {}
    titles = [section.title for section in assemble(profile, bundled_library).sections]
    assert "Public areas and other websites" in titles


# 7. A business with no accounts says nothing of closing one or of messages about one
def test_a_business_without_accounts_has_none_to_close(bundled_library):
    assert "has_accounts" not in MONTREAL_CAFE or not MONTREAL_CAFE["has_accounts"]
    cafe = _text(MONTREAL_CAFE, bundled_library)
    assert "close your account" not in cafe and "about your account" not in cafe
    assert "you can ask us to remove your personal information. You can also ask us to stop sending you messages." in cafe
    assert "to reach you about your orders or a request you made" in cafe
    assert "Service messages" in cafe and "Account and service messages" not in cafe


def test_a_business_with_accounts_still_says_how_to_close_one(studio):
    assert "remove your personal information and close your account" in studio


# 8. The owner's picked services are the whole list, never examples; the embeds are named
def test_the_picked_services_are_named_as_a_complete_list(studio):
    assert "\nPayment processors: Stripe (its privacy policy: https://stripe.com/privacy)\n" in studio
    assert "such as Stripe" not in studio and "such as Mailchimp" not in studio
    assert "The Site shows videos, maps or posts from YouTube." in studio
    assert "such as a video player or a map" not in studio


# 2. ePrivacy Art. 5(3): where the policy asks consent for cookies, analytics by cookies rests on that consent
def test_analytics_by_cookies_rests_on_consent_where_cookie_consent_is_asked(studio):
    assert "Measuring how the Site is used: your consent, which you can take back at any time" in studio
    assert "Measuring how the Site is used: our legitimate interest" not in studio


def test_analytics_without_consent_for_cookies_keeps_its_legitimate_interest(bundled_library):
    profile = new_profile(STUDIO, bundled_library, TODAY)
    profile.practices["legal_bases.overview"]["cookie_consent"] = False
    profile.practices["cookies.about"]["settings_tool"] = ""
    del profile.practices["rights.gdpr_withdraw_consent"]  # "Change your cookie choices" says consent is asked too
    text = "\n".join(text for _kind, text in assemble(profile, bundled_library).text_blocks())
    assert "consent before we set cookies" not in text
    assert "Measuring how the Site is used: our legitimate interest in learning how people use the Site" in text


# A lawyer's read of a children's learning app that sells nothing: "your shopping cart", "your orders" and
# "trouble with a payment" were false for it.
def test_a_business_that_takes_no_payments_is_never_told_about_orders_or_payments(bundled_library):
    text = _text(CHILDREN_APP, bundled_library).lower()
    assert not [word for word in ("shopping cart", "your orders", "trouble with a payment") if word in text]
    assert "we may link these details to your account. for example, this helps us look into a problem you report." in text
    assert "to reach you about your account or a request you made, for example to answer a support question." in text
    shop = _text({**CHILDREN_APP, "takes_payments": True}, bundled_library).lower()
    assert "trouble with a payment" in shop


# COPPA 16 CFR 312.5(a)(1): a material change needs a parent's consent again; posting it online is not enough.
def test_a_childrens_service_tells_parents_of_a_change_directly_and_asks_again(bundled_library):
    sentence = "we will tell parents directly and ask for their consent again"
    assert sentence in _text(CHILDREN_APP, bundled_library)
    assert sentence not in _text(BRISTOL_SHOP, bundled_library)


# A second new user's gym: "…heart conditions, epilepsy or other conditions our staff should know about in an
# emergency and whether you are pregnant" ran two items together.
def test_list_items_with_commas_of_their_own_are_kept_apart_by_semicolons(bundled_library):
    items = ["injuries, heart conditions or epilepsy our staff should know about", "whether you are pregnant"]
    answers = {**TEXAS_STUDIO, "sensitive_what": items}
    text = _text(answers, bundled_library)
    assert "injuries, heart conditions or epilepsy our staff should know about; and whether you are pregnant" in text


# A second new user's UK-only gym read "a legal duty under the law of the European Union, of an EU country or of
# the UK": the law named is that of the places the chosen laws cover.
@pytest.mark.parametrize("answers, law", [
    ({**BRISTOL_SHOP, "user_places": ["the United Kingdom"]}, "a legal duty under UK law"),
    ({**OREGON_TICKETS, "transfers_abroad": True}, "a legal duty under the law of the European Union or of an EU country"),
    (BRISTOL_SHOP, "a legal duty under the law of the European Union, of an EU country or of the UK"),
], ids=["UK only", "EU only", "UK and EU"])
def test_a_legal_duty_names_the_law_of_the_places_served(bundled_library, answers, law):
    duties = [b for b in _blocks(answers, bundled_library) if ": a legal duty under " in b]
    assert duties and all(law in b for b in duties), duties
