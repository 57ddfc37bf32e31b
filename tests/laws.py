"""The laws the bundled library declares, read from it as the app does, for tests that go over every law."""

from desktop.engine.library.loader import load_library
from desktop.paths import bundled_dir

BUNDLED_LIBRARY = load_library([bundled_dir("snippets")])
BUNDLED_LAWS = BUNDLED_LIBRARY.regimes


def regime_ids() -> tuple[str, ...]:
    return tuple(BUNDLED_LAWS)
