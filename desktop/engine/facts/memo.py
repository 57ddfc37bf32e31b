"""The last contradictions and law tables found, kept with the facts they were found in: most
edits (a keystroke in a company detail, a reworded sentence) change no fact, and the same facts
give the same contradictions and the same tables, so a refresh need not work them out again."""

from desktop.engine.facts.model import Contradiction, StatedFact
from desktop.engine.facts.rules import contradictions
from desktop.engine.facts.tables import LawRow, law_table
from desktop.engine.reference.regimes import Regime
from desktop.engine.reference.vocabulary import Vocabulary

_last: dict[str, tuple] = {}  # "found": ((facts, laws, vocabulary), contradictions), one entry replaced whole
_tables: dict[tuple, tuple] = {}  # a law's categories -> (vocabulary, facts, its table)
_MAX_TABLES = 64  # laws whose tables are kept; more than any library declares


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


def remembered_law_table(stated: list[StatedFact], vocabulary: Vocabulary, categories: dict[str, str]) -> dict[str, LawRow]:
    """What `law_table` gives, from the last call for these categories when its facts and vocabulary were these."""
    key, facts = tuple(categories.items()), tuple(stated)
    last = _tables.get(key)
    if last is not None and last[0] is vocabulary and last[1] == facts:
        return dict(last[2])
    table = law_table(list(facts), vocabulary, categories)
    if len(_tables) >= _MAX_TABLES:
        _tables.clear()
    _tables[key] = (vocabulary, facts, table)
    return dict(table)
