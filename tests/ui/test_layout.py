"""The main window holds at 1024×700: at 100%, 150% and 200% scaling (a child process under
QT_SCALE_FACTOR) and with the larger fonts a 150% desktop gives; panels with nothing to show take no room."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.ui.main_window import MainWindow
from ui.helpers import click_clause, wait_rendered
from ui.layout_faults import layout_faults

SCRIPT = Path(__file__).with_name("layout_faults.py")


def open_window(qtbot, library, settings) -> MainWindow:
    window = MainWindow(library, settings)
    window.remember_state = False
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.controller.load_example(confirm=False)
    qtbot.wait(20)
    return window


@pytest.fixture
def larger_fonts(qapp):
    """Fonts half as large again, as a desktop set to 150% gives them while pixel sizes stay."""
    font = QApplication.font()
    bigger = type(font)(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    QApplication.setFont(bigger)
    yield
    QApplication.setFont(font)


def test_nothing_clips_at_1024_by_700(qtbot, bundled_library, settings):
    window = open_window(qtbot, bundled_library, settings)
    assert layout_faults(window) == []
    window.close()


def test_nothing_clips_with_the_fonts_of_a_150_percent_desktop(qtbot, bundled_library, settings, larger_fonts):
    window = open_window(qtbot, bundled_library, settings)
    assert layout_faults(window) == []
    window.close()


@pytest.mark.parametrize("scale", ["1.5", "2"])
def test_nothing_clips_when_qt_scales_the_window(scale):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    done = subprocess.run([sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"ratio": float(scale), "faults": []}


def test_empty_panels_fold_away_and_return_when_they_have_something(qtbot, example_window):
    window = example_window
    assert not window.reword_pane.isVisible()  # no clause chosen
    assert not window.problem_details_area.isVisible()  # no problem chosen
    window.left.setCurrentIndex(1)
    window.practices.tree.setCurrentIndex(window.practices.tree.model().index(0, 0))  # a section, not a practice
    assert not window.practices.details.isVisible()
    click_clause(qtbot, window.preview, "contact.details")
    assert window.reword_pane.isVisible() and window.clause_editor.clause_id == "contact.details"
    window.practices.select_practice("contact.details")
    assert window.practices.details.isVisible()
    window.session.set_field("company.contact_email", "nobody")
    wait_rendered(qtbot, window)
    window.problems.setCurrentIndex(window.problems.model().index(0, 1))
    assert window.problem_details_area.isVisible()
    window.session.undo_stack.undo()  # the problem is fixed: its details go with it
    wait_rendered(qtbot, window)
    assert window.problem_details.problem is None or window.problem_details.problem.code != "invalid-email"


def overlapping_children(widget) -> list[str]:
    """Pairs of visible widgets laid out in `widget` that are drawn over each other."""
    shown = [child for child in widget.findChildren(QWidget) if child.parentWidget() is widget and child.isVisible()]
    return [f"{type(a).__name__} {a.accessibleName()!r} {a.geometry().getRect()} over "
            f"{type(b).__name__} {b.accessibleName()!r} {b.geometry().getRect()}"
            for index, a in enumerate(shown) for b in shown[index + 1:] if a.geometry().intersects(b.geometry())]


def test_the_reword_pane_draws_nothing_over_anything_with_larger_fonts(qtbot, bundled_library, settings, larger_fonts):
    window = open_window(qtbot, bundled_library, settings)
    wait_rendered(qtbot, window)
    click_clause(qtbot, window.preview, "intro.scope")
    qtbot.wait(20)
    assert window.reword_pane.isVisible()
    assert overlapping_children(window.clause_editor) == []
    window.close()


def test_an_open_reword_pane_leaves_the_preview_the_larger_share_with_larger_fonts(qtbot, bundled_library, settings,
                                                                                   larger_fonts):
    window = open_window(qtbot, bundled_library, settings)
    wait_rendered(qtbot, window)
    click_clause(qtbot, window.preview, "intro.scope")
    qtbot.wait(20)
    assert window.preview.width() > window.reword_pane.width()
    caption = window.doc_splitter.widget(0).findChild(QLabel, "caption")
    assert caption.height() <= caption.fontMetrics().lineSpacing() * 2 + 12  # two lines at most, with its margins
    window.close()


def test_a_clause_too_long_for_the_wording_box_opens_at_its_start(qtbot, bundled_library, settings, larger_fonts):
    window = open_window(qtbot, bundled_library, settings)
    wait_rendered(qtbot, window)
    click_clause(qtbot, window.preview, "intro.scope")
    qtbot.wait(20)
    box = window.clause_editor.text
    assert box.verticalScrollBar().maximum() > 0, "the clause fits: this test needs one that does not"
    assert box.verticalScrollBar().value() == 0 and box.textCursor().position() == 0
    window.close()
