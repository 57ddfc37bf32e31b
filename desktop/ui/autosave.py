"""Autosave: a few seconds after the last edit, unsaved edits go to the window's recovery file.

The controller decides what is kept (engine/storage/recovery.py); this only says when: IDLE_MS after
the last edit while the profile differs from its file, and at once when it is saved, undone
back to the file or closed cleanly, when the recovery file goes.
"""

from PySide6.QtCore import QObject, QTimer

IDLE_MS = 3000


class Autosave(QObject):
    def __init__(self, controller, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(controller.keep_recovery)
        session = controller.session
        session.changed.connect(self._edited)
        session.undo_stack.cleanChanged.connect(self._clean_changed)

    def _edited(self, _key: str = "") -> None:
        if self.controller.session.is_modified():
            self.timer.start()  # again: the file is written once typing pauses

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.timer.stop()
            self.controller.drop_recovery()

    def finish(self) -> None:
        """The window closes cleanly: nothing is left to recover."""
        self.timer.stop()
        self.controller.drop_recovery()
