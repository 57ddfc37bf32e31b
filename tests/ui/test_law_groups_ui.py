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
