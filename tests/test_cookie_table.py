"""The cookie table of a yoga studio that uses Google Analytics, in every format, and the consent
check that the GDPR's `cookie-consent` rule asks of the services' cookies."""

import io
import shutil
import subprocess

import docx
import pytest
from businesses import STUDIO_WITH_SERVICES
from exports import docx_blocks, html_blocks, markdown_blocks, parse_html

from desktop.engine.export import export_bytes
from desktop.engine.interview.interview import new_profile
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.cookies import cookie_rows
from desktop.engine.policy.document import Table
from desktop.engine.profile.questions import asked, bundled_questions
from desktop.engine.review.checks import ERROR, check
from desktop.engine.review.example import example_profile
from desktop.usecases import render_policy

GA_ROWS = [("_ga", "2 years"), ("_ga_<container-id>", "2 years")]  # snippets/_services/google_analytics.toml
OWN = "pw_session: Keeps you signed in: until you close your browser: necessary"
CHOICES = "the Cookie settings link at the foot of every page"


@pytest.fixture
def studio(bundled_library):
    profile = example_profile(bundled_library)
    profile.company.legal_name, profile.company.short_name = "Lotus Yoga Studio Ltd", "Lotus Yoga"
    profile.services = {"google_analytics": {}}
    profile.practices["cookies.about"] = {"own_cookies": [OWN]}
    return profile


def _table(document) -> Table:
    [table] = [block for section in document.sections for block in section.blocks if isinstance(block, Table)]
    return table


def test_the_cookie_table_lists_the_services_cookies_and_the_studios_own(studio, bundled_library):
    document = assemble(studio, bundled_library)
    table = _table(document)
    assert document.clause_sections()[table.clause_id].id == "cookies"
    rows = {row[0]: row for row in table.row_texts()[1:] for row in [row.split(" | ")]}
    for name, duration in GA_ROWS:
        assert rows[name][1:] != [] and rows[name][1].startswith("Google Analytics (Google LLC)")
        assert rows[name][3] == duration and rows[name][4] == "Analytics"
    assert rows["pw_session"] == ["pw_session", "Lotus Yoga", "Keeps you signed in", "until you close your browser", "Necessary"]


def test_without_cookies_there_is_no_table(studio, bundled_library):
    studio.services, studio.practices["cookies.about"] = {}, {}
    document = assemble(studio, bundled_library)
    assert not [b for s in document.sections for b in s.blocks if isinstance(b, Table)]
    assert "This table lists the cookies" not in document.plain_text()


def test_a_services_settings_decide_which_of_its_cookies_are_set(studio, bundled_library):
    studio.services = {"youtube": {}}
    assert {row.name for row in cookie_rows(studio, bundled_library)} >= {"VISITOR_INFO1_LIVE", "YSC"}
    studio.services = {"youtube": {"privacy_enhanced": True}}
    assert not {row.name for row in cookie_rows(studio, bundled_library)} & {"VISITOR_INFO1_LIVE", "YSC"}


@pytest.mark.parametrize("reader,fmt", [(markdown_blocks, "md"), (docx_blocks, "docx"), (html_blocks, "html")])
def test_the_cookies_and_their_durations_read_back_in_every_format(studio, bundled_library, reader, fmt):
    document = assemble(studio, bundled_library)
    blocks = reader(export_bytes(document, fmt))
    assert blocks == document.text_blocks()
    rows = [text for kind, text in blocks if kind == "row"]
    for name, duration in GA_ROWS:
        assert f"{name} | Google Analytics (Google LLC) | " in "\n".join(rows)
        assert any(row.startswith(f"{name} | ") and f" | {duration} | Analytics" in row for row in rows)


def test_the_word_cookie_table_links_each_service_to_its_privacy_policy(studio, bundled_library):
    word = docx.Document(io.BytesIO(export_bytes(assemble(studio, bundled_library), "docx")))
    [table] = word.tables
    assert table.style.name == "Light Grid Accent 1"
    ga = next(row for row in table.rows if row.cells[0].text == "_ga")
    link = ga.cells[1].paragraphs[0].hyperlinks[0]
    assert (link.text, link.address) == ("Google Analytics", "https://policies.google.com/privacy")


def test_the_html_cookie_table_has_column_headers(studio, bundled_library):
    page = parse_html(export_bytes(assemble(studio, bundled_library), "html"))
    [table] = page.findall(".//table")
    assert [th.text for th in table.findall("thead/tr/th")] == ["Cookie", "Set by", "What it is for", "How long it lasts", "Kind"]
    assert {th.get("scope") for th in table.findall("thead/tr/th")} == {"col"}


def test_the_pdf_cookie_table_has_the_cookies_and_durations(studio, bundled_library, tmp_path, qapp):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    path = tmp_path / "policy.pdf"
    path.write_bytes(render_policy(assemble(studio, bundled_library), "pdf"))
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())
    start = text.index("This table lists the cookies")
    for name, duration in GA_ROWS:
        assert name in text[start:] and duration in text[start:]
    assert "until you close your browser" in text[start:]


def _consent_errors(profile, library):
    return [p for p in check(profile, library) if p.code == "cookie-consent" and p.severity == ERROR]


