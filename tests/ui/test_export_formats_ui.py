"""The declared formats in the File menu: PDF exports the policy shown; Markdown's table of
contents is a remembered toggle the export follows."""

import pypdf
from PySide6.QtCore import Qt

from desktop.ui.settings import Settings


def _choose(qtbot, window, text: str) -> None:
    """Open the File menu and pick `text` with the keyboard."""
    file_menu = window.menuBar().actions()[0].menu()
    entry = next(a for a in file_menu.actions() if a.text() == text)
    file_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(file_menu)
    file_menu.setActiveAction(entry)
    qtbot.keyClick(file_menu, Qt.Key.Key_Return)


def test_the_file_menu_exports_a_pdf_of_the_policy(qtbot, example_window, tmp_path, monkeypatch):
    asked = {}

    def save_dialog(parent, title, suggested, name_filter, suffix):
        asked.update(title=title, name=suggested.name, filter=name_filter)
        return tmp_path / suggested.name

    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", save_dialog)
    _choose(qtbot, example_window, "Export to &PDF…")
    qtbot.waitUntil(lambda: (tmp_path / asked.get("name", "-")).exists(), timeout=10_000)
    assert asked["title"] == "Export to PDF" and asked["filter"] == "PDF documents (*.pdf)"
    assert asked["name"].endswith("-privacy-policy.pdf")
    reader = pypdf.PdfReader(tmp_path / asked["name"])
    assert reader.metadata.title == "Acme Privacy Policy"
    shown = example_window.preview.plain_text()
    assert reader.outline[0].title in shown
    assert "About this policy" in " ".join(reader.pages[0].extract_text().split())


def test_the_markdown_table_of_contents_is_a_remembered_toggle(qtbot, example_window, settings, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda parent, title, suggested, *_: tmp_path / suggested.name)
    out = tmp_path / "acme-privacy-policy.md"
    qtbot.keyClick(example_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "## Contents" not in out.read_text(encoding="utf-8")
    _choose(qtbot, example_window, "Markdown: Add a Table of Contents")
    toggle = next(a for a in example_window.actions.export_options if a.text() == "Markdown: Add a Table of Contents")
    assert toggle.isChecked()
    qtbot.keyClick(example_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "## Contents\n\n- [1. About this policy](#1-about-this-policy)" in out.read_text(encoding="utf-8")
    assert Settings(settings._path).export_option("md", "toc")  # still on when the app starts again
