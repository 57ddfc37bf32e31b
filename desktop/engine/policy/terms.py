"""Defined terms: the labels the profile chose, their articles, plurals and first-use definitions."""

from desktop.engine.library.model import DefinedTerm, Library
from desktop.engine.policy.document import Run
from desktop.engine.profile.profile import Profile

_SPELLING = {"web site": "website", "web-site": "website", "e-mail": "email"}
OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"


def normalise_label(label: str) -> str:
    """Tidy a user-chosen term: spacing, house spellings, capital first letter."""
    words = " ".join(label.split())
    for rival, house in _SPELLING.items():
        words = words.lower().replace(rival, house) if rival in words.lower() else words
    return words[:1].upper() + words[1:]


def plural_of(label: str) -> str:
    if label.lower().endswith(("s", "x", "ch", "sh")):
        return label if label.lower().endswith("s") else label + "es"
    if label.endswith("y") and label[-2:-1].lower() not in "aeiou":
        return label[:-1] + "ies"
    return label + "s"


def resolved_terms(library: Library, profile: Profile) -> dict[str, DefinedTerm]:
    """The library's terms with the labels this profile chose."""
    terms = dict(library.terms)
    service_label = normalise_label(profile.terms.service or "Service")
    service = terms["service"]
    terms["service"] = DefinedTerm("service", service_label, plural_of(service_label),
                                   service.introduce or "{{service.name}}", "")
    chosen = " ".join((profile.terms.personal_information or "personal information").split()).lower()
    information = terms["personal information"]
    gloss = information.gloss if information.gloss != "personal information" else ""
    terms["personal information"] = DefinedTerm("personal information", chosen, chosen, "", gloss)
    return terms


def with_article(article: str | None, label: str) -> str:
    if article == "a":
        return ("an " if label[:1].lower() in "aeiou" else "a ") + label
    return f"{article} {label}" if article else label


def definition_runs(term: DefinedTerm, label: str, introduced: list[Run]) -> list[Run]:
    """The runs that define a term at its first use, after its introducing phrase."""
    if term.introduce:
        return introduced + [Run(f" (the {OPEN_QUOTE}"), Run(label, bold=True), Run(f"{CLOSE_QUOTE})")]
    return introduced + ([Run(f" ({term.gloss})")] if term.gloss else [])


def company_runs(legal_name: str, short_name: str) -> list[Run]:
    """“Acme Audio, Inc. (“Acme”, “we”, “us” or “our”)” — the company's one introduction."""
    names = ([short_name] if short_name and short_name != legal_name else []) + ["we", "us"]
    runs = [Run(legal_name), Run(" (")]
    for index, name in enumerate(names):
        runs += [Run(OPEN_QUOTE), Run(name, bold=True), Run(CLOSE_QUOTE + ", " if index < len(names) - 1 else CLOSE_QUOTE)]
    return runs + [Run(f" or {OPEN_QUOTE}"), Run("our", bold=True), Run(f"{CLOSE_QUOTE})")]
