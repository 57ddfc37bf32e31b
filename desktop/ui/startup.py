"""How long this process has been running: the clock behind `startup_ms`. No Qt here."""

import os
import time

_IMPORTED = time.monotonic()


def seconds_since_process_start() -> float:
    """Seconds since the process started, from the kernel's record of it (Linux, 10 ms steps).

    Elsewhere, the time since this module was first imported, which misses the interpreter's own
    start (tens of milliseconds); the benchmark measures its baseline the same way, so the ratio holds.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            stat = handle.read()
        ticks = int(stat[stat.rindex(")") + 2:].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED
