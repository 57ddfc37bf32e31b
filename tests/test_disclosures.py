"""What a regulator reads: for every requirement in `regimes.toml`, the clause that covers it says
the disclosure itself, in the words the law uses, not just a tag.

Each row: requirement id -> the practice ticked to cover it, and the words its assembled text must
hold (compared without regard to case or curly quotes). The profile is the example company's,
with the details the disclosures need filled in (DETAILS), every law chosen, and only the
covering practice ticked, with the options in OPTIONS and NAMED_FEATURES, the practices it needs,
and any listed in CONTEXT so that its generated lists have something to list.
"""

import datetime as dt

import pytest
from test_library_content import block_text

from desktop.engine.policy.assemble import assemble
from desktop.engine.review.example import NAMED_FEATURES, SENSITIVE, example_profile
from tests.laws import BUNDLED_LAWS, regime_ids

EMAIL = "privacy@acme-audio.example"
ADDRESS = "100 Main Street, Springfield, IL 62701"
PHONE = "+1 555 0100"
EFFECTIVE = dt.date(2026, 11, 22)
# The company details the disclosures show, beyond the example company's.
REPRESENTATIVE = "EU Rep Ltd, 1 Quay Street, Dublin, rep@eurep.example"
DPO = "Jo Smith, dpo@acme-audio.example"
OPERATOR = "Example Ads Ltd, 2 Side Street, Springfield, IL 62701, +1 555 0101, privacy@ads.example"
UK_REPRESENTATIVE = "UK Rep Ltd, 1 Temple Way, Bristol BS1 6AA, rep@ukrep.example"
OFFICER, OFFICER_CONTACT = "Privacy Officer", "privacy@acme-audio.example, 100 Main Street, Springfield, IL 62701"
DETAILS = {"company.eu_representative": REPRESENTATIVE, "company.dpo_required": "yes", "company.dpo_contact": DPO,
           "company.uk_representative": UK_REPRESENTATIVE, "company.privacy_officer": OFFICER,
           "company.privacy_officer_contact": OFFICER_CONTACT}

