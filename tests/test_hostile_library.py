"""A hostile clause library: one malformed file of any kind the library reads is reported and
skipped, never a traceback (README: "A broken file in those folders is reported and skipped")."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine.library.loader import load_library
from desktop.engine.library.model import Fault
from desktop.engine.reference.vocabulary import load_vocabulary

_KEYS = ["id", "practice", "section", "title", "sources", "summary", "heading", "order", "options", "group", "excludes",
         "requires_practices", "requires", "regimes", "when", "example", "facts", "type", "default", "choices", "min",
         "max", "label", "plural", "introduce", "gloss", "kind", "others", "reason", "scope", "explanation", "question",
         "requirements", "text", "citation", "alone", "plain", "words", "role", "description", "ccpa", "sensitive",
         "root", "category", "recipient", "purpose", "audience", "gdpr"]
_KEY = st.sampled_from(_KEYS) | st.text(min_size=1, max_size=6)
_SCALAR = (st.text(max_size=12).filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t))
           | st.integers(-10**6, 10**6) | st.booleans() | st.floats(allow_nan=False, allow_infinity=False)
           | st.sampled_from(["intro.about", "intro", "gdpr", "ccpa.sale", "conflict", "needs", "int", "choice", "list"]))
_VALUE = st.recursive(_SCALAR, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEY, inner, max_size=4),
                      max_leaves=12)
_TABLE = st.dictionaries(_KEY, _VALUE, max_size=8)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string reads JSON's escapes
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(key)} = {toml_value(item)}" for key, item in value.items()) + "}"


def toml_table(table: dict) -> str:
    return "".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in table.items())


def _clause(table: dict) -> str:
    return f"+++\n{toml_table(table)}+++\nSome text about {{{{company}}}}.\n"


def _vocabulary(table_name: str, entries: list) -> str:
    return "".join(f"[[{table_name}]]\n{toml_table(entry)}\n" for entry in entries)


# Each file kind the loader reads: (path in the folder, its text from a hostile table).
_VALID_CLAUSE = {"id": "hostile.one", "practice": "hostile.one", "section": "intro", "title": "T", "sources": ["new"],
                 "summary": "S."}
FILE_KINDS = {
    "clause": ("10-intro/hostile.md", lambda t: _clause({**_VALID_CLAUSE, **t})),
    "option": ("10-intro/hostile.md", lambda t: _clause({**_VALID_CLAUSE, "options": {"o": t}})),
    "section": ("15-hostile/_section.toml", toml_table),
    "term": ("_terms/hostile.toml", toml_table),
    "rule": ("_rules/hostile.toml", toml_table),
    "regimes": ("regimes.toml", lambda t: toml_table({"gdpr": t})),
    "data": ("_vocabulary/data.toml", lambda t: _vocabulary("category", [t])),
    "recipients": ("_vocabulary/recipients.toml", lambda t: _vocabulary("recipient", [t])),
    "purposes": ("_vocabulary/purposes.toml", lambda t: _vocabulary("purpose", [t])),
    "audiences": ("_vocabulary/audiences.toml", lambda t: _vocabulary("audience", [t])),
}


def _load_with(name: str, text: str) -> list[Fault]:
    """The faults of the fixture library with one more folder holding only the hostile file."""
    folder = Path(tempfile.mkdtemp(prefix="hostile-library-"))
    try:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        library = load_library([FIXTURES / "library", folder])
        assert library.clauses  # the good files still load
        return library.faults
    finally:
        shutil.rmtree(folder)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(FILE_KINDS)), table=_TABLE)
def test_any_malformed_library_file_is_a_fault_never_a_crash(kind, table):
    name, text_of = FILE_KINDS[kind]
    for fault in _load_with(name, text_of(table)):
        assert isinstance(fault.message, str) and fault.message


@pytest.mark.parametrize("kind", sorted(FILE_KINDS))
@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a = ", "}")])
def test_nesting_deep_enough_to_exhaust_the_parser_is_a_fault_naming_the_file(kind, opening, closing):
    name, text_of = FILE_KINDS[kind]
    text = text_of({"title": "T"}).replace('"T"', opening * 5000 + "1" + closing * 5000, 1)
    faults = _load_with(name, text)
    assert any(fault.path.name == Path(name).name and "nested too deep" in fault.message for fault in faults)


@pytest.mark.parametrize("table, message", [
    ({"regimes": [{"a": 1}]}, "`regimes` must be a list of texts"),
    ({"facts": [3]}, "`facts` must be a list of texts"),
    ({"requires_practices": [["intro.about"]]}, "`requires_practices` must be a list of texts"),
    ({"options": {"days": {"type": "int", "title": "Days", "default": 3, "min": "1"}}}, "`min` must be a whole number"),
    ({"options": {"days": {"type": "text", "title": "Days", "default": "3", "choices": "ab"}}}, "`choices` must be a list"),
])
def test_an_element_of_the_wrong_type_is_named(table, message):
    faults = _load_with("10-intro/hostile.md", _clause({**_VALID_CLAUSE, **table}))
    assert any(message in fault.message and fault.path.name == "hostile.md" for fault in faults)


def test_the_vocabulary_reader_alone_survives_deep_nesting(tmp_path):
    (tmp_path / "purposes.toml").write_text("[[purpose]]\nid = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    _, faults = load_vocabulary(tmp_path)
    assert any("nested too deep" in message for _, _, message in faults)


def test_recipient_descriptions_that_name_each_other_are_a_fault_not_an_exponential_policy(tmp_path):
    entries = [{"id": "anyone", "title": "Anyone", "role": "third_party", "description": "anyone", "words": ["anyone"]}]
    entries += [{"id": f"r{level}", "title": f"R{level}", "role": "third_party", "words": [f"r{level}"],
                 "description": " ".join([f"{{{{recipient:r{level + 1}}}}}"] * 14)} for level in range(6)]
    (tmp_path / "recipients.toml").write_text(_vocabulary("recipient", entries), encoding="utf-8")
    vocabulary, faults = load_vocabulary(tmp_path)
    assert set(vocabulary.recipients) == {"anyone"}
    assert sum("cannot name another recipient" in message for _, _, message in faults) == 6
