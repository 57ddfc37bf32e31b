"""Coherence from facts: each kind of contradiction is raised by a profile and cleared by its fix,
check agrees with a pairwise oracle over random profiles, and ordinary profiles raise nothing."""

import datetime as dt
import json
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_facts import meet, oracle

from desktop.engine.facts.grammar import contradictions
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import Company, Profile, Service, Terms
from desktop.engine.review.checks import check
from desktop.engine.review.example import all_practices_profile, example_profile
from desktop.paths import bundled_dir
from tests.laws import regime_ids

LIBRARY = load_library([bundled_dir("snippets")])
BASE = {"intro.about": {}, "contact.details": {}}
ADS = {"cookies.about": {}, "cookies.third_party_tracking": {}, "cookies.ad_network": {}}


def profile_with(practices: dict, regimes=(), overrides=None) -> Profile:
    profile = example_profile(LIBRARY, dt.date(2026, 12, 1))
    profile.practices = {**BASE, **{k: dict(v) for k, v in practices.items()}}
    profile.regimes = list(regimes)
    profile.answers = {}  # these practices, not the example's answers
    profile.services = {}  # nor the facts of the services its answers picked
    profile.overrides = dict(overrides or {})
    return profile


def contradiction_codes(profile: Profile, library=LIBRARY) -> list[str]:
    return sorted(p.code for p in check(profile, library) if p.code.startswith("contradiction"))


def messages(profile: Profile, code: str) -> list[str]:
    return [p.message for p in check(profile, LIBRARY) if p.code == code]


# --- Each kind: a profile that raises it, and the fix that clears it ---------------------------

def test_opposite_statements_name_both_practices_and_clear_when_one_is_unticked():
    profile = profile_with({"share.none": {}, "share.service_providers": {}})
    found = [p for p in check(profile, LIBRARY) if p.code == "contradiction-opposite"]
    assert len(found) == 1
    assert "“We do not share your information with anyone” and “Companies that work for us” contradict each other" in found[0].message
    assert "Untick one of them." in found[0].message
    assert {found[0].place.id, *(p.id for p in found[0].also)} == {"share.none", "share.service_providers"}
    profile.practices.pop("share.none")
    assert contradiction_codes(profile) == []


def test_an_option_that_makes_a_statement_is_named_in_the_fix():
    profile = profile_with({"collect.automatic": {"linked": True}, "cookies.about": {}, "cookies.beacons": {"linked": False}})
    found = messages(profile, "contradiction-opposite")
    assert found and "or change" in found[0]
    profile.practices["collect.automatic"]["linked"] = False
    assert contradiction_codes(profile) == []


def test_cross_context_ads_under_the_ccpa_need_the_sharing_disclosure_and_opt_out():
    profile = profile_with(ADS, ["ccpa"])
    assert set(contradiction_codes(profile)) == {"contradiction-opt-out", "contradiction-sharing-disclosure",
                                                 "contradiction-opt-out-signals"}
    assert all("To fix it, tick " in m and "“We sell or share some data (opt-out link)”" in m and m.endswith(", or untick it.")
               for m in messages(profile, "contradiction-opt-out"))
    profile.practices["california.opt_out"] = {}
    assert contradiction_codes(profile) == ["contradiction-opt-out-signals"]  # the site must act on GPC, and say so
    profile.practices["california.gpc"] = {}
    assert contradiction_codes(profile) == []
    profile.practices.pop("california.opt_out")
    profile.regimes = []
    assert contradiction_codes(profile) == []  # the same practices outside the CCPA are coherent


def test_saying_you_sell_or_share_needs_a_clause_that_does():
    profile = profile_with({"california.opt_out": {}, "california.gpc": {}}, ["ccpa"])
    assert contradiction_codes(profile) == ["contradiction-nothing-sold"]
    profile.practices.update(ADS)
    assert contradiction_codes(profile) == []


