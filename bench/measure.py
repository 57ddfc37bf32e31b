"""Timing whole processes: wall time and peak resident memory, rounds alternating A B A B."""

import os
import re
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field


@dataclass
class Sample:
    seconds: float  # wall clock, start to exit
    rss_mib: float | None  # peak resident memory, where the system reports it
    reported_ms: float | None = None  # what the process printed as startup_ms=N, if it did


@dataclass
class Series:
    samples: list[Sample] = field(default_factory=list)

    def median(self, what: str = "seconds") -> float | None:
        values = [getattr(s, what) for s in self.samples if getattr(s, what) is not None]
        return statistics.median(values) if values else None


class Failed(RuntimeError):
    pass


def run_measured(command: list[str], env: dict, cwd) -> tuple[Sample, str]:
    """Run `command` to its end: its Sample (peak memory through os.wait4, where there is one) and its output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode, rss = os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024  # KiB on Linux
        else:
            process.wait()
            rss = None
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        text, problems = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if process.returncode != 0:
        raise Failed(f"{' '.join(map(str, command))} exited {process.returncode}:\n{problems}")
    found = re.search(r"startup_ms=(\d+)", text)
    return Sample(seconds, rss, float(found.group(1)) if found else None), text


def alternate(commands: dict[str, list[str]], rounds: int, env: dict, cwd, warmup: bool = True) -> dict[str, Series]:
    """Each command once per round, in turn (A B A B…), after one unmeasured run of each."""
    if warmup:
        for command in commands.values():
            run_measured(command, env, cwd)
    series = {name: Series() for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            series[name].samples.append(run_measured(command, env, cwd)[0])
    return series
