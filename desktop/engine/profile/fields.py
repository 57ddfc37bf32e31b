"""The profile's fields, declared once: key, labels, help, whether a policy needs it, the advice
shown when it is missing, and how a value is checked.

Tokens (`{{company.phone}}`), gaps, the checks and the company form all read these declarations;
adding a field is one entry here (its value is stored in the profile like any other).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.engine.language.validate import is_email, is_web_address
from desktop.engine.reference.countries import country_names, country_problem, in_group
from desktop.engine.reference.regimes import Regime

LINE, COMBO, CHOICE, DATE = "line", "combo", "choice", "date"


def _email_problem(value: str) -> str | None:
    return None if is_email(value) else f"{value!r} is not an email address."


def _web_problem(value: str) -> str | None:
    return None if is_web_address(value) else f"{value!r} is not a web address such as example.com."


@dataclass(frozen=True)
class ProfileField:
    key: str  # "company.phone": group and attribute in the profile, and its token
    label: str  # in messages and gaps: "Phone number"
    form_label: str  # beside the field, with its mnemonic: "Ph&one"
    group: str  # the form's box: "Company", "Contact", "What the policy covers"
    placeholder: str = ""
    help: str = ""
    kind: str = LINE
    choices: tuple[str, ...] = ()
    required: bool = False
    advice: str = ""  # shown when a required (or needed) field is empty
    problem: Callable[[str], str | None] | None = None  # why a non-empty value is wrong
    doubt: Callable[[str], str | None] | None = None  # why a non-empty value may be wrong (a warning)
    token: bool = True  # clauses may write {{key}}
    # Why the policy never prints the value (it only decides which wording is used); the form says so.
    # Every other field is printed by some clause (tests/test_fields_used.py checks both ways).
    not_printed: str = ""

    def __post_init__(self):
        if self.required and not self.advice:
            raise ValueError(f"field {self.key} is required, so it needs the advice shown when it is empty")


_GDPR = "Europe and the UK (GDPR)"
_UK = "The UK (UK GDPR)"
_CANADA = "Canada and Quebec"

PROFILE_FIELDS: list[ProfileField] = [
    ProfileField("company.legal_name", "Company legal name", "&Legal name", "Company", "Acme Audio, Inc.",
                 required=True, advice="Enter the company's full legal name."),
    ProfileField("company.short_name", "Company short name", "&Short name", "Company", "Acme",
                 help="Used after the first mention. Leave empty to use the legal name."),
    ProfileField("company.country", "Country", "&Country", "Company", "United States", kind=COMBO, choices=country_names(),
                 help="Sets the date style and the paper size of the Word file.", doubt=country_problem),
    ProfileField("company.region", "State or region", "State or re&gion", "Company", "Illinois"),
    ProfileField("company.contact_email", "Contact email", "Privacy e&mail", "Contact", "privacy@example.com",
                 required=True, advice="Enter an email address where people can reach you about privacy.",
                 problem=_email_problem),
    ProfileField("company.website", "Website address", "&Website", "Contact", "example.com", problem=_web_problem),
    ProfileField("company.postal_address", "Postal address", "&Postal address", "Contact",
                 "100 Main Street, Springfield, IL 62701"),
    ProfileField("company.phone", "Phone number", "Ph&one", "Contact", "+1 555 0100", help="Optional."),
    ProfileField("service.name", "Service name", "Service &name", "What the policy covers", "Acme Studio",
                 required=True, advice="Enter the name of the website, app or service this policy covers."),
    ProfileField("service.kind", "Kind of service", "&Kind", "What the policy covers", "website", kind=COMBO,
                 choices=("website", "app", "online platform", "online store", "software", "online music platform")),
    ProfileField("terms.service", "Word for the service", "Call it &the", "What the policy covers", "Site", kind=COMBO,
                 choices=("Site", "Website", "Platform", "App", "Service", "Store"),
                 help="The word the policy uses for it, as in “the Platform”.", token=False),
    ProfileField("terms.personal_information", "Word for personal information", "Call their data", "What the policy covers",
                 kind=CHOICE, choices=("personal information", "personal data"),
                 help="“Personal data” is the usual term in Europe.", token=False),
    ProfileField("effective_date", "Effective date", "&Effective date", "What the policy covers", kind=DATE),
    ProfileField("company.eu_representative", "EU representative", "&Representative", _GDPR,
                 "EU Rep Ltd, 1 Quay Street, Dublin, rep@eurep.example",
                 help="GDPR Article 27: needed if you are based outside the EU and serve people there. "
                      "Their name, postal address and email.",
                 advice="You are based outside the EU and the policy covers the GDPR: name your "
                        "representative in the EU (GDPR Article 27), unless you deal with people there "
                        "only now and then and never with sensitive data on a large scale. If so, mark it "
                        "not required in the Compliance tab, with your reason."),
    ProfileField("company.uk_representative", "UK representative", "UK re&presentative", _UK,
                 "UK Rep Ltd, 1 Temple Way, Bristol BS1 6AA, rep@ukrep.example",
                 help="UK GDPR Article 27: needed if you are based outside the UK and serve people there. "
                      "Their name, postal address and email.",
                 advice="You are based outside the UK and the policy covers the UK GDPR: name your representative "
                        "in the UK (UK GDPR Article 27), unless you deal with people there only now and then and "
                        "never with sensitive data on a large scale. If so, mark it not required in the Compliance "
                        "tab, with your reason."),
    ProfileField("company.privacy_officer", "Person in charge of privacy", "Person in c&harge", _CANADA,
                 "Privacy Officer, Marie Tremblay",
                 help="Canada (PIPEDA principle 4.1) and Quebec (Law 25, s. 3.1): the person accountable for "
                      "personal information, by title and, if you like, name. In a small business, often the owner.",
                 advice="Canadian and Quebec law ask the policy to name the person in charge of privacy: give "
                        "their title (and name, if you like)."),
    ProfileField("company.privacy_officer_contact", "Contact of the person in charge of privacy", "Their con&tact",
                 _CANADA, "privacy@example.ca, 100 rue Principale, Montréal QC H2X 1Y4",
                 help="How to reach the person in charge of privacy: an email address and a postal address.",
                 advice="Canadian and Quebec law ask for the contact details (an address) of the person in charge "
                        "of privacy: give an email and a postal address."),
    ProfileField("company.dpo_required", "Data protection officer required", "DPO re&quired", _GDPR,
                 kind=CHOICE, choices=("no", "yes"),
                 help="GDPR Article 37: yes if you are a public body, or if your core work is monitoring people "
                      "regularly on a large scale, or handling sensitive data on a large scale.",
                 not_printed="Not printed in the policy: it decides whether the policy says you need no data protection officer."),
    ProfileField("company.dpo_contact", "Data protection officer", "&DPO contact", _GDPR, "dpo@example.com",
                 help="How to reach your data protection officer: an email address, and a name or title.",
                 advice="You said the law requires a data protection officer: give their contact details "
                        "(GDPR Articles 13 and 37)."),
]


def fields_by_key() -> dict[str, ProfileField]:
    return {f.key: f for f in PROFILE_FIELDS}


def field(key: str) -> ProfileField | None:
    return fields_by_key().get(key)


def token_fields() -> frozenset[str]:
    return frozenset(f.key for f in PROFILE_FIELDS if f.token)


def required_fields() -> tuple[str, ...]:
    return tuple(f.key for f in PROFILE_FIELDS if f.required)


def label(key: str) -> str:
    found = field(key)
    return found.label if found else key


def form_groups() -> list[tuple[str, list[ProfileField]]]:
    """The form's boxes in order of first appearance, each with its fields in declared order."""
    groups: dict[str, list[ProfileField]] = {}
    for item in PROFILE_FIELDS:
        groups.setdefault(item.group, []).append(item)
    return list(groups.items())


def needed_fields(profile, laws: Iterable[Regime]) -> dict[str, Regime]:
    """Field key -> the first of the `laws` the profile covers that needs it (`needs` in regimes.toml)
    while its condition holds, unless the owner recorded that its requirement does not apply to them."""
    needed: dict[str, Regime] = {}
    for law in laws:
        if law.id in profile.regimes:
            for need in law.needs:
                if need_holds(profile, need):
                    needed.setdefault(need.field, law)
    return needed


def need_holds(profile, need) -> bool:
    """Does the profile need this field now: its condition holds, and its requirement is not marked not required?"""
    if need.requirement and need.requirement in profile.not_required:
        return False
    return need.when is None or need.when.holds(lambda name: _condition_value(profile, name))


def _condition_value(profile, name: str) -> object:
    """A profile value a law's condition asks about; company.country.GROUP: the country is in that group."""
    if name.startswith("company.country."):
        return in_group(profile.field_value("company.country"), name.removeprefix("company.country."))
    return profile.field_value(name).strip()


def needed_advice(key: str, law: Regime) -> str:
    """What to say when a field a law needs is empty: the field's own advice, or a plain default."""
    found = field(key)
    if found is not None and found.advice:
        return found.advice
    return f"{law.title} needs the {label(key).lower()}: fill it in."
