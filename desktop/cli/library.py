"""The clause library on the command line: practices, clauses, laws, check-library."""

import json
from datetime import date
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, library, profile
from desktop.engine.interview.faults import question_faults
from desktop.engine.interview.interview import regime_reasons
from desktop.engine.library.loader import library_folders, load_library
from desktop.engine.library.model import Library
from desktop.engine.library.services import stale_services
from desktop.engine.profile.questions import FILE as QUESTIONS_FILE
from desktop.engine.profile.questions import bundled_questions
from desktop.paths import bundled_dir


def add_commands(commands, parent) -> None:
    for name, text in (("practices", "list every practice"), ("clauses", "list every clause")):
        sub = commands.add_parser(name, parents=[parent], help=text)
        sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("services", parents=[parent], help="list the catalogue of services")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = commands.add_parser("laws", parents=[parent], help="list the laws a policy can cover")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub.add_argument("--profile", type=Path, metavar="FILE", help="also say whether each law applies to FILE, and why")
    sub = commands.add_parser("check-library", parents=[parent], help="validate clause folders")
    sub.add_argument("folders", nargs="*", type=Path, metavar="DIR")


def cmd_practices(args) -> int:
    loaded = library(args)
    rows = [
        {
            "id": p.id, "section": p.section, "title": p.title, "summary": p.primary.summary,
            "group": p.group, "sources": p.sources,
            "options": [{"name": o.name, "type": o.type, "title": o.title, "default": o.default}
                        for o in p.options.values()],
        }
        for p in sorted(loaded.practices.values(), key=_practice_key(loaded))
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            group = f"  [one of: {row['group']}]" if row["group"] else ""
            print(f"{row['id']:<36} {row['title']}{group}")
    return EXIT_OK


def _practice_key(loaded: Library):
    order = {s.id: index for index, s in enumerate(loaded.outline())}
    return lambda p: (order.get(p.section, 999), p.primary.order, p.id)


def cmd_clauses(args) -> int:
    loaded = library(args)
    order = {s.id: index for index, s in enumerate(loaded.outline())}
    clauses = sorted(loaded.clauses.values(), key=lambda c: (order.get(c.section, 999), c.order, c.id))
    rows = [{"id": c.id, "practice": c.practice, "section": c.section, "title": c.title,
             "sources": c.sources} for c in clauses]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['id']:<40} {row['section']:<16} {row['title']}")
    return EXIT_OK


def cmd_laws(args) -> int:
    loaded = library(args)
    rows = [{"id": r.id, "title": r.title, "citation": r.citation, "effective": r.effective,
             "checked_on": r.checked_on} for r in loaded.regimes.values()]
    if args.profile:
        chosen = profile(args.profile, loaded)
        reasons = regime_reasons(chosen.answers)
        for row in rows:
            row["applies"], row["reason"] = _applies(row["id"], chosen.regimes, reasons)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        print(f"{row['id']:<12} {row['title']:<18} in force {row['effective'] or '?':<10}  "
              f"checked {row['checked_on'] or 'never'}  {row['citation']}")
        if args.profile:
            print(f"{'':<13}{'✔' if row['applies'] else '✘'} {row['reason']}")
    return EXIT_OK


def _applies(regime_id: str, chosen: list[str], reasons: dict) -> tuple[bool, str]:
    """Whether the profile covers the law, and why: the interview's reason, unless the company form overrode it."""
    covered, reason = regime_id in chosen, reasons.get(regime_id)
    if reason and reason.applies == covered:
        return covered, reason.text
    return covered, "You ticked it on the company form." if covered else "You have not ticked it on the company form."


def cmd_check_library(args) -> int:
    folders = args.folders or library_folders(args.library)
    loaded = load_library(folders)
    faults = [str(fault) for fault in loaded.faults]
    if not args.folders:  # the library the app runs on: the interview's questions must agree with it
        faults += [f"{bundled_dir('snippets') / QUESTIONS_FILE}: {fault}" for fault in question_faults(bundled_questions(), loaded)]
    for fault in faults:
        print(fault)
    for entry in stale_services(loaded.services, date.today()):
        print(f"{entry.path}:1: warning: checked on {entry.checked_on}, more than a year ago: "
              "check it against the provider's current terms and update `checked_on`")
    print(f"{len(loaded.clauses)} clauses, {len(loaded.practices)} practices, "
          f"{len(faults)} faults in {', '.join(str(f) for f in folders)}")
    return EXIT_PROBLEMS if faults else EXIT_OK


def cmd_services(args) -> int:
    rows = [{"id": e.id, "name": e.name, "kind": e.kind, "provider": e.provider,
             "checked_on": e.checked_on.isoformat(), "privacy_policy": e.privacy_policy}
            for e in library(args).services.values()]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    width = {key: max((len(row[key]) for row in rows), default=0) for key in ("id", "name", "provider")}
    kind = None
    for row in rows:  # the catalogue is ordered by kind
        if row["kind"] != kind:
            kind = row["kind"]
            print(f"{'' if row is rows[0] else chr(10)}{kind}")
        columns = "  ".join(f"{row[key]:<{width[key]}}" for key in width)
        print(f"  {columns}  {row['checked_on']}  {row['privacy_policy']}")
    return EXIT_OK


COMMANDS = {"practices": cmd_practices, "clauses": cmd_clauses, "services": cmd_services, "laws": cmd_laws,
            "check-library": cmd_check_library}
