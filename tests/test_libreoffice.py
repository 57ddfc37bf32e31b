"""Open exported Word files in a real second reader: LibreOffice converts them to PDF."""

import os
import shutil
import subprocess

import pytest

from desktop.engine.assemble import assemble
from desktop.engine.example import example_profile
from desktop.engine.export import export_bytes

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# .ci/run sets this where it can install LibreOffice, so a missing reader fails there instead of skipping.
REQUIRED = os.environ.get("POLICYWRIGHT_REQUIRE_READERS") == "1"


def test_libreoffice_converts_the_docx_to_pdf(tmp_path, bundled_library):
    if SOFFICE is None:
        message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    profile = example_profile(bundled_library)
    profile.practices = {p: {} for p in bundled_library.practices}
    source = tmp_path / "policy.docx"
    source.write_bytes(export_bytes(assemble(profile, bundled_library), "docx"))
    result = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=240,
    )
    pdf = tmp_path / "policy.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 5000
