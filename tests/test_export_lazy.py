"""Exporters load on first use: importing the export package (or the CLI) does not import python-docx."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_python_docx_is_imported_only_when_exporting_to_word():
    code = (
        "import sys\n"
        "import desktop.cli, desktop.engine.export as export\n"
        "from desktop.engine.assemble import assemble\n"
        "from desktop.engine.example import example_profile\n"
        "from desktop.engine.loader import library_folders, load_library\n"
        "print('docx' in sys.modules)\n"
        "library = load_library(library_folders())\n"
        "document = assemble(example_profile(library), library)\n"
        "export.export_bytes(document, 'md')\n"
        "print('docx' in sys.modules)\n"
        "print(export.export_bytes(document, 'docx')[:2] == b'PK', 'docx' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.split() == ["False", "False", "True", "True"], result.stderr
