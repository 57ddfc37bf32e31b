"""The command line: everything that needs no screen. Its output and exit codes are stable.

One module per group of commands (library, interview, policy, versions), each adding its
commands to the parser and naming the function that runs each; common holds what they share.
What a command does to files (export, publish, diff) is desktop/usecases.py, as the window's is.
"""

import argparse
import sys
from pathlib import Path

from desktop import NOT_LEGAL_ADVICE, __version__
from desktop.cli import interview, library, policy, versions
from desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, UserError, escape_unprintable_output, reason
from desktop.engine.profile.profile import ProfileError

GROUPS = (library, interview, policy, versions)  # the order of `policywright --help`


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
    for group in GROUPS:
        group.add_commands(commands, common)
    sub = commands.add_parser("gui", parents=[common], help="open the window (what `policywright` alone does)")
    sub.add_argument("profile", nargs="?", type=Path, help="a profile to open")
    sub.add_argument("--quit-after-startup", action="store_true",
                     help="open the window with the example profile (or PROFILE), print startup_ms=N and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    escape_unprintable_output()
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
        print(f"policywright: {error.filename}: {reason(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT


def cmd_gui(args) -> int:
    from desktop.preflight import screen_problem  # ctypes and subprocess, for the window only

    problem = screen_problem()
    if problem:
        raise UserError(f"cannot open the window: {problem}.")
    from desktop.ui.app import run  # Qt is loaded only when a window is wanted

    return run(profile=args.profile, quit_after_startup=args.quit_after_startup, library=args.library)


COMMANDS = {name: command for group in GROUPS for name, command in group.COMMANDS.items()} | {"gui": cmd_gui}
