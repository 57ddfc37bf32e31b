"""Open exported Word files in a real second reader: LibreOffice converts them to PDF."""

import os
import shutil
import subprocess

import pytest

from desktop.engine.export import export_bytes
from desktop.engine.policy.assemble import assemble
from desktop.engine.review.example import example_profile

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
# .ci/run sets this where it can install LibreOffice, so a missing reader fails there instead of skipping.
REQUIRED = os.environ.get("POLICYWRIGHT_REQUIRE_READERS") == "1"


def _need(tool: str | None, message: str) -> None:
    if tool is None:
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)


def _convert(tmp_path, source, to: str):
    result = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         "--convert-to", to, "--outdir", str(tmp_path / to), str(source)],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / to / source.with_suffix(f".{to}").name


def test_libreoffice_converts_the_docx_to_pdf_with_every_heading_numbered(tmp_path, bundled_library):
    _need(SOFFICE, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    _need(PDFTOTEXT, "pdftotext is not installed: apt-get install poppler-utils")
    profile = example_profile(bundled_library)
    profile.practices = {p: {} for p in bundled_library.practices}
    document = assemble(profile, bundled_library)
    source = tmp_path / "policy.docx"
    source.write_bytes(export_bytes(document, "docx"))
    pdf = _convert(tmp_path, source, "pdf")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    # Word's numbering (the styles' list) puts the numbers there: the headings' text has none.
    for kind, heading in document.text_blocks():
        if kind.startswith("heading"):
            assert " ".join(heading.split()) in text, heading
    contact = next(s for s in document.sections if s.id == "contact")
    assert f"section {contact.number} ({contact.title})" in text  # the cross-reference fields' text


def test_libreoffice_opens_the_docx_and_saves_it_as_odt_and_docx(tmp_path, bundled_library):
    _need(SOFFICE, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    source = tmp_path / "policy.docx"
    source.write_bytes(export_bytes(assemble(example_profile(bundled_library), bundled_library), "docx"))
    for to in ("odt", "docx"):
        converted = _convert(tmp_path, source, to)
        assert converted.is_file() and converted.read_bytes().startswith(b"PK")
