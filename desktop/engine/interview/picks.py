"""The services picked in the interview: the answers of its `services` questions.

The interview's dialog offers, for a services question, the catalogue's entries of the question's
`kinds` (all of them when it names none; `Library.services`, ordered by kind, then name) and
"another service"; its answer is the profile's `services` shape (profile/services.py), which
`apply_answers` stores in the profile. `with_picks` reads an answer saved as text before the
catalogue (a company's name) as the entry of that name, or an "another service" of that name, and
answers yes the yes/no questions whose `picked_by` names a picked service's kind or id.
"""

from desktop.engine.language.words import join_words
from desktop.engine.library.model import Library
from desktop.engine.profile.questions import SERVICES, YES_NO, Question, Questions
from desktop.engine.profile.services import custom_id


def with_picks(answers: dict, questions: Questions, library: Library) -> dict:
    """The answers with the services answers as picks and the yes/no questions the picks answer."""
    result = dict(answers)
    for question in questions.questions:
        value = answers.get(question.id)
        if question.type == SERVICES and isinstance(value, str):
            result[question.id] = named_pick(value, question.kinds, library) if value.strip() else None
    picked = [_kind_and_id(service_id, settings, library) for service_id, settings in picks(result, questions).items()]
    for question in questions.questions:
        if question.type == YES_NO and any(kind in question.picked_by or id in question.picked_by for kind, id in picked):
            result[question.id] = True
    return result


def picks(answers: dict, questions: Questions) -> dict[str, dict]:
    """Every service the services answers pick, each once (a later answer's settings win)."""
    found: dict[str, dict] = {}
    for question in questions.questions:
        value = answers.get(question.id)
        if question.type == SERVICES and isinstance(value, dict):
            found.update(value)
    return found


def offered(question: Question, picked: dict[str, dict], library: Library) -> dict[str, dict]:
    """Those of `picked` that the services `question` offers: the services of its `kinds` (all when it names none)."""
    return {service_id: settings for service_id, settings in picked.items()
            if not question.kinds or _kind_and_id(service_id, settings, library)[0] in question.kinds}


def answers_services(answers: dict, questions: Questions) -> bool:
    """Whether any services question is answered (so the interview decides the profile's services)."""
    return any(q.type == SERVICES and isinstance(answers.get(q.id), dict) for q in questions.questions)


def named_pick(name: str, kinds: tuple[str, ...], library: Library) -> dict[str, dict]:
    """The catalogue entry called `name` (of one of `kinds`, when given), else an "another service" of that name."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return {}
    for entry in library.services.values():
        if wanted in (entry.id, entry.name.casefold()) and (not kinds or entry.kind in kinds):
            return {entry.id: {}}
    kind = kinds[0] if kinds else "support"
    return {custom_id(name): {"entry": {"name": name.strip(), "kind": kind, "provider": name.strip(), "country": "",
                                        "data": [], "own_purposes": False}}}


def pick_names(value: dict, library: Library) -> str:
    """The picked services' names, as an option or a field takes them: "Stripe and PayPal"."""
    names = [library.services[id].name if id in library.services else str(settings.get("entry", {}).get("name", id))
             for id, settings in value.items()]
    return join_words(names)


def _kind_and_id(service_id: str, settings: dict, library: Library) -> tuple[str, str]:
    entry = library.services.get(service_id)
    return (entry.kind if entry else str(settings.get("entry", {}).get("kind", ""))), service_id
