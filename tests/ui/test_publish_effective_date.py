"""Publishing a later version offers today as its effective date when it still has the last one's
(issue 23: the policy promises to say when it changed, and version 2 kept version 1's date)."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.engine.history.versions import list_versions
from ui.helpers import when_modal

REAL_EXEC = QMessageBox.exec  # before the tests' guard against unexpected boxes replaces it


@pytest.fixture
def published_once(example_window, tmp_path, monkeypatch):
    window = example_window
    monkeypatch.setattr("desktop.ui.dialogs.ask_file_to_save", lambda *a: tmp_path / "studio.json")
    monkeypatch.setattr(type(window.versions), "ask_publish", lambda self, *question: True)
    window.session.set_field("effective_date", "2026-01-05")
    window.versions.publish.trigger()
    window.session.set_field("company.contact_email", "hello@lumenyoga.example")
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    return window


def answer(qtbot, label_start: str, seen: list):
    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "").startswith(label_start))
        button.click()
    return act


def test_a_second_version_offers_todays_date_and_takes_it(qtbot, published_once, tmp_path):
    window, seen = published_once, []
    when_modal(QMessageBox, answer(qtbot, "Use Today", seen))
    window.versions.publish.trigger()
    today = dt.date.today().isoformat()
    assert seen and "effective date of version 2" in seen[0]
    versions = list_versions(tmp_path / "studio.json")
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].profile.effective_date == "2026-01-05" and versions[1].profile.effective_date == today
    assert window.session.profile.effective_date == today


def test_keeping_the_date_publishes_with_it(qtbot, published_once, tmp_path):
    window, seen = published_once, []
    when_modal(QMessageBox, answer(qtbot, "Keep", seen))
    window.versions.publish.trigger()
    assert list_versions(tmp_path / "studio.json")[1].profile.effective_date == "2026-01-05"
