"""The warning and help under the company details are never clipped at the window's default size
(issue 23: the key phrase of the representative warning was unreadable)."""

from desktop.ui.main_window import MainWindow
from ui.helpers import wait_rendered


def clipped_notes(form) -> list[str]:
    notes = [label for field in form.fields.values() for label in (field.mark, field.help) if label is not None]
    return [f"{label.text()[:40]}… {label.height()} of {label.heightForWidth(label.width())}"
            for label in notes if label.isVisible() and label.height() < label.heightForWidth(label.width())]


def test_the_representative_warning_and_every_help_line_show_all_their_lines(qtbot, bundled_library, settings):
    window = MainWindow(bundled_library, settings)
    window.show()  # at its default size
    qtbot.waitExposed(window)
    try:
        window.controller.load_example(confirm=False)
        window.session.set_regime("gdpr", True)
        window.session.set_field("company.eu_representative", "")
        wait_rendered(qtbot, window)
        form = window.form
        form.focus_field("company.eu_representative")
        form.focus_field("company.legal_name")  # been in the field and left it: its warning shows
        qtbot.wait(50)
        assert "name your representative" in form.fields["company.eu_representative"].mark.text()
        assert clipped_notes(form) == []
        window.resize(window.width() - 150, window.height())
        qtbot.wait(50)
        assert clipped_notes(form) == []
    finally:
        window.session.undo_stack.setClean()
        window.close()
