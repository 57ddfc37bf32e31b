"""The command line: everything that needs no screen. Its output and exit codes are stable."""

import argparse
import contextlib
import errno
import json
import sys
from pathlib import Path

from desktop import NOT_LEGAL_ADVICE, __version__, cli_versions
from desktop.cli_interview import print_questions, profile_from_answers
from desktop.engine.export import FORMATS, export_bytes
from desktop.engine.files.fileio import write_atomic
from desktop.engine.history.versions import why_not_export, why_not_write
from desktop.engine.library.cache import load_library_cached
from desktop.engine.library.loader import library_folders, load_library
from desktop.engine.library.model import Library
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import ProfileError, load_profile, profile_json
from desktop.engine.review.checks import ERROR, check, has_errors, option_type_problems
from desktop.engine.review.coverage import coverage, is_complete
from desktop.engine.review.coverage_text import coverage_lines
from desktop.engine.review.example import example_profile

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class UserError(Exception):
    """A plain one-line message for the user; exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    # SUPPRESS keeps a subcommand's empty default from erasing --library given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", action="append", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help="also read clauses from DIR (may repeat); they add to or replace bundled ones")
    parser = argparse.ArgumentParser(
        prog="policywright", parents=[common],
        description="Draft a privacy policy from a company profile and a clause library. "
                    + NOT_LEGAL_ADVICE)
    parser.add_argument("--version", action="version", version=f"policywright {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, text in (("practices", "list every practice"), ("clauses", "list every clause")):
        sub = commands.add_parser(name, parents=[common], help=text)
        sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("check-library", parents=[common], help="validate clause folders")
    sub.add_argument("folders", nargs="*", type=Path, metavar="DIR")
    sub = commands.add_parser("new-profile", parents=[common], help="write an example profile to start from")
    sub.add_argument("path", type=Path)
    sub.add_argument("--force", action="store_true", help="replace an existing file")
    sub.add_argument("--answers", type=Path, metavar="FILE",
                     help="build the profile from interview answers in FILE, a JSON object {question id: answer}")
    sub = commands.add_parser("questions", parents=[common], help="list the interview's questions")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("check", parents=[common], help="list a profile's problems")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("coverage", parents=[common],
                              help="what each chosen law asks the policy to state: covered, reworded or missing")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("export", parents=[common], help="write the policy to a file")
    sub.add_argument("profile", type=Path)
    sub.add_argument("--format", required=True, choices=sorted(FORMATS))
    sub.add_argument("--out", required=True, type=Path, metavar="PATH")
    sub.add_argument("--allow-incomplete", action="store_true",
                     help="write a draft even with errors; each gap is marked in the text")
    toc_formats = ", ".join(fmt.id for fmt in FORMATS.values() if "toc" in fmt.options)
    sub.add_argument("--toc", action="store_true",
                     help=f"add a table of contents linked to the headings ({toc_formats}; Word and HTML always have one, the PDF has bookmarks)")
    cli_versions.add_commands(commands, common)
    sub = commands.add_parser("gui", parents=[common], help="open the window (what `policywright` alone does)")
    sub.add_argument("profile", nargs="?", type=Path, help="a profile to open")
    sub.add_argument("--quit-after-startup", action="store_true",
                     help="open the window with the example profile, print startup_ms=N and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    _escape_unprintable_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.library = getattr(args, "library", [])
    if not args.command:
        args.command, args.profile, args.quit_after_startup = "gui", None, False
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: not an error
        sys.stdout = None
        return EXIT_OK
    except UserError as error:
        print(f"policywright: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ProfileError as error:
        for problem in error.problems:
            print(f"policywright: {error.source}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:  # a path the system refuses: too long, no permission, not a folder…
        if error.filename is None:  # no path of the user's: a broken installation, for the crash handler
            raise
        print(f"policywright: {error.filename}: {_reason(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _reason(error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for this system; choose a shorter one"
    return f"{error.strerror or error}; check the path"


def _escape_unprintable_output() -> None:
    """Text the terminal cannot encode (a lone surrogate in a profile, an emoji on an ASCII
    console) is printed as a backslash escape instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def _library(args) -> Library:
    for folder in args.library:
        if not folder.is_dir():
            raise UserError(f"{folder}: no such library folder; check the path given to --library")
    library = load_library_cached(library_folders(args.library))
    for fault in library.faults:
        print(f"policywright: skipped: {fault}", file=sys.stderr)
    return library


def cmd_practices(args) -> int:
    library = _library(args)
    rows = [
        {
            "id": p.id, "section": p.section, "title": p.title, "summary": p.primary.summary,
            "group": p.group, "sources": p.sources,
            "options": [{"name": o.name, "type": o.type, "title": o.title, "default": o.default}
                        for o in p.options.values()],
        }
        for p in sorted(library.practices.values(), key=_practice_key(library))
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            group = f"  [one of: {row['group']}]" if row["group"] else ""
            print(f"{row['id']:<36} {row['title']}{group}")
    return EXIT_OK


def _practice_key(library: Library):
    order = {s.id: index for index, s in enumerate(library.outline())}
    return lambda p: (order.get(p.section, 999), p.primary.order, p.id)


def cmd_clauses(args) -> int:
    library = _library(args)
    order = {s.id: index for index, s in enumerate(library.outline())}
    clauses = sorted(library.clauses.values(), key=lambda c: (order.get(c.section, 999), c.order, c.id))
    rows = [{"id": c.id, "practice": c.practice, "section": c.section, "title": c.title,
             "sources": c.sources} for c in clauses]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['id']:<40} {row['section']:<16} {row['title']}")
    return EXIT_OK


