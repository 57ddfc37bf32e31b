"""The live preview: the same blocks the exporters write, updated after typing stops, clause by clause."""

from exports import html_blocks
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor

from desktop.engine.export import export_bytes
from desktop.engine.policy.assemble import assemble
from desktop.engine.review.example import example_profile
from desktop.ui.live import DELAY_MS
from desktop.ui.main_window import MainWindow
from desktop.ui.page_writer import GAP_BACKGROUND, clause_at
from desktop.ui.preview import PolicyPreview
from ui.helpers import click_clause, highlighted_clauses, preview_lines, wait_rendered


def test_preview_shows_every_block_the_exporters_write(example_window):
    document = example_window.live.document
    assert preview_lines(example_window) == [text for _, text in document.text_blocks()]
    assert [text for _, text in html_blocks(export_bytes(document, "html"))] == preview_lines(example_window)


def test_headings_and_bullets_are_formatted(example_window):
    block = example_window.preview.document().begin()
    formats = {}
    while block.isValid():
        formats.setdefault(block.text(), (block.blockFormat().headingLevel(), block.textList() is not None))
        block = block.next()
    assert formats["Acme Privacy Policy"] == (1, False)
    assert formats["1. About this policy"] == (2, False)
    assert formats["What you give us"] == (3, False)
    assert formats["your email address"] == (0, True)


def test_gaps_are_highlighted_and_links_are_links_that_do_not_open(qtbot, example_window):
    session = example_window.session
    session.set_field("company.website", "")
    wait_rendered(qtbot, example_window)
    preview = example_window.preview
    assert not preview.openLinks() and not preview.openExternalLinks()
    found = preview.document().find("[Website address]")
    assert found.charFormat().background().color() == GAP_BACKGROUND and found.charFormat().fontWeight() >= 600
    link = preview.document().find("privacy@acme-audio.example")
    assert link.charFormat().anchorHref() == "mailto:privacy@acme-audio.example"
    source = preview.source()
    preview.anchorClicked.emit(link.charFormat().anchorHref())
    assert preview.source() == source and preview.plain_text().startswith("Acme Privacy Policy")


def test_typing_renders_once_after_the_keys_stop(qtbot, example_window):
    field = example_window.form.fields["company.short_name"].editor
    before = example_window.live.renders
    field.end(False)
    qtbot.keyClicks(field, " Sound")
    assert example_window.live.renders == before and example_window.live.pending()
    assert "Acme Sound" not in example_window.preview.plain_text()
    qtbot.wait(DELAY_MS * 2)
    assert example_window.live.renders == before + 1
    assert example_window.preview.plain_text().startswith("Acme Sound Privacy Policy")


def test_clicking_a_clause_selects_it_for_rewording(qtbot, example_window):
    click_clause(qtbot, example_window.preview, "contact.details")
    assert example_window.preview.selected_clause == "contact.details"
    assert example_window.clause_editor.clause_id == "contact.details"
    assert highlighted_clauses(example_window.preview) == {"contact.details"}
    click_clause(qtbot, example_window.preview, "intro.about")
    assert highlighted_clauses(example_window.preview) == {"intro.about"}


def test_the_keyboard_moves_through_clauses_and_enter_opens_the_editor(qtbot, example_window):
    example_window.activateWindow()
    qtbot.waitActive(example_window)
    preview = example_window.preview
    preview.setFocus()
    preview.moveCursor(QTextCursor.MoveOperation.Start)
    for _ in range(12):  # down past the title and the section heading, to the first clause
        if preview.selected_clause:
            break
        qtbot.keyClick(preview, Qt.Key.Key_Down)
    assert preview.selected_clause == "intro.about" == example_window.clause_editor.clause_id
    qtbot.keyClick(preview, Qt.Key.Key_Return)
    assert example_window.focusWidget() is example_window.clause_editor.text