def test_the_gdpr_does_not_accept_using_the_service_as_consent():
    profile = profile_with({"changes.posting": {"continued_use": True}}, ["gdpr"])
    found = messages(profile, "contradiction-consent-by-use")
    assert found and "the GDPR does not accept simply using a service as consent" in found[0]
    assert "change “" in found[0]
    profile.practices["changes.posting"]["continued_use"] = False
    assert contradiction_codes(profile) == []


def test_acceptance_by_use_is_not_stated_under_the_gdpr():
    text = assemble(profile_with({"intro.acceptance": {}}, ["gdpr"]), LIBRARY).plain_text()
    assert "you agree that we may collect" not in text and "does not count as your consent" in text
    assert contradiction_codes(profile_with({"intro.acceptance": {}}, ["gdpr"])) == []


def test_a_service_for_children_with_ads_and_no_parental_consent_is_refused():
    profile = profile_with(ADS, overrides={"intro.about": "Our app is made for children."})
    found = [p for p in check(profile, LIBRARY) if p.code == "contradiction-wording"]
    assert found and "no clause promises to get a parent's consent" not in found[0].message  # the wording kind names the claim
    assert "“Our app is made for children.”" in found[0].message
    profile.overrides["intro.about"] = "Our app is for everyone."
    assert contradiction_codes(profile) == []


def firm_library(tmp_path, section_folder: str, clause_id: str, section: str, facts: list[str], body: str):
    """The bundled library plus a firm's folder holding one clause of its own."""
    folder = tmp_path / "firm" / section_folder
    folder.mkdir(parents=True)
    (folder / f"{clause_id}.md").write_text(
        f'+++\nid = "{clause_id}"\npractice = "{clause_id}"\nsection = "{section}"\ntitle = "Firm clause"\n'
        f'summary = "A clause of the firm."\nsources = ["new"]\nfacts = {json.dumps(facts)}\n+++\n{body}\n', encoding="utf-8")
    return load_library([bundled_dir("snippets"), tmp_path / "firm"])


def test_a_child_directed_service_with_ads_and_no_consent_promise(tmp_path):
    library = firm_library(tmp_path, "10-intro", "kids.audience", "intro", ["audience children_under_13"],
                           "{{The service}} is made for children under 13.")
    assert not library.faults
    profile = profile_with({**ADS, "kids.audience": {}})
    found = [p for p in check(profile, library) if p.code == "contradiction-children"]
    assert len(found) == 1  # one clause against two practices is one cause: one problem names both
    assert "“Firm clause” contradicts 2 other ticked practices" in found[0].message
    assert "no clause says a parent agrees to that first" in found[0].detail
    assert found[0].detail.endswith("Untick one of them.")  # no practice gives a parent's consent to ads
    profile.practices["children.directed"] = {}  # its consent before collecting is no consent to ads
    assert "contradiction-children" in contradiction_codes(profile, library)


def test_a_recipient_limited_to_our_purposes_cannot_also_get_data_for_ads(tmp_path):
    library = firm_library(tmp_path, "40-cookies", "cookies.analytics_ads", "cookies",
                           ["shares activity.service with service_providers.analytics for ads.cross_context"],
                           "Our analytics companies also use what they learn to show you ads elsewhere.")
    assert not library.faults
    profile = profile_with({"cookies.about": {}, "cookies.analytics": {"only_for_us": True}, "cookies.analytics_ads": {}})
    assert "contradiction-limited-recipient" in contradiction_codes(profile, library)
    profile.practices.pop("cookies.analytics_ads")
    assert contradiction_codes(profile, library) == []


def test_the_users_own_denial_is_compared_with_the_rest_of_the_policy():
    profile = profile_with({"share.service_providers": {}}, overrides={"security.measures": "We do not share your information with anyone."})
    profile.practices["security.measures"] = {}
    found = [p for p in check(profile, LIBRARY) if p.code == "contradiction-wording"]
    assert found and found[0].where == "clause:security.measures"
    assert "“Companies that work for us” says you share personal information with service providers" in found[0].message
    profile.overrides["security.measures"] = "We protect your information with care."
    assert contradiction_codes(profile) == []


