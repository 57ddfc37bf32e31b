"""Exporters: each turns one Document into the bytes of a file."""

from desktop.engine.document import Document
from desktop.engine.export import docx, html, markdown

FORMATS = {"docx": docx.render, "md": markdown.render, "html": html.render}
EXTENSIONS = {"docx": ".docx", "md": ".md", "html": ".html"}


def export_bytes(document: Document, fmt: str) -> bytes:
    return FORMATS[fmt](document)
