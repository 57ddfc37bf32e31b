"""The interview on a new profile, by mouse: page 1 says which laws are still to be decided, never that
one does not apply; the CCPA waits for its three thresholds; once answered, the decisions show
(issue 23's new user's try)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.engine.interview.interview import start_profile
from desktop.ui.interview_dialog import InterviewDialog

LEFT = Qt.MouseButton.LeftButton
PLACES = "decided once you answer “Do people in any of these places use your service? Tick each one.”"


def _shown_effects(dialog: InterviewDialog) -> list[str]:
    page = dialog.currentPage()
    return [row.effect.text() for row in page.rows if row.isVisible()]


def _next(qtbot, dialog: InterviewDialog) -> None:
    shown = dialog.currentId()
    qtbot.mouseClick(dialog.button(QWizard.WizardButton.NextButton), LEFT)
    qtbot.waitUntil(lambda: dialog.currentId() == shown + 1)


def test_page_one_decides_no_law_and_the_answers_then_do(qtbot, bundled_library):
    dialog = InterviewDialog(bundled_library, start_profile(bundled_library))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    country = dialog.rows["business_country"]
    qtbot.mouseClick(country.field.edit, LEFT)
    qtbot.keyClicks(country.field.edit, "United States")
    effects = _shown_effects(dialog)
    assert not [text for text in effects if "not apply" in text or "left out" in text], effects
    assert "Whether UK GDPR and PIPEDA apply is " + PLACES in country.effect.text()
    assert "Whether Quebec Law 25 applies is decided once you answer “In which state, province or region?”" in country.effect.text()

    while dialog.currentPage() is not dialog.question_pages[3]:  # Who your users are
        _next(qtbot, dialog)
    california = dialog.rows["california_users"]
    qtbot.mouseClick(california.field.yes, LEFT)
    assert "Whether CCPA/CPRA applies is decided once you answer “Was your business's revenue" in california.effect.text()
    assert "under all three" not in california.effect.text()
    for threshold in ("revenue_over_25m", "californians_100k", "half_revenue_from_data"):
        qtbot.mouseClick(dialog.rows[threshold].field.no, LEFT)
    assert "Your business is under all three CCPA thresholds" in california.effect.text()
    assert "PIPEDA" in dialog.rows["user_places"].effect.text() and PLACES in dialog.rows["user_places"].effect.text()

    _next(qtbot, dialog)  # leaving the page: nobody ticked in Canada is an answer now
    assert "Nobody in Canada uses your service and your business is not based there, so PIPEDA does not apply." in country.effect.text()
    while dialog.currentPage() is not dialog.summary:
        _next(qtbot, dialog)
    summary = dialog.summary.text.text()
    assert "not decided yet" not in summary and "<b>CalOPPA</b> (✔ covered)" in summary
    assert "<b>PIPEDA</b> (not needed). Nobody in Canada uses your service" in summary
