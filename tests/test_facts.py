"""Facts: parsing, resolving, contradictions, a law's category table and the retention schedule."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.engine.facts.grammar import (
    FactError,
    LawRow,
    StatedFact,
    contradictions,
    law_table,
    parse_fact,
    resolve,
    retention_schedule,
)
from desktop.engine.library.options import OptionSpec
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import load_vocabulary
from desktop.paths import bundled_dir
from tests.laws import BUNDLED_LAWS

VOCABULARY, _ = load_vocabulary(bundled_dir("snippets"))
OPTIONS = {"items": OptionSpec("items", "list", "Items", []),
           "days": OptionSpec("days", "int", "Days", 7), "on": OptionSpec("on", "bool", "On", True)}


def fact(text: str):
    return parse_fact(text, VOCABULARY, OPTIONS)


def stated(*texts: str) -> list[StatedFact]:
    return [StatedFact(f"clause{i}", f"practice{i}", fact(text)) for i, text in enumerate(texts)]


def law(*rules: str, called: str = "The test law") -> Regime:
    """A law that applies the named fact rules, as regimes.toml declares one."""
    return Regime("test", "Test", "Testland", "A law for tests.", "Test?", rules=rules, called=called)


def found(*texts: str, rules=()) -> list[tuple[str, int, int | None]]:
    """(kind, index of first, index of second) for each contradiction, under a law with the given rules."""
    facts = stated(*texts)
    index = {id(s): i for i, s in enumerate(facts)}
    return [(c.kind, index[id(c.first)], None if c.second is None else index[id(c.second)])
            for c in contradictions(facts, [law(*rules)], VOCABULARY)]


# --- Parsing --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, verb, positive, parts", [
    ("collects identifiers.email", "collects", True, {"data": ("identifiers.email",)}),
    ("does not collect location.precise", "collects", False, {"data": ("location.precise",)}),
    ("shares identifiers, payment with service_providers.payments", "shares", True,
     {"data": ("identifiers", "payment"), "recipient": "service_providers.payments"}),
    ("shares activity with third_parties.ad_networks for ads.cross_context", "shares", True,
     {"recipient": "third_parties.ad_networks", "purpose": "ads.cross_context"}),
    ("does not share personal with anyone", "shares", False, {"recipient": "anyone", "purpose": None}),
    ("does not share personal for ads.cross_context", "shares", False,
     {"recipient": None, "purpose": "ads.cross_context"}),
    ("sells identifiers.cookie to third_parties.ad_networks", "sells", True,
     {"recipient": "third_parties.ad_networks"}),
    ("does not sell personal", "sells", False, {"data": ("personal",), "recipient": None}),
    ("uses activity.service for improve", "uses", True, {"purpose": "improve"}),
    ("does not use personal for automated_decisions", "uses", False, {"purpose": "automated_decisions"}),
    ("keeps private content", "makes public", False, {"data": ("content",)}),
    ("makes public content.posts", "makes public", True, {"data": ("content.posts",)}),
    ("limits service_providers to our purposes", "limits", True, {"recipient": "service_providers"}),
    ("honours dnt", "honours dnt", True, {}),
    ("ignores dnt", "honours dnt", False, {}),
    ("consent by use", "consent by use", True, {}),
    ("no consent by use", "consent by use", False, {}),
    ("retains support for 2 years", "retains", True, {"value": "for 2 years"}),
    ("retains account until you close your account", "retains", True,
     {"value": "until you close your account"}),
    ("audience children_under_13", "audience", True, {"audience": "children_under_13"}),
    ("not audience children_under_13", "audience", False, {"audience": "children_under_13"}),
    ("obtains parental consent", "obtains parental consent", True, {}),
    ("offers opt-out of sale", "offers opt-out of sale", True, {}),
    ("offers opt-out of sharing", "offers opt-out of sharing", True, {}),
    ("discloses sharing", "discloses sharing", True, {}),
])
def test_every_verb_parses(text, verb, positive, parts):
    parsed = fact(text)
    assert (parsed.verb, parsed.positive, parsed.source) == (verb, positive, text)
    for name, value in parts.items():
        assert getattr(parsed, name) == value


def test_a_list_option_gives_the_data():
    parsed = fact("collects identifiers.email, opt.items")
    assert parsed.data == ("identifiers.email",) and parsed.option == "items"


def test_when_adds_a_condition():
    parsed = fact("collects identifiers.email when opt.on and not regime.gdpr")
    assert parsed.data == ("identifiers.email",)
    assert parsed.condition.names() == ["opt.on", "regime.gdpr"]


def test_when_inside_a_criterion_is_text():
    parsed = fact("retains support until you tell us when to delete it")
    assert parsed.value == "until you tell us when to delete it" and parsed.condition is None


@pytest.mark.parametrize("text, message", [
    ("collects identifiers.emial", "unknown data category 'identifiers.emial' (did you mean 'identifiers.email'?)"),
    ("shares personal with ad_netwrks", "unknown recipient 'ad_netwrks'"),
    ("uses personal for fun", "unknown purpose 'fun'"),
    ("audience grown_ups", "unknown audience 'grown_ups'"),
    ("collects opt.nothing", "opt.nothing is not an option of this practice"),
    ("collects opt.days", "opt.days is a int option; data can come only from a list option"),
    ("collects opt.items, opt.items", "only one list option may give the data of a fact (opt.items)"),
    ("sells personal", "cannot read 'sells personal': write it as `sells DATA to RECIPIENT`"),
    ("does not sel personal", "cannot read 'does not sel personal': write it as `does not collect DATA`"),
    ("frobs personal", "cannot read 'frobs personal': a fact starts with one of"),
    ("collects personal when opt.missing", "the condition names opt.missing, which is not an option"),
    ("collects personal when opt.on andd", "cannot read the condition after `when`"),
    ("retains personal for {{opt.weeks}} weeks", "{{opt.weeks}} is not an option of this practice"),
])
def test_errors_name_the_part_at_fault(text, message):
    with pytest.raises(FactError) as error:
        fact(text)
    assert str(error.value).startswith(message)


# --- Resolving ---------------------------------------------------------------------------------


def test_resolve_maps_list_items_to_categories():
    items = ["your login name", "your user name and IP address", "the settings you choose"]
    resolved, missing = resolve(fact("collects identifiers.email, opt.items"), {"items": items}, VOCABULARY)
    assert resolved.data == ("identifiers.email", "identifiers.username", "identifiers.ip_address", "preferences")
    assert missing == []


def test_resolve_names_the_items_that_name_no_category():
    resolved, missing = resolve(fact("collects opt.items"), {"items": ["your name", "your lucky number"]}, VOCABULARY)
    assert missing == ["your lucky number"]
    assert resolved.data == ("identifiers.name",)


def test_resolve_fills_option_values_in_the_period():
    resolved, _ = resolve(fact("retains support for {{opt.days}} days"), {"days": 30}, VOCABULARY)
    assert resolved.value == "for 30 days"
    resolved, _ = resolve(fact("retains support for {{opt.items}}"), {"items": ["a year", "a day"]}, VOCABULARY)
    assert resolved.value == "for a year and a day"


# --- Contradictions ----------------------------------------------------------------------------


@pytest.mark.parametrize("first, second", [
    ("collects identifiers.email", "does not collect identifiers"),
    ("shares personal with authorities", "does not share personal with anyone"),
    ("sells identifiers to third_parties.ad_networks", "does not sell personal"),
    ("shares personal with third_parties for sale", "does not sell identifiers.email"),
    ("sells identifiers to third_parties.ad_networks", "does not share personal with anyone"),
    ("shares activity with third_parties.ad_networks for ads.cross_context",
     "does not share personal for ads.cross_context"),
    ("uses activity for ads.cross_context", "does not use personal for ads"),
    ("makes public content.posts", "keeps private content"),
    ("honours dnt", "ignores dnt"),
    ("consent by use", "no consent by use"),
    ("audience children_under_13", "not audience children_under_13"),
])
def test_opposite_statements_contradict(first, second):
    assert found(first, second) == [("opposite", 0, 1)]
    assert found(second, first) == [("opposite", 0, 1)]


@pytest.mark.parametrize("first, second", [
    ("collects identifiers.email", "does not collect identifiers.name"),
    ("collects deidentified.aggregate", "does not collect personal"),
    ("shares personal with service_providers", "does not share personal with third_parties"),
    ("shares activity with third_parties.ad_networks", "does not share activity for ads.cross_context"),
    ("shares personal with service_providers", "does not sell personal"),
    ("shares activity with third_parties for ads.cross_context", "does not sell personal"),
    ("uses activity for ads.first_party", "does not use activity for ads.cross_context"),
    ("collects identifiers.email", "keeps private identifiers.email"),
    ("audience children_under_13", "not audience teens"),
    ("collects identifiers.email", "collects identifiers.email"),
])
def test_the_change_that_clears_an_opposite(first, second):
    assert found(first, second) == []


def test_one_contradiction_per_pair_not_per_data_id():
    assert found("collects identifiers.email, identifiers.name, identifiers.phone",
                 "does not collect identifiers") == [("opposite", 0, 1)]


def test_one_contradiction_per_pair_of_clauses():
    facts = [StatedFact("a", "a", fact("sells identifiers to third_parties.ad_networks")),
             StatedFact("a", "a", fact("sells activity to third_parties.analytics")),
             StatedFact("b", "b", fact("does not sell personal")),
             StatedFact("c", "c", fact("does not sell activity"))]
    pairs = [(c.first.clause_id, c.second.clause_id) for c in contradictions(facts, [], VOCABULARY)]
    assert pairs == [("a", "b"), ("a", "c")]


def test_the_reason_names_both_sides_in_plain_words():
    facts = stated("sells identifiers to third_parties.ad_networks", "does not sell personal")
    [problem] = contradictions(facts, [], VOCABULARY)
    assert problem.reason == ("one says you sell identifiers to advertising networks, "
                              "the other that you never sell personal information")
    assert (problem.first, problem.second) == (facts[0], facts[1])


def test_the_reason_shows_only_the_data_in_conflict():
    facts = stated("collects identifiers.email, purchases", "does not collect identifiers.email, location")
    [problem] = contradictions(facts, [], VOCABULARY)
    assert problem.reason == "one says you collect email address, the other that you do not collect email address"


def test_a_limited_recipient_cannot_buy_or_target_ads():
    limit = "limits service_providers to our purposes"
    assert found(limit, "sells identifiers to service_providers.analytics") == [("limited-recipient", 0, 1)]
    assert found("shares activity with service_providers for ads.cross_context", limit) == [
        ("limited-recipient", 0, 1)]
    assert found(limit, "sells identifiers to third_parties.analytics") == []
    assert found(limit, "shares activity with service_providers.analytics for analytics") == []


def test_children_need_parental_consent_before_risky_practices():
    audience = "audience children_under_13"
    for risky in ("sells identifiers to third_parties.ad_networks",
                  "shares activity with third_parties.ad_networks for ads.cross_context",
                  "uses activity for ads.first_party", "makes public content.posts",
                  "uses inferences for personalise", "lets third_parties.social_networks collect identifiers",
                  "shares identifiers with third_parties.marketplace", "shares identifiers.name with public"):
        assert found(audience, risky) == [("children", 0, 1)], risky
        assert found("audience general", risky) == []
    assert found(audience, "shares deidentified.aggregate with anyone for sale") == []
    assert found(audience, "shares identifiers with service_providers.hosting") == []
    assert found(audience, "uses activity for improve") == []


def test_a_general_promise_of_parental_consent_is_no_escape():
    risky = "shares activity with third_parties.ad_networks for ads.cross_context"
    assert found("audience children_under_13", risky, "obtains parental consent") == [("children", 0, 1)]


def test_a_parental_consent_for_exactly_that_use_settles_it():
    audience = "audience children_under_13"
    for risky, consent in [
        ("makes public content.posts", "obtains parental consent to make public content.posts"),
        ("shares identifiers with third_parties.marketplace", "obtains parental consent to share identifiers with third_parties"),
        ("lets third_parties.social_networks collect identifiers",
         "obtains parental consent to let third_parties.social_networks collect personal"),
        ("uses inferences for personalise", "obtains parental consent to use inferences for personalise"),
        ("sells identifiers to third_parties.ad_networks", "obtains parental consent to share identifiers with anyone for sale"),
    ]:
        assert found(audience, risky, consent) == [], risky
    # a consent for another use, other data or another recipient does not reach it
    assert found(audience, "makes public content.posts", "obtains parental consent to make public identifiers.name") == [("children", 0, 1)]
    assert found(audience, "shares identifiers with third_parties.marketplace",
                 "obtains parental consent to share identifiers with third_parties.ad_networks") == [("children", 0, 1)]
    assert found(audience, "uses activity for ads.first_party",
                 "obtains parental consent to make public activity") == [("children", 0, 1)]


def test_when_the_users_are_children_a_promise_about_children_covers_every_user():
    """'We never sell children's information' in a service for children denies every sale."""
    assert ("opposite", 1, 2) in found("audience children_under_13", "does not sell children",
                                       "sells identifiers to third_parties.ad_networks")
    assert found("audience general", "does not sell children", "sells identifiers to third_parties.ad_networks") == []


