"""The interview's questions, read from `snippets/_interview/questions.toml`: pages, questions,
what each answer does, and the reasons each law applies or not.

This module knows only the questions and answers (it imports no profile and no library), so the
profile can check the types of its saved answers with it. `interview.py` applies answers to a
profile; `interview/faults.py` checks the file against the clause library.
"""

import functools
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop.engine.files.reading import LIBRARY_FILE_BYTES, read_text
from desktop.engine.files.toml_text import parse_toml
from desktop.engine.language.conditions import Condition, ConditionError, parse_condition
from desktop.engine.profile.answer_values import lookup
from desktop.engine.profile.services import services_problems
from desktop.paths import bundled_dir

YES_NO, CHOICE, TEXT, LIST, SERVICES = "yes/no", "choice", "text", "list", "services"
TYPES = (YES_NO, CHOICE, TEXT, LIST, SERVICES)
ANY = object()  # an effect without `answer`: it fires on any non-empty answer (text and list questions)
FILE = Path("_interview") / "questions.toml"

_QUESTION_KEYS = {"id", "page", "text", "why", "example", "type", "choices", "default", "ask_when", "effects", "kinds",
                  "picked_by"}
_EFFECT_KEYS = {"answer", "when", "tick", "options", "fields", "answer_to", "conflicts", "reason"}


