"""Load and validate the clause library: bundled `snippets/` plus the user's own folders.

Every fault is reported as `file:line: what is wrong`. A broken file is skipped, so one bad
clause in a user's folder never stops the app.
"""

import os
import re
import tomllib
from pathlib import Path

from desktop.engine.facts.tables import list_names
from desktop.engine.files.reading import LIBRARY_FILE_BYTES, read_text
from desktop.engine.files.toml_text import parse_toml
from desktop.engine.language.conditions import ConditionError, parse_condition
from desktop.engine.language.markup import MarkupError, parse_body
from desktop.engine.library.faults import (
    ID_PATTERN,
    category_problems,
    fact_problems,
    front_matter_problems,
    law_problems,
    reference_problems,
    table_problems,
    token_problem,
    tokens_with_lines,
)
from desktop.engine.library.model import (
    BUILTIN_TERMS,
    RULE_KINDS,
    Clause,
    DefinedTerm,
    Fault,
    Library,
    Practice,
    Rule,
    Section,
)
from desktop.engine.library.options import OptionSpec, parse_option
from desktop.engine.library.services import FOLDER as SERVICES_FOLDER
from desktop.engine.library.services import ServiceEntry, catalogue_order, read_service
from desktop.engine.library.tokens import COMPANY
from desktop.engine.reference.regimes import FILE_NAME as REGIMES_FILE
from desktop.engine.reference.regimes import Regime, RegimeError, parse_regimes
from desktop.engine.reference.vocabulary import Vocabulary, load_vocabulary
from desktop.paths import bundled_dir, user_library_dir


def load_library(folders: list[Path]) -> Library:
    """Read the folders in order; a later folder's clause replaces an earlier one's by id."""
    loader = _Loader()
    for folder in folders:
        loader.read_folder(Path(folder))
    return loader.finish()