SALE_RULES = ("opt-out-of-sale", "opt-out-of-sharing", "sharing-disclosure")


def test_opt_out_rules_ask_for_opt_outs_of_sale_and_sharing():
    sale = "sells identifiers to third_parties.ad_networks"
    assert found(sale, rules=SALE_RULES) == [("opt-out", 0, None)]
    assert found(sale, "offers opt-out of sale", rules=SALE_RULES) == []
    assert found(sale, rules=["consent-by-use"]) == []
    cross = "shares activity with third_parties.ad_networks for ads.cross_context"
    assert found(cross, rules=SALE_RULES) == [("opt-out", 0, None), ("sharing-disclosure", 0, None)]
    assert found(cross, "offers opt-out of sharing", rules=SALE_RULES) == [("sharing-disclosure", 0, None)]
    assert found(cross, "offers opt-out of sharing", "discloses sharing", rules=SALE_RULES) == []
    assert found(cross, rules=["sharing-disclosure"]) == [("sharing-disclosure", 0, None)]


def test_one_law_rule_problem_per_clause():
    facts = [StatedFact("c", "p", fact("sells identifiers to third_parties.ad_networks")),
             StatedFact("c", "p", fact("sells activity to third_parties.ad_networks"))]
    assert len(contradictions(facts, [law(*SALE_RULES)], VOCABULARY)) == 1


