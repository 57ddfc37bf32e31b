"""Where QTextDocument's pages break, made fit for a PDF.

Qt moves a line that would cross the foot of a page to the next one, but when it draws a page it
draws every line of each paragraph that reaches into it, and leaves the clip to hide the rest: in
a PDF the hidden lines are still text, so a paragraph that runs over a page break would copy out
twice. Such a paragraph is cut in blocks at its page breaks, each one after the first carrying on
without a new bullet or gap. A heading left alone at the foot of a page moves to the next, as
Word's keep-with-next does.

The blocks are fixed in order, and the layout is never asked for the document's whole size: it
lays out only as far as the block asked about (blockBoundingRect), and after a fix again only from
the fix to a little past that, so pagination takes time linear in the document. (Asking for the
size after each fix laid out all that followed it again: a long document took quadratic time.)
"""

from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

_MOST_FIXES = 10_000  # each fix moves the layout forward; this only bounds a bug


def paginate(text: QTextDocument, page_height: float) -> None:
    block = text.begin()
    edit = QTextCursor(text)
    for _ in range(_MOST_FIXES):
        edit.beginEditBlock()  # the fix and the marking below reach the layout as one change
        block = _fix_first_problem(text, page_height, block)
        if block is not None:
            # Qt lays out again after an edit only the edited blocks, and moves the rest up to a
            # little past its lazy layout's end: blocks it had not laid out yet would keep no lines.
            text.markContentsDirty(block.position(), text.characterCount() - block.position())
        edit.endEditBlock()
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
        splits = _lines_on_later_pages(text, block, page_height)
        if splits:
            # A heading's second part is looked at again: it may be a heading alone at a foot.
            return _split(text, splits[:1] if is_heading(block) else splits)
        block = block.next()
    return None


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _alone_at_foot(text: QTextDocument, heading, page_height: float) -> bool:
    following = heading.next()
    if not following.isValid() or heading.blockFormat().pageBreakPolicy() & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        return False
    return _page(first_line(text, following)[1], page_height) > _page(first_line(text, heading)[0], page_height)


def _lines_on_later_pages(text: QTextDocument, block, page_height: float) -> list[int]:
    """The text position of each of the block's lines that starts on a later page than the line before."""
    top = text.documentLayout().blockBoundingRect(block).top()  # lays the block out first
    lines = block.layout()
    if lines is None or lines.lineCount() < 2:
        return []
    pages = [_page(top + lines.lineAt(index).rect().top(), page_height) for index in range(lines.lineCount())]
    return [block.position() + lines.lineAt(index).textStart()
            for index in range(1, len(pages)) if pages[index] > pages[index - 1]]


def _break_before(block) -> None:
    page_break = QTextBlockFormat()
    page_break.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(page_break)


def _split(text: QTextDocument, positions: list[int]):
    """Cut a block where each of its later pages starts, as one edit (so the layout is redone once);
    the last part, which it returns, reads on as the same paragraph."""
    cursor = QTextCursor(text)
    cursor.beginEditBlock()
    for position in reversed(positions):  # a cut moves the text positions after it
        _split_at(cursor, position)
    cursor.endEditBlock()
    return text.findBlock(positions[-1] + len(positions))  # each cut added a character before it


def _split_at(cursor: QTextCursor, position: int) -> None:
    cursor.setPosition(position)
    cursor.insertBlock()
    first, rest = cursor.block().previous(), cursor.block()
    ending = QTextBlockFormat(first.blockFormat())
    ending.setBottomMargin(0)
    QTextCursor(first).setBlockFormat(ending)
    carrying_on = QTextBlockFormat(rest.blockFormat())
    carrying_on.setTopMargin(0)
    # The cut is where a new page starts: without a break, a part whose margin above is gone may move up
    # and leave its first line across the foot of the page before, to copy out on both pages.
    carrying_on.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    listed = rest.textList()
    if listed is not None:  # no second bullet: the text stays where the list item's text is
        listed.remove(rest)
        carrying_on.setIndent(listed.format().indent())
    QTextCursor(rest).setBlockFormat(carrying_on)
