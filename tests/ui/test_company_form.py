"""The company details form: typing goes to the profile; wrong values are marked, never refused."""

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.ui import company_form
from desktop.ui.company_form import NO_DATE
from ui.helpers import mark_text, roll_wheel_down, wait_rendered


def type_into(qtbot, window, name: str, text: str, replace: bool = True) -> None:
    editor = window.form.fields[name].editor
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
    if replace:
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)


def test_form_shows_the_profile(example_window):
    fields = example_window.form.fields
    assert fields["company.legal_name"].editor.text() == "Acme Audio, Inc."
    assert fields["company.country"].editor.currentText() == "United States"
    assert fields["terms.service"].editor.currentText() == "Platform"
    assert fields["terms.personal_information"].editor.currentText() == "personal information"
    assert example_window.form.date.date() == QDate.currentDate()
    assert example_window.form.regime_boxes["caloppa"].isChecked()
    assert not any(field.mark.isVisibleTo(example_window.form) for field in fields.values())


def test_an_invalid_email_is_marked_with_a_reason_while_typing_goes_on(qtbot, example_window):
    form = example_window.form
    type_into(qtbot, example_window, "company.contact_email", "privacy at acme")
    assert example_window.session.profile.company.contact_email == "privacy at acme"
    assert mark_text(form, "company.contact_email") == "'privacy at acme' is not an email address."
    assert form.fields["company.contact_email"].warning.isVisible()
    assert form.fields["company.contact_email"].editor.accessibleDescription() == "'privacy at acme' is not an email address."
    type_into(qtbot, example_window, "company.contact_email", "privacy@acme.example")
    assert mark_text(form, "company.contact_email") == ""
    assert not form.fields["company.contact_email"].warning.isVisible()


def test_an_invalid_web_address_and_an_empty_required_field_are_marked(qtbot, example_window):
    form = example_window.form
    type_into(qtbot, example_window, "company.website", "acme audio")
    assert "is not a web address" in mark_text(form, "company.website")
    editor = form.fields["company.legal_name"].editor
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert mark_text(form, "company.legal_name") == "Enter the company's full legal name."


def test_a_detail_a_clause_needs_is_marked_once_the_preview_updates(qtbot, example_window):
    type_into(qtbot, example_window, "company.website", "")
    qtbot.keyClick(example_window.form.fields["company.website"].editor, Qt.Key.Key_Delete)
    wait_rendered(qtbot, example_window)
    assert mark_text(example_window.form, "company.website") == "Website address is empty, and “How to reach us” uses it."


def test_undo_puts_the_typed_text_back(qtbot, example_window):
    type_into(qtbot, example_window, "company.short_name", "Acme Sound")
    example_window.session.undo_stack.undo()
    assert example_window.form.fields["company.short_name"].editor.text() == "Acme"
    example_window.session.undo_stack.redo()
    assert example_window.form.fields["company.short_name"].editor.text() == "Acme Sound"


def test_terminology_and_country_change_the_policy(qtbot, example_window):
    form = example_window.form
    word = form.fields["terms.service"].editor
    word.setCurrentIndex(word.findText("App"))
    word.activated.emit(word.currentIndex())
    choice = form.fields["terms.personal_information"].editor
    choice.setCurrentIndex(choice.findText("personal data"))
    choice.activated.emit(choice.currentIndex())
    type_into(qtbot, example_window, "company.country", "Ireland")
    wait_rendered(qtbot, example_window)
    text = example_window.preview.plain_text()
    assert "runs Acme Studio (the “App”)" in text and "personal data" in text and "the Platform" not in text
    assert f"Effective date: {QDate.currentDate().day()} " in text  # day-first dates outside the US


def test_the_date_picker_sets_or_clears_the_effective_date(qtbot, example_window):
    form = example_window.form
    form.date.setDate(QDate(2027, 3, 1))
    assert example_window.session.profile.effective_date == "2027-03-01"
    form.date.setDate(NO_DATE)
    assert example_window.session.profile.effective_date == ""
    assert form.date.text() == "Not set"
    wait_rendered(qtbot, example_window)
    assert mark_text(form, "effective_date") == "The policy has no effective date."