DISCLOSURES: dict[str, tuple[str, list[str]]] = {
    # GDPR, Article 13
    "gdpr.controller": ("intro.controller", ["Acme Audio, Inc.", "responsible", "controller", EMAIL]),
    "gdpr.dpo": ("intro.controller", ["data protection officer", DPO]),
    "gdpr.representative": ("intro.controller", ["our representative in the European Union is", REPRESENTATIVE]),
    "gdpr.purposes_basis": ("legal_bases.overview", ["legal basis", "contract", "consent", "take back", "legitimate interest in",
                                                   "legal duty under the law of the European Union"]),
    "gdpr.legitimate_interests": ("legal_bases.legitimate_interests", ["legitimate interests", "object"]),
    "gdpr.recipients": ("share.service_providers", ["we share", "companies that do work for us"]),
    "gdpr.transfers": ("transfers.international", ["other countries", "adequacy decisions", "standard contractual clauses",
                                                   "to get a copy of the safeguards"]),
    "gdpr.retention": ("retention.criteria", ["how long", "we keep"]),
    "gdpr.rights": ("rights.gdpr_rights", ["access", "correction", "deletion", "restriction", "objection", "portability"]),
    "gdpr.withdraw_consent": ("rights.gdpr_withdraw_consent", ["consent at any time"]),
    "gdpr.complaint": ("rights.gdpr_complaint", ["right to complain", "supervisory authority"]),
    "gdpr.obligation": ("collect.obligation", ["you must give us", "without these", "up to you"]),
    "gdpr.children": ("children.gdpr_consent_age", ["parent or guardian must give it", "16", "13",
                                                    "we send a message to the parent's email address"]),
    "gdpr.automated_decisions": ("use.automated_decisions", ["automated decision-making", "profiling", "legal effects"]),
    # CCPA / CPRA
    "ccpa.rights": ("california.rights", ["right to know", "right to delete", "right to correct", "right to opt out",
                                          "right to limit"]),
    "ccpa.non_discrimination": ("california.non_discrimination", ["discriminate", "charge you a different price"]),
    "ccpa.request_methods": ("california.request_methods", ["to make a request", f"email us at {EMAIL}"]),
    "ccpa.toll_free": ("california.request_methods", ["call us toll-free at +1 800 555 0100"]),
    "ccpa.verification": ("california.verification", ["check who you are"]),
    "ccpa.authorized_agent": ("california.authorized_agent", ["authorized agent", "signed permission"]),
    "ccpa.categories_collected": ("california.categories", ["in the last 12 months, we have collected these categories",
                                                            "identifiers (name and email address"]),
    "ccpa.sources": ("california.categories", ["sources: you"]),
    "ccpa.purposes": ("california.categories", ["business purposes", "purposes: providing the platform"]),
    "ccpa.third_parties": ("california.categories", ["given to: companies that do work for us"]),
    "ccpa.sold_shared": ("california.no_sale", ["we do not sell", "in the last 12 months"]),
    "ccpa.disclosed_business_purpose": ("california.categories", ["for a business purpose"]),
    "ccpa.sensitive": ("california.sensitive", ["counts as sensitive personal information", "under California law",
                                                "in the last 12 months, we have collected", "password",
                                                "only for the purposes the law allows", "limit its use"]),
    "gdpr.special_categories": ("collect.sensitive", ["we ask about the results of a hearing test",
                                                      "we use it only to tune the sound to your hearing",
                                                      "seen only by our sound engineers", "explicit consent",
                                                      "withdraw your consent"]),
    "ccpa.retention": ("california.retention", ["we keep each category"]),
    "ccpa.opt_out_signals": ("california.gpc", ["Global Privacy Control", "opt out"]),
    "ccpa.financial_incentive": ("california.financial_incentive", [
        "notice of financial incentive", "contests and prize draws", "your name and email address", "opt in",
        "you can leave a program at any time", "worth about $5 a year to us", "we worked this out"]),
    "ccpa.do_not_sell_link": ("california.opt_out", ["click the \"Do Not Sell or Share My Personal Information\" link",
                                                     "https://acme-audio.example/do-not-sell"]),
    "ccpa.minors": ("california.no_sale", ["under 16"]),
    "ccpa.contact": ("contact.details", ["question", EMAIL]),
    "ccpa.last_updated": ("california.last_updated", ["last updated on November 22, 2026", "every 12 months"]),
    # CalOPPA
    "caloppa.categories": ("collect.registration", ["we ask for your name, your email address and a password"]),
    "caloppa.third_parties": ("share.service_providers", ["we share", "companies that take payments for us"]),
    "caloppa.review_changes": ("rights.access_correct", ["ask to see", "fix it", "update your details"]),
    "caloppa.change_notice": ("changes.advance_notice", ["major change", "we will tell you"]),
    "caloppa.effective_date": ("california.last_updated", ["takes effect", "November 22, 2026"]),
    "caloppa.do_not_track": ("cookies.dnt_ignore", ["Do Not Track", "we do not respond"]),
    "caloppa.third_party_tracking": ("cookies.third_party_tracking", ["other companies",
                                                                      "over time and across different websites"]),
    # COPPA
    "coppa.operators": ("children.directed", ["runs the Platform and collects this information", ADDRESS, PHONE, EMAIL,
                                              "other companies also collect", "how to reach it", OPERATOR]),
    "coppa.practices": ("children.directed", ["with a parent's consent, we may collect", "public",
                                              "we use a child's information only to"]),
    "coppa.parent_rights": ("children.directed_parent_rights", ["ask us to delete it", "stop collecting", EMAIL]),
    "coppa.third_parties": ("children.directed", ["we give it only to", "companies that host the Platform"]),
    "coppa.retention": ("children.directed_retention", ["written plan", "how long we keep", "delete"]),
    "coppa.general_audience": ("children.under13", ["general audience", "do not knowingly collect", "delete"]),
}
# The US state laws share one section: each law's common core (Va. Code 59.1-578(C)-(E) and its like)
# is said once, by the same clause, in the same words.
US_STATE_CORE = {
    "categories": ("us_states.summary", ["the kinds of personal information", "we process", "sensitive"]),
    "purposes": ("us_states.summary", ["why we process it"]),
    "shared": ("us_states.summary", ["the kinds we share with others"]),
    "third_parties": ("us_states.summary", ["the kinds of companies we share it with"]),
    "rights": ("us_states.rights", ["right to know", "right to correct", "right to delete", "right to a copy", "right to opt out"]),
    "appeal": ("us_states.appeal", ["you can appeal", "attorney general"]),
    "sale_ads": ("us_states.opt_out", ["targeted advertising", "opt out of the sale"]),
    "methods": ("us_states.requests", ["to use any of these rights", EMAIL]),
}
DISCLOSURES |= {f"{law}.{key}": row for law in regime_ids() if BUNDLED_LAWS[law].sensitive_list == "us_states"
                and BUNDLED_LAWS[law].requirements
                for key, row in US_STATE_CORE.items() if key != "appeal" or law != "us_ut"}  # Utah's law has no appeal
