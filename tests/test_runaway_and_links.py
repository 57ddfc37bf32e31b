"""Wording that would grow without end, links that are not web addresses, and characters no
format can hold: each is reported where the user can fix it, and every export still works."""

import io
import json
import time
import zipfile

import docx
import html5lib
import pytest
from conftest import make_profile
from exports import pdf_strings
from lxml import etree
from markdown_it import MarkdownIt

from desktop.engine.language.markup import parse_inline, refused_links
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import Document, Paragraph, Run, Section, clean_text, safe_href
from desktop.engine.policy.option_guard import MAX_OPTION_TEXT
from desktop.engine.policy.place import practice_place
from desktop.engine.profile.profile import profile_from_dict, profile_to_dict
from desktop.engine.review.checks import check
from desktop.usecases import FORMATS, render_policy


def runaway(problems):
    return [p for p in problems if p.code == "runaway-option"]


def test_an_option_that_uses_itself_repeatedly_is_one_problem_in_that_option(bundled_library):
    profile = make_profile(contact__details={"contact_page": " ".join(["{{opt.contact_page}}"] * 40)})
    started = time.process_time()
    document = assemble(profile, bundled_library)
    problems = check(profile, bundled_library, document)
    assert time.process_time() - started < 20  # exponential growth would not end in a lifetime
    found = runaway(problems)
    assert [p.place for p in found] == [practice_place("contact.details", "contact_page")]
    assert "uses itself" in found[0].message
    assert len(document.plain_text()) < 100_000


def test_options_that_use_each_other_are_caught_too(bundled_library):
    practice = {"provider": "{{opt.provider_contact}} " * 30, "provider_contact": "{{opt.provider}} " * 30}
    profile = make_profile(contact__details={}, contact__escalation=practice)
    found = runaway(check(profile, bundled_library))
    assert {p.place for p in found} <= {practice_place("contact.escalation", "provider"),
                                        practice_place("contact.escalation", "provider_contact")}
    assert found


def test_a_long_chain_of_distinct_options_is_bounded_by_size(bundled_library):
    long_text = "word " * (MAX_OPTION_TEXT // 5 - 100)  # fine alone, too long three times over
    profile = make_profile(contact__details={}, contact__escalation={"provider": "{{opt.provider_contact}} " * 3,
                                                                      "provider_contact": long_text})
    found = runaway(check(profile, bundled_library))
    assert [p.place for p in found] == [practice_place("contact.escalation", "provider")]


def test_an_option_using_another_once_is_fine(bundled_library):
    profile = make_profile(contact__details={}, contact__escalation={"provider": "Resolve Ltd ({{opt.provider_contact}})",
                                                                      "provider_contact": "help@resolve.example"})
    document = assemble(profile, bundled_library)
    assert not runaway(check(profile, bundled_library, document))
    assert "Resolve Ltd (help@resolve.example)" in document.plain_text()


@pytest.mark.parametrize("text", ["[click](javascript:alert(1))", "[x](file:///etc/passwd)", "[x](data:text/html,hi)",
                                  "[x](https://)", "[x](www.example.com)"])
def test_a_link_that_is_not_a_web_address_stays_text_as_written(text):
    spans = parse_inline(f"Please {text} now.")
    assert "".join(s.text for s in spans) == f"Please {text} now."
    assert all(s.href is None for s in spans)
    assert refused_links(text) == [text]


def test_a_web_link_with_parentheses_keeps_them():
    spans = parse_inline("See [the article](https://en.example/wiki/Foo_(bar)) today.")
    assert [(s.text, s.href) for s in spans] == [("See ", None), ("the article", "https://en.example/wiki/Foo_(bar)"),
                                                 (" today.", None)]


def test_check_warns_about_a_refused_link_in_the_clause(bundled_library):
    profile = make_profile(contact__details={})
    profile.overrides["contact.details"] = "Write to us, or [click](javascript:alert(1)) here."
    document = assemble(profile, bundled_library)
    assert "[click](javascript:alert(1))" in document.plain_text()
    warnings = [p for p in check(profile, bundled_library, document) if p.code == "unsafe-link"]
    assert len(warnings) == 1 and warnings[0].where == "clause:contact.details"
    assert "[click](javascript:alert(1))" in warnings[0].message


def test_clean_text_and_safe_href_are_what_every_writer_gets():
    assert clean_text("a\ufffeb\uffffc\x01d\ud800") == "abcd"
    assert safe_href(Run("x", href="https://a.example/\x07p a\ufffeth/é?q=<1>")) == "https://a.example/p%20ath/%C3%A9?q=%3C1%3E"
    assert safe_href(Run("x", href="javascript:alert(1)")) is None
    assert safe_href(Run("x", href="HTTPS://A.example")) == "HTTPS://A.example"


HOSTILE = "A\ufffe\uffff\x00\x07\x1f\x7f\ud800 \u2028\u0085 <b>&amp; {{ }} ]]> \u202e"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_writes_hostile_text_and_link_targets(fmt, qapp):  # qapp: PDF is drawn by Qt
    runs = [Run(HOSTILE), Run("link", href="https://a.example/\x01\ufffe\n\t x"), Run("mail", href="mailto:a\x00@b.example")]
    document = Document(HOSTILE, HOSTILE, HOSTILE, "en", "a4", [Section("s", 1, HOSTILE, [Paragraph(runs, None)])])
    for text in read_back(fmt, render_policy(document, fmt)):
        assert not set(text) & set("\ufffe\uffff\x00\x07\x01\x1f\x7f\ud800")


def read_back(fmt: str, data: bytes) -> list[str]:
    """The file's text as real readers see it; each reader raises on a file it cannot read."""
    if fmt == "docx":
        docx.Document(io.BytesIO(data))
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = [package.read(n) for n in package.namelist() if n.endswith((".xml", ".rels"))]
        return [etree.tostring(etree.fromstring(part), encoding="unicode") for part in parts]
    if fmt == "pdf":
        return pdf_strings(data)
    text = data.decode("utf-8")
    if fmt == "html":
        html5lib.HTMLParser(strict=True).parse(text)
    elif fmt == "html-snippet":
        html5lib.HTMLParser(strict=True).parseFragment(text)
    else:
        MarkdownIt("commonmark").parse(text)
    return [text]


def test_a_profile_with_hostile_text_everywhere_exports(bundled_library, tmp_path, qapp):
    profile = make_profile(contact__details={"contact_page": "https://a.example/\x07\ufffe"}, intro__about={})
    profile.company.legal_name = HOSTILE
    profile.overrides["intro.about"] = f"{HOSTILE} [go](https://x.example/\x01y\uffff) [no](javascript:x(1))"
    profile = profile_from_dict(json.loads(json.dumps(profile_to_dict(profile))))
    document = assemble(profile, bundled_library)
    for fmt in FORMATS:
        assert read_back(fmt, render_policy(document, fmt))
