"""Every figure of issues 15 and 25 against its baseline, measured in the same run.

    .venv/bin/python bench/run.py [--rounds 7] [--quick] [--update-readme]

Whole processes where the figure is a command or the window: each round runs ours then the
baseline (A B A B…), after one unmeasured run of each, so both meet the same machine; the ratio is
of the medians. Prints a table, writes bench/results.json (every sample), and with
--update-readme puts the table in README.md. Processes get fresh, empty user folders (the user's
own library, settings and cache are never read) and write bytecode as an installed app has it.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import Sample, Series, alternate, run_measured  # noqa: E402
from synthetic import write_library  # noqa: E402

from desktop.engine.export import export_bytes  # noqa: E402
from desktop.engine.library import cache as library_cache  # noqa: E402
from desktop.engine.library.loader import library_folders, load_library  # noqa: E402
from desktop.engine.policy.assemble import assemble  # noqa: E402
from desktop.engine.profile.fields import PROFILE_FIELDS  # noqa: E402
from desktop.engine.profile.profile import profile_json  # noqa: E402
from desktop.engine.review.example import all_practices_profile, example_profile  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
FRAME_MS = 1000 / 60
UPDATE_GOAL_MS = 16  # under one 60 Hz frame
DOCX_GOAL, FIRST_PAINT_GOAL = 0.6, 1.3  # × pandoc, × the bare window
LIBRARY_GOAL_S, LIBRARY_GOAL_MB = 0.5, 150
LIBRARY_SIZES = (500, 5_000, 50_000)
SERVICES = 20  # chosen from the library's service catalogue, once it has one
PANDOC_MISSING = "skipped: pandoc not found"


def environment(home: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), PYTHONPATH=str(ROOT),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"))
    return env


def figure(name: str, ours: Series, baseline: Series | None, baseline_name: str, goal: str, met: bool | None,
           unit: str = "s", what: str = "seconds", note: str = "") -> dict:
    ours_median = ours.median(what)
    base_median = baseline.median(what) if baseline else None
    return {
        "figure": name, "unit": unit, "ours": ours_median, "ours_rss_mib": ours.median("rss_mib"),
        "baseline": baseline_name, "baseline_value": base_median,
        "baseline_rss_mib": baseline.median("rss_mib") if baseline else None,
        "ratio": ours_median / base_median if base_median else None, "goal": goal, "met": met, "note": note,
        "samples": [s.__dict__ for s in ours.samples], "baseline_samples": [s.__dict__ for s in baseline.samples] if baseline else [],
    }


# a table row as one plain paragraph: the floor script writes text, not tables
_STYLE_IDS = {"title": "Title", "heading1": "Heading1", "heading2": "Heading2", "item": "ListBullet", "paragraph": None, "row": None}


def bench_profile(library):
    """The all-practices profile with every law the library declares and, when the library has a
    service catalogue, its first SERVICES services: the largest policy a refresh has to redo."""
    profile = all_practices_profile(library)
    profile.regimes = list(library.regimes)
    services = getattr(library, "services", None)
    if services and hasattr(profile, "services"):
        profile.services = {service_id: {} for service_id in list(services)[:SERVICES]}
    return profile


def profile_words(library, profile) -> str:
    """What the measured profile holds, for the figures' names."""
    services = f", {len(profile.services)} services" if getattr(profile, "services", None) else ""
    return f"{len(profile.practices)} practices, {len(profile.regimes)} laws{services}"


def paragraphs(document) -> list[tuple[str | None, str]]:
    """The policy as (style id, text) pairs, for the python-docx floor script."""
    return [(_STYLE_IDS[kind], text) for kind, text in document.text_blocks()]


