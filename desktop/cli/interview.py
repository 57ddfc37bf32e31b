"""The interview on the command line: questions lists them, new-profile writes the example or a
profile built from a file of answers."""

import datetime as dt
import json
from pathlib import Path

from desktop.cli.common import EXIT_OK, UserError, library, writing
from desktop.engine.files.json_text import JSONTextError, read_json
from desktop.engine.files.reading import read_text
from desktop.engine.interview.interview import load_questions, new_profile
from desktop.engine.library.model import Library
from desktop.engine.profile.profile import Profile, ProfileError, profile_json
from desktop.engine.profile.questions import answer_problems
from desktop.engine.review.example import example_profile
from desktop.usecases import write_file


def add_commands(commands, parent) -> None:
    sub = commands.add_parser("new-profile", parents=[parent], help="write an example profile to start from")
    sub.add_argument("path", type=Path)
    sub.add_argument("--force", action="store_true", help="replace an existing file")
    sub.add_argument("--answers", type=Path, metavar="FILE",
                     help="build the profile from interview answers in FILE, a JSON object {question id: answer}")
    sub = commands.add_parser("questions", parents=[parent], help="list the interview's questions")
    sub.add_argument("--json", action="store_true", help="print JSON")


def cmd_new_profile(args) -> int:
    if args.path.exists() and not args.force:
        raise UserError(f"{args.path}: already exists; choose another name or add --force")
    loaded = library(args)
    profile = profile_from_answers(args.answers, loaded) if args.answers else example_profile(loaded)
    with writing(args.path, "choose another file for the profile"):
        write_file(args.path, profile_json(profile).encode("utf-8"))
    print(f"wrote {args.path}")
    return EXIT_OK


def cmd_questions(args) -> int:
    print_questions(args.json)
    return EXIT_OK


def question_rows() -> list[dict]:
    questions = load_questions()
    titles = {page.id: page.title for page in questions.pages}
    return [{"id": q.id, "page": q.page, "page_title": titles[q.page], "text": q.text, "why": q.why, "example": q.example,
             "type": q.type, "choices": list(q.choices), "kinds": list(q.kinds), "default": q.default,
             "asked_when": q.ask_when.source if q.ask_when else None}
            for q in questions.questions]


def print_questions(as_json: bool) -> None:
    rows = question_rows()
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    page = None
    for row in rows:
        if row["page"] != page:
            page = row["page"]
            print(f"{'' if row is rows[0] else chr(10)}# {row['page_title']}")
        choices = f" [{' | '.join(row['choices'])}]" if row["choices"] else ""
        print(f"{row['id']:<24} {row['type']:<7} {row['text']}{choices}")
        if row["asked_when"]:
            print(f"{'':<32} asked when {row['asked_when']}")


def read_answers(path: Path) -> dict:
    """The answers in a JSON file, {question id: answer}; ProfileError names the file and each bad id."""
    try:
        data = read_json(read_text(Path(path)))
    except FileNotFoundError:
        raise ProfileError(str(path), ["no such file; check the path given to --answers"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(str(path), [f"cannot be read ({error.__class__.__name__}: {error})"]) from None
    except JSONTextError as error:  # not JSON, too deep, a number too long
        raise ProfileError(str(path), [str(error)]) from None
    problems = answer_problems(data, unknown_ok=False)
    if problems:
        raise ProfileError(str(path), problems)
    return data


def profile_from_answers(path: Path, library: Library) -> Profile:
    return new_profile(read_answers(path), library, dt.date.today())


COMMANDS = {"new-profile": cmd_new_profile, "questions": cmd_questions}
