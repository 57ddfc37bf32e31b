"""The window's actions, menus, toolbar and recent-profiles menu, with standard shortcuts."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolBar, QWidget

from desktop.engine.export import OPTION_TITLES
from desktop.ui.resources import icon
from desktop.usecases import FORMATS, NOTICES, missing_notices

Key = QKeySequence.StandardKey
# Keys a text field needs for its own editing; every other key of the window's menus wins over a
# field's claim on it (Ctrl+E, which Linux desktops also give fields as "end of line").
EDITING_KEYS = (Key.Copy, Key.Cut, Key.Paste, Key.SelectAll, Key.Undo, Key.Redo, Key.Delete, Key.Backspace,
                Key.DeleteStartOfWord, Key.DeleteEndOfWord, Key.InsertParagraphSeparator)



@dataclass(frozen=True)
class ExportLook:
    """How the window shows a format's Export action; a format with none gets a plain menu entry."""

    tip: str = ""
    shortcut: str = ""  # a key sequence such as "Ctrl+E"
    icon: str = ""  # an icon name in resources/icons
    on_toolbar: bool = False


EXPORT_LOOKS = {  # keyed by the format's id (desktop/usecases.py FORMATS)
    "docx": ExportLook("Export the policy as a Word document", "Ctrl+E", "export-word", on_toolbar=True),
    "pdf": ExportLook("Export the policy as a PDF to publish or send", icon="export-pdf"),
    "md": ExportLook("Export the policy as Markdown", "Ctrl+Shift+E", "export-markdown", on_toolbar=True),
    "html": ExportLook("Export the policy as a web page", icon="export-html"),
    "html-snippet": ExportLook("Export the policy as HTML to paste into a page of your website"),
}


@dataclass
class Actions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    exports: dict[str, QAction]  # format id -> its Export action, in declared order
    export_options: list[QAction]  # a checkable toggle for each option a format declares
    notice_exports: dict[str, QMenu]  # notice id -> its Export submenu, one action per format
    open_export: QAction
    show_export: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    find_in_policy: QAction
    go_outline: QAction
    interview: QAction
    go_company: QAction
    go_practices: QAction
    go_compliance: QAction
    go_preview: QAction
    go_clause: QAction
    go_problems: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    about: QAction
    recent_menu: QMenu


def _action(window: QMainWindow, text: str, slot, shortcut=None, icon_name: str = "", tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key) else [QKeySequence(shortcut)])
    if icon_name:
        action.setIcon(icon(icon_name))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                          if not action.shortcut().isEmpty() else tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _export_action(window: QMainWindow, controller, fmt) -> QAction:
    look = EXPORT_LOOKS.get(fmt.id, ExportLook())
    action = _action(window, f"Export to &{fmt.name}…", lambda: controller.export(fmt.id), look.shortcut or None,
                     look.icon, look.tip or f"Export the policy as {fmt.name}")
    action.setIconText(f"Export to {fmt.name}")
    return action


def _notice_menu(window: QMainWindow, controller, notice) -> QMenu:
    """File ▸ Export NOTICE ▸ one action per format: a notice kept apart from the policy (the cookie policy, the consumer health data policy)."""
    menu = QMenu(f"Export {notice.title}", window)
    for fmt in FORMATS.values():
        menu.addAction(_action(window, f"{fmt.name}…", lambda fmt_id=fmt.id: controller.export(fmt_id, notice.id),
                               tip=f"Export the {notice.title} alone, as {fmt.name}"))
    return menu


def show_notice_exports(window, menus: dict[str, QMenu]) -> None:
    """Grey out the Export entry of a notice the profile has nothing for, its tip saying why."""
    document = window.live.document
    missing = missing_notices(window.session.profile, document, window.library) if document is not None else {}
    for notice_id, menu in menus.items():
        title, why = NOTICES[notice_id].title, missing.get(notice_id)
        tip = f"This profile has no {title}: {why}." if why else f"Export the {title} alone, in the format you pick"
        menu.setEnabled(why is None)
        menu.menuAction().setStatusTip(tip)
        menu.menuAction().setToolTip(tip)


def _option_action(window: QMainWindow, settings, fmt, name: str) -> QAction:
    """A remembered on/off choice the format's export takes, such as Markdown's table of contents."""
    action = QAction(f"{fmt.name}: {OPTION_TITLES.get(name, name)}", window)
    action.setCheckable(True)
    action.setChecked(settings.export_option(fmt.id, name))
    action.setStatusTip(f"Whether the next {fmt.name} export has it")
    action.toggled.connect(lambda on: settings.set_export_option(fmt.id, name, on))
    return action