def test_a_rerender_keeps_the_scroll_position_and_selection_while_the_change_is_in_view(qtbot, example_window):
    preview = example_window.preview
    preview.setFixedHeight(200)  # short enough that the policy scrolls
    example_window.select_clause("contact.details")  # opens the reword pane beside the preview
    qtbot.wait(50)  # the page is laid out again for its new size
    example_window.select_clause("contact.details")  # scrolls the clause into view
    bar = preview.verticalScrollBar()
    position = bar.value()
    assert position > 0
    example_window.session.set_field("company.phone", "+1 555 0111")  # changes contact.details, already in view
    wait_rendered(qtbot, example_window)
    assert bar.value() == position and preview.selected_clause == "contact.details"
    assert "+1 555 0111" in preview.plain_text()
    bar.setValue(0)  # the user scrolls away; the next change to the clause brings it back
    example_window.session.set_field("company.phone", "+1 555 0122")
    wait_rendered(qtbot, example_window)
    assert bar.value() == position and preview.flashed == "contact.details"


def test_preview_has_an_accessible_name(qtbot):
    preview = PolicyPreview()
    qtbot.addWidget(preview)
    assert preview.accessibleName() == "Policy preview"


def page_content(preview: PolicyPreview) -> list[tuple]:
    """Every block of the page: its text, clause, heading level, list, and each run's look."""
    content, block = [], preview.document().begin()
    while block.isValid():
        runs, fragments = [], block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fragments += 1
            look = fragment.charFormat()
            runs.append((fragment.text(), look.fontWeight(), look.fontItalic(), look.anchorHref(), look.background().color().name(),
                         look.fontPointSize()))
        fmt = block.blockFormat()
        content.append((block.text(), clause_at(block), fmt.headingLevel(), fmt.bottomMargin(), block.textList() is not None, runs))
        block = block.next()
    return content


def test_an_edit_rewrites_only_the_changed_clauses_and_reads_as_a_page_written_afresh(qtbot, bundled_library):
    profile = example_profile(bundled_library)
    shown, fresh = PolicyPreview(), PolicyPreview()
    qtbot.addWidget(shown), qtbot.addWidget(fresh)
    shown.show_document(assemble(profile, bundled_library))
    page = shown.document()
    profile.set_field("company.short_name", "Zenith")
    profile.set_field("company.contact_email", "nobody")  # a link becomes a marked gap
    document = assemble(profile, bundled_library)
    shown.show_document(document)
    fresh.show_document(document)
    assert shown.document() is page  # the same page, rewritten in place
    assert page_content(shown) == page_content(fresh)
    assert shown.plain_text().startswith("Zenith Privacy Policy")
    profile.practices.pop("contact.details", None)  # a clause fewer: a new page
    profile.practices["share.none"] = {}
    document = assemble(profile, bundled_library)
    shown.show_document(document)
    fresh.show_document(document)
    assert shown.document() is not page
    assert page_content(shown) == page_content(fresh)


def test_the_blocks_of_a_clause_are_those_that_show_it(qtbot, bundled_library):
    profile = example_profile(bundled_library)
    profile.services["google_analytics"] = {}  # a cookie table: its cells are blocks of the page too
    profile.practices.setdefault("cookies.about", {})
    preview = PolicyPreview()
    qtbot.addWidget(preview)
    for change in (lambda: None, lambda: profile.set_field("company.short_name", "Zenith"),
                   lambda: profile.practices.pop("contact.details")):
        change()
        preview.show_document(assemble(profile, bundled_library))
        shown, block = {}, preview.document().begin()
        while block.isValid():
            if clause_at(block):
                shown.setdefault(clause_at(block), []).append(block.blockNumber())
            block = block.next()
        assert "_ga" in preview.plain_text()
        assert shown and all([b.blockNumber() for b in preview.blocks_of(c)] == numbers for c, numbers in shown.items())
        assert preview.blocks_of("no.such.clause") == [] and preview.block_of("no.such.clause") is None


def test_a_bullet_after_a_link_is_drawn_as_the_others_not_as_a_link(qtbot, bundled_library, settings):
    """"by post at…" followed the email link and its bullet was drawn blue (issue 23)."""
    window = MainWindow(bundled_library, settings)
    window.show()
    window.controller.load_example(confirm=False)
    wait_rendered(qtbot, window)
    preview = window.preview
    block, seen = preview.document().begin(), []
    link = preview.palette().color(QPalette.ColorRole.Link)
    while block.isValid():
        if block.textList() is not None:
            seen.append(block.text())
            assert not block.charFormat().isAnchor(), block.text()
            assert block.charFormat().foreground().color() != link, block.text()
        block = block.next()
    assert any(text.startswith("by post at") for text in seen)
    window.close()
