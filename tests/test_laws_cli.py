"""Every law says what it is (citation, date in force, date last checked, sources), and
`policywright laws` lists them, with whether each applies to a profile and why."""

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.engine.interview.interview import new_profile
from desktop.engine.profile.profile import profile_json
from desktop.engine.reference.regimes import RegimeError, parse_regimes

LAW = {"title": "XX", "scope": "Testland", "explanation": "A law.", "question": "Testland?"}


def test_every_bundled_law_names_its_citation_dates_and_official_sources(bundled_library):
    for regime in bundled_library.regimes.values():
        assert regime.citation, regime.id
        assert dt.date.fromisoformat(regime.effective) <= dt.date.fromisoformat(regime.checked_on), regime.id
        assert regime.sources and all(s.startswith("https://") for s in regime.sources), regime.id


def test_dates_may_be_bare_or_quoted_and_a_bad_one_names_the_key():
    regimes = parse_regimes({"xx": {**LAW, "effective": dt.date(2024, 7, 1), "checked_on": "2026-12-07"}})
    assert (regimes["xx"].effective, regimes["xx"].checked_on) == ("2024-07-01", "2026-12-07")
    with pytest.raises(RegimeError, match="`effective` of 'xx' must be a date"):
        parse_regimes({"xx": {**LAW, "effective": "July 2024"}})
    with pytest.raises(RegimeError, match="`sources` of 'xx' must be a list"):
        parse_regimes({"xx": {**LAW, "sources": "https://example.org"}})


def test_laws_lists_every_law_with_its_dates(capsys, bundled_library):
    assert main(["laws", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == list(bundled_library.regimes)
    gdpr = rows[0]
    assert gdpr | {"citation": ""} == {"id": "gdpr", "title": "GDPR", "citation": "", "effective": "2018-05-25",
                                       "checked_on": bundled_library.regimes["gdpr"].checked_on}
    assert main(["laws"]) == 0
    assert "in force 2018-05-25" in capsys.readouterr().out


def test_laws_with_a_profile_says_whether_each_applies_and_why(tmp_path, capsys, bundled_library):
    profile = new_profile({"user_places": ["the European Union"], "california_users": False}, bundled_library, dt.date(2026, 12, 7))
    profile.regimes.append("coppa")  # ticked on the company form, against no answer
    path = tmp_path / "profile.json"
    path.write_text(profile_json(profile), encoding="utf-8")
    assert main(["laws", "--json", "--profile", str(path)]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["gdpr"]["applies"] and "GDPR protects" in rows["gdpr"]["reason"]
    assert not rows["ccpa"]["applies"] and rows["ccpa"]["reason"].startswith("Nobody in California")
    assert rows["coppa"]["applies"] and rows["coppa"]["reason"] == "You ticked it on the company form."
    assert main(["laws", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    assert "✘ Nobody in California uses your service" in out and "✔ You ticked it on the company form." in out
