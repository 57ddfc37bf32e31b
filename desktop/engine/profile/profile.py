"""The company profile: what the user tells us, saved as JSON.

Unknown keys are kept on save, so a newer Policywright's profile survives a round trip through
an older one. Wrong types are reported by key path; nothing is guessed.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path

from desktop.engine.files.backups import keep_backup
from desktop.engine.files.fileio import NotAFileError, write_atomic
from desktop.engine.files.json_text import JSONTextError, dump_json, read_json
from desktop.engine.files.reading import read_text
from desktop.engine.profile.questions import answer_problems
from desktop.engine.profile.services import services_problems

SCHEMA_VERSION = 3
# Options of intro.controller that became company details (version 2): option -> company key.
_CONTROLLER_OPTIONS_MOVED = {"eu_representative": "eu_representative", "dpo_email": "dpo_contact"}


def _controller_options_to_company(data: dict) -> dict:
    """The GDPR representative and DPO moved from intro.controller's options to the company details.

    A value moves when the company detail is empty or the same; one that differs stays an option
    (reported as unknown) rather than be lost."""
    practices, company = data.get("practices"), data.get("company", {}) or {}
    options = practices.get("intro.controller") if isinstance(practices, dict) else None
    if not isinstance(options, dict) or not isinstance(company, dict):
        return data  # nothing to move, or a wrong type the reader reports
    options, company = dict(options), dict(company)
    for option, key in _CONTROLLER_OPTIONS_MOVED.items():
        value = options.get(option)
        if not isinstance(value, str):
            continue
        current = company.get(key, "")
        if not (isinstance(current, str) and current.strip()):
            company[key] = value
        elif current.strip() != value.strip():
            continue
        del options[option]
    return {**data, "company": company, "practices": {**practices, "intro.controller": options}}


def _eu_users_to_places(data: dict) -> dict:
    """Version 2 -> 3: the interview's yes/no question `eu_users` ("the European Union or the UK")
    became the list `user_places`; a yes keeps meaning both places, a no neither."""
    answers = data.get("answers")
    if not isinstance(answers, dict) or not isinstance(answers.get("eu_users"), bool) or "user_places" in answers:
        return data
    answers = dict(answers)
    places = ["the European Union", "the United Kingdom"] if answers.pop("eu_users") else []
    return {**data, "answers": {**answers, "user_places": places}}


# Upgrade steps: UPGRADES[n] turns a profile's data at schema version n into version n + 1.
# Version 0 is a file written before `schema_version` existed; its keys already are version 1's.
UPGRADES: dict[int, Callable[[dict], dict]] = {
    0: lambda data: data,
    1: _controller_options_to_company,
    2: _eu_users_to_places,
}


class ProfileError(ValueError):
    """A profile that cannot be read; `problems` are 'key.path: what is wrong' lines."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__("; ".join(f"{source}: {p}" for p in problems))


@dataclass
class Company:
    legal_name: str = ""
    short_name: str = ""
    website: str = ""
    contact_email: str = ""
    postal_address: str = ""
    phone: str = ""
    country: str = ""
    region: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return self.short_name.strip() or self.legal_name.strip()


@dataclass
class Service:
    name: str = ""
    kind: str = "website"
    extra: dict = field(default_factory=dict)


@dataclass
class Terms:
    service: str = "Site"
    personal_information: str = "personal information"
    extra: dict = field(default_factory=dict)


