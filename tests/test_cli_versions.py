"""`publish`, `versions` and `diff` on the command line: exit 0 written, 2 bad input naming the file."""

import io
import json

import docx
import pytest
from markdown_it import MarkdownIt

from desktop.cli import main
from desktop.engine.profile.profile import load_profile, save_profile
from desktop.engine.review.example import example_profile
from tests.redline_reader import paragraphs, tracked


@pytest.fixture
def acme(tmp_path, bundled_library):
    path = tmp_path / "acme.json"
    profile = example_profile(bundled_library)
    profile.practices["security.breach_notice"] = {"days": 10}
    save_profile(profile, path)
    return path


def change(path, **options):
    profile = load_profile(path)
    profile.practices["security.breach_notice"] = options
    save_profile(profile, path)


def test_publish_then_versions_lists_them(acme, capsys):
    assert main(["publish", str(acme)]) == 0
    assert main(["publish", str(acme)]) == 0
    assert "as version 2" in capsys.readouterr().out
    assert main(["versions", str(acme), "--json"]) == 0
    assert [row["number"] for row in json.loads(capsys.readouterr().out)] == [1, 2]


def test_publish_refuses_a_policy_with_errors_unless_allowed(acme, capsys):
    profile = load_profile(acme)
    profile.company.contact_email = ""
    save_profile(profile, acme)
    assert main(["publish", str(acme)]) == 1
    assert "not published" in capsys.readouterr().err and not (acme.parent / "acme.versions").exists()
    assert main(["publish", str(acme), "--allow-incomplete"]) == 0


def test_diff_of_a_version_and_the_draft_writes_a_redline(acme, tmp_path, capsys):
    assert main(["publish", str(acme)]) == 0
    change(acme, days=3)
    out = tmp_path / "changes.docx"
    assert main(["diff", f"{acme}@1", str(acme), "--format", "docx", "--out", str(out), "--summary"]) == 0
    printed = capsys.readouterr().out
    assert "Under “If a breach happens”, we now say: “We will do so within 3 business days" in printed
    data = out.read_bytes()
    docx.Document(io.BytesIO(data))
    assert tracked(data) >= (1, 1)
    assert any("within 3 business days" in p for p in paragraphs(data, accept=True))


def test_diff_of_two_version_files_writes_markdown(acme, tmp_path):
    main(["publish", str(acme)])
    change(acme, days=5)
    main(["publish", str(acme)])
    out = tmp_path / "changes.md"
    versions = sorted((tmp_path / "acme.versions").iterdir())
    assert main(["diff", str(versions[0]), f"{acme}@last", "--format", "md", "--out", str(out)]) == 0
    html = MarkdownIt("commonmark").render(out.read_text(encoding="utf-8"))
    assert "[- ~~10~~ -][+ <strong>5</strong> +]" in html


@pytest.mark.parametrize("old, message", [
    ("missing.json", "missing.json: no such profile or published version"),
    ("{acme}@4", "no such version"),
    ("{acme}@x", "no such version"),
    ("{acme}@²", "no such version"),  # a digit to str.isdigit, not to int()
])
def test_diff_of_bad_input_exits_2_naming_it(acme, tmp_path, capsys, old, message):
    main(["publish", str(acme)])
    out = tmp_path / "x.docx"
    assert main(["diff", old.format(acme=acme), str(acme), "--format", "docx", "--out", str(out)]) == 2
    assert message in capsys.readouterr().err and not out.exists()


