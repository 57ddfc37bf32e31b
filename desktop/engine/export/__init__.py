"""Exporters: each turns one Document into the bytes of a file.

A format's module, and the libraries it needs (python-docx for Word), is imported on first use,
so the window and the commands that export nothing start without them.
"""

import importlib

from desktop.engine.document import Document

FORMATS = {"docx": "docx", "md": "markdown", "html": "html"}  # format -> its module in this package
EXTENSIONS = {"docx": ".docx", "md": ".md", "html": ".html"}


def export_bytes(document: Document, fmt: str) -> bytes:
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render(document)
