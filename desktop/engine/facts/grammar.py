"""Facts: what a clause states, as data (see docs/facts.md).

A clause's front matter lists `facts = ["collects identifiers.email", ...]`. `parse_fact` reads
one string against the vocabulary; `resolve` fills list options and `{{opt.NAME}}` values from a
profile; `contradictions` finds statements that cannot all be true; `law_table` and
`retention_schedule` derive generated text. Everything here is pure: values in, values out.
"""

import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import replace

from desktop.engine.facts.model import (
    ADS,
    CHILDREN,
    CROSS_CONTEXT,
    SALE,
    Contradiction,
    Fact,
    FactError,
    StatedFact,
)
from desktop.engine.facts.rules import contradictions
from desktop.engine.facts.tables import LawRow, law_table, retention_schedule
from desktop.engine.facts.wording import describe
from desktop.engine.language.conditions import Condition, ConditionError, parse_condition
from desktop.engine.language.words import join_words
from desktop.engine.reference.vocabulary import Vocabulary

_ID = r"[A-Za-z0-9_.-]+"
_DATA = rf"(?P<data>{_ID}(?:\s*,\s*{_ID})*)"
_R = rf"(?P<recipient>{_ID})"
_P = rf"(?P<purpose>{_ID})"
_A = rf"(?P<audience>{_ID})"
_FROM = rf"(?:from (?P<origin>{_ID})|(?P<how>automatically|by inference))"
_WHEN = re.compile(r"\s+when\s+(?=(?:not\s+)?(?:opt|company|service|regime|practice|terms)\.|effective_date)")
_OPTION_TOKEN = re.compile(r"\{\{\s*opt\.([a-z0-9_]+)\s*\}\}")

