"""Rewording in plain words: the clause as it reads now, its filled-in values as protected pieces
that the cursor steps over, that Backspace deletes whole, and that stay live after save and load."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractButton, QLabel

from desktop.engine.policy.assemble import assemble
from desktop.engine.review.example import all_practices_profile, example_profile
from desktop.ui.clause_editor import ClauseEditor
from desktop.ui.piece_edit import PIECE_ID, same_place
from desktop.ui.session import ProfileSession
from ui.helpers import click_clause, click_row, wait_rendered


def _what_the_user_sees(editor: ClauseEditor) -> list[str]:
    """Every visible text of the reword panel, the pieces' tooltips included."""
    seen = [editor.text.toPlainText()]
    seen += [w.text() for kind in (QLabel, QAbstractButton) for w in editor.findChildren(kind) if w.isVisibleTo(editor)]
    block = editor.text.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            seen.append(iterator.fragment().charFormat().toolTip())
            iterator += 1
        block = block.next()
    return seen


@pytest.mark.parametrize("make", [example_profile, all_practices_profile], ids=["example", "all practices"])
def test_no_template_code_reaches_the_user_for_any_clause(qtbot, bundled_library, make):
    session = ProfileSession(bundled_library)
    session.replace(make(bundled_library))
    editor = ClauseEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    editor.set_document(assemble(session.profile, bundled_library), [])
    assert editor.chooser.count() > 10
    for index in range(editor.chooser.count()):
        editor.chooser.setCurrentIndex(index)
        editor.chooser.activated.emit(index)
        assert editor.clause_id == editor.chooser.itemData(index)
        assert editor.text.toPlainText().strip(), editor.clause_id
        leaked = [text for text in _what_the_user_sees(editor) if "{{" in text or "}}" in text]
        assert not leaked, f"{editor.clause_id}: {leaked}"


def _piece_spans(box) -> list[tuple[int, int, str]]:
    """(start, end, text) of each protected piece in the box."""
    spans, block = [], box.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            if fragment.charFormat().property(PIECE_ID) is not None:
                spans.append((fragment.position(), fragment.position() + fragment.length(), fragment.text()))
        block = block.next()
    return spans


def _cursor_to(box, position: int) -> None:
    cursor = box.textCursor()
    cursor.setPosition(position)
    box.setTextCursor(cursor)


def test_a_rewording_keeps_its_pieces_through_save_and_load_and_follows_the_company_name(qtbot, example_window, tmp_path):
    session = example_window.session
    click_clause(qtbot, example_window.preview, "intro.about")
    editor = example_window.clause_editor
    box = editor.text
    # the box reads as the preview does: the clause that first names the company and the service defines them
    introduction = "Acme Audio, Inc. (“Acme”, “we”, “us” or “our”)"
    assert box.toPlainText().startswith(f"{introduction} runs Acme Studio (the “Platform”).")
    start, end, text = _piece_spans(box)[0]
    assert (start, text) == (0, introduction)
    assert "Company name" in box.document().findBlock(0).begin().fragment().charFormat().toolTip()
    box.setFocus()
    _cursor_to(box, end)
    qtbot.keyClicks(box, ", a small roaster,")
    wait_rendered(qtbot, example_window)
    wording = session.profile.overrides["intro.about"]
    assert wording.startswith("{{company}}, a small roaster, runs {{the service}}.")
    assert "(“Acme”, “we”, “us” or “our”), a small roaster, runs Acme Studio" in example_window.preview.plain_text()

    path = tmp_path / "roaster.json"
    example_window.controller._save_to(path)
    assert json.loads(path.read_text())["overrides"]["intro.about"] == wording
    session.undo_stack.setClean()
    example_window.controller.new_profile(confirm=False)
    assert "intro.about" not in session.profile.overrides
    example_window.controller.open_profile(path, confirm=False)
    wait_rendered(qtbot, example_window)
    assert session.profile.overrides["intro.about"] == wording

    session.set_field("company.short_name", "Acme Sounds")
    wait_rendered(qtbot, example_window)
    click_clause(qtbot, example_window.preview, "intro.about")
    assert box.toPlainText().startswith("Acme Audio, Inc. (“Acme Sounds”, “we”, “us” or “our”), a small roaster, runs Acme Studio (the “Platform”).")
    assert "(“Acme Sounds”, “we”, “us” or “our”), a small roaster, runs" in example_window.preview.plain_text()
    assert session.profile.overrides["intro.about"] == wording  # the token stayed: the new name flowed in


