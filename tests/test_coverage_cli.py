"""`policywright coverage`: text and JSON, exit 0 when nothing is missing, 1 otherwise, 2 for bad input."""

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.engine.profile.profile import profile_json
from desktop.engine.review.example import example_profile


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, profile, name="profile.json"):
    path = tmp_path / name
    path.write_text(profile_json(profile), encoding="utf-8")
    return path


@pytest.fixture
def example(bundled_library):
    return example_profile(bundled_library, dt.date(2026, 11, 22))  # CalOPPA chosen


def test_json_names_covering_clauses_and_exits_0_when_nothing_is_missing(tmp_path, capsys, example):
    code, out, err = run(capsys, "coverage", str(write(tmp_path, example)), "--json")
    result = json.loads(out)
    assert (code, err) == (0, "")
    assert list(result) == ["caloppa"] and set(result["caloppa"]) == {"covered", "missing", "reworded", "instead",
                                                                    "fill_in", "not_required"}
    assert result["caloppa"]["covered"]["caloppa.do_not_track"] == ["cookies.dnt_ignore"]
    assert len(result["caloppa"]["covered"]) == 7 and result["caloppa"]["missing"] == result["caloppa"]["reworded"] == {}


def test_a_missing_requirement_exits_1_and_names_the_practices_best_first(tmp_path, capsys, example):
    example.practices.pop("cookies.dnt_ignore")
    path = write(tmp_path, example)
    code, out, _ = run(capsys, "coverage", str(path), "--json")
    assert code == 1
    # the example answered that it does nothing different on a Do Not Track signal: honouring it is not offered
    assert json.loads(out)["caloppa"]["missing"] == {"caloppa.do_not_track": ["cookies.dnt_ignore"]}
    code, out, _ = run(capsys, "coverage", str(path))
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == "CalOPPA (any US website or app): 6 of 7 covered, 0 to check, 1 missing"
    missing = lines.index(next(line for line in lines if line.startswith("  missing")))
    assert lines[missing].split()[:2] == ["missing", "caloppa.do_not_track"]
    assert lines[missing].endswith("Do Not Track signal [Cal. Bus. & Prof. Code § 22575(b)(5)]")
    assert lines[missing + 1].strip() == "tick one of: cookies.dnt_ignore"
    assert lines[-2:] == ["1 missing: tick a practice or fill in a detail named above to cover each, "
                          "or record why the law does not ask it of you.", "Drafting help, not legal advice."]
    # check still reports it, as a warning that does not fail the check
    code, out, _ = run(capsys, "check", str(path), "--json")
    gaps = [p for p in json.loads(out)["problems"] if p["code"] == "regime-gap"]
    assert code == 0 and [(p["severity"], p["where"]) for p in gaps] == [("warning", "regime:caloppa.do_not_track")]


def test_a_reworded_clause_is_listed_to_check_and_is_not_missing(tmp_path, capsys, example):
    example.overrides["cookies.dnt_ignore"] = "We do what we like with Do Not Track."
    path = write(tmp_path, example)
    code, out, _ = run(capsys, "coverage", str(path), "--json")
    assert code == 0 and json.loads(out)["caloppa"]["reworded"] == {"caloppa.do_not_track": ["cookies.dnt_ignore"]}
    code, out, _ = run(capsys, "coverage", str(path))
    assert "  reworded  caloppa.do_not_track" in out and "check your wording of: cookies.dnt_ignore" in out
    assert "6 of 7 covered, 1 to check, 0 missing" in out


def test_every_chosen_law_is_listed_with_what_answers_it_alone(tmp_path, capsys, example):
    example.regimes = ["gdpr", "coppa"]
    example.practices.pop("children.under13")
    code, out, _ = run(capsys, "coverage", str(write(tmp_path, example)), "--json")
    result = json.loads(out)
    assert code == 1 and list(result) == ["gdpr", "coppa"]
    assert result["coppa"]["instead"] == {"coppa.general_audience": ["children.under13"]}
    code, out, _ = run(capsys, "coverage", str(write(tmp_path, example)))
    assert "  instead   coppa.general_audience" in out and "(answers COPPA alone)" in out


def test_no_chosen_law_is_nothing_missing(tmp_path, capsys, example):
    example.regimes = []
    path = write(tmp_path, example)
    assert run(capsys, "coverage", str(path), "--json")[:2] == (0, "{}\n")
    code, out, _ = run(capsys, "coverage", str(path))
    assert code == 0 and out.startswith("No law chosen")


@pytest.mark.parametrize("content, expected", [
    (None, "no such file"),
    ("{not json", "not valid JSON"),
    ('{"regimes": ["gdpr", "hipaa"]}', "regimes"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "coverage", str(path))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and expected in err, err
