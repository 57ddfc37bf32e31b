"""Exporters: each turns one Document into the bytes of a file.

Every format the engine writes is declared once here, with engine facts only (id, extension,
name, file filter, the module that renders it). The use-case layer (desktop/usecases.py) adds the
PDF, whose writer needs Qt, and is the one registry the command line, the window and the bundle
read. A format's module (and the libraries it needs, such as python-docx) is imported on first use,
so the window and the commands that export nothing start without them.
"""

import importlib
from dataclasses import dataclass

from desktop.engine.policy.document import Document


@dataclass(frozen=True)
class Format:
    id: str  # what `export --format` takes
    extension: str  # with its dot
    name: str  # in menus and messages: "Word"
    file_filter: str  # the file dialog's filter
    module: str  # the dotted path of the module with `render(document, **options) -> bytes`
    options: tuple[str, ...] = ()  # the keyword options its render takes, such as "toc"


WORD = Format("docx", ".docx", "Word", "Word documents (*.docx)", f"{__name__}.docx")
MARKDOWN = Format("md", ".md", "Markdown", "Markdown files (*.md)", f"{__name__}.markdown", options=("toc",))
HTML = Format("html", ".html", "HTML", "Web pages (*.html)", f"{__name__}.html")
HTML_SNIPPET = Format("html-snippet", ".html", "HTML Snippet", "Web page fragments (*.html)", f"{__name__}.html_snippet")
ENGINE_FORMATS: dict[str, Format] = {fmt.id: fmt for fmt in (WORD, MARKDOWN, HTML, HTML_SNIPPET)}
# What each option a format may declare does, as the window's toggle names it (the CLI's flag has the same name).
OPTION_TITLES = {"toc": "Add a Table of Contents"}


def render(document: Document, declared: Format, **options) -> bytes:
    """The file's bytes; `options` the format does not declare are left out (every format has a TOC but Markdown's is optional)."""
    chosen = {name: value for name, value in options.items() if name in declared.options}
    return importlib.import_module(declared.module).render(document, **chosen)


def export_bytes(document: Document, fmt: str, **options) -> bytes:
    """The bytes of one of the engine's own formats, by id."""
    return render(document, ENGINE_FORMATS[fmt], **options)


def with_extension(path, declared: Format):
    """`path`, with the format's extension added unless it already ends in it (any case)."""
    extension = declared.extension
    return path if path.suffix.lower() == extension else path.with_name(path.name + extension)
