"""What no command replaces: a published version (not even with new-profile --force), and another
profile under an export's or a comparison's --out (not even a read-only one)."""

import os

import pytest

from desktop.cli import main
from desktop.engine.history.versions import publish
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import load_profile, save_profile
from desktop.engine.review.example import example_profile


@pytest.fixture
def acme(tmp_path, bundled_library):
    path = tmp_path / "acme.json"
    profile = example_profile(bundled_library)
    save_profile(profile, path)
    publish(path, profile, assemble(profile, bundled_library))
    return path


def test_new_profile_force_never_replaces_a_published_version(acme, capsys):
    version = acme.with_name("acme.versions") / "v0001.json"
    before = version.read_bytes()
    assert main(["new-profile", str(version), "--force"]) == 2
    assert "published version" in capsys.readouterr().err and version.read_bytes() == before


@pytest.mark.parametrize("read_only", [False, True])
def test_export_and_diff_never_replace_another_profile(acme, tmp_path, capsys, read_only):
    other = tmp_path / "other.json"
    save_profile(load_profile(acme), other)
    before = other.read_bytes()
    if read_only:
        os.chmod(other, 0o444)
    assert main(["export", str(acme), "--format", "md", "--out", str(other), "--allow-incomplete"]) == 2
    assert f"{other}: is a profile" in capsys.readouterr().err
    assert main(["diff", f"{acme}@1", str(acme), "--format", "md", "--out", str(other)]) == 2
    assert f"{other}: is a profile" in capsys.readouterr().err
    assert other.read_bytes() == before

