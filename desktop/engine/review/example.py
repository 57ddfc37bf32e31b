"""The example profile: a small US company, built from its answers to the interview, so the laws
it covers and the practices it picks follow from what it says it does."""

import datetime as dt
from collections import Counter

from desktop.engine.interview.interview import new_profile
from desktop.engine.library.model import Library
from desktop.engine.profile.profile import Profile

# Acme Audio: an online music platform in Illinois with accounts, paid plans, analytics and
# a newsletter; Californians use it, but it is under every CCPA threshold and has no users in Europe.
EXAMPLE_ANSWERS = {
    "company_name": "Acme Audio, Inc.", "service_name": "Acme Studio", "service_kind": "platform",
    "website": "acme-audio.example", "contact_email": "privacy@acme-audio.example",
    "has_accounts": True, "takes_payments": True, "payment_processor": "Example Payments", "contact_messages": True, "uploads": False,
    "analytics": True, "ad_network": False, "personalised": True, "social_buttons": False, "newsletter": True, "forums": False,
    "user_places": [], "california_users": True, "dnt": "nothing different",
    "revenue_over_25m": False, "californians_100k": False, "half_revenue_from_data": False,
    "children": "general audience", "teens": False, "sells_data": False, "shares_for_ads": False,
    "security_steps": ["encryption (TLS) for everything sent to and from us", "firewalls around our systems", "regular backups",
                       "access only for staff who need it, and who must keep it private", "strong passwords on all our systems"],
}
# What no question asks: the rest of the company's details.
EXAMPLE_DETAILS = {
    "company.short_name": "Acme", "company.postal_address": "100 Main Street, Springfield, IL 62701",
    "company.phone": "+1 555 0100", "company.country": "United States", "company.region": "Illinois",
    "service.kind": "online music platform",
}


# How long the example company keeps things, as its owner answers the interview's questions: a period
# is the owner's to state, never a default. The all-practices profile (no answers) takes the same periods.
EXAMPLE_KEEP = {
    "keep_accounts": "until 30 days after you close your account",
    "keep_billing": "for as long as tax law requires, usually 3 years",
    "keep_logs": "for 12 months",
    "keep_support": "until 2 years after we close your request",
    "keep_other": [
        "Your name, email address, user name, phone number and postal address: as long as your account is open, "
        "then for 30 days",
        "Your approximate location: for 12 months",
        "Device identifiers and cookie identifiers: for 12 months",
        "Your settings and preferences: until you change them or close your account",
        "Interests we infer: for 12 months, or until you opt out",
    ],
}
EXAMPLE_ANSWERS.update(EXAMPLE_KEEP)
# The all-practices profile also keeps what only its extra practices collect (a period for information the policy
# never says it collects is a warning, so the example company does not give these).
EXAMPLE_RETENTION = {"retention.criteria": {
    "account_period": EXAMPLE_KEEP["keep_accounts"], "payment_period": EXAMPLE_KEEP["keep_billing"],
    "logs_period": EXAMPLE_KEEP["keep_logs"], "support_period": EXAMPLE_KEEP["keep_support"],
    "more_periods": EXAMPLE_KEEP["keep_other"] + [
        "Your profile details, and content you create or upload, such as photos: until you delete them or close your account",
        "The address of your social network profile, and what you have liked there: until you close your account",
        "A parent's email address: until the parent answers, or for 30 days at most",
    ],
}}


def example_profile(library: Library, today: dt.date | None = None) -> Profile:
    profile = new_profile(EXAMPLE_ANSWERS, library, today or dt.date.today())
    for key, value in EXAMPLE_DETAILS.items():
        profile.set_field(key, value)
    return profile


# Practices about a feature the company must name: their name options are empty until filled in,
# so the all-practices profile names them (the example company's own would do the same).
NAMED_FEATURES = {
    "collect.telemetry": {"software": "our desktop program"},
    "signin.other": {"provider": "Example ID"},
    "rights.directory_removal": {"directory": "our member directory"},
    "contact.escalation": {"provider": "Example Mediation"},
    "california.request_methods": {"toll_free": "+1 800 555 0100"},
    "california.financial_incentive": {"value": "about $5 a year"},
    "california.opt_out": {"url": "https://acme-audio.example/do-not-sell"},
}
# What the all-practices company states that the law then needs said: where people give and change
# their cookie choices (it asks consent for cookies under the GDPR), the basis of what it does
# that has no usual one, and the company that takes card payments for it.
ALL_PRACTICES_STATE = {
    "cookies.about": {"settings_tool": "the Cookie settings link at the foot of every page"},
    "collect.orders": {"processor": "Example Payments"},  # card numbers then stay with it
    "legal_bases.overview": {"bases": ["Drawing conclusions about you: consent"]},
}
# What the all-practices company asks about its customers' hearing, as its owner would state it.
SENSITIVE = {"kinds": ["health information"], "items": ["the results of a hearing test you choose to take with us"],
             "purpose": "to tune the sound to your hearing", "who_sees": "our sound engineers",
             "period": "until you delete your hearing profile", "basis": "your explicit consent"}


