"""Formats, profile fields and regimes are declared once; everything else loops over them."""

import json

import pytest

from desktop.cli import build_parser, main
from desktop.engine.export import Format
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.place import FIELD, Place
from desktop.engine.profile.fields import PROFILE_FIELDS, ProfileField
from desktop.engine.profile.profile import SCHEMA_VERSION, UPGRADES, load_profile, profile_from_dict, profile_json
from desktop.engine.review.checks import check, field_problems
from desktop.engine.review.example import example_profile
from desktop.usecases import COMPARISON_FORMATS, FORMATS

THROWAWAY = Format("txt", ".txt", "Plain text", "Text files (*.txt)", __name__)
DPO_FIELD = ProfileField("company.dpo_email", "Data protection officer email", "&DPO email", "Contact",
                         "dpo@example.com", problem=lambda v: None if "@" in v else f"{v!r} is not an email address.")


def render(document) -> bytes:
    """The throwaway format's exporter: the policy's plain text."""
    return document.plain_text().encode("utf-8")


@pytest.fixture
def throwaway_format(monkeypatch):
    monkeypatch.setitem(FORMATS, THROWAWAY.id, THROWAWAY)
    return THROWAWAY


@pytest.fixture
def dpo_field():
    PROFILE_FIELDS.append(DPO_FIELD)  # every list of fields is worked out from the declarations when asked
    yield DPO_FIELD
    PROFILE_FIELDS.remove(DPO_FIELD)


def _takes_format(command: list[str], fmt: str) -> bool:
    """Whether the command line accepts `--format fmt` for the command (argparse exits 2 on a choice it does not offer)."""
    try:
        return build_parser().parse_args([*command, "--format", fmt, "--out", "out"]).format == fmt
    except SystemExit:
        return False


def test_a_declared_format_is_a_command_line_choice_and_exports(throwaway_format, bundled_library, tmp_path, capsys):
    assert _takes_format(["export", "p.json"], "txt")
    profile_path = tmp_path / "acme.json"
    profile_path.write_text(profile_json(example_profile(bundled_library)), encoding="utf-8")
    out = tmp_path / "policy.txt"
    assert main(["export", str(profile_path), "--format", "txt", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("Acme Privacy Policy\nEffective date:")


def test_the_command_line_offers_every_declared_format_and_no_other(capsys):
    for fmt in FORMATS:
        assert _takes_format(["export", "p.json"], fmt)
    for fmt in COMPARISON_FORMATS:
        assert _takes_format(["diff", "old.json", "new.json"], fmt)
    assert not _takes_format(["export", "p.json"], "txt") and not _takes_format(["diff", "a", "b"], "pdf")
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


def test_a_registered_field_is_a_token_a_check_and_a_saved_value(dpo_field, bundled_library):
    profile = example_profile(bundled_library)
    profile.set_field("company.dpo_email", "nobody")
    assert [p for p in field_problems(profile, bundled_library) if p.place == Place(FIELD, "company.dpo_email")]
    profile.set_field("company.dpo_email", "dpo@acme-audio.example")
    profile.overrides["contact.details"] = "Write to our officer at {{company.dpo_email}}."
    assert "Write to our officer at dpo@acme-audio.example." in assemble(profile, bundled_library).plain_text()
    saved = json.loads(profile_json(profile))
    assert saved["company"]["dpo_email"] == "dpo@acme-audio.example"
    assert profile_from_dict(saved).field_value("company.dpo_email") == "dpo@acme-audio.example"
    profile.set_field("company.dpo_email", "")
    assert any(p.code == "missing-detail" and p.place == Place(FIELD, "company.dpo_email") for p in check(profile, bundled_library))


def test_every_declared_regime_is_a_profile_choice_and_a_library_section(bundled_library):
    assert bundled_library.regimes
    for regime in bundled_library.regimes.values():
        # a law asks the policy to state something, or is one rule (Texas's for small businesses, § 541.107)
        assert regime.title and regime.scope and regime.question.endswith("?") and (regime.requirements or regime.rules)
    chosen = list(reversed(bundled_library.regimes)) + ["xx_unknown"]
    profile = profile_from_dict({"regimes": chosen + chosen[:1]})  # each once, in the order written
    assert profile.regimes == chosen
    assert bundled_library.laws(profile.regimes) == list(bundled_library.regimes.values())


def test_regime_gap_names_the_declared_title_and_requirement(bundled_library):
    profile = example_profile(bundled_library)
    profile.regimes = ["gdpr"]
    profile.practices.pop("rights.gdpr_complaint", None)
    gaps = [p for p in check(profile, bundled_library) if p.code == "regime-gap" and p.place.id == "gdpr.complaint"]
    assert [(p.message, p.detail) for p in gaps] == [
        ("GDPR: the policy should say that people can complain to a data protection authority; no picked practice does.",
         "GDPR asks the policy to state right to lodge a complaint with a supervisory authority (GDPR Art. 13(2)(d)).")]


def test_a_file_from_before_schema_versions_is_upgraded_and_a_newer_one_refused(tmp_path):
    assert sorted(UPGRADES) == list(range(SCHEMA_VERSION))
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"company": {"legal_name": "Old Ltd"}}), encoding="utf-8")
    assert load_profile(old).company.legal_name == "Old Ltd"
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1}), encoding="utf-8")
    with pytest.raises(ValueError, match="schema_version"):
        load_profile(newer)


def test_the_bundle_hides_imports_of_every_declared_exporter(monkeypatch):
    """build.spec, run with stand-ins for PyInstaller's names, asks for each format's module."""
    import importlib
    import sys
    from pathlib import Path

    seen = {}

    class Analysis:
        def __init__(self, scripts, **options):
            seen.update(options)
            self.scripts, self.datas, self.pure, self.binaries = [], [], [], []

    root = Path(__file__).parents[1]
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts its folder first
    anything = lambda *args, **options: None  # noqa: E731
    names = {"SPECPATH": str(root), "Analysis": Analysis, "PYZ": anything, "EXE": anything, "COLLECT": anything, "BUNDLE": anything}
    exec(compile((root / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), names)
    assert {fmt.module for fmt in FORMATS.values()} <= set(seen["hiddenimports"])
    for module in seen["hiddenimports"]:
        assert callable(importlib.import_module(module).render)
