"""The bundled clause library: complete, plain, generic, and rewritten rather than copied."""

import re
from pathlib import Path

import pytest
from conftest import SEEDS

from desktop.engine.policy.assemble import assemble
from desktop.engine.policy.document import BulletList, Paragraph, plain
from desktop.engine.policy.readability import flesch_reading_ease
from desktop.engine.review.checks import check
from desktop.engine.review.example import NAMED_FEATURES, all_practices, example_profile
from desktop.paths import bundled_dir
from tests.laws import regime_ids

SNIPPETS = bundled_dir("snippets")
SEED_IDS = {"000_8f4213cada12a81c", "001_722782982bc89829", "002_d77c710171acd40f", "003_edd117d97077f770", "004_ad5d4cd81024e2c9"}
# Names, people and places of the seed companies; their emails, phones and web addresses are read from the seeds.
SEED_NAMES = ["Bandtraq", "bandwidget", "band.link", "Qtrax", "DJMixerSoft", "GigMasters", "BestQM", "TRUSTe",
              "Caldwell", "Norwalk", "South Main Street", "VeriSign", "Google+"]

ISSUE_PRACTICES = """
collect.registration collect.automatic collect.public_profile collect.support collect.orders collect.telemetry collect.content
signin.facebook signin.google signin.x signin.apple signin.other
use.personalise use.improve use.communicate use.transactions use.administer use.troubleshoot use.contests use.aggregate
cookies.about cookies.signin cookies.preferences cookies.analytics cookies.cart cookies.beacons cookies.ad_network
cookies.social_widgets cookies.third_party_tracking cookies.dnt_honour cookies.dnt_ignore
share.no_selling share.service_providers share.legal share.protect share.business_transfer share.marketplace
share.partner_promotions share.aggregate_marketing
community.forums community.testimonials community.referrals community.links community.partners
comms.newsletter comms.admin security.measures security.breach_notice retention.account
rights.access_correct rights.delete rights.directory_removal children.under13 changes.posting changes.advance_notice
law.governing contact.details
legal_bases.overview legal_bases.legitimate_interests transfers.international retention.criteria rights.gdpr_rights
rights.gdpr_complaint rights.gdpr_withdraw_consent collect.obligation use.automated_decisions intro.controller
california.intro california.categories california.no_sale california.opt_out california.rights california.sensitive
california.non_discrimination california.request_methods california.verification california.authorized_agent
california.gpc california.retention california.last_updated
children.directed children.directed_parent_rights children.directed_retention
""".split()
OPTIONS_THAT_VARY = {
    "security.breach_notice": {"days", "channels"},
    "changes.advance_notice": {"days"},
    "law.governing": {"state", "mediation", "arbitration"},
    "security.measures": {"measures"},
    "signin.facebook": {"shares"},
    "collect.registration": {"items"},
}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def runs_of(sequence: list[str], length: int) -> set[tuple[str, ...]]:
    return {tuple(sequence[i:i + length]) for i in range(len(sequence) - length + 1)}


def library_files() -> list[Path]:
    return [p for p in SNIPPETS.rglob("*") if p.is_file() and p.suffix in (".md", ".toml") and "_coverage" not in p.parts]


# What a feature the company must name needs beside it before it shows: a notice of financial
# incentive has nothing to describe until a contest, reward or partner offer is ticked.
FEATURE_CONTEXT = {"california.financial_incentive": ["use.contests"]}


def all_policy(bundled_library, **terms):
    profile = example_profile(bundled_library)
    profile.practices = all_practices(bundled_library)
    profile.answers = {}  # every practice, not the example's answers
    profile.regimes = list(regime_ids())
    profile.set_field("company.eu_representative", "EU Rep Ltd, 1 Quay Street, Dublin, rep@eurep.example")
    profile.set_field("company.uk_representative", "UK Rep Ltd, 1 Temple Way, Bristol BS1 6AA, rep@ukrep.example")
    profile.set_field("company.privacy_officer", "Privacy Officer")
    profile.set_field("company.privacy_officer_contact", "privacy@acme-audio.example")
    return profile, assemble(profile, bundled_library)