class QuestionsError(ValueError):
    """A questions file that cannot be used; `problems` say what is wrong, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Effect:
    """What an answer (or a law that applies, or every interview) does to the profile."""

    where: str  # "question has_accounts", "regime ccpa", "always": for messages
    answer: object = ANY
    when: Condition | None = None
    tick: tuple[str, ...] = ()
    options: tuple[tuple[str, object], ...] = ()  # ("practice.option", value)
    fields: tuple[tuple[str, str], ...] = ()  # ("service.kind", value)
    answer_to: str = ""  # an option "practice.option" or a field that takes the answer itself
    conflicts: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class Question:
    """One question; `kinds` and `picked_by` belong to services and yes/no questions (see the header of
    questions.toml, and interview/picks.py for what the interview does with picked services)."""

    id: str
    page: str
    text: str
    why: str
    type: str
    example: str = ""
    choices: tuple[str, ...] = ()
    default: object = None  # None: unanswered says nothing
    ask_when: Condition | None = None
    effects: tuple[Effect, ...] = ()
    kinds: tuple[str, ...] = ()
    picked_by: tuple[str, ...] = ()

    def type_problem(self, value: object) -> str | None:
        """Why `value` cannot answer this question, or None (None itself means 'not answered')."""
        if value is None:
            return None
        if self.type == YES_NO and not isinstance(value, bool):
            return "must be true or false"
        if self.type == CHOICE and value not in self.choices:
            return "must be one of: " + ", ".join(f"“{c}”" for c in self.choices)
        if self.type == TEXT and not isinstance(value, str):
            return "must be text"
        if self.type == LIST:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                return "must be a list of texts"
            if self.choices and any(v not in self.choices for v in value):
                return "may hold only: " + ", ".join(f"“{c}”" for c in self.choices)
        if self.type == SERVICES and not isinstance(value, str) and (wrong := services_problems(value, "")):
            return wrong[0].lstrip(".").replace(": ", " ", 1).strip()  # "custom.x.entry.kind must be text"
        return None

    def fires(self, effect: Effect, value: object) -> bool:
        """Whether `effect` (one of this question's) applies to the answer `value`."""
        if value is None:
            return False
        if effect.answer is ANY:
            return bool(value)
        if self.type in (LIST, SERVICES):
            return effect.answer in value
        return value == effect.answer


@dataclass(frozen=True)
class Reason:
    when: Condition | None
    applies: bool
    text: str
    quiet: bool = False  # out of scope as no one lives where it applies: folded into one line in summaries


@dataclass(frozen=True)
class RegimeRule:
    id: str
    reasons: tuple[Reason, ...]
    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    intro: str = ""


@dataclass(frozen=True)
class Questions:
    pages: tuple[Page, ...]
    questions: tuple[Question, ...]
    regimes: tuple[RegimeRule, ...]
    always: tuple[Effect, ...] = ()
    leave_out: tuple[str, ...] = ()
    by_id: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        self.by_id.update({q.id: q for q in self.questions})

    def on_page(self, page_id: str) -> list[Question]:
        return [q for q in self.questions if q.page == page_id]

    def effects(self):
        """Every effect: the interview's own, each question's, each law's."""
        yield from self.always
        for question in self.questions:
            yield from question.effects
        for rule in self.regimes:
            yield from rule.effects

    @functools.cached_property
    def decided_practices(self) -> frozenset[str]:
        """The practices the interview decides: named in some `tick`."""
        return frozenset(p for effect in self.effects() for p in effect.tick)

    @functools.cached_property
    def decided_options(self) -> tuple[str, ...]:
        """The options ("practice.option") the interview sets, in order of first mention."""
        keys = [key for effect in self.effects() for key, _ in effect.options]
        keys += [effect.answer_to for effect in self.effects() if effect.answer_to.count(".") >= 2]
        return tuple(dict.fromkeys(keys))


# Reading the file

def parse_questions(data: dict) -> Questions:
    """Questions from the TOML of a questions file; QuestionsError lists every fault."""
    problems: list[str] = []
    pages = tuple(_page(item, problems) for item in _tables(data, "page", problems))
    page_ids = {p.id for p in pages}
    questions: list[Question] = []
    for item in _tables(data, "question", problems):
        question = _question(item, page_ids, questions, problems)
        if question is not None:
            questions.append(question)
    ids = [q.id for q in questions]
    problems += [f"question {qid!r} is declared twice" for qid in sorted({i for i in ids if ids.count(i) > 1})]
    regimes = tuple(_regime(item, problems) for item in _tables(data, "regime", problems))
    always = tuple(_effect(item, "always", None, problems) for item in _tables(data, "always", problems))
    start = data.get("start", {})
    leave_out = start.get("leave_out", []) if isinstance(start, dict) else None
    if not isinstance(leave_out, list) or not all(isinstance(p, str) for p in leave_out):
        problems.append("[start] leave_out must be a list of practice ids")
        leave_out = []
    unknown = set(data) - {"page", "question", "regime", "always", "start"}
    problems += [f"unknown table {key!r}" for key in sorted(unknown)]
    if problems:
        raise QuestionsError(problems)
    return Questions(pages, tuple(questions), regimes, always, tuple(leave_out))


def _tables(data: dict, key: str, problems: list[str]) -> list[dict]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        problems.append(f"[[{key}]] must be an array of tables")
        return []
    return items


def _text(item: dict, key: str, where: str, problems: list[str], required: bool = True) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{where}: `{key}` must be {'a non-empty ' if required else ''}text")
        return ""
    return value


def _page(item: dict, problems: list[str]) -> Page:
    where = f"page {item.get('id')!r}"
    return Page(_text(item, "id", where, problems), _text(item, "title", where, problems),
                _text(item, "intro", where, problems, required=False))


def _condition(text: object, where: str, problems: list[str]) -> Condition | None:
    if text is None:
        return None
    try:
        if not isinstance(text, str):
            raise ConditionError("a condition must be text")
        return parse_condition(text)
    except ConditionError as error:
        problems.append(f"{where}: {error}")
        return None


def _question(item: dict, page_ids: set[str], earlier: list[Question], problems: list[str]) -> Question | None:
    qid = item.get("id")
    where = f"question {qid!r}"
    if not isinstance(qid, str) or not qid.isidentifier() or qid != qid.lower():
        problems.append(f"{where}: `id` must be lowercase letters, digits and _")
        return None
    problems += [f"{where}: unknown key `{key}`" for key in sorted(set(item) - _QUESTION_KEYS)]
    kind = item.get("type")
    if kind not in TYPES:
        problems.append(f"{where}: `type` must be one of {', '.join(TYPES)}")
        return None
    if item.get("page") not in page_ids:
        problems.append(f"{where}: `page` {item.get('page')!r} is not a declared [[page]]")
    choices = item.get("choices", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) and c for c in choices) or len(set(choices)) != len(choices):
        problems.append(f"{where}: `choices` must be a list of different texts")
        choices = []
    if kind == CHOICE and not choices:
        problems.append(f"{where}: a choice needs `choices`")
    if kind in (YES_NO, TEXT) and choices:
        problems.append(f"{where}: a {kind} question has no `choices`")
    ask_when = _condition(item.get("ask_when"), f"{where}: ask_when", problems)
    earlier_ids = {q.id for q in earlier}
    for name in ask_when.names() if ask_when else []:
        kind_of, _, other = name.partition(".")
        if kind_of != "answer" or other.partition(".")[0] not in earlier_ids:
            problems.append(f"{where}: ask_when names {name!r}; it may name only earlier questions, as answer.ID")
    question = Question(qid, str(item.get("page", "")), _text(item, "text", where, problems), _text(item, "why", where, problems),
                        kind, _text(item, "example", where, problems, required=False), tuple(choices),
                        item.get("default"), ask_when, kinds=_ids(item.get("kinds"), where, "kinds", problems),
                        picked_by=_ids(item.get("picked_by"), where, "picked_by", problems))
    if (problem := question.type_problem(question.default)) is not None:
        problems.append(f"{where}: `default` {problem}")
    effects = tuple(_effect(e, f"question {qid}", question, problems) for e in _tables(item, "effects", problems))
    return replace(question, effects=effects)


def _pairs(value: object, where: str, key: str, problems: list[str]) -> tuple:
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.append(f"{where}: `{key}` must be a table of name = value")
        return ()
    return tuple(value.items())