class _Loader:
    def __init__(self):
        self.sections: dict[str, Section] = {}
        self.terms: dict[str, DefinedTerm] = {}
        self.clauses: dict[str, Clause] = {}
        self.regimes: dict[str, Regime] = {}
        self.regime_files: dict[str, Path] = {}  # regime id -> the file that declared it
        self.rule_files: list[tuple[Path, dict]] = []
        self.service_files: list[Path] = []  # read once the vocabulary is complete
        self.replaced: dict[str, list[Clause]] = {}  # clause id -> earlier folders' versions
        self.faults: list[Fault] = []
        self.folders: list[Path] = []
        self.vocabulary = Vocabulary()

    def fault(self, path: Path, line: int, message: str) -> None:
        self.faults.append(Fault(path, line, message))

    def read_folder(self, folder: Path) -> None:
        if not folder.is_dir():
            self.fault(folder, 0, "library folder does not exist")
            return
        self.folders.append(folder)
        for path in sorted(folder.glob("*/_section.toml")):
            self._read_section(path)
        for path in sorted(folder.glob("_terms/*.toml")):
            self._read_term(path)
        for path in sorted(folder.glob("_rules/*.toml")):
            data = self._toml(path, self._read_text(path) or "")
            if data is not None:
                self.rule_files.append((path, data))
        self.service_files += sorted(folder.glob(f"{SERVICES_FOLDER}/*.toml"))
        if os.path.lexists(folder / REGIMES_FILE):  # a pipe or a device is read, and refused, as a fault
            self._read_regimes(folder / REGIMES_FILE)
        for path in sorted(folder.glob("*/*.md")):
            if not path.parent.name.startswith("_"):
                self._read_clause(path)

    def _toml(self, path: Path, text: str, first_line: int = 1) -> dict | None:
        try:
            return parse_toml(text)
        except tomllib.TOMLDecodeError as error:
            line = re.search(r"line (\d+)", str(error))
            offset = int(line.group(1)) - 1 if line else max(0, len(text.splitlines()) - 1)
            self.fault(path, first_line + offset, f"TOML error: {error}")
            return None

    def _read_text(self, path: Path) -> str | None:
        try:
            return read_text(path, LIBRARY_FILE_BYTES)
        except (OSError, UnicodeDecodeError) as error:
            self.fault(path, 0, f"cannot read file: {error}")
            return None

    def _read_section(self, path: Path) -> None:
        text = self._read_text(path)
        data = self._toml(path, text) if text is not None else None
        if data is None:
            return
        if not isinstance(data.get("id"), str) or not ID_PATTERN.match(data["id"]):
            self.fault(path, 1, "section needs an `id` of lowercase letters, digits, _ . -")
        elif not isinstance(data.get("title"), str) or not data["title"].strip():
            self.fault(path, 1, "section needs a `title`")
        elif not isinstance(data.get("order"), int):
            self.fault(path, 1, "section needs a whole-number `order`")
        elif not all(isinstance(data.get(key, ""), str) for key in ("notice", "notice_title")):
            self.fault(path, 1, "a section's `notice` and `notice_title` are texts")
        elif not _section_titles_valid(data.get("titles", [])):
            self.fault(path, 1, "a section's `titles` are tables, each with `only` (a list of practice ids) and a `title`")
        else:
            titles = tuple((frozenset(t["only"]), t["title"]) for t in data.get("titles", []))
            self.sections[data["id"]] = Section(data["id"], data["title"], data["order"], data.get("notice", ""),
                                                data.get("notice_title", ""), titles)

    def _read_term(self, path: Path) -> None:
        text = self._read_text(path)
        data = self._toml(path, text) if text is not None else None
        if data is None:
            return
        term_id, label = data.get("id"), data.get("label")
        if not isinstance(term_id, str) or not isinstance(label, str) or not label:
            self.fault(path, 1, "a term needs `id` and `label`")
            return
        if term_id in (COMPANY,) or term_id.startswith(("opt.", "ref:", "if ")):
            self.fault(path, 1, f"term id {term_id!r} is reserved")
            return
        if not (data.get("introduce") or data.get("gloss")):
            self.fault(path, 1, "a term needs `introduce` or `gloss` for its first use")
            return
        self.terms[term_id] = DefinedTerm(
            term_id, label, str(data.get("plural", label)),
            str(data.get("introduce", "")), str(data.get("gloss", "")),
        )

    def _read_regimes(self, path: Path) -> None:
        """A folder's laws: new ones are added, and one with a known id replaces the earlier folder's."""
        data = self._toml(path, self._read_text(path) or "")
        try:
            regimes = parse_regimes(data or {})
        except RegimeError as error:
            self.fault(path, 1, str(error))
            return
        for regime in regimes.values():
            problems = law_problems(regime)
            for problem in problems:
                self.fault(path, 1, problem)
            if not problems:
                self.regimes[regime.id] = regime
                self.regime_files[regime.id] = path

    def _read_clause(self, path: Path) -> None:
        text = self._read_text(path)
        if text is None:
            return
        lines = text.splitlines()
        if not lines or lines[0].strip() != "+++":
            self.fault(path, 1, "a clause file starts with a `+++` line, then TOML front matter")
            return
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
        except StopIteration:
            self.fault(path, 1, "the front matter has no closing `+++` line")
            return
        data = self._toml(path, "\n".join(lines[1:end]), first_line=2)
        if data is None:
            return
        body, body_line = "\n".join(lines[end + 1:]), end + 2
        clause = self._build_clause(path, data, body, body_line)
        if clause is not None:
            earlier = self.clauses.get(clause.id)
            if earlier is not None and earlier.path.parent.parent == path.parent.parent:
                self.fault(path, 2, f"clause id {clause.id!r} is also used by {earlier.path}")
                return
            if earlier is not None:
                self.replaced.setdefault(clause.id, []).append(earlier)
            self.clauses[clause.id] = clause

    def _build_clause(self, path: Path, data: dict, body: str, body_line: int) -> Clause | None:
        problems = front_matter_problems(data)
        options: dict[str, OptionSpec] = {}
        for name, spec in (data.get("options") or {}).items():
            try:
                options[name] = parse_option(name, spec)
            except ValueError as error:
                problems.append(f"option {name!r}: {error}")
        when = None
        if isinstance(data.get("when"), str):
            try:
                when = parse_condition(data["when"])
            except ConditionError as error:
                problems.append(f"`when`: {error}")
        try:
            blocks = parse_body(body)
        except MarkupError as error:
            self.fault(path, body_line + error.line - 1, error.message)
            return None
        if not blocks:
            problems.append("the clause has no body text")
        if problems:
            for problem in problems:
                self.fault(path, 2, problem)
            return None
        return Clause(
            id=data["id"], practice=data["practice"], section=data["section"],
            title=data["title"], sources=data["sources"], body=body, path=path,
            body_line=body_line, blocks=blocks, summary=data.get("summary", ""),
            heading=data.get("heading"), order=data.get("order", 100), options=options,
            group=data.get("group"), excludes=data.get("excludes", []),
            requires=data.get("requires", []), regimes=data.get("regimes", []),
            when=when, example=data.get("example", False), fact_texts=data.get("facts", []),
        )

    def finish(self) -> Library:
        """Drop every clause with a fault (an earlier folder's version comes back), until none is left."""
        self.vocabulary = self._read_vocabulary()
        for regime in self.regimes.values():
            for message in category_problems(regime, self.vocabulary):
                self.fault(self.regime_files[regime.id], 1, message)
        while True:
            practices = self._group_practices()
            faulty = self._check_references(practices) | self._orphans(practices)
            if not faulty:
                break
            for clause_id in faulty:
                self._drop(clause_id)
        rules = self._rules(practices)
        services = self._services()
        faults = list(dict.fromkeys(self.faults))  # a clause checked in several rounds reports once
        return Library(self.sections, self._all_terms(), dict(self.clauses), practices, self.regimes, faults, rules,
                       self.vocabulary, services)

    def _read_vocabulary(self) -> Vocabulary:
        folders = [f for f in self.folders if (f / "_vocabulary").is_dir()]
        vocabulary, faults = load_vocabulary(folders)
        for path, line, message in faults:
            self.fault(path, line, message)
        return vocabulary

    def _services(self) -> dict[str, ServiceEntry]:
        """Each folder's `_services/` in order: a later entry replaces an earlier one with its id; a faulty one is skipped."""
        services = {}
        for path in self.service_files:
            text = self._read_text(path)
            data = self._toml(path, text) if text is not None else None
            entry, faults = read_service(path, data, text, self.vocabulary) if data is not None else (None, [])
            for line, message in faults:
                self.fault(path, line, message)
            if entry is not None:
                services[entry.id] = entry
        return catalogue_order(services)

    def _drop(self, clause_id: str) -> None:
        earlier = self.replaced.get(clause_id)
        if earlier:
            self.clauses[clause_id] = earlier.pop()
        else:
            del self.clauses[clause_id]

    def _orphans(self, practices: dict[str, "Practice"]) -> set[str]:
        return {cid for cid, clause in self.clauses.items() if clause.practice not in practices}

    def _rules(self, practices: dict[str, Practice]) -> list[Rule]:
        """Conflicts from front matter (`excludes`), and the relations of `_rules/` with their reasons.

        `_rules/` is the one home of "needs": a relation declared twice there is a fault."""
        relations = {}
        for practice in practices.values():
            for other in practice.primary.excludes:
                relations[("conflict", practice.id, other)] = ""
        declared: dict[tuple, Path] = {}
        for path, data in self.rule_files:
            kind, subject, others = data.get("kind"), data.get("practice"), data.get("others")
            if (kind not in RULE_KINDS or not isinstance(subject, str) or not isinstance(data.get("reason"), str)
                    or not isinstance(others, list) or not all(isinstance(other, str) for other in others)):
                self.fault(path, 1, f"a rule needs `kind` ({' or '.join(RULE_KINDS)}), `practice`, `others` and `reason`")
                continue
            unknown = [p for p in [subject, *others] if p not in practices]
            if unknown:
                self.fault(path, 1, f"rule names unknown practice(s): {', '.join(map(str, unknown))}")
                continue
            for other in others:
                key = (kind, subject, other)
                if key in declared:
                    self.fault(path, 1, f"{subject} {kind} {other} is already declared in {declared[key].name}")
                declared[key] = path
                relations[key] = data["reason"]
        return [Rule(kind, a, b, reason) for (kind, a, b), reason in sorted(relations.items())]

    def _all_terms(self) -> dict[str, DefinedTerm]:
        terms = dict(self.terms)
        for builtin in BUILTIN_TERMS:
            terms.setdefault(builtin, DefinedTerm(builtin, builtin, builtin, gloss=builtin))
        return terms

    def _group_practices(self) -> dict[str, Practice]:
        by_practice: dict[str, list[Clause]] = {}
        for clause in self.clauses.values():
            by_practice.setdefault(clause.practice, []).append(clause)
        practices = {}
        for practice_id, clauses in by_practice.items():
            primary = next((c for c in clauses if c.id == practice_id), None)
            if primary is None:
                for clause in clauses:
                    self.fault(clause.path, 2, f"practice {practice_id!r} has no primary clause (a clause with id {practice_id!r})")
                continue
            if not primary.summary:
                self.fault(primary.path, 2, "a practice's primary clause needs a one-sentence `summary`")
                continue
            clauses.sort(key=lambda c: (c.order, c.id))
            practices[practice_id] = Practice(practice_id, primary, clauses)
        return practices

    def _check_references(self, practices: dict[str, Practice]) -> set[str]:
        """Report what each clause names that does not exist; the ids of clauses with faults."""
        term_ids = set(self._all_terms())
        lists = list_names(self.regimes.values())
        faulty = set()
        for clause in self.clauses.values():
            practice = practices.get(clause.practice)
            if practice is None:
                continue
            for message in reference_problems(clause, practice, practices, self.sections, self.regimes):
                self.fault(clause.path, 2, message)
                faulty.add(clause.id)
            facts, faults = fact_problems(clause, practice, practices, self.vocabulary, self.regimes)
            clause.facts = tuple(facts)
            for line, message in faults:
                self.fault(clause.path, line, message)
                faulty.add(clause.id)
            for line, message in table_problems(clause):
                self.fault(clause.path, line, message)
                faulty.add(clause.id)
            for raw, line in tokens_with_lines(clause):
                message = token_problem(raw, term_ids, practice, self.sections, self.vocabulary.recipients, lists)
                if message:
                    self.fault(clause.path, line, message)
                    faulty.add(clause.id)
        return faulty


def library_folders(extra: list[Path] | None = None) -> list[Path]:
    """Bundled snippets, then the user's own folder if it exists, then folders given."""
    folders = [bundled_dir("snippets")]
    if user_library_dir().is_dir():
        folders.append(user_library_dir())
    return folders + [Path(f) for f in extra or []]


def _section_titles_valid(titles: object) -> bool:
    """`titles = [{only = ["practice.id", …], title = "…"}, …]`."""
    return isinstance(titles, list) and all(
        isinstance(t, dict) and isinstance(t.get("title"), str) and t["title"].strip() and isinstance(t.get("only"), list)
        and t["only"] and all(isinstance(p, str) for p in t["only"]) for t in titles)