def test_every_practice_the_issue_names_is_pickable(bundled_library):
    assert sorted(set(ISSUE_PRACTICES) - set(bundled_library.practices)) == []
    for practice_id, names in OPTIONS_THAT_VARY.items():
        assert names <= set(bundled_library.practices[practice_id].options), practice_id
    assert bundled_library.practices["cookies.dnt_honour"].group == bundled_library.practices["cookies.dnt_ignore"].group


def test_every_clause_cites_real_seeds_and_every_seed_is_cited(bundled_library):
    cited = set()
    for clause in bundled_library.clauses.values():
        assert set(clause.sources) <= SEED_IDS | {"new"}, clause.id
        assert clause.sources == ["new"] or "new" not in clause.sources, clause.id
        cited |= set(clause.sources)
    assert cited >= SEED_IDS


def test_every_regime_requirement_is_met_by_some_clause(bundled_library):
    covered = {rid for clause in bundled_library.clauses.values() for rid in clause.regimes}
    assert sorted(bundled_library.requirement_ids() - covered) == []


def test_all_practices_policy_is_plain_english(bundled_library):
    _, document = all_policy(bundled_library)
    score = flesch_reading_ease([text for kind, text in document.text_blocks() if kind in ("paragraph", "item")])
    assert score >= 60


def test_all_practices_policy_has_no_errors_and_meets_every_regime(bundled_library):
    profile, document = all_policy(bundled_library)
    problems = check(profile, bundled_library, document)
    assert [p for p in problems if p.severity != "info"] == []


