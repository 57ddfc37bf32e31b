"""Every text the user can type, filled with random and hostile Unicode, goes through save, load,
check (the command line's printing too) and every export, read back by real readers: zero
exceptions, and the profile reads back as it was saved."""

import io
import zipfile

import docx
import html5lib
import pytest
from exports import pdf_strings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from markdown_it import MarkdownIt

from desktop.cli import main
from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.fields import PROFILE_FIELDS
from desktop.engine.profile.profile import Profile, load_profile, ordered_regimes, save_profile
from desktop.engine.review.checks import check
from desktop.engine.review.example import NAMED_FEATURES, example_profile
from desktop.usecases import FORMATS, render_policy
from tests.laws import regime_ids

# Pieces no sane user types but a paste, a broken tool or an attacker may: surrogates that cannot
# pair up when joined, noncharacters, controls, markup, tokens, links and bidi overrides.
HOSTILE = ["\ud800", "x\udc00", "\ufffe", "\uffff", "\x00", "\x07", "\x1b[31m", "\x85", "\u2028", "\u202e",
           "{{", "}}", "{{opt.", "{{company}}", "{{if company.phone}}", "{{ref:nowhere}}", "{{the service}}",
           "**", "*", "_", "`", "\n", "\n- ", "\n\n", "# ", "[a](javascript:alert(1))", "[b](https://e.example/\x01(x))",
           "https://e.example/a_(b)", "mailto:", "<script>", "&amp;", "]]>", "\\", '"', "'", "\t", " ", "é", "😀", "𝔘"]
TEXT = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE)), max_size=8).map("".join)
OPTION_TEXT = st.lists(st.one_of(st.text(max_size=8), st.sampled_from(HOSTILE + ["{{opt.items}}"])), max_size=5).map("".join)
FIELDS = [f.key for f in PROFILE_FIELDS if f.key != "effective_date"]  # a date is chosen in a calendar


@pytest.fixture(scope="module")
def practices(bundled_library):
    """The example's practices and those that name a feature: every kind of option, at a size
    that keeps forty examples within a minute."""
    return {**example_profile(bundled_library).practices, **NAMED_FEATURES}


def text_options(library, practices):
    return [(practice_id, spec) for practice_id in sorted(practices)
            for spec in library.practices[practice_id].options.values() if spec.type in ("text", "list")]


@st.composite
def hostile_profiles(draw, library, practices):
    profile = Profile(practices={p: dict(o) for p, o in practices.items()}, effective_date="2026-06-30",
                      regimes=ordered_regimes(draw(st.lists(st.sampled_from(regime_ids()), unique=True))))
    for key in draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=8)):
        profile.set_field(key, draw(TEXT))
    options = text_options(library, practices)
    for practice_id, spec in draw(st.lists(st.sampled_from(options), unique_by=lambda o: (o[0], o[1].name), max_size=6)):
        value = draw(st.lists(OPTION_TEXT, max_size=3)) if spec.type == "list" else draw(OPTION_TEXT)
        profile.practices[practice_id][spec.name] = value
    clauses = sorted(c.id for c in library.clauses.values() if c.practice in practices)
    for clause_id in draw(st.lists(st.sampled_from(clauses), unique=True, max_size=4)):
        profile.overrides[clause_id] = draw(TEXT)
    return profile


def read_back(fmt: str, data: bytes) -> None:
    """Each real reader raises on a file it cannot read."""
    if fmt == "docx":
        docx.Document(io.BytesIO(data))
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for name in package.namelist():
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(package.read(name))
    elif fmt == "html":
        html5lib.HTMLParser(strict=True).parse(data.decode("utf-8"))
    elif fmt == "html-snippet":
        html5lib.HTMLParser(strict=True).parseFragment(data.decode("utf-8"))
    elif fmt == "pdf":
        pdf_strings(data)
    else:
        MarkdownIt("commonmark").parse(data.decode("utf-8"))


def test_the_strategy_reaches_every_kind_of_text(bundled_library, practices):
    assert FIELDS and text_options(bundled_library, practices)
    assert {"company.legal_name", "company.website", "service.name", "terms.service"} <= set(FIELDS)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_hostile_text_in_every_field_survives_save_load_check_and_every_export(data, bundled_library, practices,
                                                                                tmp_path, capsys, qapp):  # qapp: PDF is drawn by Qt
    profile = data.draw(hostile_profiles(bundled_library, practices))
    path = tmp_path / "fuzz.json"
    save_profile(profile, path)
    loaded = load_profile(path)
    assert loaded == profile
    document = assemble(loaded, bundled_library)
    check(loaded, bundled_library, document)
    for fmt in FORMATS:
        read_back(fmt, render_policy(document, fmt))
    assert main(["check", str(path)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