def test_statistics_in_the_users_wording_are_not_personal_information():
    profile = profile_with({"share.service_providers": {}, "security.measures": {}},
                           overrides={"security.measures": "We never share statistics that could identify no one."})
    assert contradiction_codes(profile) == []


# --- Check agrees with a pairwise oracle over random profiles ----------------------------------

def shape(fact) -> dict:
    """A stated fact in the oracle's terms: a sale is a share for sale."""
    verb, purpose = ("shares", "sale") if fact.verb == "sells" else (fact.verb, fact.purpose)
    recipient = fact.recipient or ("anyone" if verb in ("shares", "limits") else None)
    return {"verb": verb, "positive": fact.positive, "data": list(fact.data), "recipient": recipient,
            "purpose": purpose, "audience": fact.audience, "private": fact.source.startswith("keeps private")}


def made_for_children(facts) -> bool:
    return any(s.fact.verb == "audience" and s.fact.positive and s.fact.audience == "children_under_13" for s in facts)


def scoped(fact_shape: dict, children: bool) -> dict:
    """In a service made for children, children's information is all the personal information."""
    if not children:
        return fact_shape
    return {**fact_shape, "data": ["personal" if d == "children" else d for d in fact_shape["data"]]}


def expected_pairs(document) -> set[frozenset]:
    facts, children = document.facts, made_for_children(document.facts)
    pairs = set()
    for i, first in enumerate(facts):
        for second in facts[i + 1:]:
            if oracle(scoped(shape(first.fact), children), scoped(shape(second.fact), children)):
                pairs.add(frozenset((first.practice_id, second.practice_id)))
    return {pair for pair in pairs if not _one_group(pair)}


_CONSENT = {"shares": "parental consent to share", "uses": "parental consent to use",
            "makes public": "parental consent to make public", "lets collect": "parental consent to let collect"}


def child_risky(s: dict) -> bool:
    if not s["positive"] or all(d.startswith("deidentified") for d in s["data"]):
        return False
    if s["verb"] == "uses":
        return (s["purpose"] or "").startswith("ads") or any(d.startswith("inferences") for d in s["data"])
    if s["verb"] == "shares":
        if (s["purpose"] or "").split(".")[0] in ("protect", "security", "legal"):  # COPPA 312.5(c)(6)
            return False
        return s["recipient"].split(".")[0] in ("anyone", "third_parties", "public") or s["purpose"] in ("sale", "ads.cross_context")
    return s["verb"] in ("makes public", "lets collect")


def consented(c: dict, s: dict) -> bool:
    if c["verb"] != _CONSENT.get(s["verb"]) or not any(meet(x, y, "personal") for x in c["data"] for y in s["data"]):
        return False
    if c["recipient"] and not s["recipient"].startswith(c["recipient"]) and c["recipient"] != "anyone":
        return False
    if c["purpose"] is None:
        return not (s["purpose"] or "").startswith(("ads", "sale"))
    return (s["purpose"] or "").startswith(c["purpose"])


def expected_children_pairs(document) -> set[frozenset]:
    facts = document.facts
    audience = next((s for s in facts if s.fact.verb == "audience" and s.fact.positive and s.fact.audience == "children_under_13"), None)
    if audience is None:
        return set()
    shapes = [(s, scoped(shape(s.fact), True)) for s in facts]
    consents = [x for _, x in shapes if x["verb"].startswith("parental consent to")]
    return {frozenset((audience.practice_id, s.practice_id)) for s, x in shapes
            if child_risky(x) and not any(consented(c, x) for c in consents)}


def _one_group(pair: frozenset) -> bool:
    groups = {LIBRARY.practices[p].group for p in pair}
    return len(pair) == 2 and len(groups) == 1 and None not in groups  # the group's own problem says it


def reported_pairs(problems, codes=("contradiction-opposite", "contradiction-limited-recipient")) -> set[frozenset]:
    """Each pair a problem names: one practice against each it contradicts (one problem may name several)."""
    return {frozenset((p.place.id, a.id)) for p in problems if p.code in codes for a in p.also}


PRACTICES = sorted(LIBRARY.practices)


