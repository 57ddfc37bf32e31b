"""Published versions: the profile as it was, the policy's text, the date and a number.

Publishing a profile at `acme.json` writes `acme.versions/v0001.json`, `v0002.json`, … beside it.
A version keeps the policy's text as published (its blocks and its Markdown), so comparing with
it later shows what readers were given even when the clause library has changed since.
A version is named on the command line as `PROFILE@N`, `PROFILE@last`, or by its file.
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.export import export_bytes
from desktop.engine.files.fileio import remove_stale_temps, write_new
from desktop.engine.files.json_text import JSONTextError, dump_json, read_json
from desktop.engine.files.reading import read_text
from desktop.engine.language.dates import short_stamp
from desktop.engine.policy.document import Document
from desktop.engine.profile.profile import Profile, ProfileError, profile_from_dict, profile_to_dict

KIND = "policywright published version"
FORMAT = 1
_FILE = re.compile(r"^v(\d{4,})\.json$")
LAST = ("last", "latest")
VERSIONS_SUFFIX = ".versions"


@dataclass(frozen=True)
class PolicyText:
    """A policy as its readers see it: (kind, text) blocks in reading order, and its Markdown."""

    title: str
    company_name: str
    page_size: str
    blocks: tuple[tuple[str, str], ...]
    markdown: str

    @classmethod
    def of(cls, document: Document) -> "PolicyText":
        return cls(document.title, document.company_name, document.page_size, tuple(document.text_blocks()),
                   export_bytes(document, "md").decode("utf-8"))


@dataclass(frozen=True)
class Version:
    number: int
    published: dt.datetime  # aware, UTC
    profile: Profile
    policy: PolicyText
    path: Path

    @property
    def label(self) -> str:
        return f"Version {self.number} · {short_stamp(self.published)}"


def versions_dir(profile_path: Path) -> Path:
    profile_path = Path(profile_path)
    return profile_path.with_name(profile_path.stem + VERSIONS_SUFFIX)


def version_files(profile_path: Path) -> list[tuple[int, Path]]:
    folder = versions_dir(profile_path)
    if not folder.is_dir():
        return []
    found = [(int(m[1]), p) for p in folder.iterdir() if (m := _FILE.match(p.name))]
    return sorted(found)


def list_versions(profile_path: Path, skipped: list[ProfileError] | None = None) -> list[Version]:
    """Every published version, oldest first; a damaged file is left out, and its error added to `skipped`."""
    found = []
    for _, path in version_files(profile_path):
        try:
            found.append(read_version(path))
        except ProfileError as error:
            if skipped is not None:
                skipped.append(error)
    return found


def latest_version(profile_path: Path) -> Version | None:
    """The newest readable version; only the files from the newest back are read."""
    for _, path in reversed(version_files(profile_path)):
        try:
            return read_version(path)
        except ProfileError:
            continue
    return None


def latest_version_date(profile_path: Path) -> dt.datetime | None:
    latest = latest_version(profile_path)
    return latest.published if latest else None


def publish(profile_path: Path, profile: Profile, document: Document, when: dt.datetime | None = None) -> Version:
    """Store the next version of the profile at `profile_path`: the profile and its policy `document`.

    A version is never replaced: the file is created only where none is, so when another window or
    process publishes at the same moment, this one takes the next free number."""
    files = version_files(profile_path)
    number = files[-1][0] + 1 if files else 1
    when = (when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    policy = PolicyText.of(document)
    folder = versions_dir(profile_path)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder / "v", any_name=True)  # what killed publishes left; the folder is ours
    while True:
        path = folder / f"v{number:04d}.json"
        try:
            write_new(path, dump_json(_version_data(number, when, profile, policy)).encode("utf-8"))
            return Version(number, when, profile, policy, path)
        except FileExistsError:
            number += 1


def _version_data(number: int, when: dt.datetime, profile: Profile, policy: PolicyText) -> dict:
    return {
        "kind": KIND, "format": FORMAT, "number": number, "published": when.isoformat().replace("+00:00", "Z"),
        "profile": profile_to_dict(profile),
        "policy": {"title": policy.title, "company_name": policy.company_name, "page_size": policy.page_size,
                   "blocks": [list(block) for block in policy.blocks], "markdown": policy.markdown},
    }


def is_version_file(path: Path) -> bool:
    data = _json_of(path)
    return isinstance(data, dict) and data.get("kind") == KIND


def _is_profile_file(path: Path) -> bool:
    data = _json_of(path)
    return isinstance(data, dict) and "schema_version" in data and "kind" not in data


def _json_of(path: Path) -> object:
    """What a JSON file holds, or None when it cannot be read as JSON (never waiting on a pipe)."""
    try:
        return read_json(read_text(Path(path)))
    except (OSError, UnicodeDecodeError, JSONTextError):
        return None


def why_not_export(target: Path, sources: Iterable[Path] = (), source_is: str = "the profile itself") -> str | None:
    """Why an export (a policy, a comparison) may not be written at `target`, or None: as
    `why_not_write`, and a profile is never replaced by an export either."""
    refused = why_not_write(target, sources, source_is)
    if refused is None and _is_regular_file(_resolved(target)) and _is_profile_file(_resolved(target)):
        return "is a profile, which an export never replaces"
    return refused


def why_not_write(target: Path, sources: Iterable[Path] = (), source_is: str = "the profile itself") -> str | None:
    """Why a file may not be written at `target`, or None: a published version is never replaced.

    Refused: a published version's file (also one moved elsewhere), anything inside a profile's
    versions folder, and any of `sources` (the profile being exported, the files being compared).
    The reason reads after the file's name: f"{target}: {reason}; choose another file …".
    """
    resolved = _resolved(target)
    if resolved in {_resolved(source) for source in sources}:
        return f"is {source_is}"
    if _is_regular_file(resolved) and is_version_file(resolved):
        return "is a published version, which is never replaced"
    if resolved.parent.name.endswith(VERSIONS_SUFFIX):
        return f"is inside {resolved.parent.name}, the folder of a profile's published versions, where only Publish writes"
    return None


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop: compared as written
        return Path(path).absolute()


def _is_regular_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, say: the write that follows names the fault
        return False


def read_version(path: Path) -> Version:
    path = Path(path)
    source = str(path)
    try:
        data = read_json(read_text(path))
    except FileNotFoundError:
        raise ProfileError(source, ["no such published version; check the path"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(source, [f"cannot be read as a published version ({error.__class__.__name__}: {error})"]) from None
    except JSONTextError as error:  # too deep, a number too long, not JSON: named as for a profile
        raise ProfileError(source, [str(error)]) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise ProfileError(source, ["is not a published version (it has no \"kind\": \"policywright published version\")"])
    written_as = data.get("format", FORMAT)
    if type(written_as) is not int or not 1 <= written_as <= FORMAT:
        raise ProfileError(source, [f"is a published version in format {written_as!r}, and this Policywright reads up to "
                                    f"format {FORMAT}; open it with a newer Policywright"])
    try:
        text = _policy_text(data["policy"])
        published = dt.datetime.fromisoformat(str(data["published"]).replace("Z", "+00:00"))
        number = int(data["number"])
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        raise ProfileError(source, [f"a published version's {error} is missing or has the wrong form"]) from None
    if published.tzinfo is None:  # written by hand or by another tool: read as UTC, as publish writes it
        published = published.replace(tzinfo=dt.UTC)
    try:  # a date at the edge of the calendar cannot be shown in UTC or the local time
        published = published.astimezone(dt.UTC)
        published.astimezone()
    except (OverflowError, ValueError, OSError):
        raise ProfileError(source, [f"a published version's date {data['published']!r} is out of range"]) from None
    return Version(number, published, profile_from_dict(data.get("profile"), source), text, path)


def _policy_text(policy: dict) -> PolicyText:
    blocks = tuple((str(kind), str(text)) for kind, text in policy["blocks"])
    return PolicyText(str(policy["title"]), str(policy["company_name"]), str(policy.get("page_size", "letter")), blocks,
                      str(policy["markdown"]))


def find_version(profile_path: Path, which: str) -> Version:
    """Version `which` ("3", "last") of the profile; a ProfileError says which numbers exist."""
    files = dict(version_files(profile_path))
    numbers = sorted(files)
    if not numbers:
        raise ProfileError(str(profile_path), ["has no published versions; publish it first"])
    wanted = numbers[-1] if which.lower() in LAST else int(which) if which.isascii() and which.isdigit() else None
    if wanted not in files:
        raise ProfileError(f"{profile_path}@{which}", [
            f"no such version; {profile_path.name} has versions {numbers[0]} to {numbers[-1]} (or @last)"])
    return read_version(files[wanted])
