"""Option boxes show their values in words: the tokens of a default read as the policy fills them,
stay stored as tokens while the words are left alone, and follow the company's details."""

import pytest
from PySide6.QtCore import Qt

from desktop.engine.review.example import example_profile
from desktop.ui.practice_panel import PracticePanel
from desktop.ui.session import ProfileSession


@pytest.fixture
def panel(qtbot, bundled_library):
    session = ProfileSession(bundled_library)
    profile = example_profile(bundled_library)
    profile.practices.setdefault("law.governing", {})
    profile.practices.setdefault("changes.advance_notice", {})
    session.replace(profile)
    panel = PracticePanel(session)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    return panel


def test_a_default_with_tokens_reads_in_words_and_keeps_its_tokens(qtbot, panel):
    session = panel.session
    panel.select_practice("law.governing")
    state = panel.options.editors["state"].editor
    assert state.text() == "Illinois, United States"
    session.set_field("company.region", "Ohio")
    assert state.text() == "Ohio, United States"  # the default still follows the company's details
    assert "state" not in session.profile.practices["law.governing"]
    state.setFocus()
    state.end(False)
    qtbot.keyClicks(state, " (USA)")
    assert session.profile.practices["law.governing"]["state"] == "Ohio, United States (USA)"
    assert state.text() == "Ohio, United States (USA)"


def test_list_items_left_alone_keep_their_tokens(qtbot, panel):
    session = panel.session
    panel.select_practice("changes.advance_notice")
    items = panel.options.editors["channels"].editor
    assert "{{" not in items.toPlainText()
    assert items.items() == ["by email", "with a notice on the Platform"]
    items.setFocus()
    items.moveCursor(items.textCursor().MoveOperation.End)
    qtbot.keyClick(items, Qt.Key.Key_Return)
    qtbot.keyClicks(items, "by letter")
    assert session.profile.practices["changes.advance_notice"]["channels"] == ["by email", "with a notice on {{the service}}", "by letter"]


def test_no_option_box_shows_template_code(qtbot, bundled_library):
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from desktop.engine.review.example import all_practices_profile
    from desktop.ui.option_editors import ListEdit

    session = ProfileSession(bundled_library)
    session.replace(all_practices_profile(bundled_library))
    panel = PracticePanel(session)
    qtbot.addWidget(panel)
    shown = 0
    for practice_id, practice in bundled_library.practices.items():
        if not practice.options or practice_id not in session.profile.practices:
            continue
        panel.select_practice(practice_id)
        for name, editor in panel.options.editors.items():
            box = editor.editor
            if isinstance(box, QComboBox):
                texts = [box.itemText(i) for i in range(box.count())]
            elif isinstance(box, (QLineEdit, ListEdit)):
                texts = [box.text() if isinstance(box, QLineEdit) else box.toPlainText()]
            else:
                continue
            shown += 1
            assert not any("{{" in text or "}}" in text for text in texts), (practice_id, name, texts)
    assert shown > 40
