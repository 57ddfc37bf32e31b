"""Starting the app: `policywright gui --quit-after-startup` opens, paints, reports and exits."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_quietly(args, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


def test_quit_after_startup_reports_and_exits_cleanly(tmp_path):
    result = run_quietly(["-m", "desktop", "gui", "--quit-after-startup"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"startup_ms=\d+\n", result.stdout)
    assert not (tmp_path / "config").exists() or not any((tmp_path / "config").rglob("*.ini")), "the smoke test writes no settings"


def test_quit_after_startup_opens_the_profile_named(tmp_path):
    profile = tmp_path / "mine.json"
    assert run_quietly(["-m", "desktop", "new-profile", str(profile)], tmp_path).returncode == 0
    result = run_quietly(["-m", "desktop", "gui", str(profile), "--quit-after-startup"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"startup_ms=\d+\n", result.stdout)


def test_screenshot_script_draws_the_window(tmp_path):
    out = tmp_path / "shot.png"
    result = run_quietly(["scripts/screenshot.py", "--out", str(out), "--size", "1000x700"], tmp_path)
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