DISCLOSURES |= {
    "us_ct.llm_training": ("us_states.llm_training", ["large language models"]),
    "us_or.third_party_list": ("us_states.rights", ["a list of the specific third parties"]),
    "us_mt.last_updated": ("us_states.last_updated", ["last updated on"]),
    "us_mn.last_updated": ("us_states.last_updated", ["last updated on"]),
    "us_mt.changes": ("us_states.changes", ["material change", "before the change takes effect"]),
    "us_nj.changes": ("us_states.changes", ["material change", "before the change takes effect"]),
    "us_nj.contact": ("us_states.requests", [EMAIL]),
    "us_mn.contact": ("us_states.requests", [EMAIL]),
    "us_mn.retention": ("us_states.retention", ["as long as this policy says"]),
    "us_mn.profiling_question": ("us_states.rights", ["made by profiling", "review it"]),
    "us_ri.sale_recipients": ("us_states.buyers", ["we do not sell personal information", "to anyone"]),
}

# The UK GDPR: the GDPR's Article 13 in the same clauses, with its own representative and regulator
DISCLOSURES.update({"uk_" + key: value for key, value in DISCLOSURES.items() if key.startswith("gdpr.")})
DISCLOSURES.update({
    "uk_gdpr.representative": ("intro.controller", ["our representative in the United Kingdom is", UK_REPRESENTATIVE]),
    "uk_gdpr.complaint": ("rights.gdpr_complaint", ["complain to us first", "acknowledge every complaint within 30 days",
                                                    "Information Commissioner's Office", "ico.org.uk"]),
    # PIPEDA, Schedule 1, and Quebec's Act respecting the protection of personal information in the private sector
    "ca_pipeda.accountable": ("canada.officer", ["the person accountable for how we protect your",
                                                 f": {OFFICER}. How to reach them:", OFFICER_CONTACT]),
    "ca_pipeda.consent": ("canada.consent", ["only with your knowledge and consent", "withdraw your consent at any time"]),
    "ca_pipeda.kinds_and_use": ("canada.consent", ["this policy says what we collect, how and why"]),
    "ca_pipeda.access": ("canada.access", ["you can ask us what personal information", "we hold about you", "ask us to correct it"]),
    "ca_pipeda.shared": ("share.service_providers", ["we share", "companies that do work for us"]),
    "ca_pipeda.complaint": ("canada.complaint", ["Office of the Privacy Commissioner of Canada", "priv.gc.ca"]),
    "ca_quebec.person_in_charge": ("canada.officer", ["the person in charge of the protection of personal information",
                                                      OFFICER, OFFICER_CONTACT]),
    "ca_quebec.purposes_means": ("canada.consent", ["this policy says what we collect, how and why"]),
    "ca_quebec.access": ("canada.access", ["ask us to correct it"]),
    "ca_quebec.portability": ("canada.access", ["structured, commonly used technological format"]),
    "ca_quebec.deindex": ("canada.access", ["stop spreading your", "remove any link to your name"]),
    "ca_quebec.withdraw_consent": ("canada.consent", ["withdraw your consent at any time"]),
    "ca_quebec.third_parties": ("share.service_providers", ["we share", "companies that do work for us"]),
    "ca_quebec.outside_quebec": ("canada.quebec", ["may be communicated outside Quebec"]),
    "ca_quebec.technologies": ("canada.quebec", ["identifies you, locates you or builds a profile of you",
                                                 "stay off until you turn it on"]),
    "ca_quebec.automated_decisions": ("use.automated_decisions", ["automated decision-making"]),
    "ca_quebec.complaint": ("canada.complaint", ["Commission d'accès à l'information"]),
    # Consumer health data: Washington (RCW 19.373.020) and Nevada (NRS 603A.495), in their own notice
    "us_wa_health.categories": ("collect.sensitive", ["we collect this consumer health data", "we use it only"]),
    "us_wa_health.sources": ("collect.sensitive", ["you give it to us yourself", "no other source"]),
    "us_wa_health.shared": ("collect.sensitive", ["seen only by", "we share it with no third party and no affiliate"]),
    "us_wa_health.rights": ("health.rights", ["delete it", "withdraw your consent", "appeal", f"email us at {EMAIL}"]),
    "us_wa_health.link": ("health.link", ["our consumer health data privacy policy"]),
    "us_nv_health.categories": ("collect.sensitive", ["we collect this consumer health data", "we use it only"]),
    "us_nv_health.sources": ("collect.sensitive", ["you give it to us yourself"]),
    "us_nv_health.shared": ("collect.sensitive", ["we share it with no third party and no affiliate"]),
    "us_nv_health.rights": ("health.rights", ["a list of every third party", "delete it"]),
    "us_nv_health.changes": ("health.intro", ["if we change this policy in an important way", "takes effect on"]),
    "us_nv_health.third_party_tracking": ("collect.sensitive", ["over time and across other websites"]),
    "us_nv_health.link": ("health.link", ["our consumer health data privacy policy"]),
})

