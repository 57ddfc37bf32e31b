"""The engine must stay usable without a screen: nothing below desktop/engine imports Qt."""

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "desktop" / "engine"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_engine_imports_no_qt():
    files = list(ENGINE.rglob("*.py"))
    assert len(files) > 5
    offenders = {
        str(path.relative_to(ENGINE)): sorted(m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "shiboken6", "desktop.ui"))
        for path in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_engine_imports_without_qt_installed_in_path():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import desktop.engine.assemble, desktop.engine.checks, desktop.engine.export, desktop.cli\n"
        "print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ENGINE.parents[1])
    assert result.stdout.strip() == "ok", result.stderr


def _engine_graph() -> dict[str, set[str]]:
    graph = {}
    for path in ENGINE.rglob("*.py"):
        parts = path.relative_to(ENGINE.parents[1]).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[name] = {m for m in imported_modules(path) if m.startswith("desktop.engine")}
    return graph


def test_no_import_circle_in_the_engine():
    graph = _engine_graph()
    assert "desktop.engine.loader" in graph and "desktop.engine.library" in graph
    done, active = set(), []

    def visit(name):
        if name in active:
            raise AssertionError("import circle: " + " -> ".join(active[active.index(name):] + [name]))
        if name in done or name not in graph:
            return
        active.append(name)
        for other in sorted(graph[name]):
            visit(other)
        active.pop()
        done.add(name)

    for module in sorted(graph):
        visit(module)
