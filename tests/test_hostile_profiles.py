"""Profiles an attacker or a broken tool could write: each is refused with the place named, or
read and saved back without losing a character; never a traceback, a hang or an empty profile."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.engine.files.json_text import MAX_NESTING
from desktop.engine.profile.profile import SCHEMA_VERSION, ProfileError, load_profile, profile_to_dict, save_profile
from desktop.engine.review.checks import check

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"


def written(tmp_path: Path, text: str, name: str = "p.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_five_thousand_digit_number_is_refused_naming_its_option(tmp_path):
    path = written(tmp_path, '{"practices": {"intro.about": {"days": ' + "9" * 5000 + "}}}")
    with pytest.raises(ProfileError) as raised:
        load_profile(path)
    assert raised.value.problems == ["practices.intro.about.days: is a number 5,000 digits long; "
                                     "no value in a profile has more than 400"]


def test_deep_nesting_is_refused_naming_the_key_it_is_under(tmp_path):
    path = written(tmp_path, '{"company": {"extra": ' + "[" * 100_000 + "]" * 100_000 + "}}")
    with pytest.raises(ProfileError) as raised:
        load_profile(path)
    assert raised.value.problems[0].startswith(f"company.extra: is nested more than {MAX_NESTING} levels deep (line 1)")


@pytest.mark.parametrize("text", ['{"a": NaN}', '{"a": 1e999}', '{"a": -Infinity}'])
def test_numbers_json_cannot_write_back_are_refused(tmp_path, text):
    with pytest.raises(ProfileError, match="cannot be read as JSON"):
        load_profile(written(tmp_path, text))


def test_a_lone_surrogate_is_kept_through_save_as_an_escape(tmp_path):
    path = written(tmp_path, json.dumps({"company": {"legal_name": "Acme \ud800 Inc"},
                                         "practices": {"x\udc00y": {}}}))
    profile = load_profile(path)
    assert profile.company.legal_name == "Acme \ud800 Inc"
    save_profile(profile, path)
    text = path.read_text(encoding="utf-8")
    assert "\\ud800" in text and "\\udc00" in text
    assert load_profile(path) == profile


def test_check_prints_a_lone_surrogate_in_a_practice_id_escaped(tmp_path, capsys):
    path = written(tmp_path, json.dumps({"company": {"legal_name": "Acme"}, "practices": {"x\udc00y": {}}}))
    code = subprocess.run([sys.executable, "-m", "desktop", "check", str(path)], capture_output=True,
                          cwd=Path(__file__).resolve().parents[1], timeout=120)
    assert code.returncode == 1, code.stderr
    assert b"Practice 'x\\udc00y' is not in the clause library" in code.stdout
    assert b"Traceback" not in code.stderr


@pytest.mark.parametrize("command", [["export", "{profile}", "--format", "docx", "--out", "{long}.docx"],
                                     ["new-profile", "{long}.json"], ["check", "{long}.json"]])
def test_a_300_character_file_name_is_exit_2_with_a_message(tmp_path, capsys, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "version0.json", tmp_path / "p.json")
    args = [part.format(profile="p.json", long="a" * 300) for part in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("policywright: ") and "too long" in err


def test_a_pipe_is_neither_read_nor_replaced(tmp_path, capsys):
    pipe = tmp_path / "policy.json"
    if not hasattr(__import__("os"), "mkfifo"):
        pytest.skip("no named pipes on this system")
    __import__("os").mkfifo(pipe)
    assert main(["check", str(pipe)]) == 2
    assert main(["export", str(FIXTURES / "version0.json"), "--format", "md", "--out", str(pipe), "--allow-incomplete"]) == 2
    err = capsys.readouterr().err
    assert "is not a file" in err and "is not a regular file" in err
    assert pipe.is_fifo()


def test_a_version_0_profile_opens_and_is_upgraded_on_save(tmp_path):
    path = tmp_path / "old.json"
    shutil.copy(FIXTURES / "version0.json", path)
    profile = load_profile(path)
    assert profile.field_value("company.eu_representative") == "EU Rep Ltd, 1 Quay Street, Dublin, rep@eurep.example"
    assert profile.field_value("company.dpo_contact") == "dpo@oldacme.example"
    assert profile.practices["intro.controller"] == {}  # no option left to be reported unknown
    save_profile(profile, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == SCHEMA_VERSION
    assert saved["company"]["dpo_contact"] == "dpo@oldacme.example"
    assert "eu_representative" not in saved["practices"]["intro.controller"]


def test_the_upgrade_keeps_an_option_that_differs_from_the_company_detail():
    from desktop.engine.profile.profile import profile_from_dict

    profile = profile_from_dict({"schema_version": 1, "company": {"dpo_contact": "new@acme.example"},
                                 "practices": {"intro.controller": {"dpo_email": "old@acme.example"}}})
    assert profile.field_value("company.dpo_contact") == "new@acme.example"
    assert profile.practices["intro.controller"] == {"dpo_email": "old@acme.example"}


def test_the_upgraded_profile_says_what_the_old_options_said(tmp_path, bundled_library):
    profile = load_profile(FIXTURES / "version0.json")
    from desktop.engine.policy.assemble import assemble

    text = assemble(profile, bundled_library).plain_text()
    assert "EU Rep Ltd, 1 Quay Street, Dublin" in text and "dpo@oldacme.example" in text
    assert not [p for p in check(profile, bundled_library) if p.code == "unknown-option"]


def test_a_newer_schema_is_refused_and_the_file_left_untouched(tmp_path, capsys):
    text = json.dumps({**profile_to_dict(load_profile(FIXTURES / "version0.json")), "schema_version": SCHEMA_VERSION + 1})
    path = written(tmp_path, text)
    before = path.stat().st_mtime_ns
    assert main(["check", str(path)]) == 2
    assert f"schema_version: {SCHEMA_VERSION + 1} is not a version this Policywright reads" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text and path.stat().st_mtime_ns == before


def test_export_onto_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path, capsys):
    target = tmp_path / "site" / "privacy.md"
    target.parent.mkdir()
    target.write_text("old policy", encoding="utf-8")
    link = tmp_path / "privacy.md"
    link.symlink_to(target)
    assert main(["export", str(FIXTURES / "version0.json"), "--format", "md", "--out", str(link), "--allow-incomplete"]) == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# Old Acme Privacy Policy")
