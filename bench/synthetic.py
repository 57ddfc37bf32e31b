"""A synthetic clause folder: N clauses, each the primary clause of its own practice, in one section."""

from pathlib import Path

SECTION = 'id = "synthetic"\ntitle = "Synthetic practices"\norder = 990\n'
CLAUSE = """+++
id = "synthetic.p{n:05d}"
practice = "synthetic.p{n:05d}"
section = "synthetic"
title = "Synthetic practice {n}"
summary = "A synthetic practice, number {n}, for measuring how the library loads."
sources = ["synthetic"]
order = {n}
[options.days]
type = "int"
title = "Days"
default = 30
+++
{{{{company}}}} keeps this record for {{{{opt.days}}}} days. We use {{{{personal information}}}} of this kind only to run {{{{the service}}}}.

- one item of practice {n}
- another item, **in bold**
"""


def write_library(folder: Path, clauses: int) -> Path:
    """Write the folder (once: an existing one with the same count is reused) and return it."""
    section = folder / "synthetic"
    marker = folder / f".{clauses}-clauses"
    if marker.is_file():
        return folder
    section.mkdir(parents=True, exist_ok=True)
    (section / "_section.toml").write_text(SECTION, encoding="utf-8")
    for n in range(clauses):
        (section / f"synthetic.p{n:05d}.md").write_text(CLAUSE.format(n=n), encoding="utf-8")
    marker.write_text("", encoding="utf-8")
    return folder
