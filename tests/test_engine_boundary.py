"""The engine must stay usable without a screen: nothing below desktop/engine imports Qt."""

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "desktop" / "engine"


def imported_modules(path: Path) -> set[str]:
    """Every module the file imports, anywhere in its body (a lazy import counts too); for
    `from package import name`, both the package and `package.name` (which may be a module)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
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
        "import desktop.engine.policy.assemble, desktop.engine.review.checks, desktop.engine.export, desktop.cli\n"
        "print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ENGINE.parents[1])
    assert result.stdout.strip() == "ok", result.stderr


DESKTOP = ENGINE.parent
# The engine's packages, bottom first: each imports only from those before it (desktop/engine/__init__.py).
BELOW_THE_ENGINE = {"desktop", "desktop.paths"}  # the version, where bundled and user files live
LAYERS = ("files", "language", "reference", "facts", "profile", "library", "interview", "policy", "review", "export",
          "history", "storage")


def _module_name(path: Path) -> str:
    parts = path.relative_to(DESKTOP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _desktop_graph() -> dict[str, set[str]]:
    """Module -> the desktop modules it imports."""
    paths = {_module_name(path): path for path in DESKTOP.rglob("*.py")}
    return {name: {m for m in imported_modules(path) if m in paths and m != name} for name, path in paths.items()}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if parts[:2] == ["desktop", "engine"] and len(parts) > 3 else None


def test_engine_packages_are_the_layers_its_docstring_lists():
    packages = sorted(p.name for p in ENGINE.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(LAYERS)
    listed = [line.split()[1] for line in (ENGINE / "__init__.py").read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    assert listed == list(LAYERS)
    loose = [p.name for p in ENGINE.glob("*.py") if p.name != "__init__.py"]
    assert loose == [], "every engine module belongs to one of the packages"


def _goes_up(module: str, other: str) -> bool:
    if not other.startswith("desktop.engine"):
        return other not in BELOW_THE_ENGINE
    low, high = _layer(module), _layer(other)
    return bool(low and high) and LAYERS.index(high) > LAYERS.index(low)


def test_engine_imports_only_go_down():
    upward = [f"{module} -> {other}" for module, imported in _desktop_graph().items() if module.startswith("desktop.engine")
              for other in imported if _goes_up(module, other)]
    assert upward == []


def test_the_layer_rule_sees_an_upward_import(tmp_path):
    """The rule above can fail: a module of `facts` importing `policy` is an upward import."""
    assert _goes_up("desktop.engine.facts.rules", "desktop.engine.policy.assemble")
    assert _goes_up("desktop.engine.policy.assemble", "desktop.ui.widgets")
    assert not _goes_up("desktop.engine.policy.assemble", "desktop.engine.facts.rules")
    assert "desktop.engine.policy.document" in _desktop_graph()["desktop.engine.export.markdown"]


def _first_circle(graph: dict[str, set[str]]) -> list[str]:
    """An import circle in `graph` as the modules around it, or [] when there is none."""
    done, active = set(), []

    def visit(name):
        if name in active:
            return active[active.index(name):] + [name]
        if name in done:
            return []
        active.append(name)
        for other in sorted(graph.get(name, ())):
            found = visit(other)
            if found:
                return found
        active.pop()
        done.add(name)
        return []

    for module in sorted(graph):
        found = visit(module)
        if found:
            return found
    return []


def test_no_import_circle_anywhere_in_desktop():
    graph = _desktop_graph()
    assert "desktop.engine.library.loader" in graph["desktop.engine.library.cache"]
    assert "desktop.cli.common" in graph["desktop.cli.policy"] and "desktop.ui.app" in graph["desktop.cli"]
    assert _first_circle(graph) == []


def test_the_circle_rule_sees_a_circle():
    assert _first_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _first_circle({"a": {"b"}, "b": set()}) == []


def test_the_use_cases_sit_below_both_fronts():
    """The use cases (and the engine below them) import neither front; the window never imports the command line."""
    graph = _desktop_graph()
    for module, imported in graph.items():
        fronts = {m for m in imported if m.startswith(("desktop.cli", "desktop.ui"))}
        if module == "desktop.usecases" or module.startswith(("desktop.engine", "desktop.qtexport")):
            assert fronts == set(), module
        if module.startswith("desktop.ui"):
            assert not {m for m in fronts if m.startswith("desktop.cli")}, module
    assert "desktop.usecases" in graph["desktop.cli.policy"] and "desktop.usecases" in graph["desktop.ui.controller"]