# (pattern, verb, positive, how to write it)
_FORMS = [
    (rf"collects {_DATA}", "collects", True, "collects DATA"),
    (rf"collects {_DATA} {_FROM}", "collects", True,
     "collects DATA from RECIPIENT (the party it comes from), collects DATA automatically, or collects DATA by inference"),
    (rf"does not collect {_DATA}", "collects", False, "does not collect DATA"),
    (rf"shares {_DATA} with {_R}(?: for {_P})?", "shares", True, "shares DATA with RECIPIENT [for PURPOSE]"),
    (rf"does not share {_DATA}(?: with {_R})?(?: for {_P})?", "shares", False,
     "does not share DATA with RECIPIENT [for PURPOSE]"),
    (rf"sells {_DATA} to {_R}", "sells", True, "sells DATA to RECIPIENT"),
    (rf"does not sell {_DATA}(?: to {_R})?", "sells", False, "does not sell DATA"),
    (rf"uses {_DATA} for {_P}", "uses", True, "uses DATA for PURPOSE"),
    (rf"does not use {_DATA} for {_P}", "uses", False, "does not use DATA for PURPOSE"),
    (rf"asks consent to use {_DATA} for {_P}", "asks consent", True, "asks consent to use DATA for PURPOSE"),
    (rf"uses {_DATA} for {_P} unless you opt out", "asks consent", False, "uses DATA for PURPOSE unless you opt out"),
    (rf"makes public {_DATA}", "makes public", True, "makes public DATA"),
    (rf"keeps private {_DATA}", "makes public", False, "keeps private DATA"),
    (rf"does not make public {_DATA}", "makes public", False, "does not make public DATA"),
    (rf"limits {_R} to our purposes", "limits", True, "limits RECIPIENT to our purposes"),
    (r"honours dnt", "honours dnt", True, "honours dnt"),
    (r"ignores dnt", "honours dnt", False, "ignores dnt"),
    (r"consent by use", "consent by use", True, "consent by use"),
    (r"no consent by use", "consent by use", False, "no consent by use"),
    (rf"retains {_DATA} (?P<value>(?:for|until|deleted|not kept) .+|\{{\{{opt\.[a-z0-9_]+\}}\}})", "retains", True,
     "retains DATA for PERIOD (or: until CRITERION, deleted WHEN, not kept …, or {{opt.NAME}} holding one)"),
    (r"retains each opt\.(?P<each>[a-z0-9_]+)", "retains each", True,
     "retains each opt.NAME (a list option whose items read “what: how long”)"),
    (r"bases each opt\.(?P<each>[a-z0-9_]+)", "bases each", True,
     "bases each opt.NAME (a list option whose items read “use: legal basis”)"),
    (r"asks consent to set cookies", "cookie consent", True, "asks consent to set cookies"),
    (r"offers cookie choices", "cookie choices", True, "offers cookie choices"),
    (rf"audience {_A}", "audience", True, "audience AUDIENCE"),
    (rf"not audience {_A}", "audience", False, "not audience AUDIENCE"),
    (rf"lets {_R} collect {_DATA}", "lets collect", True, "lets RECIPIENT collect DATA"),
    (rf"does not let {_R} collect {_DATA}", "lets collect", False, "does not let RECIPIENT collect DATA"),
    (r"obtains parental consent", "obtains parental consent", True, "obtains parental consent"),
    (rf"obtains parental consent to share {_DATA} with {_R}(?: for {_P})?", "parental consent to share", True,
     "obtains parental consent to share DATA with RECIPIENT [for PURPOSE]"),
    (rf"obtains parental consent to let {_R} collect {_DATA}", "parental consent to let collect", True,
     "obtains parental consent to let RECIPIENT collect DATA"),
    (rf"obtains parental consent to use {_DATA} for {_P}", "parental consent to use", True,
     "obtains parental consent to use DATA for PURPOSE"),
    (rf"obtains parental consent to make public {_DATA}", "parental consent to make public", True,
     "obtains parental consent to make public DATA"),
    (r"offers opt-out of sale", "offers opt-out of sale", True, "offers opt-out of sale"),
    (r"offers opt-out of sharing", "offers opt-out of sharing", True, "offers opt-out of sharing"),
    (r"discloses sharing", "discloses sharing", True, "discloses sharing"),
    (r"offers opt-out of targeted advertising", "offers opt-out of targeted advertising", True,
     "offers opt-out of targeted advertising"),
    (r"offers opt-out of profiling", "offers opt-out of profiling", True, "offers opt-out of profiling"),
    (r"offers appeal", "offers appeal", True, "offers appeal"),
    (r"honours opt-out signals", "honours opt-out signals", True, "honours opt-out signals"),
    (rf"gives sale notice for {_DATA}", "sale notice", True, "gives sale notice for DATA"),
    (rf"asks explicit consent for {_DATA}", "special condition", True, "asks explicit consent for DATA"),
    (rf"meets a special condition for {_DATA}", "special condition", True, "meets a special condition for DATA"),
    (rf"asks separate consent to share {_DATA}", "consent to share", True, "asks separate consent to share DATA"),
    (rf"asks signed authorization to sell {_DATA}", "authorization to sell", True, "asks signed authorization to sell DATA"),
]
_COMPILED = [(re.compile(pattern + r"$"), verb, positive, usage) for pattern, verb, positive, usage in _FORMS]


# --- Reading -------------------------------------------------------------------------------


def parse_fact(text: str, vocabulary: Vocabulary, option_names: Collection[str] = ()) -> Fact:
    """Read one fact string. `option_names` are the practice's options (a mapping of
    OptionSpec also works, and then `opt.NAME` as data must be a list option)."""
    source = " ".join(text.split())
    statement, condition = _split_condition(source, option_names)
    for pattern, verb, positive, _ in _COMPILED:
        match = pattern.match(statement)
        if match:
            parts = match.groupdict()
            data, option = _data(parts.get("data"), vocabulary, option_names)
            if parts.get("each"):
                option = _check_option(parts["each"], option_names)
            _check_id(parts.get("recipient"), vocabulary.recipients, "recipient")
            _check_id(parts.get("purpose"), vocabulary.purposes, "purpose")
            _check_id(parts.get("audience"), vocabulary.audiences, "audience")
            _check_id(parts.get("origin"), vocabulary.recipients, "recipient")
            value = parts.get("value") or ""
            _check_value_options(value, option_names)
            return Fact(verb, positive, data, parts.get("recipient"), parts.get("purpose"),
                        value, option, parts.get("audience"), condition, source,
                        origin=parts.get("origin") or parts.get("how"))
    raise FactError(_unreadable(statement))


