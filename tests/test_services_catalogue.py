"""The service catalogue (`_services/`): entries load, each validation rule fires, user folders add and replace."""

import datetime
import json

import pytest
from conftest import FIXTURES

from desktop.cli import library as cli_library
from desktop.cli import main
from desktop.engine.library.loader import load_library
from desktop.engine.library.services import KINDS, stale_services
from desktop.paths import bundled_dir

BAD = FIXTURES / "services" / "bad"
USER = FIXTURES / "services" / "user"


@pytest.fixture(scope="module")
def bad_library():
    return load_library([bundled_dir("snippets"), BAD])


def test_a_good_entry_loads_with_its_facts_settings_and_cookies(bundled_library):
    analytics = bundled_library.services["google_analytics"]
    assert (analytics.name, analytics.kind, analytics.role) == ("Google Analytics", "analytics", "own_purposes")
    assert analytics.checked_on == datetime.date(2026, 12, 7)
    assert [(c.name, c.duration, c.category) for c in analytics.cookies][0] == ("_ga", "2 years", "analytics")
    assert [s.id for s in analytics.settings] == ["signals"]
    assert all(fact.recipient == "third_parties.analytics" for fact in analytics.facts if fact.recipient)


def test_setting_conditions_choose_facts_and_cookies(bundled_library):
    analytics = bundled_library.services["google_analytics"]
    assert not any(f.purpose == "ads.cross_context" for f in analytics.facts_for({}))
    assert any(f.purpose == "ads.cross_context" for f in analytics.facts_for({"signals": True}))
    youtube = bundled_library.services["youtube"]
    assert {c.name for c in youtube.cookies_for({})} == {"VISITOR_INFO1_LIVE", "YSC"}
    assert youtube.cookies_for({"privacy_enhanced": True}) == []
    assert not any("activity.cross_site" in f.data for f in youtube.facts_for({"privacy_enhanced": True}))


ISSUE_21_IDS = """stripe paypal square shopify woocommerce squarespace wix google_analytics plausible matomo hotjar
microsoft_clarity mailchimp brevo klaviyo kit sendgrid google_ads meta_pixel tiktok_pixel linkedin_insight aws
cloudflare google_cloud vercel netlify youtube vimeo google_maps instagram_embed zendesk intercom crisp typeform
google_forms calendly recaptcha hcaptcha google_fonts firebase_analytics firebase_crashlytics admob twilio""".split()


def test_the_catalogue_holds_every_service_issue_21_names(bundled_library):
    assert len(ISSUE_21_IDS) == 43
    assert sorted(set(ISSUE_21_IDS) - set(bundled_library.services)) == []


def test_the_catalogue_is_ordered_by_kind_then_name(bundled_library):
    entries = list(bundled_library.services.values())
    assert entries == sorted(entries, key=lambda e: (KINDS.index(e.kind), e.name.casefold()))
    assert {"stripe", "mailchimp", "google_analytics", "youtube", "meta_pixel"} <= set(bundled_library.services)


def test_every_bundled_entry_is_sourced_and_its_file_named_by_its_id(bundled_library):
    for entry in bundled_library.services.values():
        assert entry.path.stem == entry.id
        assert entry.sources and all(url.startswith("https://") for url in entry.sources)


@pytest.mark.parametrize(("stem", "message"), [
    ("wrong_id", "`id` 'acme' must be the file's name without .toml ('wrong_id')"),
    ("missing_provider", "missing `provider`"),
    ("unknown_key", "unknown key `colour`"),
    ("bad_kind", "`kind` 'cloud' must be one of payments, analytics"),
    ("bad_role", "`role` 'ours' must be for_us or own_purposes"),
    ("bad_recipient", "`recipient` 'service_providers.cloud' is not a recipient of the vocabulary"),
    ("role_mismatch", "a service with role for_us falls under a service_provider"),
    ("bad_country", "`country` 'Atlantis' is not a country this app knows"),
    ("bad_link", "`privacy_policy` 'http://acme.example/privacy' must be a web address starting with https://"),
    ("bad_source", "source 'acme docs' must be a web address starting with https://"),
    ("bad_date", "`checked_on` must be a date written YYYY-MM-DD"),
    ("bad_fact", "unknown data category 'identifiers.ip_adress' (did you mean 'identifiers.ip_address'?)"),
    ("unknown_setting", "setting.log is not a setting this service declares"),
    ("fact_option", "a service's fact has no options"),
    ("bad_setting", "setting 'logs' needs a `question` and a true/false `default`"),
    ("cookie_no_duration", "cookie 1: needs `duration`"),
    ("cookie_category", "`category` must be one of necessary, preferences, analytics, marketing"),
    ("cookie_when", "setting.tracking is not a setting this service declares"),
    ("bad_toml", "TOML error"),
])
def test_each_rule_of_the_validator_fires_on_its_bad_entry(bad_library, stem, message):
    faults = [f for f in bad_library.faults if f.path.stem == stem]
    assert any(message in f.message for f in faults), [str(f) for f in faults]
    assert stem not in bad_library.services


