"""Legal bases per purpose (GDPR Art. 13(1)(c), (d)): each purpose the policy states, once, with its basis,
generated from the facts; a purpose with none is an error where a law asks for one, and consent to
cookies is stated only with a way to give and change it."""

import re
from dataclasses import replace

from businesses import OREGON_TICKETS

from desktop.engine.facts.bases import purpose_named
from desktop.engine.facts.grammar import contradictions
from desktop.engine.history.change_summary import summarise
from desktop.engine.interview.interview import new_profile
from desktop.engine.library.loader import load_library
from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import Paragraph, plain
from desktop.engine.reference.vocabulary import load_vocabulary
from desktop.engine.review.checks import ERROR, check
from desktop.engine.review.example import all_practices_profile
from desktop.paths import bundled_dir

LIBRARY = load_library([bundled_dir("snippets")])
VOCABULARY = LIBRARY.vocabulary


def shop(**practices):
    """The Oregon ticket shop (GDPR applies), built through the interview, with practices changed."""
    profile = new_profile(OREGON_TICKETS, LIBRARY)
    for practice_id, options in practices.items():
        profile.practices[practice_id.replace("__", ".")] = {**profile.practices.get(practice_id.replace("__", "."), {}), **options}
    return profile


def errors(profile, code: str) -> list[str]:
    return [p.message for p in check(profile, LIBRARY) if p.severity == ERROR and p.code == code]


def bases(profile) -> list[str]:
    """The items of the legal-bases list."""
    document = assemble(profile, LIBRARY)
    blocks = [(kind, text) for kind, text in document.text_blocks() if kind in ("paragraph", "item")]
    start = next(i for i, (_, text) in enumerate(blocks) if "the basis we rely on for it" in text) + 1
    end = next(i for i in range(start, len(blocks)) if blocks[i][0] != "item")
    return [text for _, text in blocks[start:end]]


def basis_of(items: list[str], title: str) -> str:
    """What the list says is the basis of the purpose titled `title` (it must be named exactly once)."""
    [item] = [item for item in items if re.search(rf"(^|, | and ){re.escape(title)}(,| and |:)", item, re.IGNORECASE)]
    return item.split(": ", 1)[1]


# What the issue found without a basis: finding unused accounts, support, marketing emails

def test_the_shop_built_through_the_interview_gives_every_purpose_a_basis_without_errors():
    profile = shop(use__security={"abandoned": True})
    assert errors(profile, "contradiction-legal-basis") == []
    items = bases(profile)
    assert basis_of(items, "Finding accounts no one uses any more").startswith("our legitimate interest in closing accounts")
    assert basis_of(items, "Giving support").startswith("our legitimate interest in answering the questions")
    assert basis_of(items, "Marketing emails") == (
        "your consent, which you can take back at any time by clicking the unsubscribe link in any of our emails")
    assert basis_of(items, "Handling purchases and payments").startswith("our contract with you")


def test_legal_obligation_means_eu_or_uk_law_and_other_countries_requests_are_a_legitimate_interest():
    profile = shop(share__protect={}, share__legal={})
    items = bases(profile)
    assert "gdpr" in profile.regimes and "uk_gdpr" not in profile.regimes  # the law of the places served: the EU's here
    assert basis_of(items, "Meeting our legal duties") == "a legal duty under the law of the European Union or of an EU country"
    profile.regimes = [*profile.regimes, "uk_gdpr"]
    assert basis_of(bases(profile), "Meeting our legal duties") == ("a legal duty under the law of the European Union, "
                                                                   "of an EU country or of the UK")
    protect = basis_of(items, "Enforcing our terms and protecting rights and safety")
    assert protect.startswith("our legitimate interest in") and "requests from courts and the police" in protect
    assert not any("lawful requests" in item and "legal duty" in item for item in items)


def test_each_purpose_of_the_all_practices_policy_is_listed_once_with_its_basis():
    profile = all_practices_profile(LIBRARY)
    document = assemble(profile, LIBRARY)
    stated = {s.fact.purpose for s in document.facts if s.fact.positive and s.fact.verb == "uses" and s.fact.purpose
              and any(VOCABULARY.root(id, "data") == "personal" for id in s.fact.data)}
    items = bases(profile)
    for purpose in stated:
        assert basis_of(items, VOCABULARY.purposes[purpose].title.replace("{{the service}}", "the Platform"))
    assert [p for p in check(profile, LIBRARY) if p.severity == ERROR] == []


# A purpose with no basis

def test_a_purpose_with_no_usual_basis_is_an_error_naming_it_until_the_owner_gives_one():
    profile = shop(use__automated_decisions={"profiling": True})
    [error] = errors(profile, "contradiction-legal-basis")
    assert "no legal basis for drawing conclusions about you" in error and "the GDPR then requires one for each use" in error
    assert "“Drawing conclusions about you: legitimate interests: the interest it serves”" in error
    profile.practices["legal_bases.overview"]["bases"] = ["Drawing conclusions about you: consent"]
    assert errors(profile, "contradiction-legal-basis") == []
    assert basis_of(bases(profile), "Drawing conclusions about you").startswith("your consent, which you can take back")


def test_no_basis_is_asked_for_where_no_chosen_law_asks_for_one():
    profile = shop(use__automated_decisions={"profiling": True})
    profile.regimes = ["caloppa"]
    assert errors(profile, "contradiction-legal-basis") == []