def _split_condition(text: str, option_names: Collection[str]) -> tuple[str, Condition | None]:
    parts = _WHEN.split(text, maxsplit=1)
    if len(parts) == 1:
        return text, None
    try:
        condition = parse_condition(parts[1])
    except ConditionError as error:
        raise FactError(f"cannot read the condition after `when`: {error}") from None
    for name in condition.names():
        if name.startswith("opt.") and name[4:] not in option_names:
            raise FactError(f"the condition names {name}, which is not an option of this practice")
    return parts[0], condition


def _data(text: str | None, vocabulary: Vocabulary, option_names: Collection[str]):
    if text is None:
        return (), None
    ids, option = [], None
    for id in (part.strip() for part in text.split(",")):
        if id.startswith("opt."):
            if option is not None:
                raise FactError(f"only one list option may give the data of a fact ({id})")
            option = _check_option(id[4:], option_names)
        else:
            _check_id(id, vocabulary.categories, "data category")
            ids.append(id)
    return tuple(dict.fromkeys(ids)), option


def _check_option(name: str, option_names: Collection[str]) -> str:
    if name not in option_names:
        raise FactError(f"opt.{name} is not an option of this practice")
    spec = option_names.get(name) if isinstance(option_names, Mapping) else None
    if getattr(spec, "type", "list") != "list":
        raise FactError(f"opt.{name} is a {spec.type} option; data can come only from a list option")
    return name


def _check_id(id: str | None, known: Mapping[str, object], what: str) -> None:
    if id is None or id in known:
        return
    close = difflib.get_close_matches(id, list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise FactError(f"unknown {what} {id!r}{hint}")


def _check_value_options(value: str, option_names: Collection[str]) -> None:
    for name in _OPTION_TOKEN.findall(value):
        if name not in option_names:
            raise FactError(f"{{{{opt.{name}}}}} is not an option of this practice")


def _unreadable(statement: str) -> str:
    words = statement.split()
    shared = {usage: _common_words(pattern, words) for pattern, _, _, usage in _FORMS}
    best = max(shared.values(), default=0)
    if best:
        usages = "` or `".join(usage for usage, count in shared.items() if count == best)
        return f"cannot read {statement!r}: write it as `{usages}`"
    return f"cannot read {statement!r}: a fact starts with one of {', '.join(sorted(_first_words()))}"


def _common_words(pattern: str, words: list[str]) -> int:
    """How many leading literal words of a form's pattern the statement shares."""
    count = 0
    for literal, word in zip(pattern.split(), words, strict=False):
        if literal.startswith("(") or literal != word:
            break
        count += 1
    return count


def _first_words() -> set[str]:
    return {usage.split()[0] for *_, usage in _FORMS}


# --- Resolving against a profile -----------------------------------------------------------


def resolve(fact: Fact, options: Mapping[str, object], vocabulary: Vocabulary) -> tuple[Fact, list[str]]:
    """The fact with `opt.NAME` data read from the option's items and `{{opt.NAME}}` filled in its value,
    and the items that name no data category (they add no data)."""
    data, missing = list(fact.data), []
    items = options.get(fact.option) if fact.option is not None else None
    for item in items if isinstance(items, list) else []:
        found = vocabulary.categories_in(str(item))
        data += found
        if not found:
            missing.append(str(item))
    value = _OPTION_TOKEN.sub(lambda m: _option_text(m.group(1), options) if m.group(1) in options else m.group(0),
                              fact.value)
    return replace(fact, data=tuple(dict.fromkeys(data)), value=value), missing


def _option_text(name: str, options: Mapping[str, object]) -> str:
    value = options[name]
    return join_words([str(v) for v in value]) if isinstance(value, list) else str(value)


__all__ = [
    "ADS", "CHILDREN", "CROSS_CONTEXT", "SALE", "Contradiction", "LawRow", "Fact", "FactError",
    "StatedFact", "contradictions", "law_table", "describe",
    "parse_fact", "resolve", "retention_schedule",
]
