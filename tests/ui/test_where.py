"""Naming where a problem points (no Qt needed)."""

from desktop.engine.policy.place import CLAUSE, DOCUMENT, FIELD, OPTION, PRACTICE, PRACTICES, REQUIREMENT, Place
from desktop.ui.where import describe, practices_covering


def test_describe(fixture_library):
    def place(*args):
        return describe(Place(*args), fixture_library)

    assert place(FIELD, "company.contact_email") == "Contact email"
    assert place(FIELD, "terms.service") == "Word for the service"
    assert place(OPTION, "cookies.ads", "days") == "Advertising cookies › Days cookies last"
    assert place(PRACTICE, "cookies.ads") == "Advertising cookies"
    assert place(PRACTICE, "no.such") == "Practice no.such"
    assert place(CLAUSE, "contact.details") == "Wording of “How to reach us”"
    assert place(REQUIREMENT, "caloppa.do_not_track") == "CalOPPA requirement"
    assert place(PRACTICES) == "Practices"
    assert place(DOCUMENT) == "Whole policy"


def test_place_text_is_the_stable_command_line_form():
    assert [str(p) for p in (Place(FIELD, "company.phone"), Place(PRACTICE, "cookies.ads"), Place(OPTION, "cookies.ads", "days"),
                             Place(CLAUSE, "contact.details"), Place(REQUIREMENT, "gdpr.rights"), Place(DOCUMENT))] == [
        "company.phone", "practice:cookies.ads", "practice:cookies.ads.days", "clause:contact.details",
        "regime:gdpr.rights", "document"]


def test_practices_covering(fixture_library):
    assert practices_covering("caloppa.do_not_track", fixture_library) == ["dnt.honour", "dnt.ignore"]


def test_requirements_are_named_by_their_declared_regime(fixture_library):
    places = [describe(Place(REQUIREMENT, f"{regime}.something"), fixture_library) for regime in fixture_library.regimes]
    assert places == [f"{regime.title} requirement" for regime in fixture_library.regimes.values()]
    assert fixture_library.regimes["caloppa"].label == "CalOPPA (any US website or app)"
    assert describe(Place(REQUIREMENT, "pipeda.access"), fixture_library) == "PIPEDA requirement"
