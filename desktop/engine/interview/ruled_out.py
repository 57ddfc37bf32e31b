"""Answers that rule practices out: what the business said it does not do, so nothing offers to tick
it, and a ticked practice that an answer contradicts is a problem."""

from dataclasses import dataclass

from desktop.engine.interview.interview import _reasons, fired_effects, load_questions
from desktop.engine.library.model import Library
from desktop.engine.profile.profile import Profile
from desktop.engine.profile.questions import Question, Questions, answer_text, resolve


@dataclass(frozen=True)
class AnswerContradiction:
    question: Question
    practice_id: str
    message: str


def answer_contradictions(profile: Profile, library: Library, questions: Questions | None = None) -> list[AnswerContradiction]:
    """A ticked practice that an answer the owner gave rules out (only answers saved in the profile count)."""
    return [found for found in ruled_out(profile, library, questions) if found.practice_id in profile.practices]


def ruled_out(profile: Profile, library: Library, questions: Questions | None = None) -> list[AnswerContradiction]:
    """Every practice of the library, ticked or not, that an answer the owner gave rules out: what
    the business does not do, so nothing should offer to tick it."""
    questions = questions or load_questions()
    given = {k: v for k, v in profile.answers.items() if k in questions.by_id and v is not None}
    if not given:
        return []
    resolved = resolve(questions, given)
    regimes = [r for r, reason in _reasons(questions, resolved).items() if reason.applies]
    found = []
    for item in fired_effects(questions, resolved, regimes):
        question = item.question
        if question is None or question.id not in given:
            continue
        for practice_id in item.effect.conflicts:
            if practice_id in library.practices:
                why = f": {item.effect.reason}" if item.effect.reason else ""
                message = (f"“{library.practices[practice_id].title}” is ticked, but you answered "
                           f"“{answer_text(question, item.value)}” to “{question.text}”{why}. "
                           "Untick it, or change your answer in the interview.")
                found.append(AnswerContradiction(question, practice_id, message))
    return found
