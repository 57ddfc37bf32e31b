"""The assembled policy and its problems, kept up to date a moment after each change.

Edits restart a short single-shot timer, so a burst of typing costs one assembly, run after the
keys stop: the form never waits for the preview.
"""

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import Document
from desktop.engine.review.checks import review
from desktop.engine.review.coverage import RegimeCoverage
from desktop.ui.session import ProfileSession

DELAY_MS = 150


class LiveDocument(QObject):
    updated = Signal()

    def __init__(self, session: ProfileSession, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.document: Document | None = None
        self.problems: list = []
        self.coverage: dict[str, RegimeCoverage] = {}  # without suggestions: the Compliance panel adds those
        self.renders = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.render_now)
        session.changed.connect(self._schedule)

    def _schedule(self, key: str) -> None:
        if key:
            self._timer.start()
        else:  # a whole profile was loaded: show it at once
            self.render_now()

    def pending(self) -> bool:
        return self._timer.isActive()

    def render_now(self) -> None:
        self._timer.stop()
        profile, library = self.session.profile, self.session.library
        self.document = assemble(profile, library)
        found = review(profile, library, self.document)
        self.problems, self.coverage = found.problems, found.coverage
        self.renders += 1
        self.updated.emit()
