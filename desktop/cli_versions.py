"""Published versions on the command line: publish, versions, diff.

`policywright diff OLD NEW --format docx|md --out PATH`, where OLD and NEW are each a profile
file (its draft), a version file, or PROFILE@N / PROFILE@last. Exit 0 written, 2 bad input.
"""

import argparse
import json
import sys
from pathlib import Path

from desktop.engine.history.comparison import compare_sides, side_from_reference
from desktop.engine.history.versions import is_version_file, list_versions, publish, why_not_export
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import load_profile
from desktop.engine.review.checks import ERROR, check

DIFF_FORMATS = {"docx": ".docx", "md": ".md"}


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    sub = commands.add_parser("publish", parents=[common], help="store the profile's policy as its next published version")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--allow-incomplete", action="store_true", help="publish even with errors; each gap is kept in the text")
    sub = commands.add_parser("versions", parents=[common], help="list a profile's published versions")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("diff", parents=[common], help="what changed between two versions: a Word redline or Markdown",
                              description="OLD and NEW are each a profile file (its draft), a published version's file, "
                                          "or PROFILE@N (PROFILE@last for the latest).")
    sub.add_argument("old", metavar="OLD")
    sub.add_argument("new", metavar="NEW")
    sub.add_argument("--format", required=True, choices=sorted(DIFF_FORMATS))
    sub.add_argument("--out", required=True, type=Path, metavar="PATH")
    sub.add_argument("--summary", action="store_true", help="also print what changed, in plain words")


def cmd_publish(args, library) -> int:
    from desktop.cli import UserError, _profile  # here, not above: cli.py imports this module

    if is_version_file(args.profile):
        raise UserError(f"{args.profile}: is a published version, not a profile; publish the profile it belongs to")
    profile = _profile(args.profile, library)  # an option of the wrong type is refused, as export refuses it
    document = assemble(profile, library)
    errors = [p for p in check(profile, library, document) if p.severity == ERROR]
    if errors and not args.allow_incomplete:
        for problem in errors:
            print(f"{args.profile}: {problem.where}: {problem.message}", file=sys.stderr)
        print(f"policywright: {args.profile} not published: fix the errors above, or add --allow-incomplete", file=sys.stderr)
        return 1
    try:
        version = publish(args.profile, profile, document)
    except OSError as error:
        raise UserError(f"{args.profile}: its version could not be stored ({error.strerror or error}); "
                        "check that its folder can be written") from None
    print(f"published {args.profile} as version {version.number}: {version.path}")
    return 0


def cmd_versions(args, library) -> int:
    if not args.profile.is_file():
        load_profile(args.profile)  # names the missing file
    skipped = []
    versions = list_versions(args.profile, skipped)
    for error in skipped:
        print(f"policywright: skipped: {error.source}: {'; '.join(error.problems)}", file=sys.stderr)
    if args.json:
        print(json.dumps([{"number": v.number, "published": v.published.isoformat(), "path": str(v.path),
                           "title": v.policy.title} for v in versions], indent=2, ensure_ascii=False))
    else:
        for version in versions:
            print(f"{version.number:>4}  {version.published.astimezone():%Y-%m-%d %H:%M}  {version.path}")
        print(f"{len(versions)} published version{'s' if len(versions) != 1 else ''}")
    return 0


def cmd_diff(args, library, write) -> int:
    from desktop.cli import UserError, _profile

    def load(path: Path):
        return _profile(path, library)

    refused = why_not_export(args.out, [_file_of(args.old), _file_of(args.new)], source_is="a file being compared")
    if refused:
        raise UserError(f"{args.out}: {refused}; choose another file for the changes")
    old = side_from_reference(args.old, library, load)
    new = side_from_reference(args.new, library, load)
    comparison = compare_sides(old, new, library)
    write(args.out, comparison.docx() if args.format == "docx" else comparison.markdown())
    if args.out.suffix.lower() != DIFF_FORMATS[args.format]:
        print(f"note: {args.out} does not end in {DIFF_FORMATS[args.format]}", file=sys.stderr)
    if args.summary:
        print(comparison.summary_text())
    print(f"wrote {args.out}")
    return 0


def _file_of(reference: str) -> Path:
    """The file a diff side is read from: the path itself, or the profile of PROFILE@N."""
    path = Path(reference)
    return (path if path.is_file() else Path(reference.rpartition("@")[0] or reference)).resolve()