def _ids(value: object, where: str, key: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: `{key}` must be a list of ids")
        return ()
    return tuple(value)


def _effect(item: dict, where: str, question: Question | None, problems: list[str]) -> Effect:
    problems += [f"{where}: unknown effect key `{key}`" for key in sorted(set(item) - _EFFECT_KEYS)]
    answer = item.get("answer", ANY)
    if question is not None:
        if answer is ANY and question.type in (YES_NO, CHOICE):
            problems.append(f"{where}: an effect of a {question.type} question says which `answer` it is for")
        elif answer is not ANY and question.type == TEXT:
            problems.append(f"{where}: an effect of a text question fires on any answer; leave out `answer`")
        elif answer is not ANY:
            value = [answer] if question.type == LIST else answer
            if (problem := question.type_problem(value)) is not None or not isinstance(answer, bool | str):
                problems.append(f"{where}: `answer` {answer!r} {problem or 'is not an answer to it'}")
    elif answer is not ANY:
        problems.append(f"{where}: only a question's effect has an `answer`")
    fields_ = _pairs(item.get("fields"), where, "fields", problems)
    if any(not isinstance(v, str) for _, v in fields_):
        problems.append(f"{where}: `fields` values must be text")
    answer_to = item.get("answer_to", "")
    if answer_to and (question is None or question.type not in (TEXT, LIST, SERVICES)):
        problems.append(f"{where}: only a text, list or services question's answer can go `answer_to` an option or field")
    return Effect(where, answer, _condition(item.get("when"), f"{where}: when", problems),
                  _ids(item.get("tick"), where, "tick", problems), _pairs(item.get("options"), where, "options", problems),
                  fields_, answer_to if isinstance(answer_to, str) else "", _ids(item.get("conflicts"), where, "conflicts", problems),
                  _text(item, "reason", where, problems, required=False))


def _regime(item: dict, problems: list[str]) -> RegimeRule:
    rid = item.get("id")
    where = f"regime {rid!r}"
    problems += [f"{where}: unknown key `{key}`" for key in sorted(set(item) - {"id", "reasons", "effects"})]
    reasons = []
    for entry in _tables(item, "reasons", problems):
        if not isinstance(entry.get("applies"), bool):
            problems.append(f"{where}: each reason says whether the law `applies` (true or false)")
        reasons.append(Reason(_condition(entry.get("when"), f"{where}: when", problems), bool(entry.get("applies")),
                              _text(entry, "text", where, problems), entry.get("quiet") is True))
    if not reasons or reasons[-1].when is not None:
        problems.append(f"{where}: the last reason has no `when`, so every answer has a reason")
    for reason in reasons:
        for name in reason.when.names() if reason.when else []:
            if not name.startswith("answer."):
                problems.append(f"{where}: a reason may ask only about answers, not {name!r}")
    effects = tuple(_effect(e, f"regime {rid}", None, problems) for e in _tables(item, "effects", problems))
    return RegimeRule(str(rid), tuple(reasons), effects)


def read_questions(path: Path) -> Questions:
    try:
        data = parse_toml(read_text(Path(path), LIBRARY_FILE_BYTES))
    except tomllib.TOMLDecodeError as error:
        raise QuestionsError([f"{path}: {error}"]) from None
    return parse_questions(data)


@functools.cache
def bundled_questions() -> Questions:
    return read_questions(bundled_dir("snippets") / FILE)


# Answers

def resolve(questions: Questions, answers: dict) -> dict:
    """Question id -> its answer (or default, or None) for each question that is asked, in order.

    A follow-up is asked only when its `ask_when` holds for the earlier answers."""
    resolved: dict = {}
    find = lookup(resolved)
    for question in questions.questions:
        if question.ask_when is None or question.ask_when.holds(find):
            value = answers.get(question.id)
            resolved[question.id] = question.default if value is None else value
    return resolved


def asked(questions: Questions, answers: dict) -> list[Question]:
    """The questions asked for these answers: every question whose `ask_when` holds."""
    resolved = resolve(questions, answers)
    return [q for q in questions.questions if q.id in resolved]


def answer_problems(answers: object, questions: Questions | None = None, unknown_ok: bool = True) -> list[str]:
    """'answers.ID: what is wrong' for each answer of the wrong type (and each unknown id,
    unless `unknown_ok`: a saved profile keeps answers to questions it does not know)."""
    questions = questions or bundled_questions()
    if not isinstance(answers, dict):
        return ["answers: must be an object of question id -> answer"]
    problems = []
    for qid, value in answers.items():
        question = questions.by_id.get(qid)
        if question is None:
            if not unknown_ok:
                problems.append(f"answers.{qid}: no such question; `policywright questions` lists them")
        elif (problem := question.type_problem(value)) is not None:
            problems.append(f"answers.{qid}: {problem}")
    return problems


def answer_text(question: Question, value: object) -> str:
    """An answer in plain words: Yes, No, the choice, the text, the items; 'not answered'."""
    if value is None or value == "" and question.type == TEXT:
        return "not answered"
    if question.type == YES_NO:
        return "Yes" if value else "No"
    if question.type in (LIST, SERVICES) and not isinstance(value, str):
        return ", ".join(value) if value else "none"
    return str(value)
