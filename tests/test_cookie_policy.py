"""The cookie policy exported alone: the policy's cookies section, its table included, in every format,
from the command line (`export --notice cookies`)."""

import json

import pytest
from exports import docx_blocks, html_blocks, markdown_blocks, pdf_strings

from desktop.cli import main
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.cookies import cookie_policy
from desktop.engine.policy.document import Table, pieces
from desktop.engine.profile.profile import profile_json
from desktop.engine.review.example import all_practices_profile, example_profile
from desktop.usecases import FORMATS

READERS = {"docx": docx_blocks, "md": markdown_blocks, "html": html_blocks}


@pytest.fixture
def studio(bundled_library):
    profile = example_profile(bundled_library)
    profile.company.short_name = "Lotus Yoga"
    profile.services = {"google_analytics": {}}
    return profile


@pytest.fixture
def studio_file(studio, tmp_path):
    path = tmp_path / "studio.json"
    path.write_text(profile_json(studio), encoding="utf-8")
    return path


def test_the_cookie_policy_is_the_cookies_section_alone_numbered_one(studio, bundled_library):
    policy = assemble(studio, bundled_library)
    cookies = cookie_policy(policy)
    assert cookies.title == "Lotus Yoga Cookie Policy" and cookies.effective_line == policy.effective_line
    [section] = cookies.sections
    assert (section.id, section.number, section.title) == ("cookies", 1, "Cookies and tracking")
    [whole] = [s for s in policy.sections if s.id == "cookies"]
    assert [(type(b), b.clause_id) for b in section.blocks] == [(type(b), b.clause_id) for b in whole.blocks]
    assert _table_rows(section) == _table_rows(whole) and _table_rows(section)
    assert {stated.clause_id for stated in cookies.facts} <= {block.clause_id for block in section.blocks}


def _table_rows(section):
    return [row for block in section.blocks if isinstance(block, Table) for row in block.row_texts()]


def test_a_reference_to_another_section_points_to_the_privacy_policy(bundled_library):
    profile = all_practices_profile(bundled_library)
    whole = assemble(profile, bundled_library)
    california = next(s for s in whole.sections if s.id == "california")
    text = cookie_policy(whole).plain_text()
    assert f"section {california.number} ({california.title}) of our privacy policy" in text
    refs = [run.ref for s in cookie_policy(whole).sections for b in s.blocks for runs in pieces(b) for run in runs if run.ref]
    assert set(refs) <= {"cookies"}


def test_a_policy_without_cookies_has_no_cookie_policy(studio, bundled_library):
    studio.practices = {p: v for p, v in studio.practices.items() if not p.startswith("cookies.")}
    assert cookie_policy(assemble(studio, bundled_library)) is None


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_notice_cookies_writes_the_cookie_policy_in_every_format(studio, studio_file, bundled_library, tmp_path, capsys, qapp, fmt):
    target = tmp_path / f"cookies{FORMATS[fmt].extension}"
    code = main(["export", str(studio_file), "--format", fmt, "--out", str(target), "--notice", "cookies"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    expected = cookie_policy(assemble(studio, bundled_library))
    data = target.read_bytes()
    if fmt in READERS:
        assert READERS[fmt](data) == expected.text_blocks()
    elif fmt == "pdf":
        text = " ".join(" ".join(pdf_strings(data)).split())
        assert "Lotus Yoga Cookie Policy" in text and "_ga" in text and "2 years" in text
        assert "About this policy" not in text  # the privacy policy's other sections are left out
    else:  # the snippet: the same article without a page around it
        assert b"<table>" in data and b"_ga" in data and b"<!DOCTYPE" not in data


def test_export_notice_cookies_is_refused_without_a_cookies_section(studio, tmp_path, capsys):
    studio.practices = {p: v for p, v in studio.practices.items() if not p.startswith("cookies.")}
    path = tmp_path / "no-cookies.json"
    path.write_text(profile_json(studio), encoding="utf-8")
    code = main(["export", str(path), "--format", "md", "--out", str(tmp_path / "c.md"), "--notice", "cookies"])
    err = capsys.readouterr().err
    assert code == 2 and "no cookies section" in err and str(path) in err
    assert not (tmp_path / "c.md").exists()


def test_export_notice_cookies_is_refused_for_the_consent_error(studio, tmp_path, capsys):
    studio.regimes = ["gdpr"]
    path = tmp_path / "gdpr.json"
    path.write_text(profile_json(studio), encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 1
    codes = {p["code"] for p in json.loads(capsys.readouterr().out)["problems"] if p["severity"] == "error"}
    assert "cookie-consent" in codes
    code = main(["export", str(path), "--format", "md", "--out", str(tmp_path / "c.md"), "--notice", "cookies"])
    assert code == 1 and "Google Analytics sets _ga" in capsys.readouterr().err
