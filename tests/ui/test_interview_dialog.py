"""The interview dialog driven by the keyboard alone, as an owner of a small Oregon ticket website
would: Tab, Y and N, a letter in a list, Space on a check box, Enter for the next page. Then the
profile and the preview show the answers, and the reopened interview says what each answer changed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from desktop.ui.interview_dialog import InterviewDialog, with_mnemonic
from desktop.ui.main_window import MainWindow
from ui.helpers import preview_lines, wait_rendered, when_modal

Key = Qt.Key


class Keyboard:
    """Presses keys on whatever has the focus, letting the dialog react between presses, and counts them."""

    def __init__(self, qtbot):
        self.qtbot, self.presses, self.typed = qtbot, 0, 0

    def press(self, *keys, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        for key in keys:
            self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
            self.presses += 1
            self.qtbot.wait(1)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(QApplication.focusWidget(), text)
        self.presses += len(text)
        self.typed += len(text)
        self.qtbot.wait(1)


@pytest.fixture
def interview_window(qtbot, bundled_library, settings, monkeypatch):
    monkeypatch.setattr(InterviewDialog, "exec", QWizard.exec)  # the real dialog, answered by the keyboard below
    win = MainWindow(bundled_library, settings)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.undo_stack.setClean()
    win.close()
    win.deleteLater()


def answer_as_an_oregon_ticket_website(keys: Keyboard, seen: dict):
    def act(dialog: InterviewDialog) -> None:
        seen["dialog"] = dialog
        keys.qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), type(dialog.rows["company_name"].field.edit)))
        # Your business: names typed, the kind of service left at “website”.
        keys.type("Rose City Tickets LLC")
        keys.press(Key.Key_Tab)
        keys.type("Rose City Tickets")
        keys.press(Key.Key_Tab, Key.Key_Tab)
        keys.type("rosecitytickets.example")
        keys.press(Key.Key_Tab)
        keys.type("privacy@rosecitytickets.example")
        keys.press(Key.Key_Return)
        # What people give you: no accounts; payments by Stripe (a follow-up appears: found by name in the
        # catalogue, picked with Enter, its setting and "Another service…" passed); help requests; no uploads.
        keys.press(Key.Key_Tab, Key.Key_Y, Key.Key_Tab)
        seen["follow_up_shown"] = dialog.rows["payment_processor"].isVisible()
        keys.type("Stripe")  # finds it in the catalogue; Enter picks it; Tab goes past its setting and "Another service…"
        keys.press(Key.Key_Return)
        seen["processor"] = dialog.rows["payment_processor"].field.value()
        keys.press(Key.Key_Tab, Key.Key_Tab, Key.Key_Tab, Key.Key_Y, Key.Key_Return)
        # What you use: analytics (whether it works only for them left at “I don't know”; where visitors make their
        # cookie choices follows, then the site's own cookies) and a newsletter, nothing else.
        keys.press(Key.Key_Y, Key.Key_Tab, Key.Key_Tab, Key.Key_Tab, Key.Key_Tab, Key.Key_Tab, Key.Key_Tab)
        keys.type("the Cookie choices link at the foot of every page")
        keys.press(Key.Key_Tab, Key.Key_Tab, Key.Key_Y, Key.Key_Return)  # the site's own cookies left empty
        # Who your users are: EU visitors (ticked first of the four places, the others passed by); Californians,
        # under every CCPA threshold; a general audience; no customers in the other US states (their questions,
        # and the revenue's, come after and keep their defaults).
        keys.press(Key.Key_Space, Key.Key_Tab, Key.Key_Tab, Key.Key_Tab, Key.Key_Tab,
                   Key.Key_Y, Key.Key_Tab, Key.Key_N, Key.Key_Tab, Key.Key_Tab, Key.Key_Tab,
                   Key.Key_G, Key.Key_Return)
        # What you do with information: no selling or sharing for ads; data leaves Europe; no automated decisions;
        # two security steps ticked with Space.
        keys.press(Key.Key_N, Key.Key_Tab, Key.Key_N, Key.Key_Tab, Key.Key_Y, Key.Key_Tab, Key.Key_N, Key.Key_Tab,
                   Key.Key_Space, Key.Key_Tab, Key.Key_Tab, Key.Key_Space, Key.Key_Return)
        seen["summary"] = dialog.summary.text.text()
        keys.press(Key.Key_Return)  # Finish

    return act


def test_the_interview_by_keyboard_builds_the_profile_and_the_preview(qtbot, interview_window):
    window = interview_window
    keys, seen = Keyboard(qtbot), {}
    when_modal(InterviewDialog, answer_as_an_oregon_ticket_website(keys, seen))
    assert window.controller.new_profile(confirm=False)
    assert seen["follow_up_shown"], "the payment follow-up appeared once payments were answered"
    assert seen["processor"] == {"stripe": {}}, "typing a name and Enter picks it from the catalogue"
    assert "<b>CCPA/CPRA</b> (not needed). Your business is under all three CCPA thresholds" in seen["summary"]
    assert "<b>CalOPPA</b> (✔ covered)" in seen["summary"] and "<b>GDPR</b> (✔ covered)" in seen["summary"]

    profile = window.session.profile
    assert profile.company.legal_name == "Rose City Tickets LLC" and profile.company.website == "rosecitytickets.example"
    assert profile.regimes == ["gdpr", "caloppa"]
    assert profile.practices["collect.orders"]["processor"] == "Stripe"
    for practice in ("cookies.analytics", "comms.newsletter", "collect.support", "share.no_selling", "transfers.international",
                     "use.automated_decisions", "children.under13", "cookies.dnt_ignore", "rights.gdpr_rights"):
        assert practice in profile.practices, practice
    assert not {"collect.registration", "collect.content", "cookies.ad_network"} & set(profile.practices)
    assert profile.practices["security.measures"]["measures"] == ["encryption (TLS) for everything sent to and from us", "regular backups"]
    assert window.session.undo_stack.count() == 1 and window.session.undo_stack.undoText() == "Answer the interview"

    wait_rendered(qtbot, window)
    text = "\n".join(preview_lines(window))
    assert "Rose City Tickets LLC" in text and "At the moment, we use Stripe." in text
    assert "We send a newsletter" in text and "Your rights in Europe and the UK" in text
    assert "change your choices at any time, with the Cookie choices link at the foot of every page" in text
    assert "California" not in text.replace("California Online Privacy", ""), "no California section without the CCPA"
    # picking Stripe in the catalogue (find, Enter, pass its setting and "Another service…") takes four keys more
    # than typing its name did; passing the site's own cookies, one
    assert keys.presses - keys.typed <= 52, "answering and moving on takes about one or two keys a question"
    print(f"\ninterview by keyboard: {keys.presses} key presses, {keys.typed} of them typing names and addresses")


def test_the_reopened_interview_shows_what_each_answer_changed(qtbot, interview_window):
    window = interview_window
    keys, seen = Keyboard(qtbot), {}
    when_modal(InterviewDialog, answer_as_an_oregon_ticket_website(keys, seen))
    window.controller.new_profile(confirm=False)

    def look_and_cancel(dialog: InterviewDialog) -> None:
        seen["newsletter"] = dialog.rows["newsletter"].effect.text()
        seen["uploads"] = dialog.rows["uploads"].effect.text()
        seen["company_name"] = dialog.rows["company_name"].field.value()
        seen["shown"] = {qid for qid, row in dialog.rows.items() if not row.isHidden()}
        qtbot.keyClick(dialog, Key.Key_Escape)

    when_modal(InterviewDialog, look_and_cancel)
    window.actions.interview.trigger()
    assert seen["newsletter"].startswith("→ Ticks “Newsletter” and “Keeping in touch”.")
    assert seen["uploads"] == "→ Rules out “Your files and content”."
    assert seen["company_name"] == "Rose City Tickets LLC"
    assert "sign_in_with" not in seen["shown"] and "payment_processor" in seen["shown"]
    assert window.session.undo_stack.count() == 1, "cancelled: nothing more to undo"


def test_back_next_and_the_underlined_letters_work_from_the_keyboard(qtbot, interview_window):
    seen = {}

    def act(dialog: InterviewDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.rows["company_name"].field.edit)
        label = dialog.rows["contact_email"].label.text()
        seen["label"] = label
        letter = label[label.index("&") + 1]
        qtbot.keyClick(QApplication.focusWidget(), getattr(Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        seen["focused"] = QApplication.focusWidget() is dialog.rows["contact_email"].field.edit
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_N, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.currentId() == 1)  # a mnemonic clicks its button after a short animation
        seen["after_next"] = dialog.currentId()
        seen["back_is_b"] = dialog.button(QWizard.WizardButton.BackButton).text()
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_B, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.currentId() == 0)
        seen["after_back"] = dialog.currentId()
        qtbot.keyClick(dialog, Key.Key_Escape)

    when_modal(InterviewDialog, act)
    assert not interview_window.controller.interview()
    assert seen["label"].startswith("Which &email") and seen["focused"]
    assert (seen["after_next"], seen["after_back"]) == (1, 0) and "&Back" in seen["back_is_b"]


def test_each_question_on_a_page_gets_its_own_letter_and_none_the_buttons_use():
    used = {"b", "n", "f", "c", "h"}  # Back, Next, Finish, Cancel, Help
    labels = [with_mnemonic(text, used) for text in ("Can people create an account?", "Can people pay?", "Cats & cows")]
    assert labels == ["Can &people create an account?", "C&an people pay?", "Ca&ts && cows"]
    assert used == {"b", "n", "f", "c", "h", "p", "a", "t"}


def test_a_list_answer_is_one_item_a_line_so_an_item_may_hold_commas(qtbot):
    from desktop.engine.interview.interview import start_profile
    from desktop.engine.library.loader import load_library
    from desktop.paths import bundled_dir

    library = load_library([bundled_dir("snippets")])
    dialog = InterviewDialog(library, start_profile(library))
    qtbot.addWidget(dialog)
    field = dialog.rows["keep_other"].field
    field.focus_target().setFocus()
    qtbot.keyClicks(field.focus_target(), "Your name, email address and phone number: for 3 years")
    qtbot.keyClick(field.focus_target(), Key.Key_Return)
    qtbot.keyClicks(field.focus_target(), "Photos you upload: until you delete them")
    assert field.value() == ["Your name, email address and phone number: for 3 years", "Photos you upload: until you delete them"]
    field.set_value(["a, b: c", "d: e"])
    assert field.value() == ["a, b: c", "d: e"]
