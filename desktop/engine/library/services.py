"""The service catalogue (`_services/<id>.toml`): the well-known services a small company uses.

One file per service: who provides it, what kind of service it is, whether it works only for us or
also for its own purposes, the facts it adds (the fact grammar, with SERVICE standing for its
recipient category), the ways it can be set up (settings), the cookies its provider documents,
and where and when the entry was checked. `read_service` reads and validates one file; the loader
reads every folder's `_services/` in order, a later folder's entry replacing an earlier one's.
"""

import datetime
import re
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.engine.facts.grammar import parse_fact
from desktop.engine.facts.model import Fact, FactError
from desktop.engine.language.conditions import Condition, ConditionError, Term, parse_condition
from desktop.engine.reference.countries import is_known_country
from desktop.engine.reference.vocabulary import Vocabulary

FOLDER = "_services"
KINDS = ("payments", "analytics", "email", "ads", "hosting", "embeds", "support", "forms",
         "bot_checks", "fonts", "shop", "mobile_sdk", "messaging")  # also the catalogue's order
ROLES = {"for_us": "service_provider", "own_purposes": "third_party"}  # role -> its recipient's vocabulary role
COOKIE_CATEGORIES = ("necessary", "preferences", "analytics", "marketing")
STORAGES = ("cookie", "local storage", "device identifier")
SERVICE = "SERVICE"  # in a fact, stands for the entry's recipient category
SETTING = "setting."
STALE_AFTER = datetime.timedelta(days=365)

REQUIRED = ("id", "name", "kind", "provider", "country", "role", "recipient", "privacy_policy",
            "checked_on", "sources", "summary")
OPTIONAL = ("provider_eu", "opt_out", "transfer", "facts", "settings", "cookies")
_TEXTS = ("id", "name", "kind", "provider", "country", "role", "recipient", "privacy_policy", "summary",
          "provider_eu", "opt_out", "transfer")
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_URL = re.compile(r"^https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/[^\s]*)?$")


@dataclass(frozen=True)
class ServiceSetting:
    """A way the service can be set up, asked as a yes/no question."""

    id: str
    question: str
    default: bool = False


@dataclass(frozen=True)
class ServiceCookie:
    name: str
    purpose: str
    duration: str
    category: str  # necessary | preferences | analytics | marketing
    storage: str = "cookie"  # cookie | local storage | device identifier
    when: Condition | None = None  # over `setting.ID`; None: always set


@dataclass(frozen=True)
class ServiceEntry:
    id: str
    name: str
    kind: str
    provider: str
    country: str
    role: str  # for_us | own_purposes
    recipient: str  # the vocabulary recipient category the service falls in
    privacy_policy: str
    checked_on: datetime.date
    sources: tuple[str, ...]
    summary: str
    path: Path
    provider_eu: str = ""
    opt_out: str = ""
    transfer: str = ""
    facts: tuple[Fact, ...] = ()  # SERVICE read as `recipient`; a condition names `setting.ID`
    settings: tuple[ServiceSetting, ...] = ()
    cookies: tuple[ServiceCookie, ...] = ()

    @property
    def own_purposes(self) -> bool:
        return self.role == "own_purposes"

    def defaults(self) -> dict[str, bool]:
        return {setting.id: setting.default for setting in self.settings}

    def facts_for(self, settings: dict) -> list[Fact]:
        """The facts that hold when the service is set up as `settings` say (missing ones at their default)."""
        return [fact for fact in self.facts if self._holds(fact.condition, settings)]

    def cookies_for(self, settings: dict) -> list[ServiceCookie]:
        return [cookie for cookie in self.cookies if self._holds(cookie.when, settings)]

    def _holds(self, condition: Condition | None, settings: dict) -> bool:
        values = self.defaults() | dict(settings)
        return condition is None or condition.holds(lambda name: values.get(name.removeprefix(SETTING), False))


def catalogue_order(services: dict[str, ServiceEntry]) -> dict[str, ServiceEntry]:
    """The entries by kind (in KINDS' order), then by name."""
    ordered = sorted(services.values(), key=lambda e: (KINDS.index(e.kind), e.name.casefold(), e.id))
    return {entry.id: entry for entry in ordered}


def stale_services(services: dict[str, ServiceEntry], today: datetime.date) -> list[ServiceEntry]:
    """The entries last checked more than a year before `today`."""
    return [entry for entry in services.values() if today - entry.checked_on > STALE_AFTER]