def export_figures(work: Path, env: dict, rounds: int, bundle: Path | None) -> list[dict]:
    library = load_library(library_folders())
    profile = bench_profile(library)
    profile_path = work / "all-practices.json"
    profile_path.write_text(profile_json(profile), encoding="utf-8")
    document = assemble(profile, library)
    markdown = work / "policy.md"
    markdown.write_bytes(export_bytes(document, "md"))
    (work / "paragraphs.json").write_text(json.dumps(paragraphs(document)), encoding="utf-8")
    words = len(document.plain_text().split())
    # --allow-incomplete: twenty services picked at random contradict some clauses (an ad pixel and "we do not
    # sell or share"), which check rightly reports; the export does the same work either way
    ours = [sys.executable, "-m", "desktop", "export", str(profile_path), "--format", "docx", "--out", str(work / "ours.docx"),
            "--allow-incomplete"]
    commands = {"ours": ours}
    pandoc = shutil.which("pandoc")
    if pandoc:
        commands["pandoc"] = [pandoc, str(markdown), "-o", str(work / "pandoc.docx")]
    commands["floor"] = [sys.executable, str(ROOT / "bench" / "baseline_docx.py"), str(work / "paragraphs.json"), str(work / "floor.docx")]
    commands["python"] = [sys.executable, "-c", "pass"]
    if bundle:
        commands["bundle"] = [str(bundle), "export", str(profile_path), "--format", "docx", "--out", str(work / "bundle.docx"),
                              "--allow-incomplete"]
    series = alternate(commands, rounds, env, ROOT)
    base = series.get("pandoc")
    name = f"`export --format docx`, all-practices policy ({words:,} words; {profile_words(library, profile)})"
    goal = f"≤ {DOCX_GOAL}× pandoc, memory below pandoc's"
    if base is None:
        return [figure(name, series["ours"], None, PANDOC_MISSING, goal, None)]

    def met(side: str) -> bool:
        ours = series[side]
        return ours.median() <= DOCX_GOAL * base.median() and ours.median("rss_mib") < base.median("rss_mib")

    bundled = [figure("the same export from the bundled app (scripts/build_bundle.py)", series["bundle"], base,
                      "`pandoc`, as above", goal, met("bundle"))] if bundle else []
    return [
        figure(name, series["ours"], base, "`pandoc` on our own Markdown of it", goal, met("ours")),
        figure("a minimal python-docx script writing the same paragraphs, pStyle set directly", series["floor"], base,
               "`pandoc`, as above", "– (the old floor for a python-docx exporter)", None),
        figure("a bare Python interpreter (`python -c pass`)", series["python"], base, "`pandoc`, as above",
               "– (the floor of any Python command)", None),
        *bundled,
    ]


def window_content(work: Path, name: str, library, profile) -> Path:
    """What the bare window shows for `profile`: the practices' titles, the form's labels, the policy's HTML."""
    content = {"html": export_bytes(assemble(profile, library), "html").decode("utf-8"),
               "tree": [p.title for p in library.practices.values()], "fields": [f.label for f in PROFILE_FIELDS]}
    path = work / f"window-{name}.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def window_figures(work: Path, env: dict, rounds: int) -> list[dict]:
    library = load_library(library_folders())
    bare = [sys.executable, str(ROOT / "bench" / "baseline_window.py")]
    ours = [sys.executable, "-m", "desktop", "gui", "--quit-after-startup"]
    example = window_content(work, "example", library, example_profile(library))
    largest = window_content(work, "all-practices", library, bench_profile(library))
    series = alternate({"ours": ours, "bare": [*bare, str(example)],
                        "ours, all practices": [*ours, str(work / "all-practices.json")], "bare, all practices": [*bare, str(largest)]},
                       rounds, env, ROOT)
    ratio = series["ours"].median("reported_ms") / series["bare"].median("reported_ms")
    return [
        figure("`gui --quit-after-startup`, first paint (example profile)", series["ours"], series["bare"],
               "bare PySide6 window with tree, form and text browser (the same HTML)", f"≤ {FIRST_PAINT_GOAL}×",
               ratio <= FIRST_PAINT_GOAL, unit="ms", what="reported_ms", note="resident memory: the window process's peak"),
        figure(f"resident memory of the window, all-practices profile ({profile_words(library, bench_profile(library))})",
               series["ours, all practices"], series["bare, all practices"], "the bare window showing the same policy",
               "– (reported)", None, unit="MiB", what="rss_mib", note="the window process's peak, to its first paint"),
    ]


