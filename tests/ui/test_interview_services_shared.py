"""A service is picked once in the interview (issue 23's new user's try): the Oregon bakery picked Square under
"Which company handles card payments" and found it unticked on the next page, under "Which of these services
do you use?", inviting a second tick. Every services question shows ticked what any other picked, and an
untick in one is an untick in all, driven by the mouse."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionButton, QWizard

from desktop.engine.interview.interview import apply_answers, new_profile, start_profile
from desktop.ui.interview_dialog import InterviewDialog


def service_box(dialog, question_id: str, service_id: str):
    """The check box of a service in a services question's checklist, scrolled into view."""
    box = dialog.rows[question_id].field.picker.checklist.rows[service_id].box
    dialog.rows[question_id].field.picker.checklist.scroll.ensureWidgetVisible(box)
    dialog.currentPage().scroll.ensureWidgetVisible(box)
    return box


def click_service(qtbot, dialog, question_id: str, service_id: str) -> None:
    """Click the little square of a service's check box."""
    box = service_box(dialog, question_id, service_id)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())


def click_button(qtbot, dialog, which) -> None:
    qtbot.mouseClick(dialog.button(which), Qt.MouseButton.LeftButton)


def test_a_service_picked_for_payments_is_ticked_among_the_services_and_unticked_in_both(qtbot, bundled_library):
    profile = start_profile(bundled_library)
    dialog = InterviewDialog(bundled_library, profile)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_button(qtbot, dialog, QWizard.WizardButton.NextButton)  # to "What people give you"
    qtbot.mouseClick(dialog.rows["takes_payments"].field.yes, Qt.MouseButton.LeftButton)
    click_service(qtbot, dialog, "payment_processor", "square")
    assert service_box(dialog, "payment_processor", "square").isChecked()

    click_button(qtbot, dialog, QWizard.WizardButton.NextButton)  # to "What you use"
    assert dialog.currentPage().rows[0].question.page == "use"
    square = service_box(dialog, "services", "square")
    assert square.isVisible() and square.isChecked()
    click_service(qtbot, dialog, "services", "square")  # not used after all
    click_service(qtbot, dialog, "services", "stripe")  # this one is
    assert not square.isChecked()

    click_button(qtbot, dialog, QWizard.WizardButton.BackButton)
    assert not service_box(dialog, "payment_processor", "square").isChecked()
    assert service_box(dialog, "payment_processor", "stripe").isChecked()
    answers = dialog.answers()
    assert answers["payment_processor"] == {"stripe": {}}
    after = apply_answers(profile, answers, bundled_library)
    assert set(after.services) == {"stripe"}
    assert after.practices["collect.orders"]["processor"] == "Stripe"


def test_the_reopened_interview_names_only_the_payment_company_as_the_card_processor(qtbot, bundled_library):
    """Reopened, each services question used to be given every service of the profile: finishing then named
    Mailchimp with Square as the company that handles card payments."""
    profile = new_profile({"company_name": "Crumb & Hearth Bakery LLC", "takes_payments": True,
                           "payment_processor": {"square": {}}, "services": {"mailchimp": {}}}, bundled_library)
    assert profile.practices["collect.orders"]["processor"] == "Square"
    dialog = InterviewDialog(bundled_library, profile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_button(qtbot, dialog, QWizard.WizardButton.NextButton)
    assert service_box(dialog, "payment_processor", "square").isChecked()
    click_button(qtbot, dialog, QWizard.WizardButton.NextButton)
    assert service_box(dialog, "services", "square").isChecked() and service_box(dialog, "services", "mailchimp").isChecked()
    after = apply_answers(profile, dialog.answers(), bundled_library)
    assert after.practices["collect.orders"]["processor"] == "Square"
    assert set(after.services) == {"square", "mailchimp"}
