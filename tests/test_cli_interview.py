"""`policywright questions` and `policywright new-profile PATH --answers FILE`."""

import json

import pytest
from businesses import OREGON_TICKETS, STUDIO_WITH_SERVICES

from desktop.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_questions_json_lists_each_question_with_the_condition_it_is_asked_under(capsys):
    code, out, err = run(capsys, "questions", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert (code, err) == (0, "")
    assert {"id", "text", "why", "type", "choices", "asked_when", "default", "example", "page"} <= set(rows["has_accounts"])
    assert rows["has_accounts"]["type"] == "yes/no" and rows["has_accounts"]["asked_when"] is None
    assert rows["sign_in_with"]["asked_when"] == "answer.has_accounts"
    assert rows["sign_in_with"]["type"] == "list" and "Google" in rows["sign_in_with"]["choices"]
    assert rows["service_kind"]["choices"][0] == "website" and rows["service_kind"]["default"] == "website"
    assert rows["sells_data"]["default"] is None, "no default: an unanswered question claims nothing"
    assert {row["type"] for row in rows.values()} == {"yes/no", "choice", "text", "list", "services"}


def test_questions_as_text_name_each_page_and_follow_up(capsys):
    code, out, _ = run(capsys, "questions")
    assert code == 0
    assert out.startswith("# Your business\ncompany_name")
    assert "asked when answer.california_users" in out


def test_new_profile_from_answers_builds_the_profile_and_unanswered_questions_take_defaults(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(OREGON_TICKETS))
    target = tmp_path / "rose.json"
    code, out, err = run(capsys, "new-profile", str(target), "--answers", str(answers))
    assert (code, out, err) == (0, f"wrote {target}\n", "")
    data = json.loads(target.read_text())
    assert data["regimes"] == ["gdpr", "caloppa"]
    assert "comms.newsletter" in data["practices"] and "california.intro" not in data["practices"]
    assert data["company"]["legal_name"] == "Rose City Tickets LLC"
    assert data["answers"]["uploads"] is False, "an unanswered question with a default takes it"
    code, out, _ = run(capsys, "check", str(target), "--json")
    assert code == 0, [p for p in json.loads(out)["problems"] if p["severity"] == "error"]


@pytest.mark.parametrize(("answers", "message"), [
    ({"has_acounts": True}, "answers.has_acounts: no such question; `policywright questions` lists them"),
    ({"has_accounts": "yes"}, "answers.has_accounts: must be true or false"),
    ({"children": "teenagers"}, "answers.children: must be one of"),
    (["has_accounts"], "answers: must be an object of question id -> answer"),
    ({"services": ["stripe"]}, "answers.services: must be an object of service id -> its settings object"),
    ({"services": {"custom.x": {"entry": {"name": "X"}}}}, "answers.services: custom.x.entry.kind must be text"),
])
def test_an_unknown_question_or_a_wrong_type_is_bad_input_naming_it(tmp_path, capsys, answers, message):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    target = tmp_path / "new.json"
    code, out, err = run(capsys, "new-profile", str(target), "--answers", str(path))
    assert code == 2 and out == ""
    assert err.startswith(f"policywright: {path}: {message}") and err.count("\n") == 1, err
    assert not target.exists()


def test_an_answers_file_that_is_missing_or_not_json_is_bad_input(tmp_path, capsys):
    path = tmp_path / "answers.json"
    code, _, err = run(capsys, "new-profile", str(tmp_path / "new.json"), "--answers", str(path))
    assert code == 2 and "no such file" in err
    path.write_text("{broken")
    code, _, err = run(capsys, "new-profile", str(tmp_path / "new.json"), "--answers", str(path))
    assert code == 2 and "is not valid JSON (line 1" in err


@pytest.mark.parametrize("text, message", [
    ('{"company_name": ' + "[" * 5000 + "]" * 5000 + "}", "nested more than"),
    ('{"company_name": ' + "9" * 5000 + "}", "digits long"),
])
def test_an_answers_file_too_deep_or_with_a_huge_number_is_bad_input_naming_the_answer(tmp_path, capsys, text, message):
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "new-profile", str(tmp_path / "new.json"), "--answers", str(path))
    assert code == 2 and message in err and str(path) in err and "company_name" in err and "Traceback" not in err


def test_new_profile_from_answers_takes_the_services_picked(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(STUDIO_WITH_SERVICES))
    target = tmp_path / "studio.json"
    assert run(capsys, "new-profile", str(target), "--answers", str(answers))[0] == 0
    data = json.loads(target.read_text())
    assert data["services"] == {"stripe": {}, "mailchimp": {}, "google_analytics": {}, "youtube": {}}
    assert data["answers"]["analytics"] is True and data["answers"]["embeds"] is True
    code, out, _ = run(capsys, "check", str(target), "--json")
    assert not [p for p in json.loads(out)["problems"] if p["code"].startswith("contradiction")]
