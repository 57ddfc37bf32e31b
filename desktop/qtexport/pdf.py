"""PDF through Qt's own writer (QPdfWriter, in QtGui): the Document laid out by QTextDocument,
fonts embedded, links kept, page furniture drawn on every page.

Qt writes no outline, so the heading tree is added afterwards as a PDF incremental update
(pdf_outline.py, plain Python): no PDF library is needed for one dictionary per heading.
Without a running Qt application (the command line), one is started on the offscreen platform,
so exporting needs no screen.
"""

import re
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from desktop.engine.export.html import table
from desktop.engine.policy.document import BulletList, Document, Heading, Run, Table, clean_text, safe_href
from desktop.qtexport.pdf_outline import OutlineEntry, add_outline
from desktop.qtexport.pdf_pages import first_line, is_heading, paginate

RESOLUTION = 1200  # dots per inch of the layout; the text itself is vector
PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
MARGINS_MM = (25, 22, 25, 22)  # left, top, right, bottom
FONT_FAMILIES = ["Liberation Sans", "Arial", "Helvetica", "DejaVu Sans"]  # the Word export's font first
BODY_POINTS = 10.5
LONG_WORD = 40  # letters; longer than any word a line should hold whole
_LONG_WORD = re.compile(rf"[^\s\u200b]{{{LONG_WORD}}}(?=[^\s\u200b])")
_STYLE = (  # Qt's rich text takes margins in CSS pixels (1/96 inch)
    "h1{font-size:22pt;font-weight:normal;color:#17365D;margin-top:0;margin-bottom:14px}"
    "h2{font-size:14pt;color:#365F91;margin-top:24px;margin-bottom:6px}"
    "h3{font-size:11.5pt;color:#4F81BD;margin-top:14px;margin-bottom:4px}"
    "p{margin-top:0;margin-bottom:9px}li{margin-top:0;margin-bottom:4px}ul{margin-top:0;margin-bottom:9px}a{color:#0563C1}"
    "table{margin-bottom:9px;border-color:#8DB3E2}th{background-color:#DBE5F1;text-align:left}"
)
_APPLICATION = []  # the offscreen application this module started, kept alive


@dataclass(frozen=True)
class _Page:
    width: float  # device pixels
    height: float
    left: float
    top: float
    body_width: float
    body_height: float
    points_per_pixel: float


def render(document: Document) -> bytes:
    _ensure_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, document)
    page = _page(writer)
    text = _text_document(document, writer, page)
    headings = _headings(text, page)
    painter = QPainter(writer)
    try:
        for index in range(text.pageCount()):
            if index:
                writer.newPage()
            _paint_page(painter, text, page, index, document)
    finally:
        painter.end()
    buffer.close()
    data = bytes(buffer.data())
    page_height_points = page.height * page.points_per_pixel
    return add_outline(data, headings, page_height_points, clean_text(document.lang))


def _ensure_application() -> None:
    """Fonts need a GUI application: the window's, or one on the offscreen platform (no screen needed)."""
    running = QCoreApplication.instance()
    if running is None:
        _APPLICATION.append(QGuiApplication(["policywright", "-platform", "offscreen"]))
    elif not isinstance(running, QGuiApplication):
        raise RuntimeError("PDF export needs a QGuiApplication, and a non-GUI Qt application is running")


def _writer(buffer: QBuffer, document: Document) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[document.page_size]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(clean_text(document.title))
    writer.setCreator("Policywright")
    if hasattr(writer, "setAuthor"):  # Qt 6.9
        writer.setAuthor(clean_text(document.company_name) or "Policywright")
    return writer


def _page(writer: QPdfWriter) -> _Page:
    pixels_per_mm = RESOLUTION / 25.4
    width, height = writer.width(), writer.height()
    left, top, right, bottom = (mm * pixels_per_mm for mm in MARGINS_MM)
    # Whole pixels: the layout's own page breaks then fall exactly where each page's clip does.
    return _Page(width, height, left, top, int(width - left - right), int(height - top - bottom), 72 / RESOLUTION)