def test_consent_by_use_rule():
    assert found("consent by use", rules=["consent-by-use"]) == [("consent-by-use", 0, None)]
    assert found("consent by use", rules=SALE_RULES) == []
    assert found("no consent by use", rules=["consent-by-use"]) == []


def test_a_rule_two_laws_declare_runs_once_and_names_both():
    facts = stated("consent by use")
    laws = [law("consent-by-use", called="The first law"), law("consent-by-use", called="the second law")]
    [problem] = contradictions(facts, laws, VOCABULARY)
    assert "The first law and the second law do not accept simply using a service as consent" in problem.reason


def test_the_bundled_laws_name_only_rules_that_exist():
    from desktop.engine.facts.rules import RULES

    for declared in BUNDLED_LAWS.values():
        assert set(declared.rules) <= set(RULES), declared.id


# --- Tables ------------------------------------------------------------------------------------


# The first law with a category table: the tests below read how it groups data from its declaration.
CATEGORIES = next(declared.categories for declared in BUNDLED_LAWS.values() if declared.categories)


def test_law_table_groups_by_the_laws_category():
    table = law_table(stated(
        "collects identifiers.email, identifiers.ip_address, purchases",
        "shares personal with service_providers.hosting",
        "sells identifiers.ip_address to third_parties.ad_networks",
        "shares purchases with third_parties.ad_networks for ads.cross_context",
        "does not collect location",
        "shares personal with authorities",
    ), VOCABULARY, CATEGORIES)
    assert list(table) == [CATEGORIES["identifiers"], CATEGORIES["purchases"]]
    hosting, ads, authorities = (VOCABULARY.recipients[r].description for r in
                                 ("service_providers.hosting", "third_parties.ad_networks", "authorities"))
    assert table[CATEGORIES["identifiers.email"]] == LawRow(
        collected=("Email address", "IP address"), disclosed=("Email address", "IP address"),
        sold=("IP address",), shared=(), recipients=(hosting, ads, authorities), sources=("you",),
        purposes=("sale of {{personal information}}",))
    assert table[CATEGORIES["purchases"]].recipients == (hosting, ads, authorities)
    assert table[CATEGORIES["purchases"]].purposes == ("ads based on what you do on other websites",)
    assert table[CATEGORIES["purchases"]].shared == ("Purchase history",)


