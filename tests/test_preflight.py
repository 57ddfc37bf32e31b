"""Before Qt is loaded, a machine that cannot show a window gets a sentence, not an abort."""

import pytest

from desktop import preflight
from desktop.cli import main


@pytest.fixture
def linux(monkeypatch):
    monkeypatch.setattr(preflight.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_no_display_is_explained_and_exits_2(linux, capsys):
    assert main(["gui"]) == 2
    err = capsys.readouterr().err
    assert "cannot open the window: there is no screen" in err and "policywright --help" in err


def test_missing_system_library_names_the_package(linux, capsys):
    linux.setenv("DISPLAY", ":0")
    linux.setattr(preflight, "missing_x11_library", lambda: "libxcb-icccm.so.4")
    assert main([]) == 2
    assert "needs the system library libxcb-icccm.so.4" in capsys.readouterr().err
    linux.setattr(preflight, "missing_x11_library", lambda: "libxcb-cursor.so.0")
    assert "apt-get install libxcb-cursor0" in preflight.screen_problem()


@pytest.mark.parametrize(("library", "package"), [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"), ("libxcb-cursor.so.0", "libxcb-cursor0"),
])
def test_debian_package_names(library, package):
    assert preflight.debian_package(library) == package



def test_offscreen_wayland_and_complete_x11_need_nothing(linux):
    linux.setenv("QT_QPA_PLATFORM", "offscreen")
    assert preflight.screen_problem() is None
    linux.delenv("QT_QPA_PLATFORM")
    linux.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert preflight.screen_problem() is None
    linux.delenv("WAYLAND_DISPLAY")
    linux.setenv("DISPLAY", ":0")
    linux.setattr(preflight, "missing_x11_library", lambda: None)
    assert preflight.screen_problem() is None