UPDATES = {  # bench/preview.py's measures: figure, baseline
    "preview": ("preview refresh: a keystroke's edit to the painted preview", "bare QTextBrowser setHtml + paint of the same HTML"),
    "compliance": ("Compliance tab: the same edit, the tab painted", "the tab painted with no change"),
    "interview": ("interview: one answer changed (users in California), its page painted", "the page painted with no change"),
}


def update_figures(work: Path, env: dict, rounds: int) -> list[dict]:
    html = work / "all-practices.html"
    library = load_library(library_folders())
    profile = bench_profile(library)
    html.write_bytes(export_bytes(assemble(profile, library), "html"))
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "preview.py"), str(work / "all-practices.json"), str(html),
                             str(rounds)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600, check=True)
    data = json.loads(result.stdout)
    parts = ", ".join(f"{name} {statistics.median(values) * 1000:.1f}" for name, values in data["parts"].items())
    figures = []
    for key, (name, baseline_name) in UPDATES.items():
        ours = Series([Sample(s, None) for s in data["samples"][key]["ours"]])
        bare = Series([Sample(s, None) for s in data["samples"][key]["baseline"]])
        figures.append(figure(f"{name}, all-practices profile ({profile_words(library, profile)})", ours, bare, baseline_name,
                              f"< {UPDATE_GOAL_MS} ms (one 60 Hz frame is {FRAME_MS:.1f})", ours.median() * 1000 < UPDATE_GOAL_MS,
                              note=f"parts (ms): {parts}" if key == "preview" else ""))
    return figures


def library_figures(work: Path, env: dict, rounds: int, sizes) -> list[dict]:
    figures = []
    for size in sizes:
        folder = write_library(work / f"synthetic-{size}", size)
        command = [sys.executable, "-m", "desktop", "practices", "--library", str(folder)]
        cold_home, warm_home = work / f"cold-{size}", work / f"warm-{size}"
        cold_env, warm_env = dict(env, XDG_CACHE_HOME=str(cold_home)), dict(env, XDG_CACHE_HOME=str(warm_home))
        time.sleep(library_cache.FRESH_NS / 1e9)  # files younger than this are not cached (their mtime may still change)
        run_measured(command, warm_env, ROOT)  # the warm side's cache is written here
        cold_rounds = rounds if size < 50_000 else 1  # the first run of 50,000 takes a quarter of a minute
        cold, warm = Series(), Series()
        for round_ in range(rounds):
            if round_ < cold_rounds:
                shutil.rmtree(cold_home, ignore_errors=True)
                cold.samples.append(run_measured(command, cold_env, ROOT)[0])
            warm.samples.append(run_measured(command, warm_env, ROOT)[0])
        goal, met = "–", None
        if size == 50_000:
            goal = f"< {LIBRARY_GOAL_S} s and < {LIBRARY_GOAL_MB} MB"
            met = warm.median() < LIBRARY_GOAL_S and warm.median("rss_mib") * 2**20 < LIBRARY_GOAL_MB * 1e6
        note = "" if cold_rounds == rounds else f"the run with no cache measured {cold_rounds} time(s)"
        figures.append(figure(f"`practices --library`, {size:,} synthetic clauses, cache warm", warm, cold,
                              "the same with no cache (the first run)", goal, met, note=note))
    return figures