def build_actions(window) -> Actions:
    """`window` is the MainWindow: its controller, session and panels receive the actions."""
    controller, stack = window.controller, window.session.undo_stack
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(Key.Undo))
    undo.setIcon(icon("undo"))
    undo.setIconText("Undo")  # the toolbar keeps a short, steady label; the menu names the step
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(QKeySequence.keyBindings(Key.Redo))
    redo.setIcon(icon("redo"))
    redo.setIconText("Redo")
    actions = Actions(
        new=_action(window, "&New Profile", controller.new_profile, Key.New, "new", "Start a new profile"),
        open=_action(window, "&Open Profile…", controller.open_profile, Key.Open, "open", "Open a saved profile"),
        save=_action(window, "&Save", controller.save, Key.Save, "save", "Save the profile"),
        save_as=_action(window, "Save &As…", controller.save_as, Key.SaveAs, tip="Save the profile under another name"),
        exports={fmt.id: _export_action(window, controller, fmt) for fmt in FORMATS.values()},
        export_options=[_option_action(window, controller.settings, fmt, name) for fmt in FORMATS.values() for name in fmt.options],
        notice_exports={notice.id: _notice_menu(window, controller, notice) for notice in NOTICES.values()},
        open_export=_action(window, "Open &Last Export", lambda: window.status.open_exported(), tip="Open the file you last exported"),
        show_export=_action(window, "Show Last Export in &Folder", lambda: window.status.open_exported(folder=True),
                            tip="Show the folder of the file you last exported"),
        quit=_action(window, "&Quit", window.close, Key.Quit, tip="Close Policywright"),
        undo=undo,
        redo=redo,
        find=_action(window, "&Find Practice…", window.find, Key.Find, "find",
                     "Find a practice by words (in the preview: find in the policy)"),
        find_in_policy=_action(window, "Find in the &Policy…", window.find_in_policy, "Ctrl+Shift+F",
                               tip="Find words in the policy"),
        interview=_action(window, "&Interview…", controller.interview, "Ctrl+I",
                          tip="Answer plain questions about your business; see what each answer changed"),
        go_company=_action(window, "&Company Details", window.go_company, "Ctrl+1"),
        go_practices=_action(window, "&Practices", window.go_practices, "Ctrl+2"),
        go_compliance=_action(window, "Co&mpliance Checklist", window.go_compliance, "Ctrl+6"),
        go_outline=_action(window, "Policy &Outline", window.go_outline, "Ctrl+7"),
        go_preview=_action(window, "P&review", window.preview.setFocus, "Ctrl+3"),
        go_clause=_action(window, "&Clause Wording", window.go_clause_wording, "Ctrl+4"),
        go_problems=_action(window, "Pro&blems", window.problems.setFocus, "Ctrl+5"),
        zoom_in=_action(window, "Zoom &In", lambda: window.preview.zoom(1), Key.ZoomIn, tip="Make the policy's page larger"),
        zoom_out=_action(window, "Zoom O&ut", lambda: window.preview.zoom(-1), Key.ZoomOut, tip="Make the policy's page smaller"),
        zoom_reset=_action(window, "&Actual Size", lambda: window.preview.zoom(0), "Ctrl+0", tip="The policy's page at its own size"),
        about=_action(window, "&About Policywright", window.about, tip="Version, and what Policywright is"),
        recent_menu=QMenu("Open &Recent", window),
    )
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    for action in (actions.open_export, actions.show_export):
        action.setEnabled(False)
    _menus(window, actions)
    _toolbar(window, actions)
    QApplication.instance().installEventFilter(_WindowShortcutsFirst(window))
    return actions


