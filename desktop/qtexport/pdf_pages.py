"""Where QTextDocument's pages break, made fit for a PDF.

Qt moves a line that would cross the foot of a page to the next one, but when it draws a page it
draws every line of each paragraph that reaches into it, and leaves the clip to hide the rest: in
a PDF the hidden lines are still text, so a paragraph that runs over a page break would copy out
twice. Such a paragraph is cut in two blocks at its page break, the second carrying on without a
new bullet or gap. A heading left alone at the foot of a page moves to the next, as Word's
keep-with-next does.
"""

from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

_MOST_FIXES = 10_000  # each fix moves the layout forward; this only bounds a bug


def paginate(text: QTextDocument, page_height: float) -> None:
    layout = text.documentLayout()
    block = text.begin()
    for _ in range(_MOST_FIXES):
        layout.documentSize()  # lays out whatever the last fix changed
        block = _fix_first_problem(text, page_height, block)
        if block is None:
            return
    raise RuntimeError("the PDF's pages could not be broken")


def first_line(text: QTextDocument, block) -> tuple[float, float]:
    """Top and bottom of the block's first line, in the document (its paragraph's top when it has none)."""
    top = text.documentLayout().blockBoundingRect(block).top()
    lines = block.layout()
    if lines is None or lines.lineCount() == 0:
        return top, top
    line = lines.lineAt(0).rect()
    return top + line.top(), top + line.bottom()


def is_heading(block) -> bool:
    return block.blockFormat().headingLevel() in (2, 3)


def _fix_first_problem(text: QTextDocument, page_height: float, block):
    """Fix the first problem from `block` on; the block to look on from (a fix moves only what
    follows it, so the blocks before are never looked at again), or None when none is left."""
    while block.isValid():
        if is_heading(block) and _alone_at_foot(text, block, page_height):
            _break_before(block)
            return block
        split = _line_on_next_page(text, block, page_height)
        if split is not None:
            return _split(text, block, split)
        block = block.next()
    return None


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _alone_at_foot(text: QTextDocument, heading, page_height: float) -> bool:
    following = heading.next()
    if not following.isValid() or heading.blockFormat().pageBreakPolicy() & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        return False
    return _page(first_line(text, following)[1], page_height) > _page(first_line(text, heading)[0], page_height)


def _line_on_next_page(text: QTextDocument, block, page_height: float) -> int | None:
    """The text position of the block's first line that starts on a later page than its first line."""
    lines = block.layout()
    if lines is None or lines.lineCount() < 2:
        return None
    top = text.documentLayout().blockBoundingRect(block).top()
    first_page = _page(top + lines.lineAt(0).rect().top(), page_height)
    for index in range(1, lines.lineCount()):
        line = lines.lineAt(index)
        if _page(top + line.rect().top(), page_height) > first_page:
            return block.position() + line.textStart()
    return None


def _break_before(block) -> None:
    page_break = QTextBlockFormat()
    page_break.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(page_break)


def _split(text: QTextDocument, block, position: int):
    """Cut the block where its next page starts; the second part, which it returns, reads on as
    the same paragraph."""
    cursor = QTextCursor(text)
    cursor.setPosition(position)
    cursor.insertBlock()
    first, rest = cursor.block().previous(), cursor.block()
    ending = QTextBlockFormat(first.blockFormat())
    ending.setBottomMargin(0)
    QTextCursor(first).setBlockFormat(ending)
    carrying_on = QTextBlockFormat(rest.blockFormat())
    carrying_on.setTopMargin(0)
    carrying_on.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_Auto)
    listed = rest.textList()
    if listed is not None:  # no second bullet: the text stays where the list item's text is
        listed.remove(rest)
        carrying_on.setIndent(listed.format().indent())
    QTextCursor(rest).setBlockFormat(carrying_on)
    return rest
