"""The interview: answers -> the practices, options, details and laws of a profile.

Pure functions: `apply_answers` returns a new profile and never changes the one it was given.
The questions and what each answer does are data (`snippets/_interview/questions.toml`, read by
`questions.py`); this module only follows them.

Practices named in some effect's `tick` are the interview's to decide: applying answers ticks
the ones the answers call for and unticks the others. Options named in some effect are set from
the answers (list options add up over every answer that names them) or go back to their
default, keeping the owner's own edits to what the earlier answers gave (`keep_owner_edits`).
Every other practice and option keeps what the user chose in the practice tree.
"""

import copy
import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from desktop.engine.interview.picks import answers_services, pick_names, picks, with_picks
from desktop.engine.language.words import join_words
from desktop.engine.library.model import Library
from desktop.engine.profile.answer_values import lookup
from desktop.engine.profile.fields import label as field_label
from desktop.engine.profile.profile import Profile, ordered_regimes
from desktop.engine.profile.questions import (
    Effect,
    Question,
    Questions,
    answer_text,
    asked,
    bundled_questions,
    resolve,
)
from desktop.engine.reference.vocabulary import spoken

__all__ = ["apply_answers", "asked", "answer_effects", "keep_owner_edits", "load_questions", "new_profile",
           "profile_changes", "regime_reasons", "start_profile"]


def load_questions() -> Questions:
    return bundled_questions()


@dataclass(frozen=True)
class RegimeReason:
    regime: str
    applies: bool
    text: str  # one sentence: why it applies, or why not
    questions: tuple[str, ...] = ()  # the questions whose answers decided it
    # out of scope because no one lives where the law applies: a summary folds it in with the others
    quiet: bool = False
    waits_for: tuple[str, ...] = ()  # the questions still to answer before it is decided; then it does not apply yet


@dataclass(frozen=True)
class Fired:
    """An effect that holds for the answers, and the question (if any) whose answer fired it."""

    effect: Effect
    question: Question | None = None
    value: object = None


def regime_reasons(answers: dict, questions: Questions | None = None, given: Collection[str] | None = None) -> dict[str, RegimeReason]:
    """For each law the interview decides: whether it applies, and why, in one sentence.

    `given`: the questions the owner has answered so far (None: all of them, as in a saved profile). A law
    whose deciding questions are asked but not all given is not decided yet, and says what it waits for."""
    questions = questions or load_questions()
    return _reasons(questions, resolve(questions, answers), given)


def _reasons(questions: Questions, resolved: dict, given: Collection[str] | None = None) -> dict[str, RegimeReason]:
    find = lookup(resolved)
    found = {}
    for rule in questions.regimes:
        index = next(i for i, r in enumerate(rule.reasons) if r.when is None or r.when.holds(find))
        # The answers that decided it: those its reason names, and those the reasons before it did not find.
        names = tuple(dict.fromkeys(n.split(".")[1] for r in rule.reasons[:index + 1] if r.when for n in r.when.names()))
        waits_for = tuple(n for n in names if n in resolved and n not in given) if given is not None else ()
        reason = rule.reasons[index]
        text = f"Decided once you answer {_questions_text(questions, waits_for)}" if waits_for else reason.text
        found[rule.id] = RegimeReason(rule.id, reason.applies and not waits_for, text, names, reason.quiet and not waits_for, waits_for)
    return found


def _questions_text(questions: Questions, ids) -> str:
    """“Question one?” and “Question two?”, ending a sentence."""
    texts = [questions.by_id[qid].text for qid in ids]
    return join_words([f"“{text}”" for text in texts]) + ("" if texts[-1].endswith((".", "?", "!")) else ".")


def fired_effects(questions: Questions, resolved: dict, regimes) -> list[Fired]:
    """The effects that hold, in the order they apply: the interview's own, each answer's, each law's."""
    find = lookup(resolved, regimes)

    def holds(effect: Effect) -> bool:
        return effect.when is None or effect.when.holds(find)

    fired = [Fired(e) for e in questions.always if holds(e)]
    for question in questions.questions:
        if question.id in resolved:
            value = resolved[question.id]
            fired += [Fired(e, question, value) for e in question.effects if question.fires(e, value) and holds(e)]
    for rule in questions.regimes:
        if rule.id in regimes:
            fired += [Fired(e) for e in rule.effects if holds(e)]
    return fired


