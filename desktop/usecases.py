"""What the command line and the window both do, written once: export the policy (or the cookie
policy alone) to a file, publish a version, compare two policies and save the comparison.

Above the engine and desktop/qtexport, below desktop/cli and desktop/ui. The fronts ask their user
(a printed message, a dialog) and call these; these decide nothing by asking. Every file written
here passes versions.why_not_write first, so a published version is never replaced.

The one registry of formats is FORMATS: the engine's declarations, and the PDF, whose writer needs
Qt and is plugged in here (by module, imported only when a PDF is made).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.export import ENGINE_FORMATS, MARKDOWN, WORD, Format, render
from desktop.engine.files.fileio import write_atomic
from desktop.engine.history.comparison import Comparison, compare_sides, draft_side, side_from_reference, version_side
from desktop.engine.history.versions import Version, is_version_file, publish, why_not_export, why_not_write
from desktop.engine.library.model import Library
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.cookies import cookie_policy
from desktop.engine.policy.document import Document
from desktop.engine.profile.profile import Profile
from desktop.engine.review.checks import ERROR, Problem, check

PDF = Format("pdf", ".pdf", "PDF", "PDF documents (*.pdf)", "desktop.qtexport.pdf")
# Every format the engine declares, with the PDF second (after Word, before the plain-text formats) in menus and help.
FORMATS: dict[str, Format] = {WORD.id: WORD, PDF.id: PDF, **ENGINE_FORMATS}
# A comparison is saved as a Word redline or as Markdown: those formats' declarations, each with its writer.
_COMPARISON_WRITERS = {WORD.id: Comparison.docx, MARKDOWN.id: Comparison.markdown}
COMPARISON_FORMATS: dict[str, Format] = {fmt_id: FORMATS[fmt_id] for fmt_id in _COMPARISON_WRITERS}
PROFILE_ITSELF, COMPARED_FILE = "the profile itself", "a file being compared"


class Refused(Exception):
    """A file we will not write; `reason` reads after its name: f"{path}: {reason}"."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = Path(path), reason


