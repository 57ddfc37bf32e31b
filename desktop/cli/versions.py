"""Published versions on the command line: publish, versions, diff.

`policywright diff OLD NEW --format docx|md --out PATH`, where OLD and NEW are each a profile
file (its draft), a version file, or PROFILE@N / PROFILE@last. Exit 0 written, 2 bad input.
"""

import argparse
import json
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, UserError, library, note_extension, profile, writing
from desktop.engine.history.versions import list_versions
from desktop.engine.profile.profile import load_profile
from desktop.usecases import (
    COMPARED_FILE,
    COMPARISON_FORMATS,
    HasErrors,
    Refused,
    compare_references,
    draft,
    publish_draft,
    refuse_publish,
    refuse_write,
    save_comparison,
)


def add_commands(commands, parent: argparse.ArgumentParser) -> None:
    sub = commands.add_parser("publish", parents=[parent], help="store the profile's policy as its next published version")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--allow-incomplete", action="store_true", help="publish even with errors; each gap is kept in the text")
    sub = commands.add_parser("versions", parents=[parent], help="list a profile's published versions")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("diff", parents=[parent], help="what changed between two versions: a Word redline or Markdown",
                              description="OLD and NEW are each a profile file (its draft), a published version's file, "
                                          "or PROFILE@N (PROFILE@last for the latest).")
    sub.add_argument("old", metavar="OLD")
    sub.add_argument("new", metavar="NEW")
    sub.add_argument("--format", required=True, choices=sorted(COMPARISON_FORMATS))
    sub.add_argument("--out", required=True, type=Path, metavar="PATH")
    sub.add_argument("--summary", action="store_true", help="also print what changed, in plain words")


def cmd_publish(args) -> int:
    loaded = library(args)
    try:
        refuse_publish(args.profile)
        policy = draft(profile(args.profile, loaded), loaded)  # an option of the wrong type is refused, as export refuses it
        version = publish_draft(args.profile, policy, allow_errors=args.allow_incomplete)
    except Refused as error:
        raise UserError(str(error)) from None
    except HasErrors as refused:
        for problem in refused.errors:
            print(f"{args.profile}: {problem.where}: {problem.message}", file=sys.stderr)
        print(f"policywright: {args.profile} not published: fix the errors above, or add --allow-incomplete", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as error:
        raise UserError(f"{args.profile}: its version could not be stored ({error.strerror or error}); "
                        "check that its folder can be written") from None
    print(f"published {args.profile} as version {version.number}: {version.path}")
    return EXIT_OK


def cmd_versions(args) -> int:
    library(args)
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
    return EXIT_OK


def cmd_diff(args) -> int:
    loaded = library(args)
    compared = [_file_of(args.old), _file_of(args.new)]
    choose = "choose another file for the changes"
    try:
        refuse_write(args.out, compared, COMPARED_FILE, export=True)  # before the sides are read, as the one check below would
    except Refused as error:
        raise UserError(f"{error}; {choose}") from None
    comparison = compare_references(args.old, args.new, loaded, lambda path: profile(path, loaded))
    with writing(args.out, choose):
        save_comparison(comparison, args.format, args.out, compared)
    note_extension(args.out, COMPARISON_FORMATS[args.format].extension)
    if args.summary:
        print(comparison.summary_text())
    print(f"wrote {args.out}")
    return EXIT_OK


def _file_of(reference: str) -> Path:
    """The file a diff side is read from: the path itself, or the profile of PROFILE@N."""
    path = Path(reference)
    return (path if path.is_file() else Path(reference.rpartition("@")[0] or reference)).resolve()


COMMANDS = {"publish": cmd_publish, "versions": cmd_versions, "diff": cmd_diff}
