"""Can a window open here? Asked before Qt is imported, because Qt aborts the process (with no
message a user can act on) when it finds no screen or lacks a system library."""

import ctypes
import ctypes.util
import importlib.util
import os
import re
import sys
from pathlib import Path


def screen_problem() -> str | None:
    """A plain sentence saying why no window can open on this machine, or None."""
    if sys.platform != "linux":
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return ("there is no screen to open the window on (DISPLAY is not set). "
                "The command line works without one: see policywright --help")
    library = missing_x11_library()
    if library:
        return (f"the window needs the system library {library}. Install it (on Debian or Ubuntu: "
                f"sudo apt-get install {debian_package(library)}) and start Policywright again")
    return None


def missing_x11_library() -> str | None:
    """The first system library Qt's X11 plugin needs and cannot find, or None."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(spec.submodule_search_locations[0]) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if plugin.is_file():
        try:
            ctypes.CDLL(str(plugin))
        except OSError as error:
            named = re.search(r"(lib[\w.+-]+\.so[.\d]*)", str(error))
            return named.group(1) if named else str(error)
    # Qt loads the cursor library by name at run time, so linking does not reveal it.
    return None if ctypes.util.find_library("xcb-cursor") else "libxcb-cursor.so.0"


def debian_package(library: str) -> str:
    """libxcb-icccm.so.4 -> libxcb-icccm4; libxkbcommon-x11.so.0 -> libxkbcommon-x11-0."""
    name, _, version = library.partition(".so.")
    version = version.split(".")[0]
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"
