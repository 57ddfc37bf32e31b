"""The Word redline: real tracked changes whose accepted text is the newer policy, read by
python-docx and by LibreOffice (which must keep them as tracked changes when it saves)."""

import copy
import datetime as dt
import io
import os
import re
import shutil
import subprocess

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.engine.export import redline
from desktop.engine.history.comparison import compare_sides, draft_side
from desktop.engine.policy.diff import compare
from desktop.engine.review.example import example_profile
from tests.redline_reader import paragraphs, tracked

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("POLICYWRIGHT_REQUIRE_READERS") == "1"


@pytest.fixture(scope="module")
def comparison(bundled_library):
    old = example_profile(bundled_library)
    old.practices["security.breach_notice"] = {"days": 10}
    new = copy.deepcopy(old)
    new.practices["security.breach_notice"] = {"days": 3}
    new.practices["transfers.international"] = {}
    new.practices.pop("use.personalise")
    new.company.contact_email = "legal@acme-audio.example"
    return compare_sides(draft_side(old, bundled_library), draft_side(new, bundled_library), bundled_library)


def texts(side) -> list[str]:
    return [text for _, text in side.policy.blocks]


def test_accepting_every_change_gives_the_new_policy_and_rejecting_the_old(comparison):
    data = comparison.docx()
    assert paragraphs(data, accept=True) == texts(comparison.new)
    assert paragraphs(data, accept=False) == texts(comparison.old)


def test_changes_are_tracked_with_author_and_date(comparison):
    data = comparison.docx()
    insertions, deletions = tracked(data)
    assert insertions >= 5 and deletions >= 3
    xml = __import__("tests.redline_reader", fromlist=["document_xml"]).document_xml(data)
    stamp = comparison.new.when.strftime("%Y-%m-%dT%H:%M:%SZ")
    marks = re.findall(r'<w:(?:ins|del) w:id="(\d+)" w:author="([^"]+)" w:date="([^"]+)"', xml)
    assert marks and {(author, date) for _, author, date in marks} == {("Policywright", stamp)}
    assert len({number for number, _, _ in marks}) == len(marks)  # every revision has its own id
    assert "<w:delText>10</w:delText>" in xml and "<w:t>3</w:t>" in xml


def test_python_docx_opens_it_in_the_export_styles(comparison):
    document = docx.Document(io.BytesIO(comparison.docx()))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "Normal"} <= styles
    assert document.core_properties.title == "Changes to Acme Privacy Policy"


def test_every_page_says_which_versions_are_compared(comparison):
    """Printed or forwarded, a redline must say what it compares; the body keeps only the policy."""
    document = docx.Document(io.BytesIO(comparison.docx()))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert comparison.compared in header
    assert "Page" in " ".join(p.text for p in document.sections[0].footer.paragraphs)


@pytest.mark.parametrize("old, new", [
    ([("title", "T"), ("paragraph", "Kept."), ("paragraph", "Dropped at the end."), ("item", "And this.")],
     [("title", "T"), ("paragraph", "Kept.")]),
    ([("title", "T"), ("paragraph", "A.")], [("title", "T"), ("heading1", "1. New"), ("paragraph", "A."), ("item", "New end.")]),
    ([("title", "T"), ("paragraph", "Gone first."), ("paragraph", "B.")], [("title", "T"), ("paragraph", "B.")]),
])
def test_deletions_and_insertions_at_the_edges_accept_and_reject_cleanly(old, new):
    data = redline.render(compare(old, new), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    assert paragraphs(data, accept=True) == [t for _, t in new]
    assert paragraphs(data, accept=False) == [t for _, t in old]


def _soffice(tmp_path, source, target_format):
    if SOFFICE is None:
        message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path / target_format.split(":")[0]
    out.mkdir(exist_ok=True)
    result = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                             "--convert-to", target_format, "--outdir", str(out), str(source)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    return out / source.with_suffix("." + target_format.split(":")[0]).name


def test_libreoffice_keeps_the_tracked_changes_and_their_accepted_text(tmp_path, comparison):
    source = tmp_path / "redline.docx"
    source.write_bytes(comparison.docx())
    pdf = _soffice(tmp_path, source, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    resaved = _soffice(tmp_path, source, "docx:MS Word 2007 XML").read_bytes()
    insertions, deletions = tracked(resaved)
    assert insertions >= 5 and deletions >= 3  # LibreOffice read them as changes, not as plain text
    assert [p for p in paragraphs(resaved, accept=True) if p] == [t for t in texts(comparison.new) if t]
    assert [p for p in paragraphs(resaved, accept=False) if p] == [t for t in texts(comparison.old) if t]


def test_the_redline_is_set_in_the_word_exports_font_without_numbering_headings_twice(tmp_path, comparison):
    """Beside the Word export it compares, the redline must look the same: Arial (Liberation Sans
    in LibreOffice), not the template's theme fonts, and its headings' typed numbers only."""
    source = tmp_path / "redline.docx"
    source.write_bytes(comparison.docx())
    pdf = _soffice(tmp_path, source, "pdf")
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler's pdffonts is not installed: apt-get install poppler-utils")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts}
    assert families <= {"LiberationSans", "OpenSymbol"}, families
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "1. About this policy" in text and "1. 1. About" not in text and "1.\t1. About" not in text


_blocks = st.lists(st.tuples(st.sampled_from(["title", "heading1", "paragraph", "item"]),
                             st.text(alphabet=st.sampled_from("ab c.1é&<"), min_size=1, max_size=20)), max_size=7)


@settings(max_examples=150, deadline=None)
@given(_blocks, _blocks)
def test_any_change_accepts_to_the_new_text_and_rejects_to_the_old(old, new):
    data = redline.render(compare(old, new), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    assert paragraphs(data, accept=True) == ([t for _, t in new] or [""] * (not old))
    assert paragraphs(data, accept=False) == ([t for _, t in old] or [""] * (not new))
