"""Consent to cookies, from the services picked: where a chosen law asks for it (its `cookie-consent`
rule in regimes.toml) and a picked service sets a cookie that is not necessary, the policy must say
how visitors give and change their choices (a banner, a cookie settings link); and every line the
owner wrote about the company's own cookies must read as one.

The facts' own cookie-consent rule (facts/rules.py) judges a clause that says it asks consent;
this one judges what the services do, whatever the clauses say."""

from desktop.engine.library.model import Library
from desktop.engine.policy.cookies import NON_ESSENTIAL, OWN_COOKIES, OWN_EXAMPLE, CookieRow, own_cookie_rows, service_cookie_rows
from desktop.engine.policy.document import Document
from desktop.engine.policy.place import Place, practice_place
from desktop.engine.profile.profile import Profile

RULE = "cookie-consent"
CHOICES = ("cookies.about", "settings_tool")  # the practice and option where the owner says how consent is asked


def cookie_problems(profile: Profile, library: Library, document: Document) -> list[tuple[str, str, Place]]:
    """(code, message, place) for each service whose cookies need a consent the policy does not say
    how it is asked, and for each of the owner's cookie lines that cannot be read."""
    return _consent_problems(profile, library, document) + _unreadable(profile, library)


def _consent_problems(profile: Profile, library: Library, document: Document) -> list[tuple[str, str, Place]]:
    asking = [library.regimes[r] for r in profile.regimes if r in library.regimes and RULE in library.regimes[r].rules]
    if not asking or any(s.fact.verb == "cookie choices" and s.fact.positive for s in document.facts):
        return []
    by_service: dict[str, list[CookieRow]] = {}
    for row in service_cookie_rows(profile, library):
        if row.category in NON_ESSENTIAL:
            by_service.setdefault(row.set_by, []).append(row)
    laws = " and ".join(law.name for law in asking)
    found = []
    for service, rows in by_service.items():
        cookies = ", ".join(f"{row.name} ({row.category})" for row in rows)
        message = (f"{service} sets {cookies}, {'cookies that are' if len(rows) > 1 else 'a cookie that is'} not necessary: {laws} "
                   f"{'ask' if len(asking) > 1 else 'asks'} for consent first, and the policy does not say how visitors "
                   f"give it. {_fix_hint(library)}")
        found.append((RULE, message, practice_place(*CHOICES)))
    return found


def consent_reminders(profile: Profile, library: Library) -> list[tuple[str, Place]]:
    """Where the owner says visitors agree before cookies that are not needed are set, a reminder naming the
    services whose cookies their cookie tool must hold back until then: the policy now promises it."""
    practice_id, option = CHOICES
    if not str(profile.practices.get(practice_id, {}).get(option, "")).strip():
        return []
    held: dict[str, list[str]] = {}
    for row in service_cookie_rows(profile, library):
        if row.category in NON_ESSENTIAL:
            held.setdefault(row.set_by, []).append(row.name)
    if not held:
        return []
    services = "; ".join(f"{name} ({', '.join(cookies)})" for name, cookies in held.items())
    return [(f"The policy says visitors agree before cookies that are not needed are set: make sure your cookie tool "
             f"holds these back until they do (for a video, show it only once they agree, or use the service's "
             f"privacy-enhanced mode): {services}.", practice_place(*CHOICES))]


def _fix_hint(library: Library) -> str:
    practice_id, option = CHOICES
    practice = library.practices.get(practice_id)
    if practice is None or option not in practice.options:
        return "Add a clause that says where visitors give and change their cookie choices."
    return (f"Say where they give and change their choices (a cookie banner, or a Cookie settings link at the foot of "
            f"each page) in “{practice.options[option].title}” of “{practice.title}”, or answer the interview's "
            "question on cookie choices.")


def _unreadable(profile: Profile, library: Library) -> list[tuple[str, str, Place]]:
    practice_id, option = OWN_COOKIES
    practice = library.practices.get(practice_id)
    title = practice.options[option].title if practice and option in practice.options else option
    return [("unreadable-cookie", f"“{line}” in “{title}” is not a cookie Policywright can list: write it as "
             f"“{OWN_EXAMPLE}” (the kind is necessary, preferences, analytics or marketing).", practice_place(*OWN_COOKIES))
            for line in own_cookie_rows(profile)[1]]
