"""Exporters: each turns one Document into the bytes of a file.

Every format is declared once in FORMATS; the command line's choices, the window's export
actions and file dialogs, and the bundle's hidden imports are all built from it. A format's
module (and the libraries it needs, such as python-docx) is imported on first use, so the window
and the commands that export nothing start without them.
"""

import importlib
from dataclasses import dataclass

from desktop.engine.document import Document


@dataclass(frozen=True)
class Format:
    id: str  # what `export --format` takes
    extension: str  # with its dot
    name: str  # in menus and messages: "Word"
    file_filter: str  # the file dialog's filter
    module: str  # the dotted path of the module with `render(document) -> bytes`
    description: str = ""  # the action's tip
    shortcut: str = ""  # a key sequence such as "Ctrl+E"
    icon: str = ""  # an icon name in resources/icons
    on_toolbar: bool = False


FORMATS: dict[str, Format] = {}


def register_format(fmt: Format) -> None:
    if fmt.id in FORMATS:
        raise ValueError(f"export format {fmt.id!r} is already declared")
    FORMATS[fmt.id] = fmt


def unregister_format(format_id: str) -> None:
    FORMATS.pop(format_id, None)


for _format in (
    Format("docx", ".docx", "Word", "Word documents (*.docx)", f"{__name__}.docx", "Export the policy as a Word document",
           "Ctrl+E", "export-word", on_toolbar=True),
    Format("md", ".md", "Markdown", "Markdown files (*.md)", f"{__name__}.markdown", "Export the policy as Markdown",
           "Ctrl+Shift+E", "export-markdown", on_toolbar=True),
    Format("html", ".html", "HTML", "Web pages (*.html)", f"{__name__}.html", "Export the policy as a web page", icon="export-html"),
):
    register_format(_format)


def export_bytes(document: Document, fmt: str) -> bytes:
    return importlib.import_module(FORMATS[fmt].module).render(document)


def with_extension(path, fmt: str):
    """`path`, with the format's extension added unless it already ends in it (any case)."""
    extension = FORMATS[fmt].extension
    return path if path.suffix.lower() == extension else path.with_name(path.name + extension)