class HasErrors(Exception):
    """The policy still has errors, and the front did not allow a draft with gaps."""

    def __init__(self, errors: list[Problem]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass(frozen=True)
class Draft:
    """The policy as the profile makes it now, and what the checks say about it."""

    profile: Profile
    document: Document
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def draft(profile: Profile, library: Library) -> Draft:
    document = assemble(profile, library)
    return Draft(profile, document, tuple(check(profile, library, document)))


@dataclass(frozen=True)
class Notice:
    """A notice exported apart from the privacy policy, made from the same profile."""

    id: str  # what `export --notice` names: "health-data"
    title: str  # in menus, file names and messages: "Consumer Health Data Privacy Policy"
    build: Callable[[Draft, Library], Document | None]  # None: the profile has nothing for it
    missing: str  # why there is none, and what to do

    def draft(self, policy: Draft, library: Library) -> Draft:
        """The notice with the policy's problems: it repeats what the policy says, so it is exported
        only as the policy would be. NoNotice when the profile has nothing for it."""
        document = self.build(policy, library)
        if document is None:
            raise NoNotice(f"has no {self.title}: {self.missing}")
        return Draft(policy.profile, document, policy.problems)


def _cookie_policy(policy: Draft, library: Library) -> Document | None:
    return cookie_policy(policy.document)


def _health_data_policy(policy: Draft, library: Library) -> Document | None:
    """Its sections in the library declare `notice = "health-data"` (snippets/README.md)."""
    document = assemble(policy.profile, library, "health-data")
    return document if document.sections else None


# The one registry of separate notices, for both fronts.
NOTICES: dict[str, Notice] = {notice.id: notice for notice in (
    Notice("cookies", "Cookie Policy", _cookie_policy,
           "the policy has no cookies section; pick a cookie practice, such as “What cookies are and how to "
           "control them”, or a service that sets cookies"),
    Notice("health-data", "Consumer Health Data Privacy Policy", _health_data_policy,
           "none of the laws that ask for one applies to it"),
)}


class NoNotice(ValueError):
    """The profile has nothing for the notice."""


def notice_draft(policy: Draft, library: Library, notice_id: str) -> Draft:
    return NOTICES[notice_id].draft(policy, library)


def missing_notices(profile: Profile, document: Document, library: Library) -> dict[str, str]:
    """Notice id -> why the profile, whose policy is `document`, has nothing for it (its `missing`)."""
    policy = Draft(profile, document, ())  # a notice is made from the policy's text, not its problems
    return {notice.id: notice.missing for notice in NOTICES.values() if notice.build(policy, library) is None}


def refuse_write(path: Path, sources: Iterable[Path] = (), source_is: str = PROFILE_ITSELF, *, export: bool = False) -> None:
    """Raise Refused when `path` may not be written (a published version, one of `sources`; for an
    `export`, a policy or a comparison, also any profile)."""
    reason = (why_not_export if export else why_not_write)(path, sources, source_is)
    if reason:
        raise Refused(path, reason)


def write_file(path: Path, data: bytes, sources: Iterable[Path] = (), source_is: str = PROFILE_ITSELF, *,
               export: bool = False) -> None:
    """Every write of ours: refused as refuse_write says, else atomic (OSError when the system refuses)."""
    refuse_write(path, sources, source_is, export=export)
    write_atomic(Path(path), data)


def render_policy(document: Document, fmt_id: str, **options) -> bytes:
    """The bytes of the policy in any declared format (ImportError when its writer cannot load here)."""
    return render(document, FORMATS[fmt_id], **options)


def export_policy(policy: Draft, fmt_id: str, path: Path, *, allow_errors: bool = False,
                  sources: Iterable[Path] = (), source_is: str = PROFILE_ITSELF, **options) -> Path:
    """Write the policy to `path`: refused before anything is rendered when the file may not be
    written, or when the policy has errors and a draft with gaps was not allowed."""
    sources = list(sources)
    refuse_write(path, sources, source_is, export=True)
    if policy.errors and not allow_errors:
        raise HasErrors(policy.errors)
    write_file(path, render_policy(policy.document, fmt_id, **options), sources, source_is, export=True)
    return Path(path)


def refuse_publish(profile_path: Path) -> None:
    """Raise Refused when `profile_path` is a published version rather than a profile."""
    if is_version_file(profile_path):
        raise Refused(profile_path, "is a published version, not a profile; publish the profile it belongs to")


def publish_draft(profile_path: Path, policy: Draft, *, allow_errors: bool = False) -> Version:
    """Store the policy as the profile's next published version (OSError when its folder refuses)."""
    refuse_publish(profile_path)
    if policy.errors and not allow_errors:
        raise HasErrors(policy.errors)
    return publish(profile_path, policy.profile, policy.document)


def compare_with(old: Version, new: Version | Profile, library: Library) -> Comparison:
    """What changed from a published version to a later one, or to a draft (a profile as it is now)."""
    later = draft_side(new, library) if isinstance(new, Profile) else version_side(new, library)
    return compare_sides(version_side(old, library), later, library)


def compare_references(old: str, new: str, library: Library, load: Callable[[Path], Profile]) -> Comparison:
    """The diff command's comparison; each side a profile file (its draft), a version file or PROFILE@N."""
    return compare_sides(side_from_reference(old, library, load), side_from_reference(new, library, load), library)


def save_comparison(comparison: Comparison, fmt_id: str, path: Path, compared: Iterable[Path] = ()) -> Path:
    """Write the comparison as a Word redline or Markdown; never over a version or a compared file."""
    write_file(path, _COMPARISON_WRITERS[fmt_id](comparison), compared, COMPARED_FILE, export=True)
    return Path(path)
