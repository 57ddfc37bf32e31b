"""The fact vocabulary (`snippets/_vocabulary/`): data categories, recipients, purposes, audiences.

Ids are dotted: the part before the last dot is the parent. A data id with no dot sits under
`personal` and a recipient id with no dot under `anyone`, unless the entry says `root = true`
(so `deidentified` stands apart and never overlaps personal information). Purposes with no dot
are roots. Two ids overlap when one is the other or an ancestor of it.

`load_vocabulary` reads one or more folders in order (bundled, then the user's); a later
entry replaces an earlier one with the same id. Faults are `(path, line, message)`.
"""

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from desktop.engine.files.reading import LIBRARY_FILE_BYTES, read_text
from desktop.engine.files.toml_text import parse_toml

PERSONAL = "personal"
ANYONE = "anyone"
ROLES = ("service_provider", "third_party", "public", "authority", "buyer")
KINDS = ("data", "recipient", "purpose", "audience")
# The legal bases of GDPR Art. 6(1) a purpose may declare as its usual one (`basis` in purposes.toml).
BASES = ("contract", "legal_obligation", "legitimate_interests", "consent")
_ID = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
_TOKEN = re.compile(r"\{\{([^{}|]*)(?:\|[^{}]*)?\}\}")  # never past the next `{`: linear in the text

_NESTED_RECIPIENT = re.compile(r"\{\{\s*recipient:")

Fault = tuple[Path, int, str]


def normal_text(text: str) -> str:
    """Lower case, straight apostrophes, one space between words, term tokens as their words.

    `{{the content}}` reads as "the content"; tokens with a dot or colon (`{{opt.items}}`,
    `{{ref:cookies}}`) and `{{if …}}` markers are dropped, so they never name a category.
    """
    text = _TOKEN.sub(_token_words, text)
    text = text.replace("\u2019", "'").replace("*", "")
    return " ".join(text.lower().split())


def spoken(text: str) -> str:
    """A title or description as plain words for a message: `{{the service}}` reads "the service"."""
    return _TOKEN.sub(lambda m: m.group(1).strip(), text)


def _token_words(match: re.Match) -> str:
    inner = match.group(1).strip()
    return " " if inner.startswith("if ") or any(c in inner for c in ".:") else f" {inner} "


class WordIndex:
    """Find phrases in text: whole words only, an optional plural `s` allowed."""

    def __init__(self, words: dict[str, tuple[str, ...]]):
        self.owner: dict[str, str] = {}
        for id, phrases in words.items():
            for phrase in phrases:
                self.owner.setdefault(normal_text(phrase), id)
        phrases = sorted(self.owner, key=lambda p: (-len(p), p))
        alternation = "|".join(re.escape(p) for p in phrases) or "(?!)"
        self.pattern = re.compile(rf"(?<![\w'])(?P<phrase>{alternation})s?(?![\w'])")

    def all(self, text: str) -> list[str]:
        ids = [self.owner[m["phrase"]] for m in self.pattern.finditer(normal_text(text))]
        return list(dict.fromkeys(ids))

    def phrases(self, text: str) -> list[tuple[str, str]]:
        """(phrase, id) for each phrase found, left to right."""
        return [(m["phrase"], self.owner[m["phrase"]]) for m in self.pattern.finditer(normal_text(text))]


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    sensitive: tuple[str, ...]  # the ids of the laws that count it as sensitive ("gdpr", "ccpa", …)
    words: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class Recipient:
    id: str
    title: str
    role: str
    description: str
    words: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class Purpose:
    id: str
    title: str
    words: tuple[str, ...]
    parent: str | None
    basis: str = ""  # its usual legal basis, one of BASES; "" when it depends on the business
    interest: str = ""  # legitimate interests: the interest, completing "our interest in …"
    withdraw: str = ""  # consent: how to take it back, completing "you can take it back …"


