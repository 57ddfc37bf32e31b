"""The clause library as data: sections, defined terms, clauses, practices, rules, regimes.

`loader.py` reads it from folders; everything else only reads these objects.
"""

from dataclasses import dataclass, field
from pathlib import Path

from desktop.engine.facts.model import Fact
from desktop.engine.language.conditions import Condition
from desktop.engine.language.markup import BlockTemplate
from desktop.engine.library.options import OptionSpec
from desktop.engine.library.services import ServiceEntry
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import Vocabulary

BUILTIN_TERMS = ("service", "personal information")


@dataclass(frozen=True)
class Fault:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    order: int
    # The separate notice the section belongs to ("health-data"), exported alone and never part of the
    # privacy policy; empty: the privacy policy's. `notice_title` names that notice ("Consumer Health Data Privacy Policy").
    notice: str = ""
    notice_title: str = ""
    # Titles that follow what the section holds: (practices, title), the first whose practices hold every
    # practice the section shows wins ("Links to other websites" when it shows only the links clause).
    titles: tuple[tuple[frozenset[str], str], ...] = ()

    def title_for(self, practices: set[str]) -> str:
        """The title of the section when it shows the clauses of these practices."""
        return next((title for only, title in self.titles if practices and practices <= only), self.title)


@dataclass(frozen=True)
class DefinedTerm:
    id: str
    label: str
    plural: str
    introduce: str = ""
    gloss: str = ""


@dataclass
class Clause:
    id: str
    practice: str
    section: str
    title: str
    sources: list[str]
    body: str
    path: Path
    body_line: int
    blocks: list[BlockTemplate]
    summary: str = ""
    heading: str | None = None
    order: int = 100
    options: dict[str, OptionSpec] = field(default_factory=dict)
    group: str | None = None
    excludes: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    regimes: list[str] = field(default_factory=list)
    when: Condition | None = None
    example: bool = False
    fact_texts: list[str] = field(default_factory=list)  # as written in the front matter
    facts: tuple[Fact, ...] = ()  # read against the vocabulary when the library is complete

    @property
    def shown_heading(self) -> str:
        return self.title if self.heading is None else self.heading


@dataclass(frozen=True)
class Rule:
    """A relation between two practices: `practice` conflicts with, or needs, `other`."""

    kind: str  # "conflict" or "needs"
    practice: str
    other: str
    reason: str = ""


RULE_KINDS = ("conflict", "needs")


@dataclass
class Practice:
    id: str
    primary: Clause
    clauses: list[Clause]

    @property
    def title(self) -> str:
        return self.primary.title

    @property
    def section(self) -> str:
        return self.primary.section

    @property
    def options(self) -> dict[str, OptionSpec]:
        return self.primary.options

    @property
    def group(self) -> str | None:
        return self.primary.group

    @property
    def sources(self) -> list[str]:
        return sorted({source for clause in self.clauses for source in clause.sources})


@dataclass
class Library:
    sections: dict[str, Section]
    terms: dict[str, DefinedTerm]
    clauses: dict[str, Clause]
    practices: dict[str, Practice]
    regimes: dict[str, Regime]
    faults: list[Fault]
    rules: list[Rule] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    services: dict[str, ServiceEntry] = field(default_factory=dict)  # the service catalogue, by kind then name

    def outline(self) -> list[Section]:
        return sorted(self.sections.values(), key=lambda s: (s.order, s.id))

    def notices(self) -> list[str]:
        """The separate notices the library's sections make up, in outline order."""
        return list(dict.fromkeys(s.notice for s in self.outline() if s.notice))

    def notice_title(self, notice: str) -> str:
        """What a notice is called: the first `notice_title` its sections give."""
        return next((s.notice_title for s in self.outline() if s.notice == notice and s.notice_title), notice)

    def clauses_in(self, section_id: str) -> list[Clause]:
        found = [c for c in self.clauses.values() if c.section == section_id]
        return sorted(found, key=lambda c: (c.order, c.id))

    def needs(self, practice_id: str) -> list[str]:
        """The practices `practice_id` needs, as `_rules/` declares them (the one home of "needs")."""
        return [r.other for r in self.rules if r.kind == "needs" and r.practice == practice_id]

    def laws(self, ids) -> list[Regime]:
        """The laws among `ids` (a profile's regimes) that the library declares, in its order."""
        return [regime for regime_id, regime in self.regimes.items() if regime_id in ids]

    def requirement_ids(self) -> set[str]:
        return {r.id for regime in self.regimes.values() for r in regime.requirements}