def test_library_is_generic(bundled_library):
    banned = [name.lower() for name in SEED_NAMES]
    if SEEDS.is_dir():
        seed_text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
        banned += [m.lower() for m in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", seed_text)]
        banned += [m.lower() for m in re.findall(r"\b\d{3}-\d{3}-\d{4}\b", seed_text)]
        banned += [m.lower() for m in re.findall(r"(?:www\.)?[a-z0-9-]+\.(?:com|org|link|net)\b", seed_text.lower())]
    for path in library_files():
        text = path.read_text(encoding="utf-8").lower()
        found = [name for name in set(banned) if re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", text)]
        assert found == [], f"{path.relative_to(SNIPPETS)}: {found}"


# Wording the law fixes: the CCPA's link texts are quoted in the clauses that show them.
STATUTORY = {"Do Not Sell or Share My Personal Information", "Limit the Use of My Sensitive Personal Information"}


def clause_wording(clause) -> str:
    """Body and option texts, without tokens and quoted mentions."""
    texts = [clause.body] + [v for spec in clause.options.values() for v in spec.text_values() if v not in STATUTORY]
    text = re.sub(r"\{\{.*?\}\}", " ", "\n".join(texts))
    return re.sub(r"[“\"][^”\"\n]*[”\"]", " ", text)


def test_clauses_use_tokens_not_literal_terms(bundled_library):
    literal = re.compile(r"\b(?:our|the|this)\s+(?:web ?sites?|sites?|platforms?|apps?|services?|applications?)\b"
                         r"|\bpersonal (?:information|data)\b|\bPII\b|\bpersonally identifiable\b", re.IGNORECASE)
    offenders = {c.id: literal.findall(clause_wording(c)) for c in bundled_library.clauses.values()}
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_no_run_of_twelve_words_is_copied_from_a_seed(bundled_library):
    seed_runs = set()
    for path in SEEDS.glob("*.txt"):
        seed_runs |= runs_of(words(path.read_text(encoding="utf-8")), 12)
    for path in library_files():
        copied = runs_of(words(path.read_text(encoding="utf-8")), 12) & seed_runs
        assert not copied, f"{path.relative_to(SNIPPETS)}: {' '.join(sorted(copied)[0])}"
    _, document = all_policy(bundled_library)
    copied = runs_of(words(document.plain_text()), 12) & seed_runs
    assert not copied, " ".join(sorted(copied)[0])


def sources_tables() -> dict[str, list[list[str]]]:
    """SOURCES.md: section title -> table rows (cells)."""
    text = (SNIPPETS / "SOURCES.md").read_text(encoding="utf-8")
    tables = {}
    for chunk in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        title, _, body = chunk.partition("\n")
        rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
                for line in body.splitlines() if line.startswith("|")]
        tables[title.split(" — ")[0].strip()] = rows[2:]
    return tables


def line_range(cell: str) -> range:
    first, _, last = cell.partition("–")
    return range(int(first), int(last or first) + 1)


def test_sources_md_accounts_for_every_seed_line(bundled_library):
    tables = sources_tables()
    assert set(tables) >= SEED_IDS
    for seed in sorted(SEED_IDS):
        rows = tables[seed]
        for lines, opening, practices, note in rows:
            assert len(opening.split()) <= 6, (seed, lines)
            assert not note.startswith("gap:"), (seed, lines, note)
            for practice_id in re.findall(r"[a-z_0-9]+\.[a-z_0-9.]+", practices):
                assert seed in bundled_library.practices[practice_id].sources, (seed, lines, practice_id)
            assert practices != "—" or note.startswith("left out:"), (seed, lines)
        if SEEDS.is_dir():
            covered = set().union(*(line_range(row[0]) for row in rows))
            seed_lines = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8").splitlines()
            missing = [n for n, line in enumerate(seed_lines, 1) if len(line.split()) >= 3 and n not in covered]
            assert missing == [], (seed, missing)


def test_sources_md_lists_every_new_clause(bundled_library):
    listed = {row[0] for row in sources_tables()["New clauses (not in any seed)"]}
    new = {p.id for p in bundled_library.practices.values() if p.sources == ["new"]}
    assert listed == new


# --- Fault class A: no seed's specifics as defaults; a feature appears only when the profile has it.

SEED_SPECIFICS = re.compile(
    r"\bNew York\b|American Arbitration|\bbands?\b|\bperformers?\b|\bgigs?\b|\bDJs?\b|\bmusic\b|\bmixes\b|\brecordings\b"
    r"|\bvideo chat\b|\bzip code\b|\bcity and state\b|Google Analytics|\bMicrosoft\b|\bour (?:directory|software)\b"
    r"|\bcookie settings\b|dispute resolution provider|condition of playing|\bscores\b",
    re.IGNORECASE,
)


def clause_texts(clause) -> list[str]:
    """What a clause can put in a policy: its body and the texts of its option defaults and choices."""
    return [clause.body] + [v for spec in clause.options.values() for v in spec.text_values()]


def test_no_new_york_anywhere_in_the_library():
    found = [str(p.relative_to(SNIPPETS)) for p in library_files() if "new york" in p.read_text(encoding="utf-8").lower()]
    assert found == []


def test_no_clause_body_or_default_carries_one_seed_s_business_or_place(bundled_library):
    offenders = {c.id: SEED_SPECIFICS.findall("\n".join(clause_texts(c))) for c in bundled_library.clauses.values()}
    assert {k: v for k, v in offenders.items() if v} == {}
    terms = "\n".join(t.introduce or "" for t in bundled_library.terms.values())
    assert SEED_SPECIFICS.findall(terms) == []


def test_governing_law_and_venue_follow_the_company_and_arbitration_is_a_choice(bundled_library):
    profile = example_profile(bundled_library)
    profile.practices = {"law.governing": {}}
    profile.company.region, profile.company.country = "Ontario", "Canada"
    document = assemble(profile, bundled_library)
    text = document.plain_text()
    assert "governed by the laws of Ontario, Canada." in text
    assert "courts of Ontario, Canada." in text
    assert "arbitration" not in text.lower()
    assert document.gaps == []
    assert {"company.country", "company.region"} <= set(bundled_library.clauses["law.governing"].requires)
    profile.company.region = ""
    assert "company.region" in {gap.name for gap in assemble(profile, bundled_library).gaps}
    profile.company.region = "Ontario"
    profile.practices = {"law.governing": {"arbitration": True}}
    assert "law.governing.arbitration_rules" in {gap.name for gap in assemble(profile, bundled_library).gaps}


def test_cookie_settings_tool_sentence_appears_only_when_the_company_has_one(bundled_library):
    profile = example_profile(bundled_library)
    assert "cookies.about" in profile.practices
    assert "cookie choices with" not in assemble(profile, bundled_library).plain_text()
    profile.practices["cookies.about"] = {"has_settings_tool": True}
    assert "cookies.about.settings_tool" in {gap.name for gap in assemble(profile, bundled_library).gaps}
    profile.practices["cookies.about"] = {"has_settings_tool": True, "settings_tool": "the Privacy choices link"}
    text = assemble(profile, bundled_library).plain_text()
    assert "We ask your consent before we set cookies that are not needed to run the Platform." in text
    assert "You can give or refuse it, and change your choices at any time, with the Privacy choices link." in text


@pytest.mark.parametrize(("practice_id", "option"), [(p, o) for p, options in NAMED_FEATURES.items() for o in options])
def test_a_feature_the_company_must_name_is_a_marked_gap_until_named(bundled_library, practice_id, option):
    profile = example_profile(bundled_library)
    profile.practices[practice_id] = {}
    profile.practices.update({need: {} for need in bundled_library.needs(practice_id)})
    profile.practices.update({other: {} for other in FEATURE_CONTEXT.get(practice_id, [])})
    assert f"{practice_id}.{option}" in {gap.name for gap in assemble(profile, bundled_library).gaps}
    profile.practices[practice_id] = dict(NAMED_FEATURES[practice_id])
    document = assemble(profile, bundled_library)
    assert f"{practice_id}.{option}" not in {gap.name for gap in document.gaps}
    assert NAMED_FEATURES[practice_id][option] in document.plain_text()


WEB_ONLY = re.compile(r"\bbrowsers?\b|\bweb ?pages?\b|\bpages? (?:you|of)\b|\b(?:this|each|every|a|the|our|home) pages?\b",
                      re.IGNORECASE)


# The other side of each exclusive choice the all-practices profile makes: honour DNT, sell data, use an ad network.
APP_SWAP = {"cookies.dnt_ignore": "cookies.dnt_honour", "california.no_sale": "california.opt_out", "share.no_selling": "cookies.ad_network"}


@pytest.mark.parametrize("swap", [{}, APP_SWAP])
def test_a_policy_for_an_app_without_a_website_never_mentions_browsers_or_web_pages(bundled_library, swap):
    profile, _ = all_policy(bundled_library)
    for old, new in swap.items():
        profile.practices.pop(old)
        profile.practices[new] = {}
    profile.practices["cookies.about"] = {"has_settings_tool": True, "settings_tool": "the Privacy choices screen"}
    profile.terms.service = "App"
    profile.company.website = ""
    assert WEB_ONLY.findall(assemble(profile, bundled_library).plain_text()) == []
    profile.company.website = "acme-audio.example"
    assert "browser" in assemble(profile, bundled_library).plain_text()


# --- Fault class B: each thing said once, and one name for each concept.

def test_one_name_for_the_user_name(bundled_library):
    rivals = re.compile(r"\b(?:login|log-in|screen|account) names?\b", re.IGNORECASE)
    for clause in bundled_library.clauses.values():
        texts = clause_texts(clause) + [clause.title, clause.summary or ""]
        assert rivals.findall("\n".join(texts)) == [], clause.id
    assert "user name" in all_policy(bundled_library)[1].plain_text()


def test_the_all_practices_policy_says_each_thing_once(bundled_library):
    _, document = all_policy(bundled_library)
    text = document.plain_text()
    # California asks, for each category, its sources, purposes and recipients: those lists may repeat
    text = "\n".join(line for line in text.splitlines() if ". Sources: " not in line)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?:])\s+|\n", text) if len(s.split()) >= 8]
    assert sorted(s for s in set(sentences) if sentences.count(s) > 1) == []
    # the sign-up fields are listed by the sign-up clause alone
    assert text.count("your name, your email address and a password") == 1
    assert "the sign-up details listed above" in text
    # identity checks: one wording, stated once for every right and detailed once for California
    assert text.count("we may check who you are") == 1
    for clause in bundled_library.clauses.values():
        assert not re.search(r"prove who|confirm who|comes from\s+you", clause.body), clause.id
    # owners say it; the others point to them
    assert text.count("If you object to direct marketing") == 0 and "You can object to this use, as section" in text
    assert re.search(r"As section \d+ \(How we share information\) says, we do not sell", text)
    assert "statistics described in section" in text


