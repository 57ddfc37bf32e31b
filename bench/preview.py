"""Updates as you type, measured inside one window (offscreen), each painted.

    python bench/preview.py PROFILE.json HTML_FILE ROUNDS

Preview: one edit to the company's short name (as a keystroke makes it), the refresh the debounce
timer would run (assemble, check, every panel updated), the preview painted and pending events
handled; baseline: a bare QTextBrowser of the preview's size given the same policy as HTML
(setHtml) and painted the same way. Compliance tab: the same edit with the tab shown, the tab
painted; baseline: the tab painted with no change. Interview: one answer changed (users in Europe,
yes then no), the dialog's page painted; baseline: the page painted with no change. Rounds
alternate A B A B; prints JSON with every sample in seconds, and the parts of the preview's
refresh measured separately after.
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextBrowser  # noqa: E402

from desktop.engine.library.loader import library_folders, load_library  # noqa: E402
from desktop.engine.policy.assemble import assemble  # noqa: E402
from desktop.engine.profile.profile import load_profile  # noqa: E402
from desktop.engine.review.checks import check  # noqa: E402
from desktop.ui.interview_dialog import InterviewDialog  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402


def timed(step) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def alternate(ours, baseline, rounds: int) -> dict[str, list[float]]:
    ours(), baseline()  # warm up both
    samples = {"ours": [], "baseline": []}
    for _ in range(rounds):
        samples["ours"].append(timed(ours))
        samples["baseline"].append(timed(baseline))
    return samples


def painted(app, widget) -> None:
    widget.repaint()
    app.processEvents()


def compliance(app, window, names, rounds: int) -> dict[str, list[float]]:
    window.go_compliance()
    app.processEvents()
    panel = window.compliance

    def ours() -> None:
        window.session.set_field("company.short_name", f"Acme {next(names)}")
        window.live.render_now()
        painted(app, panel)

    samples = alternate(ours, lambda: painted(app, panel), rounds)
    window.go_company()
    return samples


def interview(app, library, profile, rounds: int) -> dict[str, list[float]]:
    dialog = InterviewDialog(library, profile)
    row = dialog.rows["california_users"]  # a yes/no question that every interview asks
    page = next(page for page in dialog.question_pages if row in page.rows)
    dialog.setStartId(dialog.pageIds()[dialog.question_pages.index(page)])  # open at the page that asks it
    dialog.resize(900, 800)
    dialog.show()
    app.processEvents()
    answers = iter([True, False] * rounds * 2)

    def ours() -> None:
        row.field.set_value(next(answers))
        painted(app, dialog)

    samples = alternate(ours, lambda: painted(app, dialog), rounds)
    dialog.close()
    return samples


def main() -> None:
    profile_path, html_path, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    library = load_library(library_folders())
    with tempfile.TemporaryDirectory() as home:
        window = MainWindow(library, Settings(Path(home) / "settings.ini"))
        window.remember_state = False
        window.resize(1440, 900)
        window.show()
        window.session.replace(load_profile(profile_path))
        app.processEvents()
        preview = window.preview
        bare = QTextBrowser()
        bare.resize(preview.size())
        bare.show()
        html = html_path.read_text(encoding="utf-8")
        names = iter(range(10**6))

        def ours() -> None:
            window.session.set_field("company.short_name", f"Acme {next(names)}")
            window.live.render_now()
            preview.viewport().repaint()
            app.processEvents()

        def baseline() -> None:
            bare.setHtml(html)
            bare.viewport().repaint()
            app.processEvents()

        samples = {"preview": alternate(ours, baseline, rounds)}
        samples["compliance"] = compliance(app, window, names, rounds)
        samples["interview"] = interview(app, library, window.session.profile, rounds)
        session = window.session
        window.live.findChild(QTimer).blockSignals(True)  # the parts are run here, not again by the debounce timer
        parts = {name: [] for name in ("edit (undo step)", "assemble", "check", "preview written", "other panels", "preview painted")}
        for _ in range(rounds):
            parts["edit (undo step)"].append(timed(lambda: session.set_field("company.short_name", f"Acme {next(names)}")))
            started = time.perf_counter()
            document = assemble(session.profile, library)
            parts["assemble"].append(time.perf_counter() - started)
            started = time.perf_counter()
            problems = check(session.profile, library, document)
            parts["check"].append(time.perf_counter() - started)
            parts["preview written"].append(timed(lambda: preview.show_document(document)))  # noqa: B023
            parts["other panels"].append(timed(lambda: (  # what MainWindow._document_updated does besides the preview
                window.problems.set_problems(problems), window.status.show_document(document, problems),  # noqa: B023
                window.form.set_check_problems(problems), window.practices.set_problems(problems),  # noqa: B023
                window.clause_editor.set_document(document, problems))))  # noqa: B023
            parts["preview painted"].append(timed(lambda: (preview.viewport().repaint(), app.processEvents())))
        session.undo_stack.setClean()  # or closing would ask whether to save
        window.close()
    print(json.dumps({"samples": samples, "parts": parts}))


if __name__ == "__main__":
    main()