@pytest.mark.parametrize(("line", "message"), [
    ('facts = "shares device with SERVICE"', "`facts` must be a list of texts"),
    ("settings = 5", "`settings` must be [[settings]] tables"),
    ("cookies = [1, 2]", "`cookies` must be [[cookies]] tables"),
    ("checked_on = 2026-12-07T10:00:00", "`checked_on` must be a date written YYYY-MM-DD"),
    ('cookies = [{name = "a", purpose = "b", duration = "c", category = "necessary", when = 3}]', "`when` must be a text"),
    ('kind = ["analytics"]', "`kind` must be a text"),
])
def test_values_of_the_wrong_shape_are_faults_never_tracebacks(tmp_path, line, message):
    required = [row for row in (USER / "_services" / "stripe.toml").read_text().splitlines()
                if row and not row.startswith(("#", "facts", line.split(" =")[0]))]
    (tmp_path / "_services").mkdir()
    (tmp_path / "_services" / "stripe.toml").write_text("\n".join([*required, line]) + "\n")
    loaded = load_library([bundled_dir("snippets"), tmp_path])
    assert any(message in fault.message for fault in loaded.faults), [str(f) for f in loaded.faults]
    assert loaded.services["stripe"].path.parent.parent != tmp_path  # the bundled entry stays


def test_a_fault_names_the_line_it_is_on(bad_library):
    def line_of(stem: str) -> int:
        return next(f.line for f in bad_library.faults if f.path.stem == stem)

    def line_holding(stem: str, text: str) -> int:
        lines = (BAD / "_services" / f"{stem}.toml").read_text().splitlines()
        return next(number for number, line in enumerate(lines, start=1) if text in line)

    assert line_of("bad_country") == line_holding("bad_country", "country =")
    assert line_of("bad_fact") == line_holding("bad_fact", "ip_adress")
    assert line_of("cookie_category") == line_holding("cookie_category", "[[cookies]]")


def test_the_bundled_entries_stay_when_another_folder_has_faults(bad_library, bundled_library):
    assert list(bad_library.services) == list(bundled_library.services)


def test_a_user_folder_adds_entries_and_replaces_one_by_its_id():
    loaded = load_library([bundled_dir("snippets"), USER])
    assert loaded.faults == []
    assert loaded.services["acme_cloud"].kind == "hosting"
    assert loaded.services["stripe"].name == "Stripe (our firm's note)"
    assert loaded.services["stripe"].path.parent.parent == USER
    assert "google_analytics" in loaded.services


def test_entries_checked_more_than_a_year_ago_are_stale(bundled_library):
    checked = bundled_library.services["stripe"].checked_on
    assert stale_services(bundled_library.services, checked + datetime.timedelta(days=365)) == []
    stale = stale_services(bundled_library.services, checked + datetime.timedelta(days=366))
    assert "stripe" in [entry.id for entry in stale]


def test_services_command_lists_the_catalogue(capsys):
    assert main(["services", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    stripe = next(row for row in rows if row["id"] == "stripe")
    assert stripe == {"id": "stripe", "name": "Stripe", "kind": "payments", "provider": "Stripe, Inc.",
                      "checked_on": "2026-12-07", "privacy_policy": "https://stripe.com/privacy"}
    assert main(["services"]) == 0
    groups = {}
    for line in capsys.readouterr().out.splitlines():
        if line and not line.startswith(" "):
            heading = groups.setdefault(line, [])
        elif line:
            heading.append(line.split()[0])
    assert list(groups)[0] == "payments"
    assert "youtube" in groups["embeds"] and "stripe" in groups["payments"]


def _today_is(monkeypatch, day: datetime.date) -> None:
    class Day(datetime.date):
        @classmethod
        def today(cls):
            return day

    monkeypatch.setattr(cli_library, "date", Day)


def test_check_library_warns_about_entries_checked_over_a_year_ago(capsys, monkeypatch):
    _today_is(monkeypatch, datetime.date(2027, 6, 1))
    assert main(["check-library", str(bundled_dir("snippets")), str(USER)]) == 0  # a warning is not a fault
    warnings = [line for line in capsys.readouterr().out.splitlines() if ": warning: " in line]
    assert warnings == [f"{USER / '_services' / 'stripe.toml'}:1: warning: checked on 2024-01-15, more than a year ago: "
                        "check it against the provider's current terms and update `checked_on`"]
    _today_is(monkeypatch, datetime.date(2028, 1, 1))
    assert main(["check-library", str(bundled_dir("snippets"))]) == 0
    assert "youtube.toml:1: warning: checked on 2026-12-07, more than a year ago" in capsys.readouterr().out
