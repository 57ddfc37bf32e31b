"""A law a firm declares in its own library folder (tests/fixtures/law_library/regimes.toml), with
no Python change: its requirements in coverage, its rule, gap and needed field in check, its
generated list in the policy. The company form's check box is in tests/ui/test_law_from_data_ui.py."""

import datetime as dt
import json

import pytest
from conftest import FIXTURES

from desktop.cli import main
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import profile_json
from desktop.engine.review.checks import check
from desktop.engine.review.coverage import COVERED, MISSING
from desktop.engine.review.example import example_profile
from desktop.paths import bundled_dir

LAW_LIBRARY = FIXTURES / "law_library"
LAW = "xx_test"


@pytest.fixture(scope="module")
def library():
    return load_library([bundled_dir("snippets"), LAW_LIBRARY])


@pytest.fixture
def profile(library):
    """A US company covering only the fixture law, with the law's own clause picked, one that the
    law's rule forbids (using the service counts as consent), and no postal address."""
    profile = example_profile(library, dt.date(2026, 11, 22))
    profile.regimes = [LAW]
    profile.practices.update({"testland.notice": {}, "intro.acceptance": {}})
    profile.set_field("company.country", "United States")
    profile.set_field("company.postal_address", "")
    return profile


def run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_the_law_is_added_after_the_bundled_ones_without_a_fault(library, bundled_library):
    assert library.faults == []
    assert list(library.regimes) == [*bundled_library.regimes, LAW]
    assert library.regimes[LAW].label == "XX Test (Testland residents)"


def test_coverage_on_the_command_line_names_its_requirements(tmp_path, capsys, profile):
    path = tmp_path / "profile.json"
    path.write_text(profile_json(profile), encoding="utf-8")
    code, out = run(capsys, "coverage", str(path), "--library", str(LAW_LIBRARY), "--json")
    result = json.loads(out)[LAW]
    assert result[COVERED] == {"xx_test.notice": ["testland.notice"]}
    assert list(result[MISSING]) == ["xx_test.officer"]
    assert code != 0  # a requirement is missing
    code, out = run(capsys, "coverage", str(path), "--library", str(LAW_LIBRARY))
    assert "XX Test" in out and "Who your Testland privacy officer is" in out


def test_check_warns_of_the_gap_fires_the_rule_and_asks_for_the_needed_field(tmp_path, capsys, profile, library):
    problems = check(profile, library)
    gaps = [p for p in problems if p.code == "regime-gap"]
    assert [p.place.id for p in gaps] == ["xx_test.officer"]
    [rule] = [p for p in problems if p.code == "contradiction-consent-by-use"]
    assert "Testland law does not accept simply using a service as consent" in rule.message
    assert [p.place.id for p in problems if p.code == "needed-detail"] == ["company.postal_address"]
    path = tmp_path / "profile.json"
    path.write_text(profile_json(profile), encoding="utf-8")
    _, out = run(capsys, "check", str(path), "--library", str(LAW_LIBRARY), "--json")
    codes = {(p["code"], p["place"]["id"]) for p in json.loads(out)["problems"]}
    assert {("regime-gap", "xx_test.officer"), ("needed-detail", "company.postal_address")} <= codes


def test_the_needed_field_follows_the_laws_condition(profile, library):
    profile.set_field("company.country", "Germany")  # in the EU: the law's `when` no longer holds
    assert not [p for p in check(profile, library) if p.code == "needed-detail"]
    profile.regimes = []
    profile.set_field("company.country", "United States")
    assert not [p for p in check(profile, library) if p.code == "needed-detail"]


def test_the_policy_shows_the_laws_list_grouped_by_its_categories(profile, library):
    text = assemble(profile, library).plain_text()
    assert "Testland law groups what we collect like this:" in text
    assert "Contact facts, such as name and email address" in text
    profile.regimes = []
    assert "Testland law groups" not in assemble(profile, library).plain_text()


def test_the_law_is_unknown_without_its_folder(tmp_path, capsys, profile):
    path = tmp_path / "profile.json"
    path.write_text(profile_json(profile), encoding="utf-8")
    assert main(["coverage", str(path)]) == 2
    assert "regimes: unknown xx_test" in capsys.readouterr().err


@pytest.mark.parametrize(("extra", "fault"), [
    ('rules = ["no-such-rule"]', "regime 'xx_bad': unknown rule 'no-such-rule'"),
    ('[xx_bad.lists]\nxx_list = "everything"', "regime 'xx_bad': list 'xx_list' is of unknown kind 'everything'"),
    ('[[xx_bad.needs]]\nfield = "company.fax"', "regime 'xx_bad': `needs` names unknown profile field 'company.fax'"),
    ('[[xx_bad.needs]]\nfield = "company.phone"\nwhen = "company.phone =="', "`needs` company.phone of 'xx_bad': `when`: "),
    ('[[xx_bad.needs]]\nfield = "company.phone"\nwhen = "regime.gdpr"', "a `needs` condition asks about 'regime.gdpr'"),
    ('[xx_bad.categories]\n"identifiers.fax" = "contact"', "[xx_bad.categories] names unknown data category 'identifiers.fax'"),
    ('rules = "consent-by-use"', "`rules` of 'xx_bad' must be a list of texts"),
])
def test_a_wrong_law_declaration_is_a_fault_naming_the_file(tmp_path, extra, fault):
    (tmp_path / "regimes.toml").write_text(
        f'[xx_bad]\ntitle = "Bad"\nscope = "Nowhere"\nexplanation = "A wrong law."\nquestion = "Bad?"\n{extra}\n',
        encoding="utf-8")
    library = load_library([bundled_dir("snippets"), tmp_path])
    found = [f for f in library.faults if f.path == tmp_path / "regimes.toml"]
    assert found and fault in found[0].message, library.faults
