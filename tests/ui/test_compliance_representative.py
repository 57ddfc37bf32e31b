"""Compliance and Problems agree on the EU representative (issue 23): the checklist's row on who you
are said "your EU representative if you have one" and was covered while Problems asked for one."""

from PySide6.QtCore import QModelIndex, Qt

from ui.helpers import wait_rendered


def rows_about_the_representative(model) -> list[tuple[str, str]]:
    found = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if "represent" in str(model.data(index)).lower():
                found.append((model.data(index), model.data(model.index(row, 1, parent))))
            walk(index)
    walk(QModelIndex())
    return found


def test_every_checklist_row_on_the_representative_agrees_with_the_problems(qtbot, bundled_window):
    window = bundled_window
    window.session.set_regime("gdpr", True)
    window.session.set_field("company.eu_representative", "")
    wait_rendered(qtbot, window)
    qtbot.mouseClick(window.left.tabBar(), Qt.MouseButton.LeftButton, pos=window.left.tabBar().tabRect(2).center())
    assert window.left.currentWidget() is window.compliance
    assert any("representative" in p.message for p in window.live.problems)
    rows = rows_about_the_representative(window.compliance.model)
    assert rows and all(state == "Missing" for _, state in rows), rows
    window.session.set_field("company.eu_representative", "EU Rep Ltd, 1 Quay Street, Dublin, rep@eurep.example")
    wait_rendered(qtbot, window)
    assert not any("representative" in p.message for p in window.live.problems)
    assert all(state == "Covered" for _, state in rows_about_the_representative(window.compliance.model))
