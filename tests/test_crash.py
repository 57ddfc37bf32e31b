"""An error nobody caught (in the bundled app): one plain line for the user, the traceback in a log file."""

import os
import subprocess
import sys
from pathlib import Path

from desktop import crash

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)


def test_an_uncaught_error_prints_one_line_naming_the_log(tmp_path):
    result = run_python("from desktop import crash\ncrash.install()\nraise KeyError('practice')", tmp_path)
    log = tmp_path / "state" / "Policywright" / "log" / crash.LOG_NAME
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"policywright: unexpected error (KeyError: 'practice'); the details are in {log}"]
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "KeyError: 'practice'" in text


def test_guarded_reports_and_returns_exit_code_1(tmp_path, capsys):
    def broken():
        raise RuntimeError("no way on")

    assert crash.guarded(lambda: 0) == 0
    assert crash.guarded(broken) == 1  # into the user's log folder, which conftest points at a temporary one
    assert capsys.readouterr().err.startswith("policywright: unexpected error (RuntimeError: no way on); the details are in ")


def test_a_log_that_cannot_be_written_still_gives_one_line(tmp_path, capsys):
    (tmp_path / "file").write_text("")
    try:
        raise ValueError("bad")
    except ValueError:
        crash.report(*sys.exc_info(), log_dir=tmp_path / "file" / "log")
    assert capsys.readouterr().err.splitlines() == [
        "policywright: unexpected error (ValueError: bad); the details could not be saved (Not a directory)"]


def test_the_log_starts_again_once_it_is_large(tmp_path):
    log = crash.write_log("first", tmp_path)
    log.write_text("x" * (crash.MAX_LOG_BYTES + 1), encoding="utf-8")
    crash.write_log("second", tmp_path)
    text = log.read_text(encoding="utf-8")
    assert "second" in text and "x" * 100 not in text


def test_ctrl_c_is_not_an_error(tmp_path):
    result = run_python("from desktop import crash\ncrash.install()\nraise KeyboardInterrupt", tmp_path)
    assert result.stderr == "policywright: interrupted\n"
    assert not (tmp_path / "state").exists()


def test_a_broken_installation_is_an_unexpected_error_not_bad_input(tmp_path):
    code = ("from desktop import cli, crash\nfrom desktop.engine.library import loader\n"
            "def missing(name):\n"
            "    raise FileNotFoundError(f'bundled folder {name!r} is missing from this installation')\n"
            "loader.bundled_dir = missing\n"
            "crash.install()\n"
            "raise SystemExit(cli.main(['practices']))\n")
    result = run_python(code, tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("policywright: unexpected error (FileNotFoundError: bundled folder 'snippets' is missing")