class _WindowShortcutsFirst(QObject):
    """The window's shortcuts work wherever the focus is, unless the focused widget needs the key to edit.

    A text field claims keys with a ShortcutOverride event before Qt looks for a shortcut; this
    filter (on the application, so it sees the event first) refuses the claim for the window's
    own keys. It is a child of the window and goes away with it."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._keys: set[int] | None = None  # read at the first key: menus added after this filter count too

    @property
    def keys(self) -> set[int]:
        if self._keys is None:
            self._keys = {sequence[0].toCombined() for action in self.window.findChildren(QAction)
                          for sequence in action.shortcuts() if sequence.count() == 1}
        return self._keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if not isinstance(event, QKeyEvent):
            return False
        if event.keyCombination().toCombined() not in self.keys or any(event.matches(key) for key in EDITING_KEYS):
            return False
        event.ignore()  # not claimed: the shortcut is looked up as if the field were not there
        return True


def _menus(window: QMainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new, a.open])
    file_menu.addMenu(a.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as])
    file_menu.addSeparator()
    file_menu.addActions([*a.exports.values(), *a.export_options])
    for menu in a.notice_exports.values():
        file_menu.addMenu(menu)
    file_menu.aboutToShow.connect(lambda: show_notice_exports(window, a.notice_exports))  # as the profile is now
    file_menu.setToolTipsVisible(True)  # a greyed-out entry shows no status tip: its tooltip says why
    file_menu.addActions([a.open_export, a.show_export])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(a.interview)
    edit_menu.addAction(a.find)
    edit_menu.addAction(a.find_in_policy)
    view_menu = bar.addMenu("&View")
    view_menu.addActions([a.go_company, a.go_practices, a.go_preview, a.go_clause, a.go_problems, a.go_compliance,
                          a.go_outline])
    view_menu.addSeparator()
    view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.about)


def _toolbar(window: QMainWindow, a: Actions) -> None:
    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    a.find.setIconText("Find practice")
    on_toolbar = tuple(a.exports[fmt.id] for fmt in FORMATS.values() if EXPORT_LOOKS.get(fmt.id, ExportLook()).on_toolbar)
    for group in ((a.new, a.open, a.save), (a.undo, a.redo), on_toolbar, (a.find,)):
        toolbar.addActions(list(group))
        toolbar.addSeparator()
    toolbar.removeAction(toolbar.actions()[-1])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    window.toolbar = toolbar


def fit_toolbar(toolbar: QToolBar, width: int) -> None:
    """Words beside the icons while they fit the window; icons alone (their tooltips name them) when
    large fonts or a narrow window would push buttons into the overflow menu."""
    if toolbar.property("wide_width") is None:
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setProperty("wide_width", toolbar.sizeHint().width())
    fits = toolbar.property("wide_width") <= width
    style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if fits else Qt.ToolButtonStyle.ToolButtonIconOnly
    if toolbar.toolButtonStyle() != style:
        toolbar.setToolButtonStyle(style)


def fill_recent_menu(menu: QMenu, paths: list[Path], open_path, clear) -> None:
    menu.clear()
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {path.name}")
        action.setStatusTip(str(path))
        action.setToolTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: open_path(p))
    if paths:
        menu.addSeparator()
        menu.addAction("&Clear Menu").triggered.connect(lambda _checked=False: clear())
    menu.setEnabled(bool(paths))


def _letter_order(text: str, at: int) -> list[int]:
    """Where the & could go in `text`, best first: the first letters of the words after `at`, the
    other letters of those words, the rest of the word at `at`, then anything before."""
    def starts(index: int) -> bool:
        return text[index].isalpha() and (index == 0 or not text[index - 1].isalpha())
    word_end = next((i for i in range(at, len(text)) if not text[i].isalpha()), len(text))
    later = [i for i in range(word_end, len(text)) if text[i].isalpha()]
    before = [i for i in range(at) if text[i].isalpha()]
    return ([i for i in later if starts(i)] + later + [i for i in range(at, word_end) if text[i].isalpha()]
            + [i for i in before if starts(i)] + before)


def give_each_entry_its_letter(menu: QMenu) -> None:
    """Move an entry's & to a letter no other entry of `menu` uses, so Alt+letter picks one entry.
    Entries come from several places (export formats, version actions), so two may ask for one letter:
    entries keep theirs in menu order, except that one marked `yields_letter` (added to the menu by
    another part of the window) gives way to the menu's own."""
    used: set[str] = set()
    entries = menu.actions()
    for action in sorted(entries, key=lambda a: bool(a.property("yields_letter"))):
        text = action.text()
        plain = text.replace("&&", "\0\0")
        at = plain.find("&")
        if action.isSeparator() or at < 0:
            continue
        letter = plain[at + 1].lower()
        if letter in used:
            bare = plain[:at] + plain[at + 1:]
            free = next((i for i in _letter_order(bare, at) if bare[i].lower() not in used), None)
            if free is not None:
                letter = bare[free].lower()
                action.setText((bare[:free] + "&" + bare[free:]).replace("\0\0", "&&"))
        used.add(letter)
