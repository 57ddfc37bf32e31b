"""How to fix a contradiction, in the words of the problem: untick one side, change an option, or tick
(or fill in) what settles it, found from the facts each practice of the library states."""

from desktop.engine.facts.choices import APPEAL, EXPLICIT_CONSENT, OPT_OUT, OPT_OUT_SIGNALS, SALE_NOTICE
from desktop.engine.facts.health import AUTHORIZATION_TO_SELL, CONSENT_TO_SHARE
from desktop.engine.facts.rules import consent_covers, is_cross_context, is_sale
from desktop.engine.facts.sensitive import SPECIAL_CONDITION
from desktop.engine.language.words import join_words
from desktop.engine.library.model import Library
from desktop.engine.profile.profile import Profile

# Which facts settle a rule, by the kind of contradiction (given the fact found at fault): a practice that
# states one is the fix.
_SETTLED_BY = {
    "children": lambda fact, at_fault, vocabulary: consent_covers(fact, at_fault, vocabulary),
    "opt-out": lambda fact, at_fault, vocabulary: fact.verb.startswith(OPT_OUT),
    "sharing-disclosure": lambda fact, at_fault, vocabulary: fact.verb == "discloses sharing",
    "nothing-sold": lambda fact, at_fault, vocabulary: is_sale(fact, vocabulary) or is_cross_context(fact, vocabulary),
    "cookie-consent": lambda fact, at_fault, vocabulary: fact.verb == "cookie choices",
    "special-category": lambda fact, at_fault, vocabulary: fact.verb == SPECIAL_CONDITION,
    "consent-to-share": lambda fact, at_fault, vocabulary: fact.verb == CONSENT_TO_SHARE,
    "authorization-to-sell": lambda fact, at_fault, vocabulary: fact.verb == AUTHORIZATION_TO_SELL,
    "appeal": lambda fact, at_fault, vocabulary: fact.verb == APPEAL,
    "opt-out-signals": lambda fact, at_fault, vocabulary: fact.verb == OPT_OUT_SIGNALS,
    "sensitive-consent": lambda fact, at_fault, vocabulary: fact.source.startswith(EXPLICIT_CONSENT),
    "sale-notice": lambda fact, at_fault, vocabulary: fact.verb == SALE_NOTICE,
}


def clause_title(library: Library, stated) -> str:
    if stated.by:
        return f"“{stated.by}” (a service you use)"
    return f"“{library.practices[stated.practice_id].title}”"


def _option_titles(library: Library, stated) -> list[str]:
    """The options of the clause's practice that decide whether this fact is stated."""
    condition = stated.fact.condition
    if stated.practice_id not in library.practices:
        return []  # a service's settings are settled before its facts are stated
    options = library.practices[stated.practice_id].options
    names = [n[4:] for n in condition.names() if n.startswith("opt.")] if condition else []
    return [f"“{options[n].title}”" for n in names if n in options]


def pair_fix(found, library: Library, profile: Profile) -> str:
    changes = _option_titles(library, found.first) + _option_titles(library, found.second)
    offering = _settling_practices(found, library, profile)
    return ("Untick one of them" + (f", or change {join_words(changes, 'or')}" if changes else "")
            + (f", or tick {join_words(offering[:3], 'or')}" if offering else "") + ".")


def _settling_practices(found, library: Library, profile: Profile) -> list[str]:
    """Titles of unpicked practices whose facts would settle a contradiction of this kind."""
    settles = _SETTLED_BY.get(found.kind, lambda fact, at_fault, vocabulary: False)
    at_fault = (found.second or found.first).fact
    return [f"“{p.title}”" for p in library.practices.values() if p.id not in profile.practices
            and any(f.positive and not _needs_option(f) and settles(f, at_fault, library.vocabulary)
                    for c in p.clauses for f in c.facts)]


def _needs_option(fact) -> bool:
    """The fact is stated only once an option is set: ticking its practice alone does not state it."""
    return fact.condition is not None and any(name.startswith("opt.") for name in fact.condition.names())


def _settling_options(found, library: Library, profile: Profile) -> list[str]:
    """“Option” in “Practice” for each option of a picked practice whose facts would settle it once set."""
    settles = _SETTLED_BY.get(found.kind, lambda fact, at_fault, vocabulary: False)
    picked = [library.practices[id] for id in profile.practices if id in library.practices]
    return list(dict.fromkeys(f"“{p.options[name[4:]].title}” in “{p.title}”" for p in picked for c in p.clauses for f in c.facts
                              if f.positive and f.condition and settles(f, found.first.fact, library.vocabulary)
                              for name in f.condition.names() if name.startswith("opt.") and name[4:] in p.options))


def single_fix(found, library: Library, profile: Profile) -> str:
    if found.kind == "legal-basis":
        return ""  # the reason says which line to add; unticking the legal bases would not fix it
    offering, filling = _settling_practices(found, library, profile), _settling_options(found, library, profile)
    changes = _option_titles(library, found.first)
    ways = [f"tick {join_words(offering[:3], 'or')}"] if offering else []
    ways += [f"fill in {join_words(filling[:3], 'or')}"] if filling else []
    ways += [f"change {join_words(changes, 'or')}"] if changes else []
    return "To fix it, " + ", or ".join(ways + ["untick it"]) + "." if ways else "Untick it, or reword it."
