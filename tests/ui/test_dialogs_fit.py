"""The Welcome and Profiles dialogs at the size they open: every part inside, no text cut short.

The strip a new user saw under both (at 1280×800, under Openbox) was the window manager's resize
handle, drawn below the dialog itself under every window that can be resized: a choice of three
has nothing to grow into, so the Welcome dialog has a fixed size and gets none.
"""

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from desktop.engine.storage.profile_library import ProfileLibrary
from desktop.ui.dialogs import FirstRunDialog


def cut_off(dialog: QWidget) -> list[str]:
    """The parts of `dialog` that reach past its edges, and the labels too short for their text."""
    faults = []
    for child in dialog.findChildren(QWidget):
        if not child.isVisibleTo(dialog) or child.isWindow():
            continue
        name = child.accessibleName() or child.objectName() or type(child).__name__
        if not dialog.rect().contains(QRect(child.mapTo(dialog, QPoint(0, 0)), child.size())):
            faults.append(f"{name} reaches past the dialog's edge")
        if isinstance(child, QLabel) and child.wordWrap() and child.heightForWidth(child.width()) > child.height():
            faults.append(f"the label {child.text()[:30]!r} is cut short")
    return faults


def test_the_welcome_dialog_shows_all_it_says_at_a_size_it_keeps(qtbot, window):
    dialog = FirstRunDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cut_off(dialog) == []
    assert dialog.minimumSize() == dialog.maximumSize() == dialog.size()  # no resize handle under it
    assert dialog.width() >= dialog.fontMetrics().averageCharWidth() * 60  # lines of a readable length


def test_the_profiles_dialog_shows_all_its_parts_and_a_close_button(qtbot, window, tmp_path):
    window.resize(1280, 800)
    window.versions.shelf = ProfileLibrary(tmp_path / "profiles")
    view = window.versions.show_profiles()
    qtbot.waitExposed(view)
    assert cut_off(view) == []
    close = view.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.isVisible()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not view.isVisible()