def _laws_in_few_words(ids: list[str], library: Library, other: str = "other ") -> str:
    """Their titles, or "the 18 other US state laws" when they are many of one group."""
    groups = {library.regimes[r].group if r in library.regimes else "" for r in ids}
    if len(ids) > 3 and len(groups) == 1 and "" not in groups:
        return f"the {len(ids)} {other}{groups.pop()}"
    return join_words([library.regimes[r].title if r in library.regimes else r for r in ids])


def _fired(questions: Questions, resolved: dict, regimes, library: Library) -> list[Fired]:
    """The effects that hold, a services answer going to an option or field as the services' names."""
    return [replace(f, value=pick_names(f.value, library)) if isinstance(f.value, dict) else f
            for f in fired_effects(questions, resolved, regimes)]


def split_option(key: str) -> tuple[str, str] | None:
    """("practice", "option") for "practice.option" keys with two dots or more; None for a field."""
    if key.count(".") < 2:
        return None
    practice, _, option = key.rpartition(".")
    return practice, option


def _option_values(fired: list[Fired]) -> dict[str, object]:
    """"practice.option" -> the value the answers give it: lists add up, other values take the last."""
    values: dict[str, object] = {}
    for item in fired:
        pairs = list(item.effect.options)
        if item.effect.answer_to and split_option(item.effect.answer_to):
            pairs.append((item.effect.answer_to, item.value))
        for key, value in pairs:
            if isinstance(value, list) and isinstance(values.get(key), list):
                values[key] = list(dict.fromkeys(values[key] + value))
            else:
                values[key] = copy.deepcopy(value)
    return values


def _earlier_option_values(profile: Profile, questions: Questions) -> dict[str, object] | None:
    """The options the answers saved in `profile` gave, as `_option_values` does for the new ones;
    None for a profile that holds no answers: its options were never the interview's."""
    if not profile.answers:
        return None
    resolved = resolve(questions, {k: v for k, v in profile.answers.items() if k in questions.by_id})
    regimes = [r for r, reason in _reasons(questions, resolved).items() if reason.applies]
    return _option_values(fired_effects(questions, resolved, regimes))


def keep_owner_edits(current: object, earlier: object, given: object) -> object:
    """An option's value after new answers: what they give, with the owner's own edits to what the
    earlier answers gave kept. In a list an item typed, an item deleted and an item reworded (its
    words kept at its start, as "email services (Mailchimp)") stay so; an item reworded or deleted
    by the owner that the new answers no longer give goes. Another value the owner changed is kept
    unless the new answers change it."""
    if current == earlier:
        return given
    if not (isinstance(current, list) and isinstance(earlier, list) and isinstance(given, list)):
        return current if given == earlier else given
    deleted = [item for item in earlier if item not in current]
    typed = [item for item in current if item not in earlier]
    reworded = {}
    for old in deleted:
        new = next((item for item in typed if item.startswith(old) and item not in reworded.values()), None)
        if new is not None:
            reworded[old] = new
    kept = [reworded.get(item, item) for item in given if item not in deleted or item in reworded]
    return kept + [item for item in typed if item not in kept and item not in reworded.values()]


def apply_answers(profile: Profile, answers: dict, library: Library, questions: Questions | None = None) -> Profile:
    """A new profile: `profile` with the practices, options, details and laws the answers call for."""
    questions = questions or load_questions()
    result = copy.deepcopy(profile)
    answers = with_picks(answers, questions, library)
    resolved = resolve(questions, answers)
    reasons = _reasons(questions, resolved)
    regimes = [r for r, reason in reasons.items() if reason.applies]
    fired = _fired(questions, resolved, regimes, library)
    decided = questions.decided_practices
    practices = {p: options for p, options in result.practices.items() if p not in decided}
    for item in fired:
        for practice_id in item.effect.tick:
            if practice_id in library.practices and practice_id not in practices:
                practices[practice_id] = result.practices.get(practice_id, {})
    values, earlier = _option_values(fired), _earlier_option_values(profile, questions)
    for key in questions.decided_options:
        practice_id, name = split_option(key)
        spec = library.practices[practice_id].options.get(name) if practice_id in practices else None
        if spec is None:
            continue
        value = values.get(key, spec.default)
        if earlier is not None and practice_id in profile.practices:
            current = profile.practices[practice_id].get(name, spec.default)
            value = keep_owner_edits(current, earlier.get(key, spec.default), value)
        if value != spec.default:
            practices[practice_id][name] = value
        else:
            practices[practice_id].pop(name, None)
    for item in fired:
        for key, value in item.effect.fields:
            result.set_field(key, value)
        if item.effect.answer_to and not split_option(item.effect.answer_to):
            result.set_field(item.effect.answer_to, item.value.strip())
    result.practices = practices
    decided_regimes = {rule.id for rule in questions.regimes}
    result.regimes = ordered_regimes([r for r in result.regimes if r not in decided_regimes] + regimes, library.regimes)
    kept = {k: v for k, v in {**profile.answers, **answers}.items() if k not in questions.by_id}
    result.answers = {**kept, **{k: v for k, v in resolved.items() if v is not None}}
    if answers_services(resolved, questions):
        result.services = copy.deepcopy(picks(resolved, questions))
    return result


