import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests must not read or write the developer's own clause folder, profiles or settings.
_HOME = tempfile.mkdtemp(prefix="policywright-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_STATE_HOME"] = os.path.join(_HOME, "state")  # crash logs
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")

from desktop.engine.library.loader import load_library  # noqa: E402
from desktop.engine.policy.assemble import assemble  # noqa: E402
from desktop.engine.profile.profile import Company, Profile, Service, Terms  # noqa: E402
from desktop.engine.review.example import all_practices, example_profile  # noqa: E402
from desktop.paths import bundled_dir  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="session")
def fixture_library():
    return load_library([FIXTURES / "library"])


@pytest.fixture(scope="session")
def bundled_library():
    return load_library([bundled_dir("snippets")])


@pytest.fixture(scope="session")
def all_practices_policy(bundled_library):
    """The example company with every practice that can stand together: the longest policy."""
    profile = example_profile(bundled_library)
    profile.practices = all_practices(bundled_library)
    return assemble(profile, bundled_library)


def make_profile(**practices) -> Profile:
    return Profile(
        company=Company(legal_name="Acme Audio, Inc.", short_name="Acme", website="acme.example",
                        contact_email="hi@acme.example", country="United States"),
        service=Service(name="Acme Studio", kind="app"),
        terms=Terms(service="Platform"),
        practices={name.replace("__", "."): value for name, value in practices.items()},
        effective_date="2026-11-22",
    )


@pytest.fixture
def profile():
    return make_profile(intro__about={}, collect__basic={}, dnt__honour={}, contact__details={})
