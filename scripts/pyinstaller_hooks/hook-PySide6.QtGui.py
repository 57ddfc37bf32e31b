# Replaces PyInstaller's own hook for PySide6.QtGui, which bundles every Qt plugin it finds. Only
# the plugins Policywright loads are kept, and they are chosen here, before PyInstaller collects
# the system libraries they link to (the GTK theme plugin alone pulls in GTK, cairo and pango).
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEEP = {
    # a screen: X11 and Wayland desktops, and offscreen (tests, the smoke test)
    "platforms": {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"},
    "xcbglintegrations": None,  # every file of the type (small; X11 looks for them)
    "wayland-shell-integration": {"libxdg-shell.so"},
    "wayland-decoration-client": {"libbradient.so"},
    "wayland-graphics-integration-client": {"libshm-emulation-server.so", "libqt-plugin-wayland-egl.so"},
    "platformthemes": {"libqxdgdesktopportal.so"},  # the desktop's own file dialogs, through the portal
    "platforminputcontexts": None,  # typing accents and other scripts (compose keys, IBus)
    "imageformats": {"libqsvg.so"},  # the icons are SVG; PNG is built into Qt
    "iconengines": {"libqsvgicon.so"},
}


def keep(source: str, target: str) -> bool:
    if "/plugins/" not in target.replace("\\", "/") + "/":
        return True
    kind = Path(target).name
    names = KEEP.get(kind, set())
    return names is None or Path(source).name in names


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, target) for source, target in binaries if keep(source, target)]
