import io
import json
import subprocess
import sys

import docx
import pytest
from conftest import FIXTURES
from exports import docx_blocks, markdown_blocks

from desktop.cli import main
from desktop.usecases import FORMATS

LIB = ["--library", str(FIXTURES / "library")]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def example(tmp_path, capsys):
    path = tmp_path / "acme.json"
    assert run(capsys, "new-profile", str(path))[0] == 0
    return path


def test_version_and_console_script():
    result = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("policywright ")


def test_practices_json_lists_ids_sections_groups_sources_options(capsys):
    code, out, _ = run(capsys, *LIB, "practices", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0
    assert rows["dnt.ignore"]["group"] == "dnt"
    assert rows["collect.basic"]["options"][0] == {"name": "items", "type": "list", "title": "Items collected",
                                                   "default": ["your name", "your email address"]}
    assert rows["cookies.ads"]["sources"] == ["003_edd117d97077f770"]
    assert rows["contact.details"]["section"] == "contact"


def test_clauses_json(capsys):
    code, out, _ = run(capsys, "clauses", "--json", *LIB)
    rows = json.loads(out)
    assert code == 0
    assert {"id", "practice", "section", "title", "sources"} == set(rows[0])


def test_example_profile_checks_clean_and_exports_every_format(example, tmp_path, capsys, qapp):  # qapp: PDF is drawn by Qt
    code, out, _ = run(capsys, "check", str(example), "--json")
    problems = json.loads(out)["problems"]
    assert code == 0, [p for p in problems if p["severity"] == "error"]
    for fmt in FORMATS:
        target = tmp_path / f"policy-{fmt}{FORMATS[fmt].extension}"
        code, out, err = run(capsys, "export", str(example), "--format", fmt, "--out", str(target))
        assert (code, err) == (0, ""), err
        assert target.stat().st_size > 1000
    assert docx_blocks((tmp_path / "policy-docx.docx").read_bytes()) == markdown_blocks((tmp_path / "policy-md.md").read_bytes())


def test_new_profile_never_overwrites(example, capsys):
    before = example.read_bytes()
    code, _, err = run(capsys, "new-profile", str(example))
    assert code == 2 and "already exists" in err
    assert example.read_bytes() == before


def test_check_reports_errors_with_exit_1(example, capsys):
    data = json.loads(example.read_text())
    data["company"]["contact_email"] = "not-an-address"
    data["practices"]["no.such.practice"] = {}
    example.write_text(json.dumps(data))
    code, out, _ = run(capsys, "check", str(example), "--json")
    codes = {(p["code"], p["where"]) for p in json.loads(out)["problems"]}
    assert code == 1
    assert ("invalid-email", "company.contact_email") in codes
    assert ("unknown-practice", "practice:no.such.practice") in codes


def test_export_refuses_errors_unless_allowed(example, tmp_path, capsys):
    data = json.loads(example.read_text())
    data["company"]["legal_name"] = ""
    example.write_text(json.dumps(data))
    target = tmp_path / "draft.md"
    code, _, err = run(capsys, "export", str(example), "--format", "md", "--out", str(target))
    assert code == 1 and not target.exists()
    assert "company.legal_name" in err and "--allow-incomplete" in err
    code, _, _ = run(capsys, "export", str(example), "--format", "md", "--out", str(target), "--allow-incomplete")
    assert code == 0 and "**[Company legal name]**" in target.read_text()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "is not valid JSON (line 1"),
        ('{"schema_version": 9}', "schema_version: 9 is not a version this Policywright reads"),
        ('{"company": {"phone": 12}}', "company.phone: must be text"),
        ('[1, 2]', "the file must hold a JSON object"),
    ],
)
def test_bad_profiles_exit_2_with_one_clear_line(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content)
    target = tmp_path / "out.docx"
    code, out, err = run(capsys, "export", str(path), "--format", "docx", "--out", str(target))
    assert code == 2 and not target.exists()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"policywright: {path}: ") and expected in lines[0]
    assert "Traceback" not in err


