"""Dates read in English whatever the desktop's language: the policy is English."""

import datetime as dt
import locale
import os
import subprocess
import sys
import textwrap

import pytest

from desktop.engine.language.dates import day_and_date, long_date, short_stamp
from desktop.engine.policy.assemble import assemble

GERMAN = "de_DE.UTF-8"


def _german_available() -> bool:
    saved = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, GERMAN)
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_TIME, saved)
    return True


needs_german = pytest.mark.skipif(not _german_available(), reason=f"the {GERMAN} locale is not installed "
                                  "(apt-get install locales; localedef -i de_DE -f UTF-8 de_DE.UTF-8)")


@pytest.fixture
def german_time():
    """LC_TIME set to German for the test, as a QApplication on a German desktop leaves it."""
    saved = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, GERMAN)
    assert f"{dt.date(2026, 12, 1):%B}" == "Dezember"  # the locale really is German
    yield
    locale.setlocale(locale.LC_TIME, saved)


def test_long_date_in_either_style():
    assert long_date(dt.date(2026, 12, 1), us=True) == "December 1, 2026"
    assert long_date(dt.date(2026, 3, 9), us=False) == "9 March 2026"


@needs_german
def test_dates_are_english_under_a_german_locale(german_time, profile, fixture_library):
    assert long_date(dt.date(2026, 12, 1), us=False) == "1 December 2026"
    assert day_and_date(dt.date(2026, 12, 1)) == "Tuesday 1 December 2026"
    assert short_stamp(dt.datetime(2026, 10, 5, 9, 30).astimezone()) == "05 Oct 2026 09:30"
    profile.effective_date = "2026-12-01"
    assert "December 1, 2026" in assemble(profile, fixture_library).plain_text()


@needs_german
def test_policy_and_export_are_english_after_qt_takes_a_german_locale(tmp_path):
    script = textwrap.dedent("""
        import datetime as dt, locale
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        assert f"{dt.date(2026, 12, 1):%B}" == "Dezember", locale.setlocale(locale.LC_TIME)
        from desktop.engine.export import export_bytes
        from desktop.engine.library.loader import load_library
        from desktop.engine.policy.assemble import assemble
        from desktop.engine.review.example import example_profile
        from desktop.paths import bundled_dir
        library = load_library([bundled_dir("snippets")])
        profile = example_profile(library, today=dt.date(2026, 12, 1))
        print(export_bytes(assemble(profile, library), "md").decode())
    """)
    env = {**os.environ, "LC_ALL": GERMAN, "LANG": GERMAN, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "December" in result.stdout and "Dezember" not in result.stdout