def start_profile(library: Library, today: dt.date | None = None, questions: Questions | None = None) -> Profile:
    """A new profile before any answer: the practices the library marks as typical, except the
    ones the interview decides and the ones it leaves out because no question asks about them,
    with the options the unanswered interview gives them. It holds no answers: nobody gave any."""
    questions = questions or load_questions()
    left_out = questions.decided_practices | set(questions.leave_out)
    base = Profile(practices={p.id: {} for p in library.practices.values() if p.primary.example and p.id not in left_out},
                   effective_date=(today or dt.date.today()).isoformat())
    profile = apply_answers(base, {}, library, questions)
    profile.answers = {}
    return profile


def new_profile(answers: dict, library: Library, today: dt.date | None = None, questions: Questions | None = None) -> Profile:
    """A new profile built from answers; unanswered questions take their defaults."""
    return apply_answers(start_profile(library, today, questions), answers, library, questions)


# What the answers do, in plain words

@dataclass(frozen=True)
class AnswerEffect:
    question: Question | None  # None: what a law that applies brings
    title: str
    answer: str
    lines: tuple[str, ...]


def _quoted(titles: list[str]) -> str:
    return join_words([f"“{t}”" for t in titles])


_RECIPIENT = re.compile(r"\{\{\s*recipient:([a-z0-9_.]+)\s*\}\}")


def plain(text: str, library: Library) -> str:
    """An option value as plain words: `{{recipient:ID}}` reads as its description, `{{the service}}` as "the service"."""
    recipients = library.vocabulary.recipients
    text = _RECIPIENT.sub(lambda m: recipients[m.group(1)].description if m.group(1) in recipients else m.group(1), text)
    return spoken(spoken(text))


def _value_text(value: object, library: Library) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return _quoted([plain(v, library) for v in value]) if value else "nothing"
    return f"“{plain(str(value), library)}”"


def _effect_lines(fired: list[Fired], library: Library, ticked) -> list[str]:
    """Plain lines for what these effects do; options are named only for practices that end up ticked."""
    ticks = [library.practices[p].title for f in fired for p in f.effect.tick if p in library.practices]
    rules_out = [library.practices[p].title for f in fired for p in f.effect.conflicts if p in library.practices]
    lines = [f"Ticks {_quoted(list(dict.fromkeys(ticks)))}."] if ticks else []
    for item in fired:
        pairs = list(item.effect.fields) + ([(item.effect.answer_to, item.value)] if item.effect.answer_to else [])
        for key, value in pairs:
            option = split_option(key)
            if option is None:
                lines.append(f"Sets {field_label(key).lower()} to {_value_text(value, library)}.")
            elif option[0] in ticked and option[0] in library.practices and option[1] in library.practices[option[0]].options:
                title = library.practices[option[0]].options[option[1]].title.split(" (")[0]
                lines.append(f"Sets “{title}” to {_value_text(value, library)}.")
        for key, value in item.effect.options:
            practice_id, name = split_option(key)
            spec = library.practices[practice_id].options.get(name) if practice_id in library.practices else None
            if spec is not None and practice_id in ticked:
                title = spec.title.split(" (")[0]
                if value == []:
                    lines.append(f"Empties “{title}”.")
                elif isinstance(value, list):
                    lines.append(f"Adds {_value_text(value, library)} to “{title}”.")
                else:
                    lines.append(f"Sets “{title}” to {_value_text(value, library)}.")
    if rules_out:
        lines.append(f"Rules out {_quoted(list(dict.fromkeys(rules_out)))}.")
    return lines


