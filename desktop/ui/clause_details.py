"""Below the clause wording: what the checks find in it, what the library's wording stated, and the
library text itself as a comparison that opens on request and never takes the wording's room."""

import re
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.policy.reword import Line, Piece, Words
from desktop.ui.widgets import muted_colour

_TOKEN = re.compile(r"\{\{.*?\}\}")


class TokenHighlighter(QSyntaxHighlighter):
    """Shows {{tokens}} (filled in from your details) in the link colour and {{if …}} conditions
    in italics, so the words a reader will see stand out from the machinery around them."""

    def highlightBlock(self, text: str) -> None:
        palette = self.parent().palette() if isinstance(self.parent(), QWidget) else QPalette()
        token = QTextCharFormat()
        token.setForeground(palette.color(QPalette.ColorRole.Link))
        condition = QTextCharFormat()
        condition.setForeground(muted_colour(palette))
        condition.setFontItalic(True)
        for match in _TOKEN.finditer(text):
            fmt = condition if match.group().startswith("{{if ") else token
            self.setFormat(match.start(), match.end() - match.start(), fmt)


def lines_html(lines: list[Line]) -> str:
    """Lines of words and pieces as rich text, the pieces underlined as the filled-in values they are."""
    paragraphs = []
    for line in lines:
        words = "".join(escape(part.text, quote=False) if isinstance(part, Words) else f"<u>{escape(part.shown, quote=False)}</u>"
                        for part in line.parts if isinstance(part, (Words, Piece)))
        paragraphs.append(("• " if line.kind == "li" else "") + words)
    return "<br>".join(paragraphs)


class ClauseDetails:
    """The widgets under the wording, in one scrolling area whose height the editor limits."""

    def __init__(self):
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.findings.setAccessibleName("Findings in this clause")
        self.fix = QPushButton("&Fix the wording")
        self.fix.setAccessibleName("Fix the terms in this clause")
        self.fix.setToolTip("Replace each flagged word with the one the policy uses (can be undone)")
        self.says = QLabel()
        self.says.setWordWrap(True)
        self.says.setAccessibleName("What this clause states")
        self.confirm = QCheckBox("My wording still says all of this")
        self.confirm.setAccessibleName("Confirm my wording still says this")
        self.confirm.setToolTip("Until you confirm, the problems list asks you to check your wording")
        self.compare = QToolButton()
        self.compare.setText("Compare with the library text")
        self.compare.setAccessibleName("Compare with the library text")
        self.compare.setCheckable(True)
        self.compare.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.compare.setArrowType(Qt.ArrowType.RightArrow)
        self.compare.setAutoRaise(True)
        self.compare.toggled.connect(self._compare_toggled)
        self.original = QLabel()
        self.original.setWordWrap(True)
        self.original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original.setAccessibleName("The library text")
        self.original.hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.findings)
        layout.addWidget(self.fix, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.says)
        layout.addWidget(self.confirm)
        layout.addWidget(self.compare, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.original)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(content)
        self.area.setAccessibleName("About this clause")
        self._most = 200

    def recolour(self, muted: str) -> None:
        self.hint.setStyleSheet(f"color: {muted};")
        self.original.setStyleSheet(f"color: {muted};")

    def limit_height(self, most: int) -> None:
        """As tall as what it shows, up to `most`; past that it scrolls."""
        most = max(most, 0)
        self._most = most
        self.area.widget().adjustSize()
        wanted = self.area.widget().sizeHint().height()
        self.area.setMaximumHeight(most)
        self.area.setMinimumHeight(min(wanted, most))

    def show_library(self, lines: list[Line] | None, overridden: bool, body: str = "") -> None:
        """The library's wording to compare with the user's own: in words, or as its template when
        `lines` is None (the advanced view)."""
        self.compare.setVisible(overridden)
        text = lines_html(lines) if lines is not None else escape(body.strip(), quote=False).replace("\n", "<br>")
        self.original.setText(f"<b>Library text:</b><br>{text}")
        self._compare_toggled(self.compare.isChecked())

    def _compare_toggled(self, on: bool) -> None:
        self.compare.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.original.setVisible(on and self.compare.isVisibleTo(self.compare.parentWidget()))
        self.limit_height(self._most)
