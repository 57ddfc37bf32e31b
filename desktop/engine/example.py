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
