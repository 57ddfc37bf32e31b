"""Every field the company form asks for is printed somewhere in the policy, or is declared in
fields.py as not printed (and the form says so): no field is asked for and then silently ignored."""

from desktop.engine.language.markup import tokens_in
from desktop.engine.library.tokens import TokenError, classify
from desktop.engine.profile.fields import PROFILE_FIELDS

# A token that prints more than one field, or a field through a term the profile names.
_COMPANY = ("company.legal_name", "company.short_name")
_TERM_FIELDS = {"service": "terms.service", "personal information": "terms.personal_information"}


def _library_texts(library) -> list[str]:
    texts = [library.terms[t].introduce for t in library.terms if library.terms[t].introduce]
    texts += [r.description for r in library.vocabulary.recipients.values()]
    for clause in library.clauses.values():
        texts += [clause.body, clause.shown_heading or ""]
        for spec in clause.options.values():
            texts += spec.text_values()
    return texts


def printed_fields(library) -> set[str]:
    printed = {"effective_date"}  # the effective-date line under the title prints it
    for text in _library_texts(library):
        for raw in tokens_in(text):
            if raw.startswith("if "):
                continue
            try:
                token = classify(raw, set(library.terms))
            except TokenError:
                continue
            if token.kind == "field":
                printed.add(token.name)
            elif token.kind == "company":
                printed.update(_COMPANY)
            elif token.kind == "term" and token.name in _TERM_FIELDS:
                printed.add(_TERM_FIELDS[token.name])
    return printed


def test_every_form_field_is_printed_or_declared_not_printed(bundled_library):
    printed = printed_fields(bundled_library)
    silent = [f.key for f in PROFILE_FIELDS if f.key not in printed and not f.not_printed]
    assert silent == [], "asked for but never in the policy: print it in a clause or declare not_printed in fields.py"
    wrongly = [f.key for f in PROFILE_FIELDS if f.key in printed and f.not_printed]
    assert wrongly == [], "declared not printed, yet a clause prints it"


def test_the_website_and_region_reach_the_policy(bundled_library):
    from desktop.engine.policy.assemble import assemble
    from desktop.engine.review.example import example_profile

    profile = example_profile(bundled_library)
    profile.practices.setdefault("law.governing", {})
    text = assemble(profile, bundled_library).plain_text()
    intro = text.split("\n2. ")[0]
    assert "You can find us online at acme-audio.example." in intro
    assert "online at acme-audio.example" in text.split("by email at privacy@acme-audio.example")[1]
    assert "governed by the laws of Illinois, United States" in text
