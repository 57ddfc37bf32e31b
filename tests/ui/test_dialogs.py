"""The real save dialogs and the question about replacing a file, driven as a user would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QMessageBox

from desktop.engine.storage.profile_library import ENV_FOLDER
from ui.helpers import when_modal


def type_file_name(qtbot, dialog: QFileDialog, name: str) -> None:
    """Put `name` in the file-name box and press Return.

    The text is set whole: typed key by key, the dialog's completer would finish the name itself.
    """
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    edit.setText(name)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_save_dialog_adds_json_before_it_asks_about_replacing(qtbot, example_window, tmp_path, monkeypatch):
    existing = tmp_path / "other-company.json"
    existing.write_text("kept")
    monkeypatch.setenv(ENV_FOLDER, str(tmp_path))  # a new profile's dialog opens in the profile library: here
    asked = []

    def refuse_to_replace(box: QMessageBox) -> None:
        asked.append(box.text())
        when_modal(QFileDialog, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))  # then cancel the dialog
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)

    def type_name(dialog: QFileDialog) -> None:
        when_modal(QMessageBox, refuse_to_replace)
        type_file_name(qtbot, dialog, "other-company")

    when_modal(QFileDialog, type_name)
    assert not example_window.controller.save_as()
    assert asked == ["other-company.json already exists.\nDo you want to replace it?"]
    assert existing.read_text() == "kept" and example_window.session.path is None


def test_the_export_dialog_adds_the_formats_extension(qtbot, example_window, tmp_path):
    example_window.settings.set_export_folder(tmp_path)
    suffixes = []
    when_modal(QFileDialog, lambda dialog: (suffixes.append(dialog.defaultSuffix()), type_file_name(qtbot, dialog, "policy")))
    example_window.actions.exports["md"].trigger()
    assert suffixes == ["md"]
    assert (tmp_path / "policy.md").read_text().startswith("# Acme Privacy Policy")


def test_the_window_asks_before_replacing_a_file_its_dialog_did_not_ask_about(qtbot, example_window, tmp_path, monkeypatch):
    existing = tmp_path / "policy.md"
    existing.write_text("kept")
    # A native dialog that ignores the default suffix: it asked about "policy", not "policy.md".
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "policy")
    monkeypatch.setattr(QMessageBox, "exec", QDialog.exec)  # a real message box, answered below
    asked = []

    def answer(label: str):
        def click(box: QMessageBox) -> None:
            asked.append((box.text(), [b.text() for b in box.buttons()]))
            button = next(b for b in box.buttons() if b.text() == label)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return click

    when_modal(QMessageBox, answer("Cancel"))
    example_window.actions.exports["md"].trigger()
    assert existing.read_text() == "kept" and example_window.controller.last_export is None
    text, buttons = asked[0]
    assert text == f"“policy.md” already exists in {tmp_path}." and set(buttons) == {"Replace", "Cancel"}

    when_modal(QMessageBox, answer("Replace"))
    example_window.actions.exports["md"].trigger()
    assert existing.read_text().startswith("# Acme Privacy Policy")
    assert example_window.controller.last_export == existing and len(asked) == 2
    assert "Exported policy.md" in example_window.status.export_note.text()


def test_a_path_typed_with_its_extension_is_left_alone(qtbot, window, tmp_path):
    chosen = []
    when_modal(QFileDialog, lambda dialog: (chosen.append(dialog.defaultSuffix()), type_file_name(qtbot, dialog, "notes.json")))
    assert window.view.ask_save_path(tmp_path / "acme.json") == tmp_path / "notes.json"
    assert chosen == ["json"]


def test_a_name_holding_markup_is_shown_as_written_in_every_message_box(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QLabel, QWidget

    from desktop.ui.dialogs import WindowView

    shown = []

    def record(box: QMessageBox) -> int:
        shown.append({label.objectName(): (label.text(), label.textFormat()) for label in box.findChildren(QLabel)})
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", record)
    parent = QWidget()
    qtbot.addWidget(parent)
    view = WindowView(parent)
    name = "<font size=7 color=red>Acme</font><img src=x.png>"
    view.ask_save_changes(name)
    view.ask_overwrite(tmp_path / "<img src=x.png>.json")
    view.show_error("Profile not saved", f"{name}: could not be written")
    assert len(shown) == 3
    for labels, written in zip(shown, [name, "<img src=x.png>.json", name], strict=True):
        text, text_format = labels["qt_msgbox_label"]
        assert written in text and text_format == Qt.TextFormat.PlainText
        assert labels.get("qt_msgbox_informativelabel", ("", Qt.TextFormat.PlainText))[1] == Qt.TextFormat.PlainText