def test_regime_boxes_choose_the_laws_to_cover(qtbot, example_window):
    box = example_window.form.regime_boxes["caloppa"]
    assert box.isChecked()
    example_window.form.ensureWidgetVisible(box)  # the user scrolls down to it
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    assert example_window.session.profile.regimes == []
    example_window.session.undo_stack.undo()
    assert box.isChecked() and example_window.session.profile.regimes == ["caloppa"]


def test_regime_boxes_are_the_engines_regimes_in_the_one_wording(qtbot, example_window):
    boxes, declared = example_window.form.regime_boxes, example_window.session.library.regimes
    assert list(boxes) == list(declared)  # the loaded library's laws, not the bundled file's
    assert [label.text() for label in example_window.form.regime_labels.values()] == [r.label for r in declared.values()]
    assert [box.accessibleName() for box in boxes.values()] == [f"Cover {r.title}" for r in declared.values()]
    assert example_window.form.regime_labels["caloppa"].text() == "CalOPPA (any US website or app)"
    assert not hasattr(company_form, "REGIME_LABELS")  # the form keeps no wording of its own
    box = boxes["caloppa"]
    example_window.form.ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    assert example_window.session.undo_stack.undoText() == "Stop covering CalOPPA"


def test_focus_field_goes_to_the_editor(qtbot, example_window):
    example_window.activateWindow()
    qtbot.waitActive(example_window)
    assert example_window.form.focus_field("company.phone")
    assert example_window.focusWidget() is example_window.form.fields["company.phone"].editor
    assert not example_window.form.focus_field("company.nothing")


def test_tab_away_from_a_completed_country_stores_the_whole_name(qtbot, example_window):
    form, session = example_window.form, example_window.session
    session.set_field("company.country", "Ireland")
    wait_rendered(qtbot, example_window)
    assert form.date.displayFormat() == "d MMMM yyyy"
    type_into(qtbot, example_window, "company.country", "United St")
    assert form.fields["company.country"].editor.currentText() == "United States"  # the suggestion shown
    qtbot.keyClick(form.fields["company.country"].editor, Qt.Key.Key_Tab)
    assert session.profile.company.country == "United States"
    assert mark_text(form, "company.country") == ""
    assert form.date.displayFormat() == "MMMM d, yyyy"  # the date style follows at once
    wait_rendered(qtbot, example_window)
    assert example_window.live.document.lang == "en-US"


def test_enter_takes_the_suggestion_and_an_unknown_country_is_flagged(qtbot, example_window):
    form, session = example_window.form, example_window.session
    type_into(qtbot, example_window, "company.country", "germ")
    qtbot.keyClick(form.fields["company.country"].editor, Qt.Key.Key_Return)
    assert session.profile.company.country == "Germany"
    type_into(qtbot, example_window, "company.country", "UK")  # a good name as typed is kept, never "Ukraine"
    qtbot.keyClick(form.fields["company.country"].editor, Qt.Key.Key_Tab)
    assert session.profile.company.country == "UK" and form.fields["company.country"].editor.currentText() == "UK"
    type_into(qtbot, example_window, "company.country", "Untied Kingdom")
    qtbot.keyClick(form.fields["company.country"].editor, Qt.Key.Key_Tab)
    assert session.profile.company.country == "Untied Kingdom"  # never refused, but flagged
    assert mark_text(form, "company.country").startswith("“Untied Kingdom” is not a country this app knows")
    wait_rendered(qtbot, example_window)
    assert any(p.code == "doubtful-detail" and p.where == "company.country" for p in example_window.live.problems)


def test_a_country_typed_in_small_letters_is_stored_as_the_list_spells_it(qtbot, example_window):
    """The policy prints it ("the laws of Illinois, Germany"), so "germany" is stored as "Germany"."""
    form, session = example_window.form, example_window.session
    type_into(qtbot, example_window, "company.country", "germany")
    qtbot.keyClick(form.fields["company.country"].editor, Qt.Key.Key_Tab)
    assert session.profile.company.country == "Germany" and form.fields["company.country"].editor.currentText() == "Germany"
    type_into(qtbot, example_window, "company.country", "united states")
    qtbot.keyClick(form.fields["company.country"].editor, Qt.Key.Key_Return)
    assert session.profile.company.country == "United States"


