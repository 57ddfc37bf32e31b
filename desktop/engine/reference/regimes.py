"""The laws a policy can cover, declared once in `regimes.toml`: title, scope, the question that
decides whether it applies, and what it requires the policy to disclose.

The UI builds its check boxes, the checks their warnings and the profile its validation from
these declarations; adding a regime is data, not code.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.files.reading import LIBRARY_FILE_BYTES, read_text
from desktop.engine.files.toml_text import parse_toml
from desktop.paths import bundled_dir

FILE_NAME = "regimes.toml"


@dataclass(frozen=True)
class Requirement:
    id: str
    text: str  # what the policy must state, completing "… asks the policy to state …"
    citation: str = ""  # the whole reference, law included: "GDPR Art. 13(2)(d)"
    alone: bool = False  # met: the regime's other requirements do not apply; unmet: not needed
    plain: str = ""  # what `text` says in everyday words, for the checklist

    @property
    def words(self) -> str:
        """The requirement in plain words: `plain`, or `text` with a capital where none is declared."""
        return self.plain or self.text[:1].upper() + self.text[1:]


@dataclass(frozen=True)
class Regime:
    id: str
    title: str  # short: "GDPR"
    scope: str  # whom it protects: "Europe and the UK"
    explanation: str
    question: str  # the yes/no question that decides whether it applies
    requirements: tuple[Requirement, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.title} ({self.scope})"


class RegimeError(ValueError):
    pass


def parse_regimes(data: dict) -> dict[str, Regime]:
    """Regimes from the TOML of a `regimes.toml`; RegimeError names the first fault."""
    regimes = {}
    for regime_id, table in data.items():
        if not isinstance(table, dict):
            raise RegimeError(f"[{regime_id}] must be a table with title, scope, explanation, question")
        missing = [key for key in ("title", "scope", "explanation", "question") if not isinstance(table.get(key), str)]
        if missing:
            raise RegimeError(f"regime {regime_id!r} needs {', '.join(missing)}")
        requirements = []
        if not isinstance(table.get("requirements", []), list):
            raise RegimeError(f"the requirements of {regime_id!r} must be written as [[{regime_id}.requirements]] tables")
        for item in table.get("requirements", []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("text"), str):
                raise RegimeError(f"each requirement of {regime_id!r} needs an `id` and a `text`")
            requirements.append(Requirement(item["id"], item["text"], str(item.get("citation", "")),
                                            bool(item.get("alone", False)), str(item.get("plain", ""))))
        regimes[regime_id] = Regime(regime_id, table["title"], table["scope"], table["explanation"], table["question"],
                                    tuple(requirements))
    return regimes


def read_regimes(path: Path) -> dict[str, Regime]:
    return parse_regimes(parse_toml(read_text(Path(path), LIBRARY_FILE_BYTES)))


@functools.cache
def bundled_regimes() -> dict[str, Regime]:
    """The regimes this Policywright knows, in their declared order."""
    return read_regimes(bundled_dir("snippets") / FILE_NAME)


def regime_ids() -> tuple[str, ...]:
    return tuple(bundled_regimes())


def applicable(regime: Regime, covered: set[str]) -> list[Requirement]:
    """The requirements a policy must still meet, given the requirement ids its clauses cover."""
    alone = [r for r in regime.requirements if r.alone]
    if any(r.id in covered for r in alone):
        return [r for r in regime.requirements if r.id in covered]
    return [r for r in regime.requirements if not r.alone]
