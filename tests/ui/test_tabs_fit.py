"""The left pane's tabs keep their whole names at 1024×700 with the fonts of a 150% desktop, and the
Outline tab stays within reach, whatever the desktop's style prefers (issue 23: "Complian…", and no Outline)."""

import pytest
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QToolButton

from desktop.ui.main_window import MainWindow
from ui.helpers import wait_rendered


class ElidingStyle(QProxyStyle):
    """A style such as some desktops give: tab names elided, no arrows on a crowded tab bar."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):
        if hint == QStyle.StyleHint.SH_TabBar_ElideMode:
            return 1  # Qt.ElideRight
        if hint == QStyle.StyleHint.SH_TabBar_PreferNoArrows:
            return 1
        return super().styleHint(hint, option, widget, returnData)


@pytest.fixture
def crowded_desktop(qapp):
    font, style = QApplication.font(), QApplication.style().name()
    bigger = type(font)(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    QApplication.setFont(bigger)
    QApplication.setStyle(ElidingStyle("fusion"))
    yield
    QApplication.setFont(font)
    QApplication.setStyle(style)


def test_every_tab_shows_its_whole_name_and_the_outline_can_be_reached(qtbot, bundled_library, settings, crowded_desktop):
    window = MainWindow(bundled_library, settings)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.controller.load_example(confirm=False)
    wait_rendered(qtbot, window)
    window.main_splitter.setSizes([300, 724])  # the form's pane made narrow by hand
    qtbot.wait(20)
    bar = window.left.tabBar()
    try:
        for index in range(bar.count()):
            text = bar.tabText(index)
            assert bar.tabRect(index).width() > bar.fontMetrics().horizontalAdvance(text), text
        assert bar.elideMode().name == "ElideNone"
        outline = bar.tabRect(bar.count() - 1)
        arrows = [button for button in bar.findChildren(QToolButton) if button.isVisible()]
        assert outline.right() <= bar.width() or arrows, "the Outline tab is out of reach"
    finally:
        window.session.undo_stack.setClean()
        window.close()
