"""Exporters load on first use: importing the export package (or the CLI) imports no exporter, and the
Word exporter writes its XML itself, so neither python-docx nor lxml is ever imported (only
python-docx's template file is read)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_word_exporter_loads_on_first_use_and_needs_neither_python_docx_nor_lxml():
    code = (
        "import sys\n"
        "import desktop.cli, desktop.engine.export as export\n"
        "from desktop.engine.policy.assemble import assemble\n"
        "from desktop.engine.review.example import example_profile\n"
        "from desktop.engine.library.loader import library_folders, load_library\n"
        "word = 'desktop.engine.export.docx'\n"
        "print(word in sys.modules)\n"
        "library = load_library(library_folders())\n"
        "document = assemble(example_profile(library), library)\n"
        "export.export_bytes(document, 'md')\n"
        "print(word in sys.modules)\n"
        "print(export.export_bytes(document, 'docx')[:2] == b'PK', word in sys.modules)\n"
        "print('docx' in sys.modules, 'lxml' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.split() == ["False", "False", "True", "True", "False", "False"], result.stderr