def _fits(qtbot, form) -> bool:
    content = form.widget()

    def fitting() -> bool:
        return content.minimumSizeHint().width() <= form.viewport().width() and content.width() <= form.viewport().width()

    try:  # the relayout after a resize or a font change is posted, and a scroll bar showing takes a second pass
        qtbot.waitUntil(fitting, timeout=1000)
    except AssertionError:
        return False
    return True


def test_the_form_fits_a_1024_by_700_window_even_with_large_text(qtbot, example_window):
    from PySide6.QtWidgets import QFormLayout

    form = example_window.form
    example_window.resize(1024, 700)
    example_window.main_splitter.setSizes([300, 724])
    assert _fits(qtbot, form), "no sideways scrolling or clipping at 1024×700"
    font = form.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)  # text at 150%
    form.setFont(font)
    assert _fits(qtbot, form)
    assert {f.rowWrapPolicy() for f in form._forms} == {QFormLayout.RowWrapPolicy.WrapAllRows}  # labels above fields
    example_window.main_splitter.setSizes([700, 324])
    qtbot.wait(20)
    assert {f.rowWrapPolicy() for f in form._forms} == {QFormLayout.RowWrapPolicy.DontWrapRows}  # room: labels beside


def test_a_field_the_policy_never_prints_says_so(example_window):
    from desktop.engine.profile.fields import field

    help_label = example_window.form.fields["company.dpo_required"].help
    assert help_label is not None and field("company.dpo_required").not_printed in help_label.text()
    website = example_window.form.fields["company.website"].help
    assert website is None or "Not printed" not in website.text()  # the website is printed now



@pytest.fixture
def german_desktop():
    """Qt's default locale as a German desktop sets it, before the window is made."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(previous)


def test_the_date_reads_in_english_on_a_german_desktop(german_desktop, window):
    assert QLocale().monthName(12) == "Dezember"
    window.form.date.setDate(QDate(2026, 12, 1))
    assert window.form.date.text() == "1 December 2026"


def test_the_wheel_scrolls_the_form_past_a_drop_down_without_changing_it(qtbot, example_window):
    form = example_window.form
    example_window.resize(1024, 500)  # short enough that the form scrolls
    qtbot.wait(20)
    word = form.fields["terms.service"].editor
    form.focus_field("company.legal_name")
    qtbot.waitUntil(lambda: not word.hasFocus())
    before, top = word.currentText(), form.verticalScrollBar().value()
    assert form.verticalScrollBar().maximum() > top
    assert roll_wheel_down(word) is form.viewport()
    assert word.currentText() == before and example_window.session.profile.field_value("terms.service") == before  # the policy is left alone
    assert form.verticalScrollBar().value() > top
    assert not word.hasFocus()  # the wheel does not take the focus either


def test_the_wheel_changes_a_drop_down_the_user_is_in(qtbot, example_window):
    word = example_window.form.fields["terms.service"].editor
    word.setFocus()
    qtbot.waitUntil(word.hasFocus)
    before = word.currentText()
    assert roll_wheel_down(word) is word
    assert word.currentText() != before


def test_the_wheel_scrolls_the_form_past_the_date_without_changing_it(qtbot, example_window):
    form = example_window.form
    example_window.resize(1024, 500)
    qtbot.wait(20)
    form.focus_field("company.legal_name")
    qtbot.waitUntil(lambda: not form.date.hasFocus())
    before = form.date.date()
    assert roll_wheel_down(form.date) is form.viewport()
    assert form.date.date() == before and not form.date.hasFocus()


def test_an_empty_new_form_shows_no_errors_until_a_field_is_left_or_the_policy_is_exported(qtbot, window, monkeypatch):
    window.controller.new_profile(confirm=False)
    wait_rendered(qtbot, window)
    form = window.form
    assert not window.session.profile.company.legal_name
    assert [name for name in form.fields if mark_text(form, name)] == [], "nothing typed yet: nothing is wrong yet"
    name = form.fields["company.legal_name"].editor
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert mark_text(form, "company.legal_name") == "Enter the company's full legal name."
    assert mark_text(form, "company.contact_email") == ""
    monkeypatch.setattr(window.view, "ask_export_path", lambda fmt, suggested: None)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Cancel.value)
    window.controller.export("md")
    assert asked and mark_text(form, "company.contact_email"), "asking for the policy marks every detail it lacks"
