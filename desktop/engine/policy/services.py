"""The services a company uses (`profile.services`), read against the catalogue, and what they add.

A picked service states its facts as a clause does: each is a `StatedFact` whose clause id is
`service:ID`, so the checks, the laws' lists, the contradictions and the retention schedule see
them. In its facts SERVICE is the service's recipient category (`service_providers.payments`),
so the law lists describe it as the category it falls in; the lists that name the services
(`{{facts:services}}`, `{{facts:services_collecting}}`, `{{facts:services_abroad}}`) read the
picked services themselves. An "another service" the owner describes (`custom.<slug>`) becomes an
entry like a catalogue one, with the facts its answers imply.
"""

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.engine.facts.grammar import parse_fact
from desktop.engine.facts.model import CROSS_CONTEXT, Fact, FactError, StatedFact
from desktop.engine.facts.tables import SERVICE_LISTS
from desktop.engine.language.words import join_words
from desktop.engine.library.model import Library
from desktop.engine.library.services import KINDS, ServiceEntry
from desktop.engine.policy.place import STATED_BY
from desktop.engine.profile.profile import Profile
from desktop.engine.profile.services import CUSTOM_SERVICE_PREFIX
from desktop.engine.reference.countries import find_country
from desktop.engine.reference.vocabulary import Vocabulary

NAMED_SERVICES = "share.named_services"  # the practice whose clause names each service in its category
# The recipient category of an "another service", by whether it works only for us, then its kind.
_CUSTOM_RECIPIENTS = {
    False: {"payments": "service_providers.payments", "email": "service_providers.email",
            "hosting": "service_providers.hosting", "support": "service_providers.support",
            "messaging": "service_providers.support", "analytics": "service_providers.analytics"},
    True: {"analytics": "third_parties.analytics", "ads": "third_parties.ad_networks", "embeds": "third_parties.embeds"},
}


@dataclass(frozen=True)
class PickedService:
    entry: ServiceEntry
    settings: dict

    def facts(self) -> list[Fact]:
        """Its facts for the way it is set up; the setting conditions are settled here."""
        return [replace(fact, condition=None) for fact in self.entry.facts_for(self.settings)]


def services_from_profile(profile: Profile, library: Library) -> list[PickedService]:
    """The profile's services the catalogue knows or the owner described, in the catalogue's order
    (kind, then name); an unknown id is left out (`service_problems` names it)."""
    picked = []
    for service_id, settings in profile.services.items():
        if service_id.startswith(CUSTOM_SERVICE_PREFIX):
            entry = custom_entry(service_id, settings.get("entry", {}), library.vocabulary)
        else:
            entry = library.services.get(service_id)
        if entry is not None:
            picked.append(PickedService(entry, {k: v for k, v in settings.items() if k != "entry"}))
    return sorted(picked, key=lambda p: (KINDS.index(p.entry.kind), p.entry.name.casefold(), p.entry.id))


def service_problems(profile: Profile, library: Library) -> list[tuple[str, str]]:
    """(service id, what is wrong) for each picked service the policy cannot use as given."""
    problems = []
    for service_id, settings in profile.services.items():
        if service_id.startswith(CUSTOM_SERVICE_PREFIX):
            entry = settings.get("entry", {})
            if entry.get("kind") not in KINDS:
                problems.append((service_id, f"its kind {entry.get('kind')!r} is not one of {', '.join(KINDS)}"))
            unknown = [d for d in entry.get("data", []) if d not in library.vocabulary.categories]
            problems += [(service_id, f"{d!r} is not a kind of information Policywright knows") for d in unknown]
        elif service_id not in library.services:
            problems.append((service_id, "is not in the service catalogue (a library that had it may be missing)"))
    return problems


def custom_entry(service_id: str, entry: dict, vocabulary: Vocabulary) -> ServiceEntry | None:
    """The entry an owner's description makes: the same facts a catalogue entry of that kind and role
    would state about the information it gets. None when its kind is unknown."""
    kind, own = entry.get("kind"), bool(entry.get("own_purposes"))
    if kind not in KINDS:
        return None
    base = "third_parties" if own else "service_providers"
    recipient = _CUSTOM_RECIPIENTS[own].get(kind, base)
    data = ", ".join(d for d in entry.get("data", []) if d in vocabulary.categories) or "personal"
    texts = [f"shares {data} with {recipient}"]
    texts += [f"lets {recipient} collect {data}"] if own else [f"limits {recipient} to our purposes"]
    texts += [f"shares {data} with {recipient} for {CROSS_CONTEXT}"] if kind == "ads" else []
    try:
        facts = tuple(replace(parse_fact(text, vocabulary), source=text) for text in texts)
    except FactError:
        return None  # a vocabulary without the recipient: the library's faults say so
    return ServiceEntry(
        id=service_id, name=entry.get("name", "").strip(), kind=kind, provider=entry.get("provider", ""),
        country=entry.get("country", ""), role="own_purposes" if own else "for_us", recipient=recipient,
        privacy_policy=entry.get("privacy_policy", ""), checked_on=dt.date.min, sources=(),
        summary="A service you described.", path=Path(), facts=facts)


