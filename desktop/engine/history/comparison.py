"""Two policies side by side, a draft or published versions, and everything said about the change:
the marked-up blocks, the plain-language summary, the Word redline and the Markdown.

A side is named on the command line as a profile file (its draft, assembled now), a version file
(`acme.versions/v0003.json`), or `PROFILE@N` / `PROFILE@last`.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.facts.model import StatedFact
from desktop.engine.history.change_summary import summarise
from desktop.engine.history.versions import PolicyText, Version, find_version, is_version_file, read_version
from desktop.engine.library.model import Library
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.diff import BlockChange, compare
from desktop.engine.profile.profile import Profile, ProfileError, load_profile

DRAFT = "Draft"


@dataclass(frozen=True)
class Side:
    label: str  # "Version 2 · 01 Dec 2026 14:00" or "Draft"
    profile: Profile
    policy: PolicyText
    when: dt.datetime
    facts: tuple[StatedFact, ...]
    number: int | None = None  # the version's number; None for a draft

    @property
    def short(self) -> str:
        """"v2", or "draft": for a file name."""
        return f"v{self.number}" if self.number is not None else "draft"


def draft_side(profile: Profile, library: Library, label: str = DRAFT) -> Side:
    document = assemble(profile, library)
    return Side(label, profile, PolicyText.of(document), dt.datetime.now(dt.UTC).replace(microsecond=0), tuple(document.facts))


def version_side(version: Version, library: Library) -> Side:
    """The version's text as published; its facts are read again from its profile (for the summary)."""
    facts = tuple(assemble(version.profile, library).facts)
    return Side(version.label, version.profile, version.policy, version.published, facts, version.number)


@dataclass(frozen=True)
class Comparison:
    old: Side
    new: Side
    changes: tuple[BlockChange, ...]
    summary: tuple[str, ...]

    @property
    def heading(self) -> str:
        return f"Changes to {self.new.policy.title}"

    @property
    def file_stem(self) -> str:
        """A file name that says what was compared: "policy-changes-v1-to-v2"."""
        return f"policy-changes-{self.old.short}-to-{self.new.short}"

    @property
    def compared(self) -> str:
        return f"{self.old.label} compared with {self.new.label}"

    # The writers load on first use, as the exporters do (tests/test_export_lazy.py).
    def docx(self) -> bytes:
        from desktop.engine.export import redline

        return redline.render(list(self.changes), self.new.when, self.heading, self.new.policy.page_size, self.compared)

    def markdown(self) -> bytes:
        from desktop.engine.export import diff_markdown

        return diff_markdown.render(list(self.changes), self.heading, self.compared, list(self.summary))

    def summary_text(self) -> str:
        return "\n".join(f"- {line}" for line in self.summary) if self.summary else "Nothing a reader would notice changed."


def compare_sides(old: Side, new: Side, library: Library) -> Comparison:
    changes = compare(list(old.policy.blocks), list(new.policy.blocks))
    summary = summarise(old.profile, list(old.facts), new.profile, list(new.facts), library)
    return Comparison(old, new, tuple(changes), tuple(summary))


def side_from_reference(reference: str, library: Library, load: Callable[[Path], Profile] = load_profile) -> Side:
    """A side named as a profile file, a version file, or PROFILE@N; a ProfileError names what is wrong.
    A profile file is read by `load` (the command line's refuses option values of the wrong type)."""
    path = Path(reference)
    if path.is_file():
        if is_version_file(path):
            return version_side(read_version(path), library)
        return draft_side(load(path), library, f"{DRAFT} of {path.name}")
    base, at, which = reference.rpartition("@")
    if at and base and Path(base).is_file():
        return version_side(find_version(Path(base), which), library)
    raise ProfileError(reference, ["no such profile or published version; give a profile file, "
                                   "a version file, or PROFILE@N such as acme.json@2"])