def test_law_table_leaves_out_deidentified_data_and_what_the_law_puts_in_no_category():
    assert law_table(stated("collects deidentified.aggregate"), VOCABULARY, CATEGORIES) == {}
    assert law_table(stated("collects identifiers.email"), VOCABULARY, {}) == {}
    assert list(law_table(stated("collects identifiers.email"), VOCABULARY, {"identifiers.email": "contact"})) == ["contact"]


def test_retention_schedule_one_row_per_data_narrower_wins():
    rows = retention_schedule(stated(
        "retains personal until you close your account",
        "retains support, identifiers.email for 2 years",
        "retains support for 5 years",
        "does not collect location",
    ), VOCABULARY)
    assert rows == [("Email address and messages to our support team", "for 2 years"),
                    ("Anything else", "until you close your account")]  # the catch-all last, named for what is left


def test_retention_rows_keep_the_owners_words_and_card_numbers_follow_the_payment_company():
    facts = stated("retains payment.card not kept by us, only by our payment company", "retains payment for 3 years")
    assert retention_schedule(facts, VOCABULARY) == [("Payment card details", "not kept by us, only by our payment company"),
                                                     ("Payment details", "for 3 years")]


# --- Property: contradictions agree with a direct pairwise oracle ------------------------------

DATA = ["personal", "identifiers", "identifiers.email", "identifiers.name", "activity",
        "activity.service", "activity.cross_site", "deidentified", "deidentified.aggregate"]