def all_practices(library: Library) -> dict[str, dict]:
    """As many practices as can be picked together, with every law covered and every feature
    named: typical ones first, one per exclusive group, then unticking what the checks find
    contradictory until none is."""
    key = id(library)
    if key not in _ALL_PRACTICES or _ALL_PRACTICES[key][0] is not library:
        _ALL_PRACTICES[key] = (library, _compatible(library))
    return {practice_id: _named(practice_id) for practice_id in _ALL_PRACTICES[key][1]}


def _named(practice_id: str) -> dict:
    sensitive = SENSITIVE if practice_id == "collect.sensitive" else {}
    return {**NAMED_FEATURES.get(practice_id, {}), **EXAMPLE_RETENTION.get(practice_id, {}), **ALL_PRACTICES_STATE.get(practice_id, {}),
            **sensitive}


_ALL_PRACTICES: dict[int, tuple[Library, list[str]]] = {}  # worked out once per library: it assembles a few times


def _compatible(library: Library) -> list[str]:
    """Typical practices first, one per exclusive group; untick what clashes; then tick back, one
    at a time, each left-out practice that the checks accept."""
    from desktop.engine.review.checks import check  # checks assembles; the example profile alone needs neither

    ordered = sorted(library.practices.values(), key=lambda p: (not p.primary.example, p.id))
    rank = {p.id: index for index, p in enumerate(ordered)}
    profile = example_profile(library, dt.date(2026, 1, 1))
    profile.regimes = list(library.regimes)
    profile.answers = {}  # every practice the library has, whatever the example answered

    def clashes(chosen: dict) -> list:
        profile.practices = _with_needs_met(library, chosen)
        return [p for p in check(profile, library) if p.code.startswith("contradiction") or p.code in ("conflict", "exclusive-group")]

    chosen: dict[str, dict] = {}
    groups: set[str] = set()
    for practice in ordered:
        if not (practice.group and practice.group in groups):
            chosen[practice.id] = _named(practice.id)
            groups.add(practice.group or "")
    while clashing := clashes(chosen):  # untick the practice in the most clashes (the less typical on a tie)
        count = Counter(place.id for problem in clashing for place in (problem.place, *problem.also))
        chosen.pop(max(count, key=lambda practice_id: (count[practice_id], rank.get(practice_id, len(rank)))))
    for practice in ordered:
        if practice.id not in chosen and not clashes({**chosen, practice.id: _named(practice.id)}):
            chosen[practice.id] = _named(practice.id)
    return list(_with_needs_met(library, chosen))


def _with_needs_met(library: Library, chosen: dict[str, dict]) -> dict[str, dict]:
    """Drop practices whose needed practices were left out, until every need is met."""
    chosen = dict(chosen)
    while unmet := [p for p in chosen if any(n not in chosen for n in library.needs(p))]:
        for practice_id in unmet:
            chosen.pop(practice_id)
    return chosen


def all_practices_profile(library: Library, today: dt.date | None = None) -> Profile:
    """The example company with every practice that can go together and every law: the largest
    policy `check` accepts. Its interview answers are dropped, since they no longer describe it.
    Covering the GDPR and the UK GDPR from the United States, it names its representatives in the EU and
    the UK, and for Canada the person in charge of privacy."""
    profile = example_profile(library, today)
    profile.practices, profile.regimes, profile.answers = all_practices(library), list(library.regimes), {}
    profile.set_field("company.eu_representative", "Acme EU Representative Ltd, 1 Quay Street, Dublin 2, Ireland, "
                                                   "eu-rep@acme-audio.example")
    profile.set_field("company.uk_representative", "Acme UK Representative Ltd, 1 Temple Way, Bristol BS1 6AA, "
                                                   "uk-rep@acme-audio.example")
    profile.set_field("company.privacy_officer", "Privacy Officer")
    profile.set_field("company.privacy_officer_contact", "privacy@acme-audio.example, 100 Main Street, Springfield, IL 62701")
    return profile