def test_a_law_that_declares_the_same_need_as_data_gets_the_same_rule():
    profile = shop(use__automated_decisions={"profiling": True})
    document = assemble(profile, LIBRARY)
    caloppa = replace(LIBRARY.regimes["caloppa"], rules=("legal-bases",))
    found = [c for c in contradictions(document.facts, [caloppa], VOCABULARY) if c.kind == "legal-basis"]
    assert len(found) == 1 and "CalOPPA then requires one for each use" in found[0].reason


# The owner's own bases

def test_the_owner_can_change_a_purposes_basis_and_name_the_interest():
    profile = shop(legal_bases__overview={"bases": ["Giving support: contract",
                                                    "Marketing emails: legitimate interests: telling customers about shows like theirs"]})
    items = bases(profile)
    assert basis_of(items, "Giving support").startswith("our contract with you")
    assert basis_of(items, "Marketing emails") == "our legitimate interest in telling customers about shows like theirs"
    assert errors(profile, "contradiction-legal-basis") == []


def test_legitimate_interests_without_an_interest_is_an_error_until_one_is_named():
    profile = shop(legal_bases__overview={"bases": ["Handling purchases and payments: legitimate interests"]})
    [error] = errors(profile, "contradiction-legal-basis")
    assert "no legitimate interest it serves for handling purchases and payments" in error
    profile.practices["legal_bases.overview"]["bases"] = ["Handling purchases and payments: legitimate interests: selling tickets"]
    assert errors(profile, "contradiction-legal-basis") == []


def test_consent_the_owner_chooses_says_how_to_take_it_back():
    profile = shop(legal_bases__overview={"bases": ["Measuring how the Site is used: consent"]})
    assert basis_of(bases(profile), "Measuring how the Site is used") == (
        "your consent, which you can take back at any time by emailing us at privacy@rosecitytickets.example")


def test_an_owner_line_that_names_no_use_or_no_basis_is_an_error_quoting_it():
    profile = shop(legal_bases__overview={"bases": ["Stuff we do: maybe", "Giving support: because we can"]})
    found = errors(profile, "contradiction-legal-basis")
    assert any("“Stuff we do: maybe”, whose use Policywright cannot read" in e for e in found)
    assert any("“Giving support: because we can”, whose legal basis Policywright cannot read" in e for e in found)
    assert all("“Marketing emails: consent”" in e for e in found)


def test_a_use_is_read_by_its_title_or_its_words():
    assert purpose_named("Marketing emails", VOCABULARY) == "communicate.marketing"
    assert purpose_named("Keeping the service safe and stopping fraud", VOCABULARY) == "security"
    assert purpose_named("Measuring how the Site is used", VOCABULARY) == "analytics"
    assert purpose_named("our newsletter", VOCABULARY) == "communicate.marketing"
    assert purpose_named("something else", VOCABULARY) is None


# Consent to cookies

def test_cookie_consent_without_a_way_to_give_and_change_it_is_an_error_where_the_gdpr_applies():
    answers = {key: value for key, value in OREGON_TICKETS.items() if key != "cookie_settings"}
    profile = new_profile(answers, LIBRARY)
    found = errors(profile, "contradiction-cookie-consent")
    assert found and all("a way to give and change that consent, and no clause says how" in e for e in found)
    assert any("fill in “Where people give and change their cookie choices" in e for e in found)
    profile.regimes = ["caloppa"]
    assert errors(profile, "contradiction-cookie-consent") == []


def test_the_cookie_settings_named_in_the_interview_clear_it_and_the_reference_points_at_them():
    profile = new_profile(OREGON_TICKETS, LIBRARY)
    assert errors(profile, "contradiction-cookie-consent") == []
    document = assemble(profile, LIBRARY)
    text = document.plain_text()
    assert "We also ask your consent before we set cookies that are not needed to run the Site." in text
    reference = re.search(r"Change your cookie choices, as explained in section (\d+)", text)
    cookies = next(section for section in document.sections if section.number == int(reference.group(1)))
    paragraphs = [plain(block.runs) for block in cookies.blocks if isinstance(block, Paragraph)]
    assert any("change your choices at any time, with the Cookie choices link at the foot of every page" in p for p in paragraphs)


def test_the_legitimate_interests_clause_alone_lists_the_interests_the_bases_name():
    profile = shop()
    profile.practices.pop("legal_bases.overview")
    text = assemble(profile, LIBRARY).plain_text()
    assert "these are the interests we have in mind:\nanswering the questions you send us" in text
    assert text.count("keeping the Site and our users safe, and stopping fraud and abuse") == 1


def test_a_purpose_declaring_an_unknown_basis_is_a_library_fault_naming_the_key(tmp_path):
    (tmp_path / "purposes.toml").write_text('[[purpose]]\nid = "x"\ntitle = "X"\nwords = []\nbasis = "whim"\n', encoding="utf-8")
    _, faults = load_vocabulary([tmp_path])
    assert [(path.name, message) for path, _, message in faults] == [
        ("purposes.toml", "`basis` must be one of contract, legal_obligation, legitimate_interests, consent")]


def test_a_basis_the_owner_changes_reads_plainly_in_the_summary_of_changes():
    before = shop()
    after = shop(legal_bases__overview={"bases": ["Giving support: contract"]})
    lines = summarise(before, assemble(before, LIBRARY).facts, after, assemble(after, LIBRARY).facts, LIBRARY)
    assert "We now rely on contract for giving support." in lines
