"""Exporters: each turns one Document into the bytes of a file.

Every format is declared once in FORMATS; the command line's choices, the window's export
actions and file dialogs, and the bundle's hidden imports are all built from it. A format's
module (and the libraries it needs, such as python-docx) is imported on first use, so the window
and the commands that export nothing start without them. A format that needs Qt (PDF) has its
module outside the engine (desktop/qtexport): only its dotted path is named here.
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
    description: str = ""  # the action's tip
    shortcut: str = ""  # a key sequence such as "Ctrl+E"
    icon: str = ""  # an icon name in resources/icons
    on_toolbar: bool = False
    options: tuple[str, ...] = ()  # the keyword options its render takes, such as "toc"


FORMATS: dict[str, Format] = {}
# What each option a format may declare does, as the window's toggle names it (the CLI's flag has the same name).
OPTION_TITLES = {"toc": "Add a Table of Contents"}


def register_format(fmt: Format) -> None:
    if fmt.id in FORMATS:
        raise ValueError(f"export format {fmt.id!r} is already declared")
    FORMATS[fmt.id] = fmt


def unregister_format(format_id: str) -> None:
    FORMATS.pop(format_id, None)


for _format in (
    Format("docx", ".docx", "Word", "Word documents (*.docx)", f"{__name__}.docx", "Export the policy as a Word document",
           "Ctrl+E", "export-word", on_toolbar=True),
    Format("pdf", ".pdf", "PDF", "PDF documents (*.pdf)", "desktop.qtexport.pdf", "Export the policy as a PDF to publish or send",
           icon="export-pdf"),
    Format("md", ".md", "Markdown", "Markdown files (*.md)", f"{__name__}.markdown", "Export the policy as Markdown",
           "Ctrl+Shift+E", "export-markdown", on_toolbar=True, options=("toc",)),
    Format("html", ".html", "HTML", "Web pages (*.html)", f"{__name__}.html", "Export the policy as a web page", icon="export-html"),
    Format("html-snippet", ".html", "HTML Snippet", "Web page fragments (*.html)", f"{__name__}.html_snippet",
           "Export the policy as HTML to paste into a page of your website"),
):
    register_format(_format)


def export_bytes(document: Document, fmt: str, **options) -> bytes:
    """The file's bytes; `options` the format does not declare are left out (every format has a TOC but Markdown's is optional)."""
    declared = FORMATS[fmt]
    chosen = {name: value for name, value in options.items() if name in declared.options}
    return importlib.import_module(declared.module).render(document, **chosen)


def with_extension(path, fmt: str):
    """`path`, with the format's extension added unless it already ends in it (any case)."""
    extension = FORMATS[fmt].extension
    return path if path.suffix.lower() == extension else path.with_name(path.name + extension)
