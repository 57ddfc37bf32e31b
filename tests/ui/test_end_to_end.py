"""One user's whole session, done with clicks and keys: a new profile, the company's details,
practices ticked and unticked, an option changed, a clause reworded and the rewording undone,
then the policy exported to Word and Markdown and read back with python-docx and markdown-it."""

from exports import docx_blocks, markdown_blocks
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCommandLinkButton

from ui.helpers import click_check, click_clause, click_row, preview_lines, wait_rendered

DETAILS = {
    "company.legal_name": "Bright Beans Ltd",
    "company.short_name": "Bright Beans",
    "company.contact_email": "hello@brightbeans.example",
    "company.website": "brightbeans.example",
    "service.name": "Bean Club",
}


def choose_on_welcome(qtbot, title: str) -> None:
    """Click a button of the welcome dialog once it is open."""
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        buttons = {b.text(): b for b in dialog.findChildren(QCommandLinkButton)}
        qtbot.mouseClick(buttons[title], Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def click_tab(qtbot, window, index: int) -> None:
    bar = window.left.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_a_user_drafts_rewords_undoes_and_exports(qtbot, window, tmp_path, monkeypatch):
    saved = {}

    def save_dialog(parent, title, suggested, name_filter, suffix):
        saved[title] = suggested.name
        return tmp_path / suggested.name

    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", save_dialog)
    window.activateWindow()
    qtbot.waitActive(window)

    # First run: the welcome dialog; the user starts a new policy.
    choose_on_welcome(qtbot, "Start a new policy")
    window.controller.start()
    window.activateWindow()  # the offscreen platform has no window manager to hand focus back
    qtbot.waitActive(window)
    profile = window.session.profile
    assert profile.company.legal_name == "" and "dnt.honour" in profile.practices
    assert "[Company legal name]" in window.preview.plain_text()

    # The company's details, typed into the form.
    click_tab(qtbot, window, 0)
    for name, text in DETAILS.items():
        field = window.form.fields[name].editor
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(field, text)
    wait_rendered(qtbot, window)
    text = window.preview.plain_text()
    assert "Bright Beans Ltd (“Bright Beans”, “we”, “us” or “our”) runs Bean Club (the “Site”)." in text
    assert "Email us at hello@brightbeans.example or visit brightbeans.example." in text
    assert window.isWindowModified()

    # Practices: tick two, switch the Do Not Track choice, untick one again with the keyboard.
    click_tab(qtbot, window, 1)
    panel = window.practices
    click_check(qtbot, panel, "collect.files")
    click_check(qtbot, panel, "cookies.ads")
    click_check(qtbot, panel, "dnt.ignore")
    assert {"collect.files", "cookies.ads", "dnt.ignore"} <= set(window.session.profile.practices)
    assert "dnt.honour" not in window.session.profile.practices
    click_row(qtbot, panel, "collect.files")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)
    assert "collect.files" not in window.session.profile.practices

    # An option: the ad cookies last 45 days instead of 30.
    click_row(qtbot, panel, "cookies.ads")
    spin = panel.options.editors["days"].editor
    assert spin.isEnabled() and spin.value() == 30
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "45")
    assert window.session.profile.practices["cookies.ads"] == {"days": 45}
    wait_rendered(qtbot, window)
    assert "Ad networks set cookies on the Site that last 45 days." in window.preview.plain_text()

    # Reword the first clause: click it in the preview, replace its text in the editor.
    click_clause(qtbot, window.preview, "intro.about")
    editor = window.clause_editor
    assert editor.clause_id == "intro.about"
    qtbot.mouseClick(editor.text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, "{{company}} roasts coffee and runs {{the service}}.")
    wait_rendered(qtbot, window)
    assert "Bright Beans Ltd (“Bright Beans”, “we”, “us” or “our”) roasts coffee and runs Bean Club (the “Site”)." in window.preview.plain_text()
    assert editor.reset.isEnabled()

    # Undo with the keyboard: the whole rewording goes in one step.
    qtbot.keyClick(editor.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_rendered(qtbot, window)
    assert "intro.about" not in window.session.profile.overrides
    assert "roasts coffee" not in window.preview.plain_text()
    assert editor.text.toPlainText().startswith("Bright Beans Ltd (“Bright Beans”, “we”, “us” or “our”) runs Bean Club (the “Site”).")
    assert window.session.profile.practices["cookies.ads"] == {"days": 45}

    # Export to Word (Ctrl+E) and to Markdown (Ctrl+Shift+E).
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved == {"Export to Word": "bright-beans-privacy-policy.docx", "Export to Markdown": "bright-beans-privacy-policy.md"}
    word = docx_blocks((tmp_path / "bright-beans-privacy-policy.docx").read_bytes())
    markdown = markdown_blocks((tmp_path / "bright-beans-privacy-policy.md").read_bytes())
    assert word == markdown
    assert [text for _, text in word] == preview_lines(window), "the preview shows what is exported"
    texts = [text for _, text in word]
    assert texts[0] == "Bright Beans Privacy Policy"
    assert "Ad networks set cookies on the Site that last 45 days." in texts
    assert "We do not respond to Do Not Track signals." in texts
    assert "We honour Do Not Track signals." not in texts
    assert "Your files" not in texts and not any("roasts coffee" in t for t in texts)
    assert ("heading1", "3. Cookies") in word
    assert "bright-beans-privacy-policy.md" in window.status.export_note.text()