def test_missing_profile_and_unwritable_destination_exit_2(example, tmp_path, capsys):
    code, _, err = run(capsys, "check", str(tmp_path / "absent.json"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "export", str(example), "--format", "md", "--out", str(tmp_path / "no" / "dir" / "x.md"))
    assert code == 2 and "does not exist" in err
    code, _, err = run(capsys, "export", str(example), "--format", "md", "--out", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_failed_export_keeps_the_existing_file(example, tmp_path, capsys, monkeypatch):
    target = tmp_path / "policy.docx"
    target.write_bytes(b"previous version")
    monkeypatch.setattr("os.replace", lambda *a: (_ for _ in ()).throw(OSError(13, "Permission denied")))
    code, _, err = run(capsys, "export", str(example), "--format", "docx", "--out", str(target))
    assert code == 2 and "Permission denied" in err
    assert target.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme.json", "policy.docx"]


def test_export_docx_opens_with_heading_styles(example, tmp_path, capsys):
    target = tmp_path / "p.docx"
    run(capsys, "export", str(example), "--format", "docx", "--out", str(target))
    styles = {p.style.name for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= styles


def test_library_flag_reports_broken_user_files_and_goes_on(tmp_path, capsys):
    (tmp_path / "40-x").mkdir()
    (tmp_path / "40-x" / "broken.md").write_text("no front matter")
    code, out, err = run(capsys, "--library", str(tmp_path), "practices")
    assert code == 0 and "broken.md:1:" in err and "security.measures" in out


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert all(name in out for name in ("practices", "clauses", "laws", "check-library", "new-profile", "check", "export", "gui"))


def test_no_arguments_opens_the_window(monkeypatch):
    calls = []
    monkeypatch.setattr("desktop.ui.app.run", lambda **kwargs: calls.append(kwargs) or 0)
    assert main([]) == 0
    assert main(["gui", "acme.json", *LIB]) == 0
    assert calls[0] == {"profile": None, "quit_after_startup": False, "library": []}
    assert calls[1]["profile"].name == "acme.json" and calls[1]["library"] == [FIXTURES / "library"]


def test_installed_program_finds_its_clause_library_from_any_folder(tmp_path):
    """Run from a folder with no source tree beside it: the snippets must come with the package."""
    result = subprocess.run([sys.executable, "-m", "desktop", "practices", "--json"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) >= 90


def test_export_never_writes_over_its_own_profile(example, capsys):
    before = example.read_bytes()
    code, _, err = run(capsys, "export", str(example), "--format", "md", "--out", str(example))
    assert code == 2 and "is the profile itself" in err
    assert example.read_bytes() == before


def test_option_values_of_the_wrong_type_are_bad_input_out_of_range_is_a_problem(example, tmp_path, capsys):
    data = json.loads(example.read_text())
    data["practices"]["security.breach_notice"] = {"days": "five"}
    example.write_text(json.dumps(data))
    code, _, err = run(capsys, "export", str(example), "--format", "md", "--out", str(tmp_path / "p.md"))
    assert code == 2 and "practices.security.breach_notice.days: must be a whole number" in err
    data["practices"]["security.breach_notice"] = {"days": 900}
    example.write_text(json.dumps(data))
    code, out, _ = run(capsys, "check", str(example), "--json")
    assert code == 1 and any(p["code"] == "invalid-option" for p in json.loads(out)["problems"])
    code, _, _ = run(capsys, "export", str(example), "--format", "md", "--out", str(tmp_path / "p.md"), "--allow-incomplete")
    assert code == 0 and "**[Business days to tell users]**" in (tmp_path / "p.md").read_text()


def test_draft_marks_a_missing_required_detail_even_where_a_clause_makes_it_optional(example, tmp_path, capsys):
    data = json.loads(example.read_text())
    data["company"]["contact_email"] = ""
    data["company"]["website"] = "not a website"
    # The default ways to make a request no longer name a contact form; give one on the website.
    data["practices"]["california.request_methods"] = {"methods": ["Use the contact form on {{company.website}}."]}
    data["practices"]["california.rights"] = {}
    example.write_text(json.dumps(data))
    target = tmp_path / "draft.md"
    assert run(capsys, *("export", str(example), "--format", "md", "--out", str(target), "--allow-incomplete"))[0] == 0
    text = target.read_text()
    assert "**[Contact email]**" in text
    assert "**not a website**" in text


def test_unknown_library_folder_is_bad_input(tmp_path, capsys):
    code, _, err = run(capsys, "--library", str(tmp_path / "nope"), "practices")
    assert code == 2 and "no such library folder" in err


def test_output_cut_short_by_a_pipe_is_not_an_error():
    result = subprocess.run(f"{sys.executable} -m desktop practices | head -1", shell=True, capture_output=True, text=True)
    assert result.stdout.strip() and "Traceback" not in result.stderr


def test_written_files_keep_their_permissions(example, tmp_path, capsys):
    import os
    import stat

    target = tmp_path / "policy.html"
    run(capsys, "export", str(example), "--format", "html", "--out", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    run(capsys, "export", str(example), "--format", "html", "--out", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
