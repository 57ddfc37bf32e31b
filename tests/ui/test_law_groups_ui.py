"""The company form with every bundled law (issue 22): laws declared in one `group` (the US states) sit
under one heading in a grid of short titles, so some twenty laws take a few rows and stay usable."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel

from desktop.ui.company_form import CompanyForm
from desktop.ui.session import ProfileSession


def test_the_us_state_laws_sit_under_one_heading_two_to_a_row(qtbot, bundled_library):
    form = CompanyForm(ProfileSession(bundled_library))
    qtbot.addWidget(form)
    form.resize(420, 900)
    form.show()
    qtbot.waitExposed(form)
    grouped = [r for r in bundled_library.regimes.values() if r.group == "US state laws"]
    assert len(grouped) >= 18 and list(form.regime_boxes) == [
        *[r for r in bundled_library.regimes if not bundled_library.regimes[r].group], *[r.id for r in grouped]]
    [laws] = [b for b in form.widget().findChildren(QGroupBox) if b.title() == "Laws to cover"]
    assert any(label.accessibleName() == "US state laws" for label in laws.findChildren(QLabel))
    colorado = form.regime_boxes["us_co"]
    assert form.regime_labels["us_co"].text() == "Colorado CPA"
    assert bundled_library.regimes["us_co"].label in colorado.toolTip()
    virginia, connecticut = form.regime_boxes["us_va"], form.regime_boxes["us_ct"]
    assert colorado.y() == virginia.y() and colorado.x() > virginia.x(), "two to a row"
    assert connecticut.y() > virginia.y() + virginia.height() / 2, "rows do not overlap"
    qtbot.mouseClick(form.regime_labels["us_co"], Qt.MouseButton.LeftButton)  # the title toggles its box
    assert colorado.isChecked() and "us_co" in form.session.profile.regimes


def test_the_interview_summary_folds_the_states_nobody_lives_in_into_one_line(qtbot, bundled_library):
    from desktop.engine.interview.interview import start_profile
    from desktop.ui.interview_dialog import InterviewDialog

    dialog = InterviewDialog(bundled_library, start_profile(bundled_library))
    qtbot.addWidget(dialog)
    dialog.rows["us_states"].field.set_value(["Colorado"])
    dialog.rows["us_people"].field.set_value(["Colorado: 150000"])
    assert dialog.answers()["us_states"] == ["Colorado"]
    summary = dialog.summary_html()
    assert "<b>Colorado CPA</b> (✔ covered). Colorado: applies because you handle data of 100,000" in summary
    [folded] = [item for item in summary.split("<li>") if item.startswith("<b>US state laws</b>")]
    assert "Oregon OCPA" in folded and "Colorado CPA" not in folded
    assert "Oregon: does not apply" not in summary