def test_the_cursor_steps_over_a_piece_and_backspace_deletes_it_whole(qtbot, example_window):
    session = example_window.session
    click_clause(qtbot, example_window.preview, "contact.details")
    box = example_window.clause_editor.text
    start, end, text = _piece_spans(box)[0]
    assert text == "privacy@acme-audio.example"
    box.setFocus()
    _cursor_to(box, end)
    qtbot.keyClick(box, Qt.Key.Key_Left)
    assert box.textCursor().position() == start, "one press of Left steps over the whole piece"
    qtbot.keyClick(box, Qt.Key.Key_Right)
    assert box.textCursor().position() == end
    _cursor_to(box, start + 3)  # a click inside a piece lands at its nearer edge
    assert box.textCursor().position() == start
    _cursor_to(box, end)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert box.toPlainText().startswith("Email us at  or visit acme-audio.example.")
    wait_rendered(qtbot, example_window)
    wording = session.profile.overrides["contact.details"]
    assert "{{company.contact_email}}" not in wording and "{{company.website}}" in wording
    qtbot.keyClick(box, Qt.Key.Key_Delete)  # nothing of the piece is left to delete: a space goes
    assert box.toPlainText().startswith("Email us at or visit")


def test_what_is_typed_beside_a_piece_is_the_user_s_words(qtbot, example_window):
    click_clause(qtbot, example_window.preview, "contact.details")
    box = example_window.clause_editor.text
    start, end, _ = _piece_spans(box)[0]
    box.setFocus()
    _cursor_to(box, end)
    qtbot.keyClicks(box, " (read daily)")
    wait_rendered(qtbot, example_window)
    assert example_window.session.profile.overrides["contact.details"].startswith(
        "Email us at {{company.contact_email}} (read daily) or visit {{company.website}}.")
    assert _piece_spans(box)[0][2] == "privacy@acme-audio.example"


def test_conditions_are_settled_as_the_profile_stands_and_said_so(qtbot, example_window):
    editor = example_window.clause_editor
    click_clause(qtbot, example_window.preview, "contact.details")
    assert editor.as_it_reads.isVisibleTo(editor)  # "shown as they read today"
    assert "You can also call us on +1 555 0100." in editor.text.toPlainText()
    box = editor.text
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(box, " Thank you.")
    wait_rendered(qtbot, example_window)
    wording = example_window.session.profile.overrides["contact.details"]
    assert "{{if" not in wording and "You can also call us on {{company.phone}}." in wording


def test_a_selection_that_cuts_into_a_piece_takes_it_whole(qtbot, example_window):
    click_clause(qtbot, example_window.preview, "contact.details")
    box = example_window.clause_editor.text
    start, end, text = _piece_spans(box)[0]
    box.setFocus()
    cursor = box.textCursor()
    cursor.setPosition(start - 3)
    cursor.setPosition(start + 4, QTextCursor.MoveMode.KeepAnchor)  # as a drag with the mouse would
    box.setTextCursor(cursor)
    assert box.textCursor().selectedText() == "at " + text
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.toPlainText().startswith("Email us  or visit acme-audio.example.")
    wait_rendered(qtbot, example_window)
    assert "{{company.contact_email}}" not in example_window.session.profile.overrides["contact.details"]