def read_service(path: Path, data: dict, text: str, vocabulary: Vocabulary) -> tuple[ServiceEntry | None, list[tuple[int, str]]]:
    """The entry one file declares, or None; and (line, what is wrong) for each fault."""
    lines = text.splitlines()
    faults = [(_line(lines, key), problem) for key, problem in _key_problems(path, data)]
    if faults:
        return None, faults
    settings, problems = _settings(data.get("settings", []))
    faults += [(_line(lines, "[[settings]]"), p) for p in problems]
    declared = {setting.id for setting in settings}
    faults += [(_line(lines, key), p) for key, p in _value_problems(data, vocabulary)]
    facts, problems = _facts(data, declared, vocabulary)
    faults += [(_line(lines, fact_text), problem) for fact_text, problem in problems]
    cookies, problems = _cookies(data.get("cookies", []), declared)
    faults += [(_nth_line(lines, "[[cookies]]", number), problem) for number, problem in problems]
    if faults:
        return None, faults
    entry = ServiceEntry(
        **{key: data[key] for key in REQUIRED if key not in ("checked_on", "sources")},
        checked_on=_date(data["checked_on"]), sources=tuple(data["sources"]), path=path,
        **{key: data[key] for key in ("provider_eu", "opt_out", "transfer") if key in data},
        facts=tuple(facts), settings=tuple(settings), cookies=tuple(cookies),
    )
    return entry, []


def _key_problems(path: Path, data: dict) -> list[tuple[str, str]]:
    """(key, problem) for keys missing, unknown or of the wrong type."""
    problems = [(key, f"missing `{key}`") for key in REQUIRED if key not in data]
    problems += [(key, f"unknown key `{key}`") for key in data if key not in REQUIRED + OPTIONAL]
    for key in _TEXTS:
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            problems.append((key, f"`{key}` must be a text"))
    for key in ("sources", "facts"):
        if key in data and not (isinstance(data[key], list) and all(isinstance(v, str) for v in data[key])):
            problems.append((key, f"`{key}` must be a list of texts"))
    for key in ("settings", "cookies"):
        if key in data and not (isinstance(data[key], list) and all(isinstance(v, dict) for v in data[key])):
            problems.append((key, f"`{key}` must be [[{key}]] tables"))
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        problems.append(("id", f"`id` {data['id']!r} must be the file's name without .toml ({path.stem!r})"))
    if "checked_on" in data and _date(data["checked_on"]) is None:
        problems.append(("checked_on", "`checked_on` must be a date written YYYY-MM-DD"))
    return problems


