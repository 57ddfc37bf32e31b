"""Export to PDF from the File menu: the declared format's action writes a PDF of the policy shown."""

import pypdf
from PySide6.QtCore import Qt


def test_the_file_menu_exports_a_pdf_of_the_policy(qtbot, example_window, tmp_path, monkeypatch):
    asked = {}

    def save_dialog(parent, title, suggested, name_filter, suffix):
        asked.update(title=title, name=suggested.name, filter=name_filter)
        return tmp_path / suggested.name

    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", save_dialog)
    file_menu = example_window.menuBar().actions()[0].menu()
    entry = next(a for a in file_menu.actions() if a.text() == "Export to &PDF…")
    file_menu.popup(example_window.mapToGlobal(example_window.rect().center()))
    qtbot.waitExposed(file_menu)
    file_menu.setActiveAction(entry)
    qtbot.keyClick(file_menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (tmp_path / asked.get("name", "-")).exists(), timeout=10_000)
    assert asked["title"] == "Export to PDF" and asked["filter"] == "PDF documents (*.pdf)"
    assert asked["name"].endswith("-privacy-policy.pdf")
    reader = pypdf.PdfReader(tmp_path / asked["name"])
    assert reader.metadata.title == "Acme Privacy Policy"
    shown = example_window.preview.plain_text()
    assert reader.outline[0].title in shown
    assert "About this policy" in " ".join(reader.pages[0].extract_text().split())