RECIPIENTS = ["anyone", "service_providers", "service_providers.hosting", "third_parties",
              "third_parties.ad_networks", "public"]
PURPOSES = ["ads", "ads.first_party", "ads.cross_context", "sale", "security"]
AUDIENCES = ["general", "teens"]


def chain(id: str, root: str | None) -> set[str]:
    """The id and its ancestors, from the dotted name and the kind's root."""
    parts = id.split(".")
    found = {".".join(parts[:n]) for n in range(1, len(parts) + 1)}
    return found if root is None or parts[0] in (root, "deidentified") else found | {root}


def meet(a: str | None, b: str | None, root: str | None) -> bool:
    return a in chain(b, root) or b in chain(a, root)


NOT_PRIVATE = ("anyone", "third_parties", "public")  # recipients whose role is third party or the public


def _given_away(private: dict, shared: dict) -> bool:
    return shared["recipient"].split(".")[0] in NOT_PRIVATE and any(
        meet(x, y, "personal") for x in private["data"] for y in shared["data"])


def oracle(a: dict, b: dict) -> str | None:
    # "keeps private" (not the weaker "does not make public") also rules out giving the data away
    private = next((x for x in (a, b) if x["verb"] == "makes public" and not x["positive"] and x.get("private", True)), None)
    shared = next((x for x in (a, b) if x["verb"] == "shares" and x["positive"]), None)
    if private is not None and shared is not None and _given_away(private, shared):
        return "opposite"
    limit = next((x for x in (a, b) if x["verb"] == "limits"), None)
    if limit is not None:
        other = b if limit is a else a
        targeted = other["verb"] == "shares" and other["positive"] and other["purpose"] in ("sale", "ads.cross_context")
        return "limited-recipient" if targeted and meet(limit["recipient"], other["recipient"], "anyone") else None
    if a["verb"] != b["verb"] or a["positive"] == b["positive"]:
        return None
    yes, no = (a, b) if a["positive"] else (b, a)
    if a["verb"] in ("honours dnt", "consent by use"):
        return "opposite"
    if a["verb"] == "audience":
        return "opposite" if a["audience"] == b["audience"] else None
    if not any(meet(x, y, "personal") for x in yes["data"] for y in no["data"]):
        return None
    if a["verb"] == "uses" and not meet(yes["purpose"], no["purpose"], None):
        return None
    if a["verb"] == "lets collect":
        return "opposite" if meet(yes["recipient"], no["recipient"], "anyone") else None
    if a["verb"] == "shares":
        purpose_denied = no["purpose"] is None or (
            yes["purpose"] is not None and meet(yes["purpose"], no["purpose"], None))
        if not (meet(yes["recipient"], no["recipient"], "anyone") and purpose_denied):
            return None
    return "opposite"