def _value_problems(data: dict, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(key, problem) for values outside their lists, unknown names and malformed links."""
    problems = []
    if not _ID.match(data["id"]):
        problems.append(("id", "`id` must be lowercase letters, digits and _"))
    if data["kind"] not in KINDS:
        problems.append(("kind", f"`kind` {data['kind']!r} must be one of {', '.join(KINDS)}"))
    if data["role"] not in ROLES:
        problems.append(("role", f"`role` {data['role']!r} must be for_us or own_purposes"))
    recipient = vocabulary.recipients.get(data["recipient"])
    if recipient is None:
        problems.append(("recipient", f"`recipient` {data['recipient']!r} is not a recipient of the vocabulary"))
    elif data["role"] in ROLES and recipient.role != ROLES[data["role"]]:
        problems.append(("recipient", f"`recipient` {data['recipient']!r} is a {recipient.role}; "
                                      f"a service with role {data['role']} falls under a {ROLES[data['role']]}"))
    if not is_known_country(data["country"]):
        problems.append(("country", f"`country` {data['country']!r} is not a country this app knows"))
    for key in ("privacy_policy", "opt_out"):
        if key in data and not _URL.match(data[key]):
            problems.append((key, f"`{key}` {data[key]!r} must be a web address starting with https://"))
    if not data["sources"]:
        problems.append(("sources", "`sources` names the provider's pages the entry was checked on"))
    problems += [("sources", f"source {url!r} must be a web address starting with https://")
                 for url in data["sources"] if not _URL.match(url)]
    return problems


def _settings(tables: list[dict]) -> tuple[list[ServiceSetting], list[str]]:
    settings, problems = [], []
    for table in tables:
        setting_id, question, default = table.get("id"), table.get("question"), table.get("default", False)
        if not (isinstance(setting_id, str) and _ID.match(setting_id)):
            problems.append(f"a setting needs an `id` of lowercase letters, digits and _ (got {setting_id!r})")
        elif not (isinstance(question, str) and question.strip()) or not isinstance(default, bool):
            problems.append(f"setting {setting_id!r} needs a `question` and a true/false `default`")
        elif set(table) - {"id", "question", "default"}:
            problems.append(f"setting {setting_id!r}: unknown key(s) {', '.join(sorted(set(table) - {'id', 'question', 'default'}))}")
        elif setting_id in {s.id for s in settings}:
            problems.append(f"setting {setting_id!r} is declared twice")
        else:
            settings.append(ServiceSetting(setting_id, question, default))
    return settings, problems


def _facts(data: dict, settings: set[str], vocabulary: Vocabulary) -> tuple[list[Fact], list[tuple[str, str]]]:
    """The entry's facts, and (fact text, problem) for each that does not read."""
    if data["recipient"] not in vocabulary.recipients:
        return [], []  # the recipient's own fault says why; every fact would repeat it
    facts, problems = [], []
    for text in data.get("facts", []):
        try:
            facts.append(_fact(text, data["recipient"], settings, vocabulary))
        except (FactError, ConditionError) as error:
            problems.append((text, f"fact {text!r}: {error}"))
    return facts, problems


def _cookies(tables: list[dict], settings: set[str]) -> tuple[list[ServiceCookie], list[tuple[int, str]]]:
    """The entry's cookies, and (its number, problem) for each that is incomplete."""
    cookies, problems = [], []
    for number, table in enumerate(tables, start=1):
        try:
            cookies.append(_cookie(table, settings))
        except ValueError as error:
            problems.append((number, f"cookie {number}: {error}"))
    return cookies, problems


def _fact(text: str, recipient: str, settings: set[str], vocabulary: Vocabulary) -> Fact:
    """One fact with SERVICE read as the recipient; its `when` may name only declared settings."""
    if "opt." in text:
        raise FactError("a service's fact has no options: its condition names setting.ID")
    statement, _, when = text.partition(" when ")
    fact = parse_fact(re.sub(rf"\b{SERVICE}\b", recipient, statement), vocabulary)
    return replace(fact, condition=_condition(when, settings) if when else None, source=" ".join(text.split()))


def _condition(text: str, settings: set[str]) -> Condition:
    """A condition over `setting.ID` names, each a declared setting."""
    names = re.findall(r"\b\w+\.\w+", text)  # the condition language reads only its own prefixes: check ours first
    for name in names:
        if not name.startswith(SETTING):
            raise ConditionError(f"a service's condition names only setting.ID, not {name!r}")
        if name.removeprefix(SETTING) not in settings:
            raise ConditionError(f"{name} is not a setting this service declares")
    parsed = parse_condition(re.sub(r"\bsetting\.", "opt.", text))
    return Condition(tuple(tuple(Term(SETTING + t.name.removeprefix("opt."), t.negated, t.op, t.value) for t in group)
                           for group in parsed.alternatives), text.strip())


def _cookie(table: dict, settings: set[str]) -> ServiceCookie:
    keys = ("name", "purpose", "duration", "category")
    missing = [key for key in keys if not (isinstance(table.get(key), str) and table[key].strip())]
    if missing:
        raise ValueError(f"needs {', '.join(f'`{key}`' for key in missing)} (a text)")
    unknown = set(table) - {*keys, "storage", "when"}
    if unknown:
        raise ValueError(f"{table['name']!r}: unknown key(s) {', '.join(sorted(unknown))}")
    if table["category"] not in COOKIE_CATEGORIES:
        raise ValueError(f"{table['name']!r}: `category` must be one of {', '.join(COOKIE_CATEGORIES)}")
    storage = table.get("storage", "cookie")
    if storage not in STORAGES:
        raise ValueError(f"{table['name']!r}: `storage` must be one of {', '.join(STORAGES)}")
    when = table.get("when")
    if when is not None and not isinstance(when, str):
        raise ValueError(f"{table['name']!r}: `when` must be a text")
    try:
        condition = _condition(when, settings) if when else None
    except ConditionError as error:
        raise ValueError(f"{table['name']!r}: `when`: {error}") from None
    return ServiceCookie(table["name"], table["purpose"], table["duration"], table["category"], storage, condition)


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _line(lines: list[str], needle: str) -> int:
    """The first line that sets key `needle` or holds the text `needle` (1 when none does)."""
    key = re.compile(rf"^\s*{re.escape(needle)}\s*=")
    found = next((n for n, line in enumerate(lines, start=1) if key.match(line)), None)
    return found or next((n for n, line in enumerate(lines, start=1) if needle in line), 1)


def _nth_line(lines: list[str], needle: str, count: int) -> int:
    found = [n for n, line in enumerate(lines, start=1) if line.strip() == needle]
    return found[count - 1] if len(found) >= count else 1