def test_diff_of_a_broken_profile_exits_2_naming_the_file(acme, tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("{nope", encoding="utf-8")
    assert main(["diff", str(broken), str(acme), "--format", "md", "--out", str(tmp_path / "x.md")]) == 2
    assert f"{broken}: is not valid JSON" in capsys.readouterr().err


def test_diff_into_a_missing_folder_exits_2(acme, tmp_path, capsys):
    assert main(["diff", str(acme), str(acme), "--format", "md", "--out", str(tmp_path / "no" / "x.md")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_versions_of_a_missing_profile_exits_2(tmp_path, capsys):
    assert main(["versions", str(tmp_path / "gone.json")]) == 2
    assert "gone.json: no such file" in capsys.readouterr().err


def test_publish_and_diff_refuse_an_option_of_the_wrong_type_as_export_does(acme, tmp_path, capsys):
    profile = load_profile(acme)
    profile.practices["security.breach_notice"] = {"days": "ten"}
    save_profile(profile, acme)
    out = tmp_path / "x.md"
    assert main(["export", str(acme), "--format", "md", "--out", str(out)]) == 2
    capsys.readouterr()
    assert main(["publish", str(acme), "--allow-incomplete"]) == 2
    assert "practices.security.breach_notice.days: must be" in capsys.readouterr().err
    assert not (tmp_path / "acme.versions").exists()
    assert main(["diff", str(acme), str(acme), "--format", "md", "--out", str(out)]) == 2
    assert "practices.security.breach_notice.days: must be" in capsys.readouterr().err and not out.exists()


def test_diff_never_writes_over_what_it_compares_or_a_published_version(acme, tmp_path, capsys):
    main(["publish", str(acme)])
    version = tmp_path / "acme.versions" / "v0001.json"
    before = acme.read_bytes(), version.read_bytes()
    for out in (acme, version):
        assert main(["diff", f"{acme}@1", str(acme), "--format", "md", "--out", str(out)]) == 2
        assert f"{out}: " in capsys.readouterr().err
    other = tmp_path / "other.json"
    other.write_bytes(acme.read_bytes())
    assert main(["diff", str(other), str(acme), "--format", "md", "--out", str(version)]) == 2
    assert (acme.read_bytes(), version.read_bytes()) == before


def test_publishing_a_published_version_file_is_refused_with_what_to_do(acme, tmp_path, capsys):
    main(["publish", str(acme)])
    version = tmp_path / "acme.versions" / "v0001.json"
    capsys.readouterr()
    assert main(["publish", str(version), "--allow-incomplete"]) == 2
    assert f"{version}: is a published version" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "acme.versions").iterdir()) == ["v0001.json"]
    assert not (tmp_path / "acme.versions" / "v0001.versions").exists()



def test_new_profile_with_force_never_writes_over_a_published_version(acme, tmp_path, capsys):
    main(["publish", str(acme)])
    version = tmp_path / "acme.versions" / "v0001.json"
    before = version.read_bytes()
    capsys.readouterr()
    assert main(["new-profile", str(version), "--force"]) == 2
    assert f"{version}: is a published version, which is never replaced" in capsys.readouterr().err
    assert version.read_bytes() == before

def test_versions_names_a_file_it_cannot_read(acme, tmp_path, capsys):
    main(["publish", str(acme)])
    broken = tmp_path / "acme.versions" / "v0002.json"
    broken.write_text("{oops", encoding="utf-8")
    capsys.readouterr()
    assert main(["versions", str(acme)]) == 0
    printed = capsys.readouterr()
    assert "1 published version" in printed.out and f"skipped: {broken}: is not valid JSON" in printed.err


@pytest.mark.parametrize("out", ["acme.versions/v0001.json", "acme.versions/notes.md", "acme.json"])
def test_export_never_replaces_a_published_version_or_the_profile(acme, tmp_path, capsys, out):
    main(["publish", str(acme)])
    version = tmp_path / "acme.versions" / "v0001.json"
    before = acme.read_bytes(), version.read_bytes()
    capsys.readouterr()
    target = tmp_path / out
    assert main(["export", str(acme), "--format", "md", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"{target}: " in err and "choose another file" in err
    assert (acme.read_bytes(), version.read_bytes()) == before
    assert sorted(p.name for p in (tmp_path / "acme.versions").iterdir()) == ["v0001.json"]


def test_export_never_replaces_a_published_version_moved_elsewhere(acme, tmp_path, capsys):
    main(["publish", str(acme)])
    moved = tmp_path / "kept.json"
    (tmp_path / "acme.versions" / "v0001.json").rename(moved)
    before = moved.read_bytes()
    assert main(["export", str(acme), "--format", "md", "--out", str(moved)]) == 2
    assert f"{moved}: is a published version" in capsys.readouterr().err and moved.read_bytes() == before