def cmd_check_library(args) -> int:
    folders = args.folders or library_folders(args.library)
    library = load_library(folders)
    for fault in library.faults:
        print(fault)
    print(f"{len(library.clauses)} clauses, {len(library.practices)} practices, "
          f"{len(library.faults)} faults in {', '.join(str(f) for f in folders)}")
    return EXIT_PROBLEMS if library.faults else EXIT_OK


def cmd_new_profile(args) -> int:
    if args.path.exists() and not args.force:
        raise UserError(f"{args.path}: already exists; choose another name or add --force")
    if refused := why_not_write(args.path):
        raise UserError(f"{args.path}: {refused}; choose another name for the profile")
    library = _library(args)
    profile = profile_from_answers(args.answers, library) if args.answers else example_profile(library)
    _write(args.path, profile_json(profile).encode("utf-8"))
    print(f"wrote {args.path}")
    return EXIT_OK


def cmd_questions(args) -> int:
    print_questions(args.json)
    return EXIT_OK


def cmd_check(args) -> int:
    library = _library(args)
    profile = _profile(args.profile, library)
    problems = check(profile, library)
    if args.json:
        print(json.dumps({"problems": [p.as_dict() for p in problems]}, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(f"{problem.severity:<8} {problem.code:<18} {problem.where:<28} {problem.message}")
        errors = sum(p.severity == ERROR for p in problems)
        print(f"{errors} errors, {len(problems) - errors} warnings and notes")
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def cmd_coverage(args) -> int:
    library = _library(args)
    result = coverage(_profile(args.profile, library), library)
    if args.json:
        print(json.dumps({regime_id: regime.as_dict() for regime_id, regime in result.items()}, indent=2, ensure_ascii=False))
    else:
        for line in coverage_lines(result):
            print(line)
    return EXIT_OK if is_complete(result) else EXIT_PROBLEMS


def cmd_export(args) -> int:
    refused = why_not_export(args.out, [args.profile])
    if refused:
        raise UserError(f"{args.out}: {refused}; choose another file for the policy")
    library = _library(args)
    profile = _profile(args.profile, library)
    document = assemble(profile, library)
    problems = check(profile, library, document)
    if has_errors(problems) and not args.allow_incomplete:
        for problem in problems:
            if problem.severity == ERROR:
                print(f"{args.profile}: {problem.where}: {problem.message}", file=sys.stderr)
        print(f"policywright: {args.out} not written: fix the errors above, or add --allow-incomplete "
              "for a draft with the gaps marked", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        data = export_bytes(document, args.format, toc=args.toc)
    except ImportError as error:  # e.g. PDF, whose writer is Qt's, where Qt's libraries are missing
        raise UserError(f"{args.out} not written: {FORMATS[args.format].name} export needs {error.name or error}, "
                        "which cannot be loaded here; choose another format") from None
    _write(args.out, data)
    extension = FORMATS[args.format].extension
    if args.out.suffix.lower() != extension:
        print(f"note: {args.out} does not end in {extension}", file=sys.stderr)
    print(f"wrote {args.out}")
    return EXIT_OK


def _profile(path: Path, library: Library):
    """The profile, refused (exit 2) when an option value has the wrong JSON type."""
    profile = load_profile(path)
    wrong = option_type_problems(profile, library)
    if wrong:
        raise ProfileError(str(path), wrong)
    return profile


def _write(path: Path, data: bytes) -> None:
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name")
    if not path.parent.is_dir():
        raise UserError(f"{path}: folder {path.parent} does not exist; create it or choose another")
    try:
        write_atomic(path, data)
    except OSError as error:
        raise UserError(f"{path}: cannot be written ({_reason(error) if error.errno == errno.ENAMETOOLONG else error.strerror or error}); "
                        "choose another place") from None


def cmd_gui(args) -> int:
    from desktop.preflight import screen_problem  # ctypes and subprocess, for the window only

    problem = screen_problem()
    if problem:
        raise UserError(f"cannot open the window: {problem}.")
    from desktop.ui.app import run  # Qt is loaded only when a window is wanted

    return run(profile=args.profile, quit_after_startup=args.quit_after_startup, library=args.library)


COMMANDS = {
    "practices": cmd_practices,
    "clauses": cmd_clauses,
    "check-library": cmd_check_library,
    "new-profile": cmd_new_profile,
    "questions": cmd_questions,
    "check": cmd_check,
    "coverage": cmd_coverage,
    "export": cmd_export,
    "publish": lambda args: cli_versions.cmd_publish(args, _library(args)),
    "versions": lambda args: cli_versions.cmd_versions(args, _library(args)),
    "diff": lambda args: cli_versions.cmd_diff(args, _library(args), _write),
    "gui": cmd_gui,
}
