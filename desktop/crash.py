"""An error nobody caught: the details go to a log file, the user reads one plain line.

The bundled app installs this (desktop/__main__.py), so a user never meets a traceback; run from
source, Python's own traceback is kept for whoever is developing. No Qt import here: a dialog is
shown only when a window is already open.
"""

import contextlib
import datetime as dt
import sys
import threading
import traceback
from pathlib import Path

from desktop import __version__
from desktop.paths import user_log_dir

LOG_NAME = "policywright.log"
MAX_LOG_BYTES = 1_000_000  # past this, the log starts again: only recent errors matter


def install(log_dir: Path | None = None) -> None:
    """Route every uncaught error (in the main thread, other threads and Qt's slots) to `report`."""
    sys.excepthook = lambda kind, error, tb: report(kind, error, tb, log_dir)
    threading.excepthook = lambda hook: report(hook.exc_type, hook.exc_value, hook.exc_traceback, log_dir)


def guarded(function) -> int:
    """`function()`, or exit code 1 after reporting what it raised (so the bootloader adds no message of its own)."""
    try:
        return function()
    except Exception:
        report(*sys.exc_info())
        return 1


def report(kind, error, tb, log_dir: Path | None = None) -> None:
    if issubclass(kind, KeyboardInterrupt):  # Ctrl+C: the user knows why it stopped
        print("policywright: interrupted", file=sys.stderr)
        return
    details = "".join(traceback.format_exception(kind, error, tb))
    try:
        where = f"the details are in {write_log(details, log_dir or user_log_dir())}"
    except OSError as problem:
        where = f"the details could not be saved ({problem.strerror or problem})"
    summary = str(error).strip().splitlines()[0].rstrip(".") if str(error).strip() else ""
    line = f"policywright: unexpected error ({kind.__name__}{': ' + summary if summary else ''}); {where}"
    print(line, file=sys.stderr, flush=True)
    message = line.removeprefix("policywright: ")
    _dialog(message[0].upper() + message[1:])


def write_log(details: str, log_dir: Path) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    try:
        mode = "w" if path.stat().st_size > MAX_LOG_BYTES else "a"
    except FileNotFoundError:
        mode = "a"
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    with path.open(mode, encoding="utf-8") as handle:
        handle.write(f"--- {stamp} policywright {__version__} {' '.join(sys.argv[1:])}\n{details}\n")
    return path


def _dialog(text: str) -> None:
    """The same message in a dialog, when a window is open on a real screen (offscreen, nobody would see it)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    if app is None or app.platformName() in ("offscreen", "minimal"):
        return
    with contextlib.suppress(Exception):  # the message on stderr and in the log already stands
        widgets.QMessageBox.critical(None, "Policywright", text)
