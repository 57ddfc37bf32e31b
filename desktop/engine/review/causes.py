"""One problem per cause: the contradictions one ticked practice brings, reported as one.

Ticking "We do not share your information with anyone" beside six practices that share is one
mistake, not six: the practice they all contradict becomes one problem that names the others,
each pair's own explanation kept as its detail.
"""

from collections import Counter
from dataclasses import replace

from desktop.engine.language.words import join_words
from desktop.engine.policy.place import PRACTICE

PAIR_CODES = ("conflict", "contradiction-")  # problems between two ticked practices


def _pair(problem) -> tuple[str, str] | None:
    """The two practice ids of a contradiction between two ticked practices, else None."""
    if not problem.code.startswith(PAIR_CODES) or len(problem.also) != 1:
        return None
    first, second = problem.place, problem.also[0]
    if first.kind != PRACTICE or second.kind != PRACTICE or first.id == second.id:
        return None
    return first.id, second.id


def one_per_cause(problems: list, library) -> list:
    """Merge the pair problems of one code that share one practice into one problem about that
    practice, in the place of the first of them; the others keep their order."""
    groups: dict[int, tuple[str, list[int]]] = {}  # index of the merged problem -> its hub and the problems it stands for
    for code in dict.fromkeys(problem.code for problem in problems):
        left = {index: pair for index, problem in enumerate(problems) if problem.code == code and (pair := _pair(problem))}
        while left:
            hub, count = Counter(p for pair in left.values() for p in pair).most_common(1)[0]
            if count < 2:
                break
            members = [index for index, pair in left.items() if hub in pair]
            groups[members[0]] = (hub, members)
            for index in members:
                del left[index]
    merged_away = {index for _, members in groups.values() for index in members[1:]}
    result = []
    for index, problem in enumerate(problems):
        if index in groups:
            hub, members = groups[index]
            result.append(_merged(hub, [problems[i] for i in members], library))
        elif index not in merged_away:
            result.append(problem)
    return result


def _merged(hub: str, members: list, library):
    others = list(dict.fromkeys(p for member in members for p in _pair(member) if p != hub))
    title = _title(library, hub)
    names = [_title(library, other) for other in others]
    listed = join_words(names)
    message = (f"{title} contradicts {len(others)} other ticked practices: {listed}. "
               f"Untick {title}, or untick the others.")
    return replace(members[0], message=message, place=replace(members[0].place, id=hub, option=""),
                   also=tuple(replace(members[0].place, id=other, option="") for other in others),
                   detail="\n".join(member.message for member in members))


def _title(library, practice_id: str) -> str:
    practice = library.practices.get(practice_id)
    return f"“{practice.title if practice else practice_id}”"
