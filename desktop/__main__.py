"""`python -m desktop`, and the bundled app's entry point."""

import os
import sys


def run() -> int:
    from desktop.cli import main

    return main()


if getattr(sys, "frozen", False):  # the bundled app: an unexpected error is logged, never shown as a traceback
    from desktop import crash

    crash.install()
    code = crash.guarded(run)
else:
    code = run()
try:
    sys.stdout.flush()
except (BrokenPipeError, AttributeError):  # the reader (`| head`) stopped reading; nothing is left to say
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
sys.exit(code)