def test_do_not_track_is_answered_only_by_the_do_not_track_clause(bundled_library):
    ignoring, _ = all_policy(bundled_library)
    honouring, _ = all_policy(bundled_library)
    for old, new in APP_SWAP.items():
        honouring.practices.pop(old)
        honouring.practices[new] = {}
    for profile in (ignoring, honouring):
        document = assemble(profile, bundled_library)
        answering = {block.clause_id for section in document.sections for block in section.blocks
                     if "Do Not Track" in block_text(block)}
        assert answering and answering <= {"cookies.dnt_honour", "cookies.dnt_ignore"}


def block_text(block) -> str:
    if isinstance(block, BulletList):
        return " ".join(plain(item) for item in block.items)
    return plain(block.runs) if isinstance(block, Paragraph) else ""


# --- One description for each kind of recipient: clauses name a recipient with {{recipient:ID}}.

# How clauses described a recipient before each used the vocabulary's one description.
RIVAL_RECIPIENT_WORDING = [
    "service providers that work for us", "companies that help us", "trusted analytics services",
    "analytics services that help us measure", "our advertising network", "an advertising network", "ad partners",
    "the company that takes payments", "on behalf of companies we work with", "new owner",
    "a debt collection agency", "our lawyers", "another public body", "courts and the police",
    "other users and visitors", "whose buttons appear on",
]
# A clause whose facts name a recipient that its wording leaves unnamed, and why.
RECIPIENT_UNNAMED = {
    ("share.protect", "anyone"): "who gets the information depends on the fraud, abuse or emergency",
    ("cookies.beacons", "third_parties"): "“placed by our partners” is a choice value that profiles store and conditions compare",
}


