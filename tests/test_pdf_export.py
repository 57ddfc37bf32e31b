"""The PDF export read back with poppler (pdftotext, pdffonts, pdfinfo) and pypdf (outline, links)."""

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import profile_json
from desktop.engine.review.example import example_profile
from desktop.qtexport.pdf_outline import OutlineEntry, PdfStructureError, add_outline
from desktop.usecases import render_policy

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = os.environ.get("POLICYWRIGHT_REQUIRE_READERS") == "1"


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        message = f"{tool} is not installed: apt-get install poppler-utils"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def policy(all_practices_policy):
    return all_practices_policy


@pytest.fixture(scope="module")
def pdf_path(policy, tmp_path_factory, qapp):  # the window's QApplication, as in the app
    path = tmp_path_factory.mktemp("pdf") / "policy.pdf"
    path.write_bytes(render_policy(policy, "pdf"))
    return path


def test_the_text_copies_out_word_for_word_in_reading_order(policy, pdf_path):
    pages = int(next(line for line in poppler("pdfinfo", str(pdf_path)).splitlines() if line.startswith("Pages:")).split()[1])
    assert pages > 3
    words = []
    for page in range(1, pages + 1):
        lines = [line for line in poppler("pdftotext", "-f", str(page), "-l", str(page), str(pdf_path), "-").splitlines() if line.strip()]
        # The running header and footer, as on every page of the Word export.
        assert lines[0] == policy.company_name
        assert lines[-1] == f"{policy.effective_line} \u00b7 Page {page} of {pages}"
        words += " ".join(lines[1:-1]).split()
    assert words == " ".join(text for _, text in policy.text_blocks()).split()


def test_every_font_is_embedded(pdf_path):
    rows = poppler("pdffonts", str(pdf_path)).splitlines()[2:]
    assert rows
    for row in rows:
        emb = row.split()[-5]  # name type encoding emb sub uni object ID: read from the right
        assert emb == "yes", row


def page_text(path, index: int) -> str:
    """One page's text as pdftotext reads it, whitespace made single spaces (`index` from 0, as pypdf counts)."""
    return " ".join(poppler("pdftotext", "-f", str(index + 1), "-l", str(index + 1), str(path), "-").split())


def _page_size(data: bytes, tmp_path) -> tuple[int, int]:
    path = tmp_path / "size.pdf"
    path.write_bytes(data)
    line = next(line for line in poppler("pdfinfo", str(path)).splitlines() if line.startswith("Page size:"))
    width, _, height = line.split()[2:5]
    return round(float(width)), round(float(height))


def test_letter_in_the_united_states_a4_elsewhere(bundled_library, tmp_path, qapp):
    profile = example_profile(bundled_library)
    assert _page_size(render_policy(assemble(profile, bundled_library), "pdf"), tmp_path) == (612, 792)
    profile.company.country = "France"
    assert _page_size(render_policy(assemble(profile, bundled_library), "pdf"), tmp_path) == (595, 842)


def test_the_outline_is_the_heading_tree_and_each_bookmark_lands_on_its_heading(policy, pdf_path):
    reader = pypdf.PdfReader(pdf_path, strict=True)
    outline = reader.outline
    sections = [item for item in outline if not isinstance(item, list)]
    assert [item.title for item in sections] == [section.heading_text for section in policy.sections]
    clause_headings = [[block for block in section.blocks if type(block).__name__ == "Heading"] for section in policy.sections]
    nested = iter(item for item in outline if isinstance(item, list))
    for section, headings in zip(policy.sections, clause_headings, strict=True):
        children = next(nested) if headings else []
        assert [child.title for child in children] == ["".join(r.text for r in h.runs) for h in headings], section.id
    for item in sections:
        assert item.title in page_text(pdf_path, reader.get_destination_page_number(item))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-US" and root["/PageMode"] == "/UseOutlines"
    assert reader.metadata.title == policy.title


def test_links_are_live(policy, pdf_path):
    reader = pypdf.PdfReader(pdf_path)
    targets = {annotation.get_object()["/A"]["/URI"] for page in reader.pages for annotation in page.get("/Annots", [])
               if "/A" in annotation.get_object()}
    assert "mailto:privacy@acme-audio.example" in targets
    assert any(target.startswith("https://") for target in targets)


def test_section_references_jump_to_their_section(policy, pdf_path):
    reader = pypdf.PdfReader(pdf_path, strict=True)
    named = reader.named_destinations
    jumps = {annotation.get_object()["/Dest"] for page in reader.pages for annotation in page.get("/Annots", [])
             if "/Dest" in annotation.get_object()}
    sections = {f"section-{section.id}": section for section in policy.sections}
    assert jumps and jumps <= set(named) <= set(sections)
    for name in jumps:
        assert sections[name].heading_text in page_text(pdf_path, reader.get_destination_page_number(named[name]))


def test_the_command_line_writes_a_pdf_without_a_screen(bundled_library, tmp_path):
    profile_path = tmp_path / "acme.json"
    profile_path.write_text(profile_json(example_profile(bundled_library)), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "policy.pdf"
    result = subprocess.run([sys.executable, "-m", "desktop", "export", str(profile_path), "--format", "pdf", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and pypdf.PdfReader(out).outline


def test_an_outline_is_refused_for_a_pdf_not_laid_out_as_qt_writes_it():
    with pytest.raises(PdfStructureError, match="trailer"):
        add_outline(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", [OutlineEntry(1, "A", 0, 10)], 792, "en")


def test_titles_with_any_character_survive_in_the_outline(qapp):
    from desktop.engine.policy.document import Document, Paragraph, Run, Section

    title = "Cookies & “tracking” – ünïcode 😀 (x)\\"
    document = Document("T", "E", "C", "en", "a4", [Section("s", 1, title, [Paragraph([Run("text")])])])
    reader = pypdf.PdfReader(io.BytesIO(render_policy(document, "pdf")), strict=True)
    assert [item.title for item in reader.outline] == [f"1. {title}"]


def test_without_qt_the_command_line_says_pdf_cannot_be_made_here(bundled_library, tmp_path):
    profile_path = tmp_path / "acme.json"
    profile_path.write_text(profile_json(example_profile(bundled_library)), encoding="utf-8")
    out = tmp_path / "policy.pdf"
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "from desktop.cli import main\n"
            f"sys.exit(main(['export', {str(profile_path)!r}, '--format', 'pdf', '--out', {str(out)!r}]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2 and not out.exists()
    assert re.fullmatch(rf"policywright: {re.escape(str(out))} not written: PDF export needs PySide6[.\w]*, "
                        r"which cannot be loaded here; choose another format\n", result.stderr), result.stderr


def test_a_word_longer_than_a_line_gets_break_opportunities_and_other_text_is_left_alone():
    from desktop.qtexport import pdf

    word = "X" + "x" * 10_000
    broken = pdf._breakable(f"the {word} and a link https://example.com/a-rather-long-but-real-path")
    assert broken.replace("\u200b", "") == f"the {word} and a link https://example.com/a-rather-long-but-real-path"
    assert max(len(piece) for piece in broken.replace("\u200b", " ").split()) == pdf.LONG_WORD
    assert pdf._breakable("an ordinary sentence of ordinary words") == "an ordinary sentence of ordinary words"