@dataclass
class Profile:
    company: Company = field(default_factory=Company)
    service: Service = field(default_factory=Service)
    terms: Terms = field(default_factory=Terms)
    practices: dict[str, dict] = field(default_factory=dict)
    regimes: list[str] = field(default_factory=list)
    effective_date: str = ""
    overrides: dict[str, str] = field(default_factory=dict)
    # clause id -> the user's wording of it that they confirmed still states the clause's facts
    confirmed: dict[str, str] = field(default_factory=dict)
    # interview question id -> the answer given (ids this Policywright does not ask are kept, unused)
    answers: dict[str, object] = field(default_factory=dict)
    # requirement id -> why the law does not ask it of this business (“we serve people there only occasionally”)
    not_required: dict[str, str] = field(default_factory=dict)
    # the services the company uses: catalogue id -> its settings ({"signals": True}); an "another
    # service" the owner describes is "custom.<slug>" -> {"entry": {name, kind, provider, ...}}
    services: dict[str, dict] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def field_value(self, name: str) -> str:
        """A dotted profile field such as 'company.phone' or 'effective_date'.

        A field declared after this dataclass was written lives in its group's `extra`."""
        if name == "effective_date":
            return self.effective_date
        group_name, _, key = name.partition(".")
        group = getattr(self, group_name, None)
        if group is None or not key:
            return ""
        value = getattr(group, key) if key in _attributes(group) else group.extra.get(key, "")
        return value if isinstance(value, str) else ""

    def set_field(self, name: str, value: str) -> None:
        if name == "effective_date":
            self.effective_date = value
            return
        group_name, _, key = name.partition(".")
        group = getattr(self, group_name)
        if key in _attributes(group):
            setattr(group, key, value)
        else:
            group.extra[key] = value

    def wording_confirmed(self, clause_id: str) -> bool:
        """True unless the clause is reworded and the user has not confirmed that exact wording."""
        override = self.overrides.get(clause_id)
        return override is None or self.confirmed.get(clause_id) == override

    def effective(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.effective_date)
        except ValueError:
            return None


def _attributes(group) -> set[str]:
    return {f.name for f in fields(group)} - {"extra"}


def _read_group(cls, data: object, path: str, problems: list[str]):
    if data is None:
        return cls()
    if not isinstance(data, dict):
        problems.append(f"{path}: must be an object")
        return cls()
    known = _attributes(cls)
    values = {}
    for key in known & set(data):
        if isinstance(data[key], str):
            values[key] = data[key]
        else:
            problems.append(f"{path}.{key}: must be text")
    return cls(**values, extra={k: v for k, v in data.items() if k not in known})


def profile_from_dict(data: object, source: str = "profile") -> Profile:
    if not isinstance(data, dict):
        raise ProfileError(source, ["the file must hold a JSON object"])
    problems: list[str] = []
    data = migrate(data, source)
    profile = Profile(
        company=_read_group(Company, data.get("company"), "company", problems),
        service=_read_group(Service, data.get("service"), "service", problems),
        terms=_read_group(Terms, data.get("terms"), "terms", problems),
        practices=_read_practices(data.get("practices", {}), problems),
        regimes=_read_regimes(data.get("regimes", []), problems),
        effective_date=_read_date(data.get("effective_date", ""), problems),
        overrides=_read_overrides(data.get("overrides", {}), problems),
        confirmed=_read_confirmed(data.get("confirmed", {}), problems),
        answers=_read_answers(data.get("answers", {}), problems),
        not_required=_read_not_required(data.get("not_required", {}), problems),
        services=_read_services(data.get("services", {}), problems),
        extra={k: v for k, v in data.items() if k not in _TOP_KEYS},
    )
    if problems:
        raise ProfileError(source, problems)
    return profile


def migrate(data: dict, source: str = "profile") -> dict:
    """The profile's data upgraded, step by step, to SCHEMA_VERSION; a newer version is refused."""
    version = data.get("schema_version", 0)
    if type(version) is not int or not 0 <= version <= SCHEMA_VERSION:
        raise ProfileError(source, [
            f"schema_version: {version!r} is not a version this Policywright reads "
            f"(it reads up to {SCHEMA_VERSION}); open it with a newer Policywright"
        ])
    while version < SCHEMA_VERSION:
        data = {**UPGRADES[version](dict(data)), "schema_version": version + 1}
        version += 1
    return data


_TOP_KEYS = {"schema_version", "company", "service", "terms", "practices", "regimes",
             "effective_date", "overrides", "confirmed", "answers", "not_required", "services"}


def _read_practices(data: object, problems: list[str]) -> dict[str, dict]:
    if not isinstance(data, dict):
        problems.append("practices: must be an object of practice id -> options object")
        return {}
    result = {}
    for practice_id, options in data.items():
        if options is None:
            options = {}
        if not isinstance(options, dict):
            problems.append(f"practices.{practice_id}: must be an object of options")
            continue
        result[practice_id] = dict(options)
    return result


