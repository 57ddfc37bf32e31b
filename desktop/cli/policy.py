"""A profile's policy on the command line: check, coverage, export."""

import json
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, UserError, library, note_extension, profile, writing
from desktop.engine.review.checks import ERROR, check, has_errors
from desktop.engine.review.coverage import coverage, is_complete
from desktop.engine.review.coverage_text import coverage_lines
from desktop.usecases import FORMATS, NOTICES, HasErrors, NoNotice, draft, export_policy, notice_draft


def add_commands(commands, parent) -> None:
    sub = commands.add_parser("check", parents=[parent], help="list a profile's problems")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("coverage", parents=[parent],
                              help="what each chosen law asks the policy to state: covered, reworded or missing")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("export", parents=[parent], help="write the policy to a file")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--format", required=True, choices=sorted(FORMATS))
    sub.add_argument("--out", required=True, type=Path, metavar="PATH")
    sub.add_argument("--allow-incomplete", action="store_true",
                     help="write a draft even with errors; each gap is marked in the text")
    sub.add_argument("--notice", choices=sorted(NOTICES),
                     help="write this notice, which is kept apart from the policy, instead of the policy")
    toc_formats = ", ".join(fmt.id for fmt in FORMATS.values() if "toc" in fmt.options)
    sub.add_argument("--toc", action="store_true",
                     help=f"add a table of contents linked to the headings ({toc_formats}; Word and HTML always have one, the PDF has bookmarks)")


def cmd_check(args) -> int:
    loaded = library(args)
    problems = check(profile(args.profile, loaded), loaded)
    if args.json:
        print(json.dumps({"problems": [p.as_dict() for p in problems]}, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(f"{problem.severity:<8} {problem.code:<18} {problem.where:<28} {problem.message}")
        errors = sum(p.severity == ERROR for p in problems)
        print(f"{errors} errors, {len(problems) - errors} warnings and notes")
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def cmd_coverage(args) -> int:
    loaded = library(args)
    result = coverage(profile(args.profile, loaded), loaded)
    if args.json:
        print(json.dumps({regime_id: regime.as_dict() for regime_id, regime in result.items()}, indent=2, ensure_ascii=False))
    else:
        for line in coverage_lines(result, loaded):
            print(line)
    return EXIT_OK if is_complete(result) else EXIT_PROBLEMS


def cmd_export(args) -> int:
    loaded = library(args)
    policy = draft(profile(args.profile, loaded), loaded)
    if args.notice:
        try:
            policy = notice_draft(policy, loaded, args.notice)
        except NoNotice as error:
            raise UserError(f"{args.profile}: {error}") from None
    try:
        with writing(args.out, "choose another file for the policy"):
            export_policy(policy, args.format, args.out, allow_errors=args.allow_incomplete, sources=[args.profile], toc=args.toc)
    except HasErrors as refused:
        for problem in refused.errors:
            print(f"{args.profile}: {problem.where}: {problem.message}", file=sys.stderr)
        print(f"policywright: {args.out} not written: fix the errors above, or add --allow-incomplete "
              "for a draft with the gaps marked", file=sys.stderr)
        return EXIT_PROBLEMS
    except ImportError as error:  # e.g. PDF, whose writer is Qt's, where Qt's libraries are missing
        raise UserError(f"{args.out} not written: {FORMATS[args.format].name} export needs {error.name or error}, "
                        "which cannot be loaded here; choose another format") from None
    note_extension(args.out, FORMATS[args.format].extension)
    print(f"wrote {args.out}")
    return EXIT_OK


COMMANDS = {"check": cmd_check, "coverage": cmd_coverage, "export": cmd_export}