def test_under_the_gdpr_a_services_analytics_cookie_needs_a_way_to_consent(studio, bundled_library):
    studio.regimes = ["gdpr"]
    [error] = _consent_errors(studio, bundled_library)
    assert "Google Analytics" in error.message and "_ga" in error.message and "the GDPR" in error.message
    assert "Cookie settings link" in error.message  # the fix
    assert str(error.place) == "practice:cookies.about.settings_tool"
    studio.practices["cookies.about"]["settings_tool"] = CHOICES
    assert _consent_errors(studio, bundled_library) == []


def test_consent_is_asked_only_where_a_chosen_law_has_the_rule(studio, bundled_library):
    studio.regimes = [r for r, law in bundled_library.regimes.items() if "cookie-consent" not in law.rules]
    assert _consent_errors(studio, bundled_library) == []


def test_necessary_cookies_need_no_consent(studio, bundled_library):
    studio.regimes, studio.services = ["gdpr"], {"youtube": {}, "cloudflare": {"bot_protection": True}}
    [error] = _consent_errors(studio, bundled_library)
    assert "VISITOR_INFO1_LIVE" in error.message and "YSC" in error.message  # an embed's cookies are not necessary
    assert "__cf_bm" not in error.message and "Cloudflare" not in error.message


def test_an_unreadable_cookie_line_is_an_error_naming_it(studio, bundled_library):
    studio.practices["cookies.about"]["own_cookies"] = [OWN, "just a name"]
    [error] = [p for p in check(studio, bundled_library) if p.code == "unreadable-cookie"]
    assert error.message.startswith("“just a name” in “Cookies you set yourself") and "write it as “session_id: " in error.message
    assert str(error.place) == "practice:cookies.about.own_cookies"
    assert [row.name for row in cookie_rows(studio, bundled_library) if not row.service_id] == ["pw_session"]


def test_check_library_names_a_table_inside_a_sentence_and_an_unknown_table(tmp_path):
    folder = tmp_path / "40-cookies"
    folder.mkdir()
    (folder / "_section.toml").write_text('id = "cookies"\ntitle = "Cookies"\norder = 40\n')
    (folder / "cookies.bad.md").write_text(
        '+++\nid = "cookies.bad"\npractice = "cookies.bad"\nsection = "cookies"\ntitle = "Bad"\nsummary = "A bad table."\n'
        'sources = ["new"]\nregimes = []\nwhen = "tables.biscuits"\n+++\nHere is {{table:cookies}} in a sentence.\n\n{{table:biscuits}}\n')
    faults = [f"{fault.line}: {fault.message}" for fault in load_library([tmp_path]).faults]
    assert "11: {{table:cookies}} must be a paragraph of its own, not in “Here is {{table:cookies}} in a sentence.”" in faults
    assert "13: {{table:biscuits}} names no table; use one of cookies" in faults
    assert any("unknown table 'tables.biscuits'" in fault for fault in faults)


def test_the_interview_asks_for_the_site_s_own_cookies_and_puts_them_in_the_table(bundled_library):
    """A new user's bakery said it has sign-in cookies, and its table listed only Google's and YouTube's."""
    answers = {**STUDIO_WITH_SERVICES, "own_cookies": [OWN]}
    assert "own_cookies" in [q.id for q in interview_questions(answers)]
    profile = new_profile(answers, bundled_library)
    rows = _table(assemble(profile, bundled_library)).row_texts()[1:]
    assert rows[0].startswith("pw_session | ") and rows[0].endswith(" | Keeps you signed in | until you close your browser | Necessary")
    assert any(row.startswith("_ga | Google Analytics") for row in rows)
    no_site = {key: value for key, value in answers.items() if key != "website"}
    assert "own_cookies" not in [q.id for q in interview_questions(no_site)]


def interview_questions(answers):
    return asked(bundled_questions(), answers)


def test_a_consent_promise_holds_back_the_embeds_cookies_and_reminds_the_owner_to_set_it_up(bundled_library):
    """A lawyer's read of a bakery: "We ask your consent before we set cookies that are not needed" stood beside
    "YouTube … sets its own cookies, even if you do not click on it"."""
    answers = {**STUDIO_WITH_SERVICES, "embeds": True, "cookie_settings": CHOICES}
    profile = new_profile(answers, bundled_library)
    text = assemble(profile, bundled_library).plain_text()
    assert "sets them only once you have agreed to them" in text and "set its own cookies, even if you do not click" not in text
    [reminder] = [p for p in check(profile, bundled_library) if p.code == "cookie-consent-reminder"]
    assert "YouTube (VISITOR_INFO1_LIVE, YSC)" in reminder.message and "Google Analytics (_ga" in reminder.message
    profile.services["youtube"] = {"privacy_enhanced": True}
    [reminder] = [p for p in check(profile, bundled_library) if p.code == "cookie-consent-reminder"]
    assert "YouTube" not in reminder.message
    without = new_profile({key: value for key, value in answers.items() if key != "cookie_settings"}, bundled_library)
    assert "set its own cookies, even if you do not click on it" in assemble(without, bundled_library).plain_text()