@dataclass(frozen=True)
class Audience:
    id: str
    title: str
    parent: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    categories: dict[str, Category] = field(default_factory=dict)
    recipients: dict[str, Recipient] = field(default_factory=dict)
    purposes: dict[str, Purpose] = field(default_factory=dict)
    audiences: dict[str, Audience] = field(default_factory=dict)

    def table(self, kind: str) -> dict:
        return {"data": self.categories, "recipient": self.recipients,
                "purpose": self.purposes, "audience": self.audiences}[kind]

    def kind_of(self, id: str) -> str | None:
        """The first kind (data, recipient, purpose, audience) that has this id."""
        return next((kind for kind in KINDS if id in self.table(kind)), None)

    def ancestors(self, id: str, kind: str | None = None) -> list[str]:
        """The id's parent, grandparent… up to its root (nearest first)."""
        return list(self._chain(id, kind))

    def _chain(self, id: str, kind: str | None) -> tuple[str, ...]:
        kind = kind or self.kind_of(id) or "data"
        chains = self._chains.setdefault(kind, {})
        if id not in chains:
            entries = self.table(kind)
            found: list[str] = []
            parent = entries[id].parent if id in entries else None
            while parent is not None and parent not in found and parent != id:
                found.append(parent)
                parent = entries[parent].parent if parent in entries else None
            chains[id] = tuple(found)
        return chains[id]

    @cached_property
    def _chains(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """Each kind's ancestor chains as asked for: the tables never change once read, and a
        refresh asks tens of thousands of times (every table row against every category)."""
        return {}

    def within(self, id: str, ancestor: str, kind: str | None = None) -> bool:
        """`id` is `ancestor` or below it."""
        return id == ancestor or ancestor in self._chain(id, kind)

    def overlaps(self, a: str, b: str, kind: str | None = None) -> bool:
        """One id is the other or an ancestor of it."""
        return self.within(a, b, kind) or self.within(b, a, kind)

    def root(self, id: str, kind: str | None = None) -> str:
        chain = self.ancestors(id, kind)
        return chain[-1] if chain else id

    def title(self, id: str, kind: str | None = None) -> str:
        entry = self.table(kind or self.kind_of(id) or "data").get(id)
        return entry.title if entry else id

    @cached_property
    def _category_words(self) -> WordIndex:
        return WordIndex({c.id: c.words for c in self.categories.values()})

    def sensitive_under(self, id: str, law: str) -> bool:
        """`id` is, or lies within, a category that the law with id `law` counts as sensitive."""
        return any(law in self.categories[a].sensitive for a in [id, *self.ancestors(id, "data")] if a in self.categories)

    def categories_in(self, text: str) -> list[str]:
        """Every category `text` names, reading left to right, longest phrase first."""
        return self._category_words.all(text)


def load_vocabulary(folders: Path | list[Path]) -> tuple[Vocabulary, list[Fault]]:
    """Read each folder's `_vocabulary/` (or the folder itself if it holds the TOML files)."""
    reader = _Reader()
    for folder in [folders] if isinstance(folders, Path | str) else folders:
        reader.read_folder(_vocabulary_dir(Path(folder)))
    return reader.finish()


def _vocabulary_dir(folder: Path) -> Path:
    return folder / "_vocabulary" if (folder / "_vocabulary").is_dir() else folder


# Per kind: file, table name, keys with their types, default root.
_FILES = {
    "data": ("data.toml", "category", {"id": str, "title": str,
                                         "sensitive": (bool, list), "words": list}, PERSONAL),
    "recipient": ("recipients.toml", "recipient", {"id": str, "title": str, "role": str,
                                                   "description": str, "words": list}, ANYONE),
    "purpose": ("purposes.toml", "purpose", {"id": str, "title": str, "words": list}, None),
    "audience": ("audiences.toml", "audience", {"id": str, "title": str}, None),
}
_OPTIONAL = {"root": bool}
_PURPOSE_OPTIONAL = {"basis": str, "interest": str, "withdraw": str}
_TYPE_NAMES = {str: "text", bool: "true or false", list: "a list of texts",
               (bool, list): "a list of law ids (or true or false)"}


@dataclass
class _Entry:
    values: dict
    path: Path
    line: int


class _Reader:
    def __init__(self):
        self.entries: dict[str, dict[str, _Entry]] = {kind: {} for kind in KINDS}
        self.faults: list[Fault] = []

    def read_folder(self, folder: Path) -> None:
        for kind, (name, table, _, _) in _FILES.items():
            path = folder / name
            if os.path.lexists(path):  # a pipe or a device is read, and refused, as a fault
                self._read_file(kind, path, table)

    def _read_file(self, kind: str, path: Path, table: str) -> None:
        text, data = self._load(path)
        if data is None:
            return
        unknown = sorted(set(data) - {table})
        if unknown:
            self.faults.append((path, 1, f"unknown table(s) {', '.join(unknown)}; expected [[{table}]]"))
        items = data.get(table, [])
        if not isinstance(items, list):
            self.faults.append((path, 1, f"`{table}` must be written as [[{table}]] tables"))
            return
        lines = header_lines(text, table)
        seen: set[str] = set()
        for index, item in enumerate(items):
            line = lines[index] if index < len(lines) else 1
            self._read_entry(kind, item, _Entry(item, path, line), text, seen)

    def _load(self, path: Path) -> tuple[str, dict | None]:
        try:
            text = read_text(path, LIBRARY_FILE_BYTES)
            return text, parse_toml(text)
        except (OSError, UnicodeDecodeError) as error:
            self.faults.append((path, 0, f"cannot read file: {error}"))
        except tomllib.TOMLDecodeError as error:
            line = re.search(r"line (\d+)", str(error))
            self.faults.append((path, int(line.group(1)) if line else 1, f"TOML error: {error}"))
        return "", None

    def _read_entry(self, kind: str, item: object, entry: _Entry, text: str, seen: set[str]) -> None:
        problem = entry_problem(kind, item)
        if problem:
            key, message = problem
            self.faults.append((entry.path, key_line(text, entry.line, key), message))
            return
        id = item["id"]
        if id in seen:
            self.faults.append((entry.path, entry.line, f"duplicate id {id!r} in this file"))
            return
        seen.add(id)
        self.entries[kind][id] = entry

    def finish(self) -> tuple[Vocabulary, list[Fault]]:
        built = {kind: self._build(kind) for kind in KINDS}
        vocabulary = Vocabulary(built["data"], built["recipient"], built["purpose"], built["audience"])
        return vocabulary, self.faults

    def _build(self, kind: str) -> dict:
        entries = self.entries[kind]
        built = {}
        for id, entry in entries.items():
            parent = parent_of(id, entry.values.get("root", False), _FILES[kind][3])
            if parent is not None and parent not in entries:
                self.faults.append((entry.path, entry.line, f"{id!r} has unknown parent {parent!r}"))
                continue
            built[id] = make_entry(kind, entry.values, parent)
        self.faults.extend(word_clashes(kind, entries))
        return built


def entry_problem(kind: str, item: object) -> tuple[str, str] | None:
    """(key, message) for the first thing wrong with one vocabulary entry, or None."""
    table = _FILES[kind][1]
    if not isinstance(item, dict):
        return "", f"each [[{table}]] must be a table"
    keys = _FILES[kind][2]
    for key, kind_type in keys.items():
        if key not in item:
            name = f" {item['id']!r}" if isinstance(item.get("id"), str) else ""
            return "", f"[[{table}]]{name} is missing `{key}`"
        if not isinstance(item[key], kind_type):
            return key, f"`{key}` must be {_TYPE_NAMES[kind_type]}"
    optional = {**_OPTIONAL, **(_PURPOSE_OPTIONAL if kind == "purpose" else {})}
    for key in set(item) - set(keys) - set(optional):
        return key, f"unknown key `{key}` in [[{table}]] {item['id']!r}"
    for key in set(item) & set(_PURPOSE_OPTIONAL) if kind == "purpose" else ():
        if not isinstance(item[key], str):
            return key, f"`{key}` must be text"
    if "root" in item and not isinstance(item["root"], bool):
        return "root", "`root` must be true or false"
    return value_problem(kind, item)


def value_problem(kind: str, item: dict) -> tuple[str, str] | None:
    if not _ID.match(item["id"]):
        return "id", f"id {item['id']!r} must be lower-case words joined by dots"
    if not item["title"].strip():
        return "title", "`title` must not be empty"
    words = item.get("words", [])
    if not all(isinstance(w, str) and w.strip() for w in words):
        return "words", "`words` must be a list of texts"
    if any(w != w.lower() for w in words):
        return "words", "`words` must be lower case"
    if kind == "data" and isinstance(item["sensitive"], list) and not all(
            isinstance(law, str) and _ID.match(law) for law in item["sensitive"]):
        return "sensitive", "`sensitive` must list law ids, such as \"gdpr\""
    if kind == "recipient" and item["role"] not in ROLES:
        return "role", f"`role` must be one of {', '.join(ROLES)}"
    if kind == "recipient" and _NESTED_RECIPIENT.search(item["description"]):
        # Descriptions naming others would be filled in within each other, growing exponentially.
        return "description", "a `description` cannot name another recipient ({{recipient:…}})"
    if kind == "purpose" and item.get("basis", "") not in ("", *BASES):
        return "basis", f"`basis` must be one of {', '.join(BASES)}"
    return None


def parent_of(id: str, root: bool, default_root: str | None) -> str | None:
    if root or id == default_root:
        return None
    if "." in id:
        return id.rsplit(".", 1)[0]
    return default_root


def make_entry(kind: str, values: dict, parent: str | None):
    words = tuple(normal_text(w) for w in values.get("words", []))
    if kind == "data":
        return Category(values["id"], values["title"], sensitive_laws(values["sensitive"]), words, parent)
    if kind == "recipient":
        return Recipient(values["id"], values["title"], values["role"], values["description"],
                         words, parent)
    if kind == "purpose":
        return Purpose(values["id"], values["title"], words, parent,
                       values.get("basis", ""), values.get("interest", ""), values.get("withdraw", ""))
    return Audience(values["id"], values["title"], parent)


def sensitive_laws(value: bool | list) -> tuple[str, ...]:
    """The laws a category is sensitive under; `true`, as libraries wrote it before laws were named,
    meant California's "sensitive personal information"."""
    if isinstance(value, bool):
        return ("ccpa",) if value else ()
    return tuple(value)


def word_clashes(kind: str, entries: dict[str, _Entry]) -> list[Fault]:
    """A phrase that names two entries of one kind makes wording ambiguous."""
    owner: dict[str, str] = {}
    faults = []
    for id, entry in entries.items():
        for word in {normal_text(w) for w in entry.values.get("words", [])}:
            if word in owner and owner[word] != id:
                faults.append((entry.path, entry.line,
                               f"the words {word!r} name both {owner[word]!r} and {id!r}"))
            owner.setdefault(word, id)
    return faults


def header_lines(text: str, table: str) -> list[int]:
    """1-based line numbers of each `[[table]]` header."""
    header = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
    return [n for n, line in enumerate(text.splitlines(), 1) if header.match(line)]


def key_line(text: str, start: int, key: str) -> int:
    """Line of `key = ` in the table that starts at line `start` (or `start` itself)."""
    if not key:
        return start
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for n in range(start, len(lines)):
        if lines[n].lstrip().startswith("["):
            break
        if pattern.match(lines[n]):
            return n + 1
    return start
