"""What every command shares: exit codes, the one-line message for bad input (exit 2), loading the
clause library and a profile, and writing a file the user named."""

import contextlib
import errno
import sys
from pathlib import Path

from desktop.engine.library.cache import load_library_cached
from desktop.engine.library.loader import library_folders
from desktop.engine.library.model import Library
from desktop.engine.profile.profile import Profile, ProfileError, load_profile
from desktop.engine.review.checks import option_type_problems, unknown_law_problems
from desktop.usecases import Refused

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class UserError(Exception):
    """A plain one-line message for the user; exit code 2."""


def reason(error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for this system; choose a shorter one"
    return f"{error.strerror or error}; check the path"


def escape_unprintable_output() -> None:
    """Text the terminal cannot encode (a lone surrogate in a profile, an emoji on an ASCII
    console) is printed as a backslash escape instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def library(args) -> Library:
    for folder in args.library:
        if not folder.is_dir():
            raise UserError(f"{folder}: no such library folder; check the path given to --library")
    loaded = load_library_cached(library_folders(args.library))
    for fault in loaded.faults:
        print(f"policywright: skipped: {fault}", file=sys.stderr)
    return loaded


def profile(path: Path, library: Library) -> Profile:
    """The profile, refused (exit 2) when an option value has the wrong JSON type or it names a law the library lacks."""
    loaded = load_profile(path)
    wrong = option_type_problems(loaded, library) + unknown_law_problems(loaded, library)
    if wrong:
        raise ProfileError(str(path), wrong)
    return loaded


@contextlib.contextmanager
def writing(path: Path, choose: str):
    """Around the write of a file the user named: a folder, a missing folder, a file we never
    replace (`choose` says what to do instead) or a write the system refuses is a UserError."""
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name")
    if not path.parent.is_dir():
        raise UserError(f"{path}: folder {path.parent} does not exist; create it or choose another")
    try:
        yield
    except Refused as error:
        raise UserError(f"{error}; {choose}") from None
    except OSError as error:
        why = reason(error) if error.errno == errno.ENAMETOOLONG else error.strerror or error
        raise UserError(f"{path}: cannot be written ({why}); choose another place") from None


def note_extension(path: Path, extension: str) -> None:
    if path.suffix.lower() != extension:
        print(f"note: {path} does not end in {extension}", file=sys.stderr)
