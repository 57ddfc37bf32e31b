"""How the preview writes a Document onto a QTextDocument page: the page's units (title, headings,
paragraphs, lists, tables), each block marked with its clause, and rewriting a unit in place."""

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
    QTextTableFormat,
)

from desktop.engine.policy.document import BulletList, Document, Heading, Run, Table
from desktop.ui.widgets import muted_colour

CLAUSE_PROPERTY = QTextFormat.Property.UserProperty + 1
GAP_BACKGROUND, GAP_TEXT = QColor("#ffe58a"), QColor("#000000")

Unit = tuple[str, str | None, list]  # (kind, clause id, its contents: one per text block, or a table whole)


def page_units(document: Document) -> list[Unit]:
    """The page's pieces in order: the title, the effective date, each section's heading, each
    clause's heading, paragraph or list (one content per item)."""
    units: list[Unit] = [("title", None, [document.title]), ("effective", None, [document.effective_line])]
    for section in document.sections:
        units.append(("section", None, [section.heading_text]))
        for block in section.blocks:
            if isinstance(block, BulletList):
                units.append(("bullets", block.clause_id, block.items))
            elif isinstance(block, Table):
                units.append(("table", block.clause_id, [block]))
            else:
                units.append(("heading" if isinstance(block, Heading) else "paragraph", block.clause_id, [block.runs]))
    return units


def page_shape(units: list[Unit]) -> list[tuple]:
    """What must stay the same for a page to be rewritten in place: each unit's kind, clause and number
    of text blocks; a table whole, as its cells are not rewritten."""
    return [(kind, clause, contents[0] if kind == "table" else len(contents)) for kind, clause, contents in units]


class Writer:
    """Writes a Document's units into a QTextDocument with a QTextCursor."""

    def __init__(self, target: QTextDocument, palette: QPalette, font: QFont):
        self.target, self.cursor = target, QTextCursor(target)
        self.palette, self.font = palette, font
        self.first = True
        self.starts: list[int] = []  # each unit's first block number, as written
        self.numbers: dict[str, list[int]] = {}  # clause id -> the numbers of the blocks that show it
        text = palette.color(QPalette.ColorRole.Text)
        body = self.char(colour=text)
        self.looks = {"title": self.char(1.75, bold=True, colour=text), "section": self.char(1.3, bold=True, colour=text),
                      "effective": self.char(0.95, italic=True, colour=muted_colour(palette)),
                      "heading": self.char(1.05, bold=True, colour=text), "paragraph": body, "bullets": body}

    def block(self, kind: str, clause_id: str | None) -> QTextBlockFormat:
        top, bottom, heading, line_height = {"title": (0, 2, 1, 110), "effective": (0, 14, 0, 135), "section": (16, 6, 2, 115),
                                             "heading": (8, 3, 3, 115), "paragraph": (0, 8, 0, 135), "bullets": (0, 4, 0, 135),
                                             "table": (0, 0, 0, 135), "cell": (0, 0, 0, 115)}[kind]
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if heading:
            fmt.setHeadingLevel(heading)
        if clause_id:
            fmt.setProperty(CLAUSE_PROPERTY, clause_id)
        return fmt

    def start(self, fmt: QTextBlockFormat) -> None:
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            # A plain block character format: else the new block takes the last run's (a link's blue
            # and underline), which Qt draws its bullet in.
            self.cursor.insertBlock(fmt, QTextCharFormat())

    def char(self, scale: float = 1.0, bold: bool = False, italic: bool = False, colour: QColor | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self.font.pointSizeF() * scale)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        if colour is not None:
            fmt.setForeground(colour)
        return fmt

    def text(self, kind: str, content: str | list[Run]) -> None:
        if isinstance(content, str):
            self.cursor.insertText(content, self.looks[kind])
        else:
            self.runs(content, self.looks[kind])

    def runs(self, runs: list[Run], base: QTextCharFormat) -> None:
        for run in runs:
            fmt = QTextCharFormat(base)
            if run.bold or run.gap:
                fmt.setFontWeight(QFont.Weight.Bold)
            if run.italic:
                fmt.setFontItalic(True)
            if run.href:
                fmt.setAnchor(True)
                fmt.setAnchorHref(run.href)
                fmt.setForeground(self.palette.color(QPalette.ColorRole.Link))
                fmt.setFontUnderline(True)
            if run.gap:
                fmt.setBackground(GAP_BACKGROUND)
                fmt.setForeground(GAP_TEXT)
                fmt.setToolTip("Missing: fill this in to complete the policy.")
            self.cursor.insertText(run.text, fmt)

    def write(self, units: list[Unit]) -> None:
        for kind, clause_id, contents in units:
            first = self.cursor.blockNumber() + (0 if self.first else 1)
            self.starts.append(first)
            if kind == "bullets":
                self._bullets(clause_id, contents)
            elif kind == "table":
                self._table(clause_id, contents[0])
            else:
                self.start(self.block(kind, clause_id))
                self.text(kind, contents[0])
            # after a table the cursor waits in the block that follows it, which the next unit takes
            last = self.cursor.blockNumber() - (1 if self.first else 0)
            if clause_id:
                self.numbers.setdefault(clause_id, []).extend(range(first, last + 1))

    def _table(self, clause_id: str | None, block: Table) -> None:
        self.start(self.block("table", clause_id))
        fmt = QTextTableFormat()
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setBorder(0.5)
        fmt.setHeaderRowCount(1)
        fmt.setBottomMargin(10)
        table = self.cursor.insertTable(len(block.rows) + 1, len(block.header), fmt)
        header = QTextCharFormat(self.looks["paragraph"])
        header.setFontWeight(QFont.Weight.Bold)
        cells = [[[Run(text)] for text in block.header], *block.rows]
        for row, runs_of_row in enumerate(cells):
            for column, runs in enumerate(runs_of_row):
                self.cursor = table.cellAt(row, column).firstCursorPosition()
                self.cursor.setBlockFormat(self.block("cell", clause_id))
                self.runs(runs, header if row == 0 else self.looks["paragraph"])
        self.cursor = table.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        self.first = True  # the block after the table is there already: the next start takes it

    def rewrite(self, number: int, kind: str, contents: list) -> None:
        """Replace the text of a unit written before, from block `number` on, keeping its blocks' formats."""
        for index, content in enumerate(contents):
            self.cursor = QTextCursor(self.target.findBlockByNumber(number + index))
            self.cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            self.cursor.removeSelectedText()
            self.text(kind, content)

    def _bullets(self, clause_id: str | None, items: list[list[Run]]) -> None:
        bullets = None
        for item in items:
            self.start(self.block("bullets", clause_id))
            if bullets is None:
                style = QTextListFormat()
                style.setStyle(QTextListFormat.Style.ListDisc)
                style.setIndent(1)
                bullets = self.cursor.createList(style)
            else:
                bullets.add(self.cursor.block())
            self.text("bullets", item)
        fmt = self.cursor.blockFormat()  # the last bullet's margin separates the list from what follows
        fmt.setBottomMargin(10)
        self.cursor.setBlockFormat(fmt)


def clause_at(block) -> str | None:
    value = block.blockFormat().property(CLAUSE_PROPERTY)
    return value or None
