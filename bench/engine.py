"""Engine benchmark: each step's time as a ratio to a baseline measured in the same run.

The baseline is python-docx writing a one-paragraph document: the least any .docx export costs.
Run: python bench/engine.py [--repeat N]
"""

import argparse
import io
import statistics
import time

import docx

from desktop.engine.assemble import assemble
from desktop.engine.checks import check
from desktop.engine.example import all_practices, example_profile
from desktop.engine.export import export_bytes
from desktop.engine.loader import library_folders, load_library
from desktop.engine.regimes import regime_ids


def best_of(repeat: int, step) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline() -> None:
    document = docx.Document()
    document.add_paragraph("Privacy policy")
    document.save(io.BytesIO())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat
    library = load_library(library_folders())
    profile = example_profile(library)
    profile.practices = all_practices(library)
    profile.regimes = list(regime_ids())
    document = assemble(profile, library)
    steps = {
        "load library": lambda: load_library(library_folders()),
        "assemble (all practices)": lambda: assemble(profile, library),
        "check (incl. linter)": lambda: check(profile, library, document),
        "export md": lambda: export_bytes(document, "md"),
        "export html": lambda: export_bytes(document, "html"),
        "export docx": lambda: export_bytes(document, "docx"),
        "preview refresh (assemble + check)": lambda: check(profile, library, assemble(profile, library)),
    }
    base = best_of(repeat, baseline)
    print(f"baseline: python-docx one-paragraph document = 1.00 ({base * 1000:.1f} ms here; {len(library.practices)} practices, "
          f"{len(document.plain_text().split())} words in the all-practices policy)")
    for name, step in steps.items():
        print(f"{name:<36} {best_of(repeat, step) / base:6.2f} x baseline")
    ratios = [best_of(repeat, steps["preview refresh (assemble + check)"]) / base for _ in range(3)]
    print(f"preview refresh spread over 3 rounds: {min(ratios):.2f}–{max(ratios):.2f} (median {statistics.median(ratios):.2f})")


if __name__ == "__main__":
    main()