def as_printed(description: str) -> re.Pattern:
    """A recipient's description as the policy prints it, whatever the profile calls the service."""
    pieces = re.split(r"\{\{.*?\}\}", description.replace("’", "'"))
    return re.compile(r"\w+(?: \w+)?".join(re.escape(piece) for piece in pieces))


def test_each_recipient_the_policy_names_reads_as_its_one_description(bundled_library):
    _, document = all_policy(bundled_library)
    recipients = bundled_library.vocabulary.recipients
    wording: dict[str, str] = {}
    for section in document.sections:
        for block in section.blocks:
            wording[block.clause_id] = wording.get(block.clause_id, "") + "\n" + block_text(block).replace("’", "'")
    # a service the company uses is named in its category by the services' own list, not described by a clause
    named = {(s.clause_id, s.fact.recipient) for s in document.facts if s.fact.recipient and not s.by}
    assert len({recipient for _, recipient in named}) >= 8
    not_described = [f"{clause_id}: {recipient} is not “{recipients[recipient].description}”"
                     for clause_id, recipient in sorted(named - set(RECIPIENT_UNNAMED))
                     if not as_printed(recipients[recipient].description).search(wording.get(clause_id, ""))]
    assert not_described == []
    rivals = {clause.id: [r for r in RIVAL_RECIPIENT_WORDING if r in "\n".join(clause_texts(clause)).lower()]
              for clause in bundled_library.clauses.values()}
    assert {clause_id: found for clause_id, found in rivals.items() if found} == {}