def _read_regimes(data: object, problems: list[str]) -> list[str]:
    """The law ids as written: which of them the library declares is the checks' business, since
    a user's library may declare laws of its own."""
    if not isinstance(data, list) or not all(isinstance(r, str) for r in data):
        problems.append("regimes: must be a list of law ids, such as [\"gdpr\"]")
        return []
    return ordered_regimes(data)


def ordered_regimes(chosen, declared: Iterable[str] = ()) -> list[str]:
    """The chosen regime ids, each once: those `declared` (the library's laws) in its order, then the rest as given."""
    declared = list(declared)
    return [r for r in declared if r in chosen] + [r for r in dict.fromkeys(chosen) if r not in declared]


def _read_date(data: object, problems: list[str]) -> str:
    if not isinstance(data, str):
        problems.append("effective_date: must be a date written YYYY-MM-DD")
        return ""
    if data:
        try:
            dt.date.fromisoformat(data)
        except ValueError:
            problems.append(f"effective_date: {data!r} is not a date written YYYY-MM-DD")
    return data


def _read_overrides(data: object, problems: list[str]) -> dict[str, str]:
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        problems.append("overrides: must be an object of clause id -> your wording")
        return {}
    return dict(data)


def _read_confirmed(data: object, problems: list[str]) -> dict[str, str]:
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        problems.append("confirmed: must be an object of clause id -> the wording you confirmed")
        return {}
    return dict(data)


def _read_not_required(data: object, problems: list[str]) -> dict[str, str]:
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        problems.append("not_required: must be an object of requirement id -> why the law does not ask it of you")
        return {}
    blank = [key for key, reason in data.items() if not reason.strip()]
    problems += [f"not_required.{key}: give the reason it is not required, or remove it" for key in blank]
    return dict(data) if not blank else {}


def _read_services(data: object, problems: list[str]) -> dict[str, dict]:
    wrong = services_problems(data, "services")
    problems += wrong
    return {k: dict(v) for k, v in data.items()} if not wrong else {}


def _read_answers(data: object, problems: list[str]) -> dict[str, object]:
    """Answers of the right type for each known question; answers to unknown questions are kept."""
    wrong = answer_problems(data)
    problems += wrong
    return dict(data) if not wrong else {}


def _group_dict(group) -> dict:
    values = {f.name: getattr(group, f.name) for f in fields(group) if f.name != "extra"}
    return {**group.extra, **values}


def profile_to_dict(profile: Profile) -> dict:
    return {
        **profile.extra,
        "schema_version": SCHEMA_VERSION,
        "company": _group_dict(profile.company),
        "service": _group_dict(profile.service),
        "terms": _group_dict(profile.terms),
        "practices": profile.practices,
        "regimes": profile.regimes,
        "effective_date": profile.effective_date,
        "overrides": profile.overrides,
        **({"confirmed": profile.confirmed} if profile.confirmed else {}),
        **({"answers": profile.answers} if profile.answers else {}),
        **({"not_required": profile.not_required} if profile.not_required else {}),
        **({"services": profile.services} if profile.services else {}),
    }


def load_profile(path: Path) -> Profile:
    path = Path(path)
    try:
        text = read_text(path)
    except FileNotFoundError:
        raise ProfileError(str(path), ["no such file; check the path"]) from None
    except NotAFileError:
        raise ProfileError(str(path), ["is not a file (a folder, device or pipe); open a profile file"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(str(path), [f"cannot be read ({error.__class__.__name__}: {error})"]) from None
    try:
        data = read_json(text)
    except JSONTextError as error:
        raise ProfileError(str(path), [str(error)]) from None
    return profile_from_dict(data, str(path))


def profile_json(profile: Profile) -> str:
    """The profile as JSON text; any text the user typed, even a lone surrogate, encodes as UTF-8."""
    return dump_json(profile_to_dict(profile))


def save_profile(profile: Profile, path: Path, backups: Path | None = None) -> bytes:
    """Write the profile to `path` atomically, first copying the version it replaces under
    `backups` (when given); the bytes written."""
    data = profile_json(profile).encode("utf-8")
    if backups is not None:
        keep_backup(backups, Path(path))
    write_atomic(Path(path), data)
    return data
