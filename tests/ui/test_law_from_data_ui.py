"""The company form offers a law a firm's own library folder declares (tests/fixtures/law_library)."""

from conftest import FIXTURES
from PySide6.QtCore import QPoint, Qt

from desktop.engine.library.loader import load_library
from desktop.paths import bundled_dir
from desktop.ui.main_window import MainWindow


def test_the_form_has_a_check_box_for_a_law_from_the_users_folder(qtbot, settings):
    library = load_library([bundled_dir("snippets"), FIXTURES / "law_library"])
    window = MainWindow(library, settings)
    window.controller.load_example(confirm=False)
    window.show()
    qtbot.waitExposed(window)
    box = window.form.regime_boxes["xx_test"]
    assert window.form.regime_labels["xx_test"].text() == "XX Test (Testland residents)"
    assert "Do people in Testland use your service?" in box.toolTip()
    window.form.ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    assert window.session.profile.regimes[-1] == "xx_test"
    assert window.session.undo_stack.undoText() == "Cover XX Test"
    window.session.undo_stack.setClean()
    window.close()
    window.deleteLater()
