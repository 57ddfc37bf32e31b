"""The floor of a python-docx exporter: the same paragraphs, each style set by its id, nothing else.

    python bench/baseline_docx.py PARAGRAPHS.json OUT.docx

PARAGRAPHS.json is a list of [style id or null, text] (written by bench/run.py from the
all-practices policy).
"""

import json
import sys
from pathlib import Path

import docx

paragraphs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
document = docx.Document()
for style, text in paragraphs:
    paragraph = document.add_paragraph(text)
    if style:
        paragraph._p.style = style  # pStyle directly: no search of the styles by name
document.save(sys.argv[2])
