"""Startup time of the window, as a ratio against a bare Qt window started the same way, in the same run.

    .venv/bin/python bench/startup.py [--runs 5]

Each side is a fresh process that prints `startup_ms=N`: milliseconds from process start to the
first painted window. The app's side is `policywright gui --quit-after-startup` (the example
profile, its preview rendered); the baseline imports PySide6.QtWidgets and shows an empty
QMainWindow. Runs alternate, so a busy machine slows both alike; the ratio of the medians is the
number to watch. Offscreen unless QT_QPA_PLATFORM says otherwise.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASELINE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from desktop.ui.startup import seconds_since_process_start

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            QTimer.singleShot(0, finish)
        return False

def finish():
    print(f"startup_ms={seconds_since_process_start() * 1000:.0f}", flush=True)
    app.exit(0)

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("baseline"))
watcher = FirstPaint()
app.installEventFilter(watcher)
window.resize(1000, 700)
window.show()
sys.exit(app.exec())
"""


def measure(command: list[str], env: dict) -> tuple[float, float]:
    """(startup_ms the process reported, wall-clock ms until it exited)."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    wall = (time.perf_counter() - started) * 1000
    found = re.search(r"startup_ms=(\d+)", result.stdout)
    if result.returncode != 0 or not found:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return float(found.group(1)), wall


def main() -> int:
    parser = argparse.ArgumentParser(description="Startup time of the window against a bare Qt window.")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "XDG_CONFIG_HOME": str(Path(home) / "config"), "PYTHONPATH": str(ROOT)}
        app_command = [sys.executable, "-m", "desktop", "gui", "--quit-after-startup"]
        base_command = [sys.executable, "-c", BASELINE]
        measure(app_command, env)  # warm the file cache for both, so the first run is not the odd one out
        measure(base_command, env)
        app, base = [], []
        for _ in range(args.runs):
            app.append(measure(app_command, env))
            base.append(measure(base_command, env))
    app_ms, base_ms = statistics.median(a for a, _ in app), statistics.median(b for b, _ in base)
    app_wall, base_wall = statistics.median(w for _, w in app), statistics.median(w for _, w in base)
    print(f"runs: {args.runs} each, alternating; platform: {env['QT_QPA_PLATFORM']}")
    print(f"baseline (bare QApplication + QMainWindow): {base_ms:.0f} ms to first paint, {base_wall:.0f} ms to exit")
    print(f"policywright gui --quit-after-startup:      {app_ms:.0f} ms to first paint, {app_wall:.0f} ms to exit")
    print(f"startup ratio (first paint): {app_ms / base_ms:.2f}")
    print(f"startup ratio (to exit):     {app_wall / base_wall:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
