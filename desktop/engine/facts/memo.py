"""The last contradictions found, kept with what they were found in: most edits (a keystroke in
a company detail, a reworded sentence) change no fact, and the same facts under the same laws
give the same contradictions, so a refresh need not compare every fact with every other again."""

from desktop.engine.facts.model import Contradiction, StatedFact
from desktop.engine.facts.rules import contradictions
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import Vocabulary

_last: dict[str, tuple] = {}  # "found": ((facts, laws, vocabulary), contradictions), one entry replaced whole


def remembered_contradictions(stated: list[StatedFact], laws: list[Regime], vocabulary: Vocabulary) -> list[Contradiction]:
    """What `contradictions` finds, from the last call when its facts, laws and vocabulary were these."""
    facts, laws = tuple(stated), tuple(laws)
    last = _last.get("found")
    if last is not None:
        (last_facts, last_laws, last_vocabulary), found = last
        if last_vocabulary is vocabulary and last_laws == laws and last_facts == facts:
            return list(found)
    found = contradictions(list(facts), list(laws), vocabulary)
    _last["found"] = ((facts, laws, vocabulary), tuple(found))
    return found
