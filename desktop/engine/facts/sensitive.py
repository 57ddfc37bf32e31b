"""Data a law counts as sensitive, and the rule that such data needs a condition the law accepts.

Which categories each law counts as sensitive is the vocabulary's `sensitive` list (by law id), never
code. Under a law that names the rule `special-categories` (the GDPR, Art. 9(2) and 10), collecting
such data needs a clause that states the condition relied on for it: `asks explicit consent for D`
or `meets a special condition for D` (fact verb `special condition`).
"""

from desktop.engine.facts.model import Contradiction, StatedFact
from desktop.engine.language.words import join_words
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import Vocabulary, spoken

SPECIAL_CONDITION = "special condition"


def sensitive_collected(stated: list[StatedFact], law: Regime, vocabulary: Vocabulary) -> list[str]:
    """The data ids the policy says it collects that `law` counts as sensitive, each once."""
    ids = [id for s in stated if s.fact.verb == "collects" and s.fact.positive for id in s.fact.data]
    return list(dict.fromkeys(id for id in ids if vocabulary.sensitive_under(id, law.sensitive_list)))


def special_categories(stated: list[StatedFact], vocabulary: Vocabulary, asking: list[Regime]) -> list[Contradiction]:
    """One problem per clause that collects sensitive data no `special condition` fact covers."""
    covered = [id for s in stated if s.fact.verb == SPECIAL_CONDITION for id in s.fact.data]
    found, seen = [], set()
    for item in stated:
        if item.fact.verb != "collects" or not item.fact.positive or item.clause_id in seen:
            continue
        special = [id for id in item.fact.data if any(vocabulary.sensitive_under(id, law.sensitive_list) for law in asking)]
        bare = [id for id in special if not any(vocabulary.within(id, c, "data") for c in covered)]
        if bare:
            seen.add(item.clause_id)
            found.append(Contradiction("special-category", item, None, _reason(bare, asking, vocabulary)))
    return found


def _reason(ids: list[str], asking: list[Regime], vocabulary: Vocabulary) -> str:
    what = join_words([_lower_first(spoken(vocabulary.title(id, "data"))) for id in ids])
    laws = join_words([law.name for law in asking])
    return (f"says you collect {what}, which {laws} {'count' if len(asking) > 1 else 'counts'} as sensitive, "
            "but no clause says on what condition the law lets you use it, such as the person's explicit consent")


def _lower_first(text: str) -> str:
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]
