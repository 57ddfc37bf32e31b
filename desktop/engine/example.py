"""The example profile: a small US company, with the practices the library marks as typical."""

import datetime as dt

from desktop.engine.library import Library
from desktop.engine.profile import Company, Profile, Service, Terms


def example_profile(library: Library, today: dt.date | None = None) -> Profile:
    today = today or dt.date.today()
    return Profile(
        company=Company(
            legal_name="Acme Audio, Inc.",
            short_name="Acme",
            website="acme-audio.example",
            contact_email="privacy@acme-audio.example",
            postal_address="100 Main Street, Springfield, IL 62701",
            phone="+1 555 0100",
            country="United States",
            region="Illinois",
        ),
        service=Service(name="Acme Studio", kind="online music platform"),
        terms=Terms(service="Platform", personal_information="personal information"),
        practices={p.id: {} for p in library.practices.values() if p.primary.example},
        regimes=["caloppa"],
        effective_date=today.isoformat(),
    )


def all_practices(library: Library) -> dict[str, dict]:
    """As many practices as can be picked together: typical ones first, one per exclusive group."""
    ordered = sorted(library.practices.values(), key=lambda p: (not p.primary.example, p.id))
    chosen: dict[str, dict] = {}
    groups: set[str] = set()
    for practice in ordered:
        clashes = any(other in chosen for other in practice.primary.excludes) or any(
            practice.id in library.practices[other].primary.excludes for other in chosen)
        if clashes or (practice.group and practice.group in groups):
            continue
        chosen[practice.id] = {}
        if practice.group:
            groups.add(practice.group)
    return _with_needs_met(library, chosen)


def _with_needs_met(library: Library, chosen: dict[str, dict]) -> dict[str, dict]:
    """Drop practices whose needed practices were left out, until every need is met."""
    while unmet := [p for p in chosen if any(n not in chosen for n in library.practices[p].primary.requires_practices)]:
        for practice_id in unmet:
            chosen.pop(practice_id)
    return chosen