# Practices ticked beside a covering practice, so that the lists it makes from the policy's facts
# have something in them.
CONTEXT = {
    "california.categories": {"collect.registration": {}, "share.service_providers": {}},
    "california.financial_incentive": {"use.contests": {}},
    "california.sensitive": {"collect.registration": {}},
    "california.opt_out": {"cookies.ad_network": {}, "collect.automatic": {}},
    "legal_bases.overview": {"use.administer": {}, "use.security": {}, "comms.newsletter": {}, "share.legal": {}},
}
# Options a covering practice needs for its disclosure to show (beyond NAMED_FEATURES).
OPTIONS: dict[str, dict] = {
    "collect.sensitive": SENSITIVE,
    "children.directed": {"other_operators": [OPERATOR]},
}


def requirement_ids(library) -> list[str]:
    return [r.id for regime in library.regimes.values() for r in regime.requirements]


def with_needs(library, practices: dict[str, dict]) -> dict[str, dict]:
    chosen = dict(practices)
    waiting = list(chosen)
    while waiting:
        for need in library.needs(waiting.pop()):
            if need not in chosen:
                chosen[need] = dict(NAMED_FEATURES.get(need, {}))
                waiting.append(need)
    return chosen


def covering_text(library, requirement_id: str) -> str:
    practice_id, _ = DISCLOSURES[requirement_id]
    profile = example_profile(library, EFFECTIVE)
    profile.regimes = list(regime_ids())
    for key, value in DETAILS.items():
        profile.set_field(key, value)
    options = {**NAMED_FEATURES.get(practice_id, {}), **OPTIONS.get(practice_id, {})}
    ticked = {practice_id: options, **CONTEXT.get(practice_id, {})}
    profile.practices = with_needs(library, ticked)
    documents = [assemble(profile, library)] + [assemble(profile, library, notice) for notice in library.notices()]
    clause_ids = {clause.id for clause in library.practices[practice_id].clauses}
    blocks = [block for document in documents for section in document.sections for block in section.blocks
              if block.clause_id in clause_ids]
    return " ".join(block_text(block) for block in blocks)


def normal(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').lower().split())


def test_the_table_names_every_requirement_once(bundled_library):
    assert sorted(DISCLOSURES) == sorted(requirement_ids(bundled_library))


@pytest.mark.parametrize("requirement_id", sorted(DISCLOSURES))
def test_the_covering_clause_says_what_the_law_asks(bundled_library, requirement_id):
    practice_id, words = DISCLOSURES[requirement_id]
    tagged = [c.id for c in bundled_library.practices[practice_id].clauses if requirement_id in c.regimes]
    assert tagged, f"no clause of {practice_id} is tagged {requirement_id}"
    text = normal(covering_text(bundled_library, requirement_id))
    assert text, f"{practice_id} shows nothing"
    missing = [word for word in words if normal(word) not in text]
    assert missing == [], f"{practice_id} ({requirement_id}) does not say {missing}:\n{text}"