def answer_effects(answers: dict, library: Library, questions: Questions | None = None,
                   profile: Profile | None = None, given: Collection[str] | None = None) -> list[AnswerEffect]:
    """What each asked question's answer changes (in `profile`, or a new one), then what each law that applies brings.
    A law is explained as decided only once its questions are `given` (see `regime_reasons`)."""
    questions = questions or load_questions()
    start = profile if profile is not None else start_profile(library, questions=questions)
    ticked = set(apply_answers(start, answers, library, questions).practices)
    resolved = resolve(questions, with_picks(answers, questions, library))
    reasons = _reasons(questions, resolved, given)
    regimes = [r for r, reason in _reasons(questions, resolved).items() if reason.applies]  # what finishing now does
    fired = _fired(questions, resolved, regimes, library)
    result = []
    for question in questions.questions:
        if question.id not in resolved:
            continue
        lines = _effect_lines([f for f in fired if f.question is question], library, ticked)
        deciding = [reason for reason in reasons.values() if question.id in reason.questions]
        lines += [reason.text for reason in deciding if not reason.quiet and not reason.waits_for]
        lines += _waiting_lines([reason for reason in deciding if reason.waits_for], questions, library)
        if quiet := [r.regime for r in deciding if r.quiet]:
            lines.append(f"Not covered, as you have not said that people live where {'they apply' if len(quiet) > 1 else 'it applies'}: "
                         f"{_laws_in_few_words(quiet, library)}.")
        if resolved[question.id] is None:
            lines = lines or ["Not answered, so the policy says nothing about it."]
        result.append(AnswerEffect(question, question.text, answer_text(question, resolved[question.id]),
                                   tuple(lines or ["Changes nothing in the policy."])))
    for regime_id in regimes:
        own = [f for f in fired if f.question is None and f.effect.where == f"regime {regime_id}"]
        lines = _effect_lines(own, library, ticked)
        if lines:
            title = library.regimes[regime_id].title if regime_id in library.regimes else regime_id
            result.append(AnswerEffect(None, f"Because {title} applies", "", tuple(lines)))
    return result


def _waiting_lines(waiting: list[RegimeReason], questions: Questions, library: Library) -> list[str]:
    """One line for each set of questions some laws still wait for: “Whether PIPEDA applies is decided once you answer …”."""
    by_questions: dict[tuple[str, ...], list[str]] = {}
    for reason in waiting:
        by_questions.setdefault(reason.waits_for, []).append(reason.regime)
    return [f"Whether {_laws_in_few_words(ids, library, other='')} {'apply' if len(ids) > 1 else 'applies'} "
            f"is decided once you answer {_questions_text(questions, waits_for)}" for waits_for, ids in by_questions.items()]


def profile_changes(before: Profile, after: Profile, library: Library) -> list[str]:
    """What going from `before` to `after` changes, in plain words (for the interview's last page)."""
    def titles(ids) -> list[str]:
        return [library.practices[p].title if p in library.practices else p for p in ids]

    def regime_titles(ids) -> list[str]:
        return [library.regimes[r].title if r in library.regimes else r for r in ids]

    lines = []
    ticked = [p for p in after.practices if p not in before.practices]
    unticked = [p for p in before.practices if p not in after.practices]
    if ticked:
        lines.append(f"Ticks {len(ticked)}: {_quoted(titles(ticked))}.")
    if unticked:
        lines.append(f"Unticks {len(unticked)}: {_quoted(titles(unticked))}.")
    covered = [r for r in after.regimes if r not in before.regimes]
    dropped = [r for r in before.regimes if r not in after.regimes]
    if covered:
        lines.append(f"Covers {_quoted(regime_titles(covered))}.")
    if dropped:
        lines.append(f"Stops covering {_quoted(regime_titles(dropped))}.")
    changed = [p for p in after.practices if p in before.practices and after.practices[p] != before.practices[p]]
    if changed:
        lines.append(f"Changes the options of {_quoted(titles(changed))}.")
    return lines or ["Changes nothing: the profile already follows these answers."]
