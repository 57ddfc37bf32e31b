"""The benchmark still runs on today's engine and window: it broke silently twice (a table row kind its
Word floor script did not know, an interview question it changed that had been renamed). One round of
its in-process figures, checked for shape only: speed itself is measured by bench/run.py, not here."""

import importlib.util
import sys
from pathlib import Path

import pytest

from desktop.engine.policy.assemble import assemble
from desktop.engine.profile.profile import profile_json

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    sys.path.remove(str(ROOT / "bench"))


def test_the_word_floor_script_knows_every_kind_of_block(bench, bundled_library):
    document = assemble(bench.bench_profile(bundled_library), bundled_library)
    assert any(kind == "row" for kind, _ in document.text_blocks()), "the bench profile has a table"
    assert len(bench.paragraphs(document)) == len(document.text_blocks())


def test_one_round_of_the_window_figures_runs(bench, bundled_library, tmp_path):
    profile = bench.bench_profile(bundled_library)
    (tmp_path / "all-practices.json").write_text(profile_json(profile), encoding="utf-8")
    figures = bench.update_figures(tmp_path, bench.environment(tmp_path), 1)
    assert [f["figure"].split(":")[0] for f in figures] == ["preview refresh", "Compliance tab", "interview"]
    assert all(f["ours"] > 0 and f["baseline_value"] > 0 for f in figures)