@st.composite
def random_profiles(draw, always=()) -> Profile:
    picked = draw(st.sets(st.sampled_from(PRACTICES), min_size=2, max_size=14)) | set(always)
    practices = {}
    for practice_id in picked:
        options = {}
        for name, spec in LIBRARY.practices[practice_id].options.items():
            if spec.type == "bool" and draw(st.booleans()):
                options[name] = not spec.default
        practices[practice_id] = options
    return profile_with(practices, draw(st.sets(st.sampled_from(regime_ids()))))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_profiles())
def test_check_reports_a_contradiction_exactly_when_two_picked_facts_conflict(profile):
    document = assemble(profile, LIBRARY)
    problems = check(profile, LIBRARY, document)
    assert reported_pairs(problems) == expected_pairs(document)
    assert reported_pairs(problems, ("contradiction-children",)) == expected_children_pairs(document)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_profiles(always=("children.directed",)))
def test_a_service_made_for_children_is_checked_as_its_users_are_children(profile):
    document = assemble(profile, LIBRARY)
    problems = check(profile, LIBRARY, document)
    assert made_for_children(document.facts)
    assert reported_pairs(problems) == expected_pairs(document)
    assert reported_pairs(problems, ("contradiction-children",)) == expected_children_pairs(document)


# Sensitive data: the oracle reads which laws count each category as sensitive from data.toml and
# which laws ask for a special condition from regimes.toml, apart from the engine.
_SNIPPETS = bundled_dir("snippets")
_MARKS = {c["id"]: c["sensitive"] for c in tomllib.loads((_SNIPPETS / "_vocabulary" / "data.toml").read_text("utf-8"))["category"]}
# law id -> the id data.toml marks its sensitive data by (`sensitive_as`: the UK GDPR reads the GDPR's marks)
_ASKING = {law: table.get("sensitive_as", law) for law, table in tomllib.loads((_SNIPPETS / "regimes.toml").read_text("utf-8")).items()
           if "special-categories" in table.get("rules", [])}
SENSITIVE_WORDS = ["health information", "fingerprints", "precise location", "passport number", "religion", "sex life",
                   "genetic information", "criminal records", "email address", "injuries"]


def sensitive_under(id: str, law: str) -> bool:
    """`id` or an id it lies within (its dotted prefixes) names the law; True meant California."""
    parts = id.split(".")
    marks = [_MARKS.get(".".join(parts[:n]), []) for n in range(1, len(parts) + 1)]
    return any(law in (["ccpa"] if mark is True else mark or []) for mark in marks)


def within(id: str, other: str) -> bool:
    return id == other or id.startswith(other + ".") or other == "personal"


def expected_special(document, regimes) -> set[str]:
    laws = [_ASKING[law] for law in regimes if law in _ASKING]
    conditions = [d for s in document.facts if s.fact.verb == "special condition" for d in s.fact.data]
    return {s.clause_id for s in document.facts if s.fact.verb == "collects" and s.fact.positive
            and any(any(sensitive_under(d, law) for law in laws) and not any(within(d, c) for c in conditions)
                    for d in s.fact.data)}


@st.composite
def sensitive_profiles(draw) -> Profile:
    profile = draw(random_profiles())
    basis = LIBRARY.practices["collect.sensitive"].options["basis"]
    profile.practices["collect.sensitive"] = {
        "kinds": draw(st.lists(st.sampled_from(SENSITIVE_WORDS), max_size=3, unique=True)),
        "basis": draw(st.one_of(st.just(basis.default), st.sampled_from(basis.choices))), "purpose": "to help you", "who_sees": "our staff"}
    if draw(st.booleans()) and "gdpr" not in profile.regimes:
        profile.regimes.append("gdpr")
    if draw(st.booleans()):
        profile.practices["california.sensitive"] = {"sensitive_items": draw(st.lists(st.sampled_from(SENSITIVE_WORDS), max_size=2))}
    return profile


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sensitive_profiles())
def test_sensitive_data_is_an_error_exactly_when_a_law_asks_for_a_condition_and_none_covers_it(profile):
    document = assemble(profile, LIBRARY)
    problems = check(profile, LIBRARY, document)
    assert {p.place.id for p in problems if p.code == "contradiction-special-category"} == expected_special(document, profile.regimes)