def test_one_keystroke_fills_the_values_once_for_both_panels(qtbot, example_window, monkeypatch):
    import desktop.engine.policy.reword as reword

    fills = []
    real = reword.word_renderer
    monkeypatch.setattr(reword, "word_renderer", lambda *a: fills.append(1) or real(*a))
    click_row(qtbot, example_window.practices, "collect.basic")  # its options show in words
    click_clause(qtbot, example_window.preview, "contact.details")  # and the reword panel shows a clause
    phone = example_window.form.fields["company.phone"].editor
    phone.setFocus()
    phone.end(False)
    fills.clear()
    qtbot.keyClicks(phone, "1")
    wait_rendered(qtbot, example_window)
    assert example_window.session.profile.company.phone.endswith("1")
    assert "You can also call us on +1 555 01001." in example_window.clause_editor.text.toPlainText()
    assert len(fills) == 1  # the practice pane and the reword panel share one filler per profile state


def test_option_values_without_tokens_need_no_filling(qtbot, example_window, monkeypatch):
    import desktop.engine.policy.reword as reword

    fills = []
    real = reword.word_renderer
    monkeypatch.setattr(reword, "word_renderer", lambda *a: fills.append(1) or real(*a))
    click_row(qtbot, example_window.practices, "collect.basic")  # "your name", "your email address": no tokens
    phone = example_window.form.fields["company.phone"].editor
    phone.setFocus()
    fills.clear()
    qtbot.keyClicks(phone, "1")
    wait_rendered(qtbot, example_window)
    assert example_window.practices.options.isVisibleTo(example_window.practices) and fills == []


def _preview_text_of(preview, clause_id: str) -> list[str]:
    """The lines of one clause as the preview shows them (its heading left out)."""
    from desktop.ui.page_writer import clause_at

    lines, block = [], preview.document().begin()
    while block.isValid():
        if clause_at(block) == clause_id and not block.blockFormat().headingLevel() and block.text().strip():
            lines.append(block.text().strip())
        block = block.next()
    return lines


def _box_lines(box) -> list[str]:
    return [line.removeprefix("• ").strip() for line in box.toPlainText().splitlines() if line.strip()]


def test_the_box_shows_a_clause_as_the_preview_does_one_bullet_an_item(qtbot, bundled_window):
    example_window = bundled_window
    session = example_window.session
    click_clause(qtbot, example_window.preview, "collect.automatic")
    box = example_window.clause_editor.text
    shown = _preview_text_of(example_window.preview, "collect.automatic")
    assert len(shown) >= 8 and _box_lines(box) == shown
    assert "• the company that gives you internet access\n• the parts of the Platform you use" in box.toPlainText()

    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(box, " Ask us for a copy.")
    wait_rendered(qtbot, example_window)
    wording = session.profile.overrides["collect.automatic"]
    assert wording.count("{{opt.items}}") == 1, wording  # eight bullets in the box, one list in the wording
    after = _preview_text_of(example_window.preview, "collect.automatic")
    assert after[1:7] == shown[1:7] and after[-1].endswith("Ask us for a copy.")
    assert _box_lines(box) == after


def test_when_the_defining_words_go_the_next_use_defines_the_term_in_the_box_as_in_the_preview(qtbot, bundled_window):
    click_clause(qtbot, bundled_window.preview, "intro.about")
    box = bundled_window.clause_editor.text
    assert _box_lines(box) == _preview_text_of(bundled_window.preview, "intro.about")
    definition = "Acme Studio, our online music platform (the “Platform”)"
    service = next(span for span in _piece_spans(box) if span[2] == definition)
    box.setFocus()
    _cursor_to(box, service[1])
    qtbot.keyClick(box, Qt.Key.Key_Backspace)  # the defining words go: the next use of the Platform defines it
    wait_rendered(qtbot, bundled_window)
    shown = _preview_text_of(bundled_window.preview, "intro.about")
    assert f"when you use {definition}" in shown[0]
    assert _box_lines(box) == shown
    assert box.textCursor().position() == service[0], "the box refilled around the cursor, which stayed put"
    qtbot.keyClicks(box, "a music app")
    wait_rendered(qtbot, bundled_window)
    assert "offers a music app. This policy" in _preview_text_of(bundled_window.preview, "intro.about")[0]