@st.composite
def fact_texts(draw) -> tuple[str, dict]:
    data = draw(st.lists(st.sampled_from(DATA), min_size=1, max_size=2, unique=True))
    recipient, purpose = draw(st.sampled_from(RECIPIENTS)), draw(st.sampled_from(PURPOSES))
    with_purpose, positive = draw(st.booleans()), draw(st.booleans())
    d = ", ".join(data)
    shape = {"verb": "shares", "positive": positive, "data": data, "recipient": recipient,
             "purpose": purpose if with_purpose else None, "audience": None}
    form = draw(st.sampled_from(["collects", "shares", "sells", "uses", "makes public", "limits",
                                 "honours dnt", "consent by use", "audience"]))
    if form == "shares":
        text = f"{'shares' if positive else 'does not share'} {d} with {recipient}"
        return text + (f" for {purpose}" if with_purpose else ""), shape
    if form == "sells":
        text = f"sells {d} to {recipient}" if positive else f"does not sell {d}"
        return text, {**shape, "recipient": recipient if positive else "anyone", "purpose": "sale"}
    if form == "limits":
        return f"limits {recipient} to our purposes", {**shape, "verb": "limits", "positive": True}
    audience = draw(st.sampled_from(AUDIENCES))
    texts = {
        "collects": ("collects", "does not collect"), "uses": ("uses", "does not use"),
        "makes public": ("makes public", "keeps private"), "honours dnt": ("honours dnt", "ignores dnt"),
        "consent by use": ("consent by use", "no consent by use"),
        "audience": ("audience", "not audience"),
    }[form]
    text = texts[0 if positive else 1]
    if form in ("collects", "makes public"):
        text += f" {d}"
    elif form == "uses":
        text += f" {d} for {purpose}"
    elif form == "audience":
        text += f" {audience}"
    return text, {**shape, "verb": form, "purpose": purpose, "audience": audience}


@settings(max_examples=300, deadline=None)
@given(st.lists(fact_texts(), min_size=0, max_size=6))
def test_contradictions_match_a_pairwise_oracle(drawn):
    facts = [StatedFact(f"c{i}", f"p{i}", fact(text)) for i, (text, _) in enumerate(drawn)]
    index = {id(s): i for i, s in enumerate(facts)}
    got = [(c.kind, index[id(c.first)], index[id(c.second)])
           for c in contradictions(facts, [], VOCABULARY)]
    expected = [(oracle(drawn[i][1], drawn[j][1]), i, j)
                for i in range(len(drawn)) for j in range(i + 1, len(drawn))]
    assert sorted(got) == sorted(e for e in expected if e[0] is not None)
