"""What a practice needs has one home, `_rules/`: the checks, the example builders and the loader read it there."""

from pathlib import Path

from conftest import FIXTURES, make_profile

from desktop.engine.library.loader import load_library
from desktop.engine.review.checks import check

FILES_NEED_CONTACT = """kind = "needs"
practice = "collect.files"
others = ["contact.details"]
reason = "people ask for their files back through the contact address"
"""


def library_with_rule(tmp_path: Path, *texts: str):
    rules = tmp_path / "mine" / "_rules"
    rules.mkdir(parents=True)
    for number, text in enumerate(texts):
        (rules / f"rule{number}.toml").write_text(text, encoding="utf-8")
    return load_library([FIXTURES / "library", tmp_path / "mine"])


def test_a_need_declared_in_rules_is_what_the_library_and_check_report(tmp_path):
    library = library_with_rule(tmp_path, FILES_NEED_CONTACT)
    assert library.faults == []
    assert library.needs("collect.files") == ["contact.details"]
    problems = [p for p in check(make_profile(intro__about={}, collect__files={}), library) if p.code == "needs-practice"]
    assert [p.where for p in problems] == ["practice:collect.files"]
    assert "people ask for their files back" in problems[0].message and "Tick “How to reach us” too." in problems[0].message
    with_contact = make_profile(intro__about={}, collect__files={}, contact__details={})
    assert not [p for p in check(with_contact, library) if p.code == "needs-practice"]


def test_a_need_declared_twice_is_a_fault(tmp_path):
    library = library_with_rule(tmp_path, FILES_NEED_CONTACT, FILES_NEED_CONTACT)
    assert [(f.path.name, f.message) for f in library.faults] == [
        ("rule1.toml", "collect.files needs contact.details is already declared in rule0.toml")]


def test_front_matter_cannot_declare_a_need(tmp_path):
    folder = tmp_path / "mine" / "20-collect"
    folder.mkdir(parents=True)
    text = (FIXTURES / "library/20-collect/collect.files.md").read_text(encoding="utf-8")
    (folder / "collect.files.md").write_text(text.replace("order = 20", 'order = 20\nrequires_practices = ["contact.details"]'),
                                             encoding="utf-8")
    library = load_library([FIXTURES / "library", tmp_path / "mine"])
    assert any("`requires_practices` is not read here" in f.message and "_rules/" in f.message for f in library.faults)
    assert library.needs("collect.files") == []


def test_the_all_practices_builder_leaves_out_a_practice_whose_need_it_cannot_tick(tmp_path):
    from desktop.engine.review.example import all_practices

    assert "collect.files" in all_practices(load_library([FIXTURES / "library"]))
    library = library_with_rule(tmp_path, FILES_NEED_CONTACT.replace('"contact.details"', '"dnt.ignore"'))
    chosen = all_practices(library)  # one of each exclusive group: Do Not Track honoured, so never ignored
    assert "dnt.honour" in chosen and "dnt.ignore" not in chosen and "collect.files" not in chosen
