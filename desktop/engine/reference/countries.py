"""The countries, declared once in `snippets/countries.toml`: ISO code, name, the other names people
write, membership of the EU, the EEA and the UK, date style and paper size.

This is the one home for "is this country in the EU", "is it the US", its date style and its paper
size. A name it does not know is not refused (the policy prints what the user wrote), only flagged,
so a typo that would set the wrong date style or miss a law is seen; it gets the default date
style and paper.
"""

import functools
from dataclasses import dataclass

from desktop.engine.files.reading import LIBRARY_FILE_BYTES, read_text
from desktop.engine.files.toml_text import parse_toml
from desktop.paths import bundled_dir

FILE_NAME = "countries.toml"
MONTH_FIRST, DAY_FIRST = "month-first", "day-first"
LETTER, A4 = "letter", "a4"
US = "US"


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2: "CA"
    name: str  # the usual English short name: "Canada"
    aliases: tuple[str, ...]
    groups: frozenset[str]  # "eu", "eea", "uk"
    date: str  # MONTH_FIRST or DAY_FIRST
    paper: str  # LETTER or A4


@dataclass(frozen=True)
class Countries:
    declared: tuple[Country, ...]
    defaults: Country  # the date style and paper of a country the file does not know

    @functools.cached_property
    def by_name(self) -> dict[str, Country]:
        return {_key(name): c for c in self.declared for name in (c.name, *c.aliases)}


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def parse_countries(data: dict) -> Countries:
    defaults = data.get("defaults", {})
    base = Country("", "", (), frozenset(), defaults.get("date", DAY_FIRST), defaults.get("paper", A4))
    declared = tuple(Country(item["code"], item["name"], tuple(item.get("aliases", ())), frozenset(item.get("groups", ())),
                             item.get("date", base.date), item.get("paper", base.paper)) for item in data["country"])
    return Countries(declared, base)


@functools.cache
def countries() -> Countries:
    return parse_countries(parse_toml(read_text(bundled_dir("snippets") / FILE_NAME, LIBRARY_FILE_BYTES)))


def country_names() -> tuple[str, ...]:
    """The names the company form suggests (aliases are known but not suggested)."""
    return tuple(c.name for c in countries().declared)


def find_country(name: str) -> Country | None:
    return countries().by_name.get(_key(name))


def same_country(name: str, other: str) -> bool:
    """Both names name one country the list knows, under any of its names."""
    found = find_country(name)
    return found is not None and found is find_country(other)


def is_known_country(name: str) -> bool:
    return find_country(name) is not None


def _or_default(name: str) -> Country:
    return find_country(name) or countries().defaults


def is_us(name: str) -> bool:
    found = find_country(name)
    return found is not None and found.code == US


def in_group(name: str, group: str) -> bool:
    """The country is in `group` ("eu", "eea", "uk")."""
    found = find_country(name)
    return found is not None and group in found.groups


def month_first(name: str) -> bool:
    """Dates are written month first there (December 7, 2026)."""
    return _or_default(name).date == MONTH_FIRST


def paper_size(name: str) -> str:
    return _or_default(name).paper


def country_problem(value: str) -> str | None:
    """Why a country name may be wrong: one the list does not know (often a typo or a half-typed name)."""
    if is_known_country(value):
        return None
    return (f"“{value}” is not a country this app knows: check the spelling. "
            "The country sets the date style and which laws the policy may need.")