def engine_steps(rounds: int) -> dict[str, float]:
    """Where an export's time goes, in this process: medians in milliseconds."""
    from desktop.engine.review.checks import check

    library = load_library(library_folders())
    profile = bench_profile(library)
    document = assemble(profile, library)
    steps = {
        "load library (bundled)": lambda: load_library(library_folders()),
        "assemble": lambda: assemble(profile, library),
        "check (with the linter; its caches warm after the first round)": lambda: check(profile, library, document),
        "export md": lambda: export_bytes(document, "md"),
        "export html": lambda: export_bytes(document, "html"),
        "export docx": lambda: export_bytes(document, "docx"),
    }
    medians = {}
    for name, step in steps.items():
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            step()
            times.append(time.perf_counter() - started)
        medians[name] = statistics.median(times) * 1000
    return medians


def _shown(value: float | None, unit: str, rss: float | None) -> str:
    if value is None:
        return "–"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    ms = value if unit == "ms" else value * 1000
    text = f"{ms / 1000:.2f} s" if ms >= 1000 else (f"{ms:.0f} ms" if ms >= 100 else f"{ms:.1f} ms")
    return text + (f", {rss:.0f} MiB" if rss else "")


def table(figures: list[dict]) -> str:
    lines = ["| figure | Policywright | baseline | ratio | goal | met |", "|---|---|---|---|---|---|"]
    for f in figures:
        ratio = f"{f['ratio']:.2f}×" if f["ratio"] else "–"
        met = {True: "yes", False: "**no**", None: "–"}[f["met"]]
        ours = _shown(f["ours"], f["unit"], f["ours_rss_mib"])
        base = f"{f['baseline']}: {_shown(f['baseline_value'], f['unit'], f['baseline_rss_mib'])}" if f["baseline_value"] else f["baseline"]
        lines.append(f"| {f['figure']} | {ours} | {base} | {ratio} | {f['goal']} | {met} |")
    return "\n".join(lines)


def update_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    if START not in readme or END not in readme:
        raise SystemExit(f"README.md has no {START} … {END} markers to put the table between")
    head, rest = readme.split(START, 1)
    README.write_text(head + START + "\n" + text + "\n" + END + rest.split(END, 1)[1], encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="measured runs of each side (default 7)")
    parser.add_argument("--quick", action="store_true", help="3 rounds, and the library only up to 5,000 clauses")
    parser.add_argument("--update-readme", action="store_true", help="put the table in README.md")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "policywright" / "policywright",
                        help="the bundled app's executable, measured too when it exists (default: dist/policywright/policywright)")
    args = parser.parse_args()
    bundle = args.bundle if args.bundle.is_file() else None
    rounds = 3 if args.quick else args.rounds
    sizes = LIBRARY_SIZES[:2] if args.quick else LIBRARY_SIZES
    with tempfile.TemporaryDirectory(prefix="policywright-bench-") as scratch:
        work = Path(scratch)
        env = environment(work / "home")
        figures = export_figures(work, env, rounds, bundle)
        figures += window_figures(work, env, rounds)
        figures += update_figures(work, env, rounds)
        figures += library_figures(work, env, rounds, sizes)
    steps = engine_steps(rounds)
    text = table(figures)
    steps_text = "In-process medians (ms): " + ", ".join(f"{name} {ms:.1f}" for name, ms in steps.items())
    notes = [f"{f['figure']}: {f['note']}" for f in figures if f["note"]]
    when = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    machine = f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    if hasattr(os, "getloadavg"):  # a shared machine: how busy it was says how far the absolute times can be trusted
        machine += f", load average {os.getloadavg()[1]:.1f} over the last 5 minutes"
    summary = f"Measured {when} on {machine}; {rounds} rounds, medians, A B A B."
    print(text, "", steps_text, *notes, summary, sep="\n")
    pandoc = shutil.which("pandoc")
    pandoc_version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[0] if pandoc else None
    RESULTS.write_text(json.dumps({"measured": when, "machine": machine, "pandoc": pandoc_version, "rounds": rounds,
                                   "figures": figures, "engine_steps_ms": steps}, indent=2) + "\n", encoding="utf-8")
    if args.update_readme:
        update_readme("\n".join([text, "", summary + " " + steps_text + "."]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
