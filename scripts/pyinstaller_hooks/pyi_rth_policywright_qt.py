# Run-time hook, in place of PyInstaller's own for PySide6 (build.spec drops that one). PyInstaller's
# imports PySide6.QtCore at every start, to check that Qt finds its own files; PySide6 installed
# from PyPI sees to that itself when first imported. Importing Qt costs ~0.2 s, which every
# command (check, export…) paid for a window it never opens. This sets only where Qt's plugins are.
import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
