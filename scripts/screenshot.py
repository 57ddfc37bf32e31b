"""Render docs/screenshot.png: the main window with the example profile, drawn by Qt offscreen.

    .venv/bin/python scripts/screenshot.py [--out PATH] [--dark] [--scale 2] [--tab company|practices|compliance]

Settings go to a temporary folder, so the picture never depends on (or changes) your own.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio, e.g. 2 for 200%% scaling")
    parser.add_argument("--tab", choices=("company", "practices", "compliance"), default="practices",
                        help="compliance: the checklist with the GDPR chosen too, a gap selected")
    parser.add_argument("--size", default="1440x900", help="window size in logical pixels")
    return parser.parse_args()


def dark_palette():
    """Qt's own dark Fusion palette (qt_fusionPalette(dark) in Qt's sources), as a dark desktop gives it."""
    from PySide6.QtGui import QBrush, QColor, QPalette

    window_text, background = QColor(240, 240, 240), QColor(50, 50, 50)
    light, mid, dark = background.lighter(150), background.darker(130), background.darker(150)
    base, highlight, disabled_text = background.darker(140), QColor(48, 140, 198), QColor(130, 130, 130)
    placeholder = QColor(window_text)
    placeholder.setAlpha(128)
    palette = QPalette(*(QBrush(c) for c in (window_text, background, light, dark, mid, window_text, window_text, base, background)))
    roles, disabled = QPalette.ColorRole, QPalette.ColorGroup.Disabled
    palette.setColor(roles.Midlight, mid.lighter(110))
    palette.setColor(roles.Shadow, dark.darker(135))
    palette.setColor(roles.Highlight, highlight)
    palette.setColor(roles.HighlightedText, window_text)
    palette.setColor(roles.AlternateBase, base.lighter(115))
    palette.setColor(roles.Link, QColor(138, 180, 248))
    palette.setColor(roles.LinkVisited, QColor(200, 160, 248))
    palette.setColor(roles.ToolTipBase, background)
    palette.setColor(roles.ToolTipText, window_text)
    palette.setColor(roles.PlaceholderText, placeholder)
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(disabled, role, disabled_text)
    palette.setColor(disabled, roles.Base, background)
    palette.setColor(disabled, roles.Highlight, QColor(145, 145, 145))
    return palette


def main() -> int:
    args = parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer

    from desktop.engine.library.loader import library_folders, load_library
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    app = application()
    app.setStyle("Fusion")
    if args.dark:
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(load_library(library_folders()), Settings(Path(folder) / "settings.ini"))
        window.remember_state = False
        width, height = (int(v) for v in args.size.split("x"))
        window.resize(width, height)
        window.controller.load_example(confirm=False)
        window.show()
        if args.tab == "company":
            window.go_company()
        elif args.tab == "compliance":
            window.session.set_regime("gdpr", True)
            window.live.render_now()
            window.go_compliance()
            window.compliance.select_requirement("gdpr.complaint")
            window.session.undo_stack.setClean()  # a picture, not an edit: closing must not ask to save
        else:
            window.left.setCurrentWidget(window.practices)
            window.practices.select_practice("collect.registration")
        window.select_clause("intro.scope")
        window.preview.end_flash()  # a picture of the window at rest, not of a change a moment ago
        for _ in range(5):
            app.processEvents()
        QTimer.singleShot(300, app.quit)
        app.exec()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(args.out)):
            print(f"could not write {args.out}", file=sys.stderr)
            return 1
        window.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