def _text_document(document: Document, writer: QPdfWriter, page: _Page) -> QTextDocument:
    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)  # measure the fonts as they will be drawn
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(BODY_POINTS)
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    text.setDefaultStyleSheet(_STYLE)
    text.setHtml(_html(document))
    text.setPageSize(QSizeF(page.body_width, page.body_height))
    paginate(text, page.body_height)
    return text


def _html(document: Document) -> str:
    parts = [f"<h1>{escape(clean_text(document.title))}</h1>", f"<p>{escape(clean_text(document.effective_line))}</p>"]
    anchors = {section.id: section.anchor for section in document.sections}
    for section in document.sections:
        parts.append(f'<h2 id="{escape(section.anchor, quote=True)}">{escape(clean_text(section.heading_text))}</h2>')
        for block in section.blocks:
            if isinstance(block, Heading):
                parts.append(f"<h3>{_runs(block.runs, anchors)}</h3>")
            elif isinstance(block, BulletList):
                parts.append("<ul>" + "".join(f"<li>{_runs(item, anchors)}</li>" for item in block.items) + "</ul>")
            elif isinstance(block, Table):  # Qt's rich text takes the table's frame as attributes, not styles
                markup = table(block, lambda runs: _runs(runs, anchors))
                parts.append(markup.replace("<table>", '<table border="1" cellspacing="0" cellpadding="4" width="100%">', 1))
            else:
                parts.append(f"<p>{_runs(block.runs, anchors)}</p>")
    return "".join(parts)


def _runs(runs: list[Run], anchors: dict[str, str]) -> str:
    out = []
    for run in runs:
        text = escape(_breakable(clean_text(run.text)))
        href = safe_href(run)
        if href:
            text = f'<a href="{escape(href, quote=True)}">{text}</a>'
        elif run.ref in anchors:  # Qt writes a jump to the heading's id, a named destination
            text = f'<a href="#{escape(anchors[run.ref], quote=True)}">{text}</a>'
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold or run.gap:
            text = f"<b>{text}</b>"
        if run.gap:
            text = f'<span style="background-color:#ffe58a">{text}</span>'
        out.append(text)
    return "".join(out)


def _breakable(text: str) -> str:
    """`text` with a zero-width space after every LONG_WORD letters of a longer word: Qt takes time
    quadratic in a word's length to lay out one it must break itself (a 10,000-letter term: 22 s)."""
    return _LONG_WORD.sub(lambda match: match.group(0) + "\u200b", text)


def _headings(text: QTextDocument, page: _Page) -> list[OutlineEntry]:
    entries = []
    block = text.begin()
    while block.isValid():
        if not is_heading(block):
            block = block.next()
            continue
        top = first_line(text, block)[0]
        index = int(top // page.body_height)
        y = page.top + top - index * page.body_height
        points_from_top = y * page.points_per_pixel
        entries.append(OutlineEntry(block.blockFormat().headingLevel() - 1, block.text(), index, points_from_top))
        block = block.next()
    return entries


def _paint_page(painter: QPainter, text: QTextDocument, page: _Page, index: int, document: Document) -> None:
    painter.save()
    painter.translate(page.left, page.top - index * page.body_height)
    clip = QRectF(0, index * page.body_height, page.body_width, page.body_height)
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    # A pixel in from each edge: a block that only touches the page is not drawn on it (pdf_pages.py).
    context.clip = clip.adjusted(0, 1, 0, -1)
    text.documentLayout().draw(painter, context)
    painter.restore()
    _paint_furniture(painter, page, index, text.pageCount(), document)


def _paint_furniture(painter: QPainter, page: _Page, index: int, count: int, document: Document) -> None:
    """The running header (company) and footer (effective date, page N of M), as in the Word export."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(8.5)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    line = painter.fontMetrics().height()
    header = clean_text(document.company_name or document.title)
    band = page.top / 2 - line / 2
    painter.drawText(QRectF(page.left, band, page.body_width, line), Qt.AlignmentFlag.AlignRight, header)
    footer = f"{clean_text(document.effective_line)} \u00b7 Page {index + 1} of {count}"
    bottom = page.top + page.body_height + (page.height - page.top - page.body_height) / 2 - line / 2
    painter.drawText(QRectF(page.left, bottom, page.body_width, line), Qt.AlignmentFlag.AlignHCenter, footer)


