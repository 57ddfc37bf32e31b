import shutil
from pathlib import Path

from conftest import FIXTURES

from desktop.engine.library.loader import load_library
from desktop.paths import bundled_dir
from tests.laws import regime_ids


def test_bundled_library_validates(bundled_library):
    assert [str(f) for f in bundled_library.faults] == []
    assert len(bundled_library.practices) > 0
    assert list(bundled_library.regimes) == list(regime_ids())


def test_every_bundled_section_and_clause_is_reachable(bundled_library):
    for clause in bundled_library.clauses.values():
        assert clause.section in bundled_library.sections
        assert clause.practice in bundled_library.practices


def test_fixture_library_reads_practices_options_and_groups(fixture_library):
    assert fixture_library.faults == []
    basic = fixture_library.practices["collect.basic"]
    assert basic.options["items"].default == ["your name", "your email address"]
    assert fixture_library.practices["dnt.ignore"].group == "dnt"
    assert [s.id for s in fixture_library.outline()] == ["intro", "collect", "cookies", "sharing", "contact"]


def write_clause(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def user_library(tmp_path: Path) -> Path:
    root = tmp_path / "mine"
    (root / "30-cookies").mkdir(parents=True)
    return root


def test_user_clause_replaces_bundled_one_with_same_id(tmp_path):
    root = user_library(tmp_path)
    write_clause(root / "30-cookies", "dnt.honour.md", (FIXTURES / "library/30-cookies/dnt.honour.md").read_text()
                 .replace("We honour Do Not Track signals.", "We always honour Do Not Track."))
    library = load_library([FIXTURES / "library", root])
    assert library.faults == []
    assert library.clauses["dnt.honour"].body.strip() == "We always honour Do Not Track."


def test_broken_user_files_are_reported_with_line_and_skipped(tmp_path):
    root = user_library(tmp_path)
    write_clause(root / "30-cookies", "bad-toml.md", "+++\nid = \"x\"\ntitle = \n+++\nBody\n")
    write_clause(root / "30-cookies", "no-front.md", "Just text\n")
    write_clause(root / "30-cookies", "bad-token.md", (
        "+++\nid = \"cookies.mine\"\npractice = \"cookies.mine\"\nsection = \"cookies\"\n"
        "title = \"Mine\"\nsummary = \"Mine.\"\nsources = [\"new\"]\n+++\nFirst line.\n\nUses {{opt.nope}} and {{the widget}}.\n"))
    write_clause(root / "30-cookies", "bad-keys.md", (
        "+++\nid = \"cookies.keys\"\npractice = \"cookies.keys\"\nsection = \"nowhere\"\n"
        "title = \"Keys\"\nsummary = \"K.\"\nsources = []\ncolour = \"red\"\n+++\nText.\n"))
    library = load_library([FIXTURES / "library", root])
    messages = [str(f) for f in library.faults]
    assert any(m.startswith(str(root / "30-cookies/bad-toml.md") + ":3: TOML error") for m in messages), messages
    assert any("no-front.md:1: a clause file starts with a `+++` line" in m for m in messages)
    assert any("bad-token.md:11: {{opt.nope}} is not an option" in m for m in messages), messages
    assert any("bad-token.md:11: unknown token {{the widget}}" in m for m in messages), messages
    assert any("bad-keys.md:2: unknown key `colour`" in m for m in messages)
    assert any("bad-keys.md:2: `sources` names the seed files" in m for m in messages)
    assert "cookies.keys" not in library.clauses
    assert "cookies.mine" not in library.clauses and "cookies.mine" not in library.practices
    # the good clauses still load
    assert "dnt.honour" in library.practices


def test_practice_without_primary_clause_is_a_fault(tmp_path):
    root = user_library(tmp_path)
    write_clause(root / "30-cookies", "orphan.md", (
        "+++\nid = \"cookies.orphan.extra\"\npractice = \"cookies.orphan\"\nsection = \"cookies\"\n"
        "title = \"Orphan\"\nsources = [\"new\"]\n+++\nText.\n"))
    library = load_library([FIXTURES / "library", root])
    assert any("has no primary clause" in f.message for f in library.faults)
    assert "cookies.orphan" not in library.practices


def test_missing_folder_is_reported_not_fatal(tmp_path):
    library = load_library([FIXTURES / "library", tmp_path / "absent"])
    assert [f.message for f in library.faults] == ["library folder does not exist"]
    assert library.practices


def test_installed_copy_of_snippets_is_found():
    folder = bundled_dir("snippets")
    assert (folder / "regimes.toml").is_file()


def test_copy_of_bundled_library_loads_the_same(tmp_path, bundled_library):
    copy = tmp_path / "snippets"
    shutil.copytree(bundled_dir("snippets"), copy)
    assert set(load_library([copy]).clauses) == set(bundled_library.clauses)


def test_a_faulty_replacement_is_skipped_and_the_earlier_clause_comes_back(tmp_path):
    root = user_library(tmp_path)
    original = (FIXTURES / "library/30-cookies/dnt.honour.md").read_text()
    write_clause(root / "30-cookies", "dnt.honour.md", original.replace('section = "cookies"', 'section = "cokies"')
                 .replace("We honour Do Not Track signals.", "Typo version."))
    library = load_library([FIXTURES / "library", root])
    assert any("unknown section 'cokies'" in f.message for f in library.faults)
    assert library.clauses["dnt.honour"].body.strip() == "We honour Do Not Track signals."
    assert library.practices["dnt.honour"].section == "cookies"


def test_faulty_facts_and_vocabulary_are_reported_with_their_line(tmp_path, capsys):
    from desktop.cli import main
    from desktop.paths import bundled_dir

    root = tmp_path / "firm"
    (root / "_vocabulary").mkdir(parents=True)
    (root / "_vocabulary" / "data.toml").write_text('[[category]]\nid = "pets.name"\ntitle = "Pet name"\n', encoding="utf-8")
    (root / "40-cookies").mkdir()
    write_clause(root / "40-cookies", "facts.md", (
        '+++\nid = "cookies.mine"\npractice = "cookies.mine"\nsection = "cookies"\ntitle = "Mine"\n'
        'summary = "Mine."\nsources = ["new"]\nfacts = [\n  "collects identifiers.email",\n'
        '  "sells unicorn.horns to anyone",\n  "keeps private opt.nope",\n]\n+++\nWe keep your email address private.\n'))
    library = load_library([bundled_dir("snippets"), root])
    messages = [str(f) for f in library.faults]
    assert any("facts.md:10:" in m and "unicorn.horns" in m for m in messages), messages
    assert any("facts.md:11:" in m and "nope" in m for m in messages), messages
    assert any(str(root / "_vocabulary" / "data.toml") in m for m in messages), messages
    assert "cookies.mine" not in library.clauses  # a clause with a broken fact is skipped, like any other fault
    assert main(["check-library", str(bundled_dir("snippets")), str(root)]) == 1
    assert "facts.md:10:" in capsys.readouterr().out