# --- No false alarms ---------------------------------------------------------------------------

def small_profile(name: str, kind: str, country: str, practices: list[str], regimes: list[str], **terms) -> Profile:
    return Profile(
        company=Company(legal_name=f"{name} Ltd", short_name=name, website=f"{name.lower()}.example",
                        contact_email=f"privacy@{name.lower()}.example", country=country, region="Oregon"),
        service=Service(name=name, kind=kind), terms=Terms(**terms),
        practices={p: {} for p in practices}, regimes=regimes, effective_date="2026-12-01")


TYPICAL = {
    "a shop": small_profile("Shopkin", "online store", "United States", [
        "intro.about", "intro.scope", "collect.registration", "collect.orders", "collect.support", "collect.automatic",
        "use.transactions", "use.communicate", "use.security", "cookies.about", "cookies.session", "cookies.cart",
        "cookies.analytics", "cookies.dnt_ignore", "share.no_selling", "share.service_providers", "share.legal",
        "share.business_transfer", "security.measures", "retention.criteria", "rights.access_correct", "rights.delete",
        "children.under13", "changes.posting", "contact.details"], ["caloppa"], service="Store"),
    "an EU software company": small_profile("Codewerk", "software", "Germany", [
        "intro.about", "intro.controller", "collect.registration", "collect.telemetry", "collect.support",
        "use.administer", "use.improve", "use.troubleshoot", "legal_bases.overview", "legal_bases.legitimate_interests",
        "share.service_providers", "share.legal", "share.no_selling", "transfers.international", "security.measures",
        "retention.criteria", "rights.gdpr_rights", "rights.gdpr_complaint", "rights.gdpr_withdraw_consent",
        "children.under13", "changes.advance_notice", "contact.details"], ["gdpr"],
        service="App", personal_information="personal data"),
    "a newsletter": small_profile("Weekly", "newsletter", "United Kingdom", [
        "intro.about", "comms.newsletter", "share.no_selling", "share.service_providers", "security.measures",
        "retention.account", "rights.delete", "rights.gdpr_complaint", "contact.details"], ["gdpr"]),
}


@pytest.mark.parametrize("name", sorted(TYPICAL))
def test_typical_small_profiles_raise_no_contradiction(name):
    profile = TYPICAL[name]
    profile.practices = {p: v for p, v in profile.practices.items() if p in LIBRARY.practices}
    assert len(profile.practices) >= 9
    assert [p.message for p in check(profile, LIBRARY) if p.code.startswith("contradiction") or p.code == "conflict"] == []


def test_the_example_profile_has_no_errors():
    assert [p.message for p in check(example_profile(LIBRARY), LIBRARY) if p.severity == "error"] == []


def test_the_all_practices_policy_states_no_conflicting_facts():
    profile = all_practices_profile(LIBRARY)
    document = assemble(profile, LIBRARY)
    assert len(document.facts) > 100
    assert contradictions(document.facts, LIBRARY.laws(profile.regimes), LIBRARY.vocabulary) == []
    assert not [p for p in check(profile, LIBRARY, document) if p.code.startswith("contradiction")]


@pytest.mark.parametrize("practice_id", PRACTICES)
def test_no_practice_contradicts_itself(practice_id):
    problems = check(profile_with({practice_id: {}}), LIBRARY)
    assert [p.message for p in problems if p.code in ("contradiction-opposite", "contradiction-limited-recipient")] == []


@pytest.mark.parametrize("group", sorted({p.group for p in LIBRARY.practices.values() if p.group}))
def test_the_facts_alone_refuse_two_practices_of_one_exclusive_group(group):
    members = sorted(p.id for p in LIBRARY.practices.values() if p.group == group)
    document = assemble(profile_with({m: {} for m in members}), LIBRARY)
    assert contradictions(document.facts, list(LIBRARY.regimes.values()), LIBRARY.vocabulary)