@pytest.mark.parametrize("old, new, position, expected", [
    ("Acme runs it.", "Acme Sounds runs it.", 9, 16),  # a value before the cursor grew: the cursor moves with its words
    ("use the app, and why", "use the app (the “App”), and why", 3, 3),  # one after it grew: the cursor stays
    ("abc", "", 2, 0),
    # a dash typed on a new line, refilled with a blank line before it and a list shrunk below it: after the dash
    ("terms\n-\n\nHere:\n• a\n• b\n• c\n\nEnd.", "terms\n\n-\n\nHere:\n• a\n\nEnd.", 7, 8),
])
def test_a_refill_keeps_the_cursor_among_the_same_words(old, new, position, expected):
    assert same_place(old, new, position) == expected


def test_a_dash_typed_on_a_new_line_starts_a_bullet_under_the_retention_list(qtbot, bundled_window):
    """A new user typed "- whether…" after the last reason in "How long we keep information" and got " whether-":
    the box refilled under the cursor when the list below changed."""
    session = bundled_window.session
    session.set_option("retention.criteria", "logs_period", "for 12 months")
    wait_rendered(qtbot, bundled_window)
    click_clause(qtbot, bundled_window.preview, "retention.criteria")
    box = bundled_window.clause_editor.text
    shown = _preview_text_of(bundled_window.preview, "retention.criteria")
    assert any("for 12 months" in line for line in shown) and _box_lines(box) == shown
    box.setFocus()
    _cursor_to(box, box.toPlainText().index("enforce our terms") + len("enforce our terms"))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    for key in "- whether we still need it":
        qtbot.keyClicks(box, key)
        qtbot.wait(5)
        bundled_window.live.render_now()  # the preview catching up between keys, as it does at a normal pace
    wait_rendered(qtbot, bundled_window)
    assert "\n- whether we still need it\n" in box.toPlainText()
    after = _preview_text_of(bundled_window.preview, "retention.criteria")
    assert "whether we still need it" in after and any("for 12 months" in line for line in after)
    assert "• whether we still need it" in _box_after_refill(bundled_window)


def _box_after_refill(window) -> str:
    """The box as it reads when the clause is opened afresh."""
    window.clause_editor.show_clause("retention.criteria")
    return window.clause_editor.text.toPlainText()


def test_a_pause_in_the_typing_starts_a_new_undo_step(qtbot, example_window, monkeypatch):
    """One Ctrl+Z took back every edit made to a clause, minutes of work, where a text editor takes back the last burst."""
    now = [1000.0]
    monkeypatch.setattr("desktop.ui.session.clock", lambda: now[0])
    click_clause(qtbot, example_window.preview, "contact.details")
    box = example_window.clause_editor.text
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(box, " We answer fast.")
    now[0] += 30  # the owner reads it over, then goes on
    qtbot.keyClicks(box, " Really.")
    assert box.toPlainText().endswith("We answer fast. Really.")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_rendered(qtbot, example_window)
    assert box.toPlainText().endswith("We answer fast.")
    assert "We answer fast." in example_window.session.profile.overrides["contact.details"]
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_rendered(qtbot, example_window)
    assert "contact.details" not in example_window.session.profile.overrides


def test_removing_or_changing_one_bullet_of_a_list_makes_the_list_the_user_s_own_words(qtbot, bundled_window):
    """A third new user deleted "the words you search for on the Site" with Backspace: the policy kept it, and typing
    after it split into bullets in another order than the box showed."""
    click_clause(qtbot, bundled_window.preview, "collect.automatic")
    box = bundled_window.clause_editor.text
    item = "the words you search for on the Platform"
    box.setFocus()
    _cursor_to(box, box.toPlainText().index(item) + len(item))
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    wait_rendered(qtbot, bundled_window)
    shown = _preview_text_of(bundled_window.preview, "collect.automatic")
    assert item not in shown and "the company that gives you internet access" in shown
    assert bundled_window.clause_editor.state.text().startswith("Your own wording.")
    qtbot.keyClicks(box, "the pieces you practise")
    wait_rendered(qtbot, bundled_window)
    shown = _preview_text_of(bundled_window.preview, "collect.automatic")
    assert "the pieces you practise" in shown and _box_lines(box) == shown
    wording = bundled_window.session.profile.overrides["collect.automatic"]
    assert "{{opt.items}}" not in wording and "- the parts of {{the service}} you use" in wording
