import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.engine.profile.profile import (
    Profile,
    ProfileError,
    load_profile,
    profile_from_dict,
    profile_to_dict,
    save_profile,
)
from tests.laws import regime_ids


def test_round_trip_keeps_unknown_keys(tmp_path):
    data = {
        "schema_version": 1,
        "company": {"legal_name": "Acme", "logo": "acme.png"},
        "service": {"name": "Studio", "kind": "app"},
        "terms": {"service": "App"},
        "practices": {"collect.basic": {"items": ["name"]}},
        "regimes": ["gdpr"],
        "effective_date": "2026-01-31",
        "overrides": {"intro.about": "Our words."},
        "notes": {"from": "a newer version"},
    }
    path = tmp_path / "p.json"
    save_profile(profile_from_dict(data), path)
    saved = json.loads(path.read_text())
    assert saved["notes"] == {"from": "a newer version"}
    assert saved["company"]["logo"] == "acme.png"
    assert saved["practices"] == {"collect.basic": {"items": ["name"]}}
    assert load_profile(path) == profile_from_dict(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"company": {"legal_name": 5}}, "company.legal_name: must be text"),
        ({"company": []}, "company: must be an object"),
        ({"practices": []}, "practices: must be an object"),
        ({"practices": {"x": 3}}, "practices.x: must be an object of options"),
        ({"regimes": "gdpr"}, "regimes: must be a list of law ids"),
        ({"effective_date": "31/01/2026"}, "effective_date: '31/01/2026' is not a date"),
        ({"overrides": {"a": 1}}, "overrides: must be an object"),
        ({"schema_version": 7}, "schema_version: 7 is not a version this Policywright reads"),
    ],
)
def test_wrong_types_name_the_key_path(data, message):
    with pytest.raises(ProfileError) as raised:
        profile_from_dict(data, "p.json")
    assert any(p.startswith(message) for p in raised.value.problems), raised.value.problems


def test_unreadable_and_malformed_files_say_what_to_do(tmp_path):
    with pytest.raises(ProfileError, match="no such file"):
        load_profile(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"company": ')
    with pytest.raises(ProfileError, match=r"is not valid JSON \(line 1"):
        load_profile(broken)


def test_failed_save_leaves_the_old_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    save_profile(Profile(), path)
    before = path.read_bytes()

    def explode(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", explode)
    with pytest.raises(OSError):
        save_profile(profile_from_dict({"company": {"legal_name": "Changed"}}), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]


text = st.text(max_size=30)


@given(
    legal=text, short=text, website=text,
    practices=st.dictionaries(st.text(min_size=1, max_size=12),
                              st.dictionaries(st.text(min_size=1, max_size=8), st.integers() | text | st.booleans(), max_size=3),
                              max_size=4),
    regimes=st.lists(st.sampled_from(regime_ids()), unique=True),
    overrides=st.dictionaries(st.text(min_size=1, max_size=8), text, max_size=3),
)
def test_any_valid_profile_survives_json(legal, short, website, practices, regimes, overrides):
    data = {"company": {"legal_name": legal, "short_name": short, "website": website},
            "practices": practices, "regimes": regimes, "overrides": overrides}
    profile = profile_from_dict(data)
    again = profile_from_dict(json.loads(json.dumps(profile_to_dict(profile))))
    assert again == profile


def test_schema_version_must_be_the_number_one():
    with pytest.raises(ProfileError, match="schema_version: True is not a version"):
        profile_from_dict({"schema_version": True})


STUDIO_SERVICES = {
    "stripe": {},
    "google_analytics": {"signals": True},
    "custom.bookwhen": {"entry": {"name": "Bookwhen", "kind": "forms", "provider": "Bookwhen Ltd",
                                  "country": "United Kingdom", "data": ["contact.email"], "own_purposes": False}},
}


def test_picked_services_survive_a_save_and_load(tmp_path):
    path = tmp_path / "p.json"
    save_profile(profile_from_dict({"services": STUDIO_SERVICES}), path)
    assert json.loads(path.read_text())["services"] == STUDIO_SERVICES
    assert load_profile(path).services == STUDIO_SERVICES


def test_a_profile_written_before_services_loads_with_none():
    profile = profile_from_dict({"schema_version": 2, "company": {"legal_name": "Acme"}})
    assert profile.services == {}
    assert "services" not in profile_to_dict(profile)


@pytest.mark.parametrize(
    ("services", "message"),
    [
        (["stripe"], "services: must be an object of service id -> its settings object"),
        ({"stripe": True}, "services.stripe: must be an object of settings"),
        ({"custom.x": {}}, "services.custom.x.entry: must be an object with name"),
        ({"custom.x": {"entry": {**STUDIO_SERVICES["custom.bookwhen"]["entry"], "own_purposes": "no"}}},
         "services.custom.x.entry.own_purposes: must be true or false"),
        ({"custom.x": {"entry": {**STUDIO_SERVICES["custom.bookwhen"]["entry"], "data": [3]}}},
         "services.custom.x.entry.data: must be a list of data ids"),
        ({"custom.x": {"entry": {**STUDIO_SERVICES["custom.bookwhen"]["entry"], "name": " "}}},
         "services.custom.x.entry.name: give the service's name"),
    ],
)
def test_wrong_services_name_the_key_path(services, message):
    with pytest.raises(ProfileError) as raised:
        profile_from_dict({"services": services}, "p.json")
    assert any(p.startswith(message) for p in raised.value.problems), raised.value.problems
