"""What can be wrong with the interview's questions file, read against a clause library: every
effect names a practice, option (with a value of its type), profile field or law that exists;
every condition names questions and laws that exist; every question can be asked and does something.
"""

import itertools

from desktop.engine.interview.interview import split_option
from desktop.engine.library.model import Library
from desktop.engine.profile.answer_values import item_key
from desktop.engine.profile.fields import fields_by_key
from desktop.engine.profile.questions import CHOICE, LIST, SERVICES, TEXT, YES_NO, Effect, Question, Questions, resolve


def question_faults(questions: Questions, library: Library) -> list[str]:
    """One line per fault; empty when the file and the library agree."""
    faults = []
    for practice_id in questions.leave_out:
        if practice_id not in library.practices:
            faults.append(f"[start] leave_out names unknown practice {practice_id!r}")
    by_id = questions.by_id
    for effect in questions.always:
        faults += _effect_faults(effect, None, by_id, library)
    for question in questions.questions:
        for effect in question.effects:
            faults += _effect_faults(effect, question, by_id, library)
        if question.ask_when:
            faults += _comparison_faults(question.ask_when, f"question {question.id}: ask_when", by_id)
        if not _reachable(question, questions):
            faults.append(f"question {question.id}: no answers to the earlier questions ever ask it")
    named_by_laws = {n.split(".")[1] for rule in questions.regimes for r in rule.reasons if r.when for n in r.when.names()}
    named = named_by_laws | {n.split(".")[1] for e in questions.effects() if e.when for n in e.when.names()}
    named |= {n.split(".")[1] for q in questions.questions if q.ask_when for n in q.ask_when.names()}
    for question in questions.questions:
        if not question.effects and question.id not in named:
            faults.append(f"question {question.id}: no answer to it does anything, and no law, effect or question asks about it")
    for rule in questions.regimes:
        if rule.id not in library.regimes:
            faults.append(f"regime {rule.id}: not a law the library declares ({', '.join(library.regimes)})")
        for reason in rule.reasons:
            if reason.when:
                faults += _comparison_faults(reason.when, f"regime {rule.id}: reason", by_id)
        for effect in rule.effects:
            faults += _effect_faults(effect, None, by_id, library)
        if not any(r.applies for r in rule.reasons):
            faults.append(f"regime {rule.id}: no reason ever makes it apply")
    undecided = set(library.regimes) - {rule.id for rule in questions.regimes}
    faults += [f"regime {r}: the library declares it, but no [[regime]] says when it applies" for r in sorted(undecided)]
    for page in questions.pages:
        if not questions.on_page(page.id):
            faults.append(f"page {page.id}: has no questions")
    return faults


def _effect_faults(effect: Effect, question: Question | None, by_id: dict, library: Library) -> list[str]:
    where = effect.where
    faults = [f"{where}: names unknown practice {p!r}" for p in effect.tick + effect.conflicts if p not in library.practices]
    for key, value in effect.options:
        faults += _option_fault(key, value, where, library)
    known_fields = fields_by_key()
    for key, _ in effect.fields:
        if key not in known_fields:
            faults.append(f"{where}: names unknown profile field {key!r}")
    if effect.answer_to:
        faults += _answer_to_faults(effect.answer_to, question, where, library)
    if effect.when:
        faults += _comparison_faults(effect.when, f"{where}: when", by_id, allow_regimes=set(library.regimes))
    return faults


def _option_fault(key: str, value: object, where: str, library: Library) -> list[str]:
    split = split_option(key)
    if split is None or split[0] not in library.practices:
        return [f"{where}: option {key!r} names no practice (write practice.option)"]
    spec = library.practices[split[0]].options.get(split[1])
    if spec is None:
        return [f"{where}: practice {split[0]!r} has no option {split[1]!r}"]
    problem = spec.problem(value)
    return [f"{where}: option {key!r} {problem}"] if problem else []


def _answer_to_faults(target: str, question: Question | None, where: str, library: Library) -> list[str]:
    split = split_option(target)
    if split is None:
        if target not in fields_by_key():
            return [f"{where}: answer_to names unknown profile field {target!r}"]
        return [] if question and question.type == TEXT else [f"{where}: only a text answer can fill in the field {target!r}"]
    if split[0] not in library.practices or split[1] not in library.practices[split[0]].options:
        return [f"{where}: answer_to names unknown option {target!r}"]
    spec = library.practices[split[0]].options[split[1]]
    # a services answer fills an option with the picked services' names ("Stripe and PayPal")
    wanted = {TEXT: ("text",), LIST: ("list",), SERVICES: ("text",)}.get(question.type if question else "", ())
    return [] if spec.type in wanted else [f"{where}: a {question.type if question else '?'} answer cannot fill the {spec.type} option {target!r}"]


def _term_faults(term, question, key: str, where: str) -> list[str]:
    """What is wrong with one `answer.ID[.KEY]` term: a key of no list item, a comparison the answer cannot make."""
    if key and (question.type != LIST or question.choices and key not in {item_key(c) for c in question.choices}):
        return [f"{where}: {term.name!r} names no item of {question.id!r}"]
    if term.op in (">=", "<=", ">", "<"):
        return [] if key or question.type == TEXT else [f"{where}: a {question.type} answer cannot be compared with {term.op}"]
    if term.op and not key and question.type != TEXT:  # a text reads any value (in any case, or as the same country)
        allowed = {YES_NO: ("yes", "no"), CHOICE: question.choices}.get(question.type)
        if allowed is None:
            return [f"{where}: a {question.type} answer cannot be compared with =="]
        if term.value not in allowed:
            return [f"{where}: {term.value!r} is not an answer to {question.id!r} ({', '.join(allowed)})"]
    return []


def _comparison_faults(condition, where: str, by_id: dict, allow_regimes: set[str] | None = None) -> list[str]:
    faults = []
    for group in condition.alternatives:
        for term in group:
            kind, _, rest = term.name.partition(".")
            if kind == "regime" and allow_regimes is not None:
                if rest not in allow_regimes:
                    faults.append(f"{where}: names unknown law {term.name!r}")
                continue
            qid, _, key = rest.partition(".")
            if kind != "answer" or qid not in by_id:
                faults.append(f"{where}: names {term.name!r}, which is no question (answer.ID)")
                continue
            faults += _term_faults(term, by_id[qid], key, where)
    return faults


def _candidates(question: Question) -> list[object]:
    if question.type == YES_NO:
        return [True, False, None]
    if question.type == CHOICE:
        return [*question.choices, None]
    if question.type == LIST:
        return [[c] for c in question.choices] + [[], ["an item"]] if question.choices else [["an item"], []]
    return ["some text", ""]


def _reachable(question: Question, questions: Questions) -> bool:
    """Whether some answers to the questions its ask_when depends on (and theirs) ask it."""
    if question.ask_when is None:
        return True
    depends, todo = [], [question]
    while todo:
        current = todo.pop()
        for name in current.ask_when.names() if current.ask_when else []:
            other = questions.by_id.get(name.split(".")[1])
            if other is not None and other not in depends:
                depends.append(other)
                todo.append(other)
    for values in itertools.product(*(_candidates(q) for q in depends)):
        if question.id in resolve(questions, {q.id: v for q, v in zip(depends, values, strict=True)}):
            return True
    return False