def service_facts(picked: list[PickedService]) -> list[StatedFact]:
    """What the picked services state, as the policy's statements."""
    return [StatedFact(STATED_BY + p.entry.id, STATED_BY + p.entry.id, fact, by=p.entry.name or p.entry.id)
            for p in picked for fact in p.facts()]


# The kind of cookie that needs consent (ePrivacy Directive Art. 5(3)) and the use it serves. Where the
# policy asks consent before setting such cookies, a picked service that sets one makes that use rest on
# consent (GDPR Art. 6(1)(a)), not on a legitimate interest the visitor could only object to.
_CONSENT_COOKIES = {"analytics": "analytics"}


def cookie_consent_facts(picked: list[PickedService], stated: list[StatedFact], vocabulary: Vocabulary) -> list[StatedFact]:
    """`asks consent to use identifiers.cookie for P`, stated by each picked service whose cookies need
    consent for use P, when the policy says it asks consent for cookies."""
    if not any(s.fact.verb == "cookie consent" and s.fact.positive for s in stated):
        return []
    found = []
    for p in picked:
        kinds = {cookie.category for cookie in p.entry.cookies_for(p.settings)}
        for kind, purpose in _CONSENT_COOKIES.items():
            text = f"asks consent to use identifiers.cookie for {purpose}"
            if kind in kinds and purpose in vocabulary.purposes:
                fact = replace(parse_fact(text, vocabulary), source=text)
                found.append(StatedFact(STATED_BY + p.entry.id, STATED_BY + p.entry.id, fact, by=p.entry.name or p.entry.id))
    return found


# --- The lists that name them ----------------------------------------------------------------


EMBEDS = "third_parties.embeds"  # the recipient a video, map or post service is


class ServiceLists:
    """The `{{facts:NAME}}` lists of SERVICE_LISTS, worked out from the picked services."""

    def __init__(self, picked: list[PickedService], vocabulary: Vocabulary, company_country: str):
        self.picked, self.vocabulary = picked, vocabulary
        home = find_country(company_country)
        self.home = home.name if home else company_country.strip()

    def get(self, name: str) -> list[str]:
        return {"services": self._by_recipient, "services_collecting": self._collecting,
                "services_abroad": self._abroad, "services_embeds": self._embeds,
                "services_advertising": self._advertising}[name]() if name in SERVICE_LISTS else []

    def _by_recipient(self) -> list[str]:
        """"Payment processors: Stripe (its privacy policy: https://…)", in vocabulary order. These are
        all the services the owner picked, so the list names them all, never "such as"."""
        groups: dict[str, list[str]] = {}
        for picked in self.picked:
            groups.setdefault(picked.entry.recipient, []).append(_named(picked.entry))
        order = list(self.vocabulary.recipients)
        ordered = sorted(groups, key=lambda r: order.index(r) if r in order else len(order))
        return [f"{self.vocabulary.title(r, 'recipient')}: {join_words(groups[r])}" for r in ordered]

    def _embeds(self) -> list[str]:
        """"YouTube": the services whose videos, maps or posts the service shows, by name."""
        return [p.entry.name for p in self.picked if p.entry.recipient == EMBEDS and p.entry.name]

    def _collecting(self) -> list[str]:
        """The companies that may collect information through the service for their own use, or get
        it for ads on other websites."""
        return [f"{p.entry.provider}, through {p.entry.name} ({_policy(p.entry)})" if p.entry.provider
                else _named(p.entry) for p in self.picked if collects_for_itself(p)]

    def _advertising(self) -> list[str]:
        """The companies, each with the tool of theirs we use, that get information through the service for
        targeted advertising: "Meta Platforms, Inc. (Meta Pixel)"."""
        return [f"{p.entry.provider} ({p.entry.name})" if p.entry.provider else p.entry.name
                for p in self.picked if any(f.positive and f.purpose == CROSS_CONTEXT for f in p.facts())]

    def _abroad(self) -> list[str]:
        """Each service based in another country than ours: where, and what protects the information;
        none while our country is not given (the check asks for it)."""
        if not self.home:
            return []
        items = []
        for picked in self.picked:
            entry = picked.entry
            country = find_country(entry.country)
            where = country.name if country else entry.country.strip()
            if not where or where == self.home:
                continue
            how = f"; safeguard: {entry.transfer}" if entry.transfer else ""
            items.append(f"{entry.name} ({entry.provider or entry.name}), in {_with_article(where)}{how}")
        return items


def collects_for_itself(picked: PickedService) -> bool:
    """The service lets its provider collect through ours, or gets information for ads elsewhere."""
    return any(f.positive and (f.verb == "lets collect" or f.purpose == CROSS_CONTEXT) for f in picked.facts())


def _named(entry: ServiceEntry) -> str:
    return f"{entry.name} ({_policy(entry)})" if entry.privacy_policy else entry.name


def _policy(entry: ServiceEntry) -> str:
    return f"its privacy policy: {entry.privacy_policy}" if entry.privacy_policy else "its own privacy policy"


def _with_article(country: str) -> str:
    """"the United States", "the United Kingdom", "Ireland"."""
    plural = country.startswith(("United ", "Netherlands", "Philippines", "Czech Republic"))
    return f"the {country}" if plural else country
