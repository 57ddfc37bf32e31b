"""Flesch reading ease, counted offline with a plain syllable heuristic."""

import re

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)")


def syllables(word: str) -> int:
    word = word.lower().rstrip("'s")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def flesch_reading_ease(texts: list[str]) -> float:
    """Score blocks of text; each block (a heading, paragraph or bullet) ends a sentence."""
    words = sentences = syllable_count = 0
    for text in texts:
        found = _WORD.findall(text)
        if not found:
            continue
        words += len(found)
        syllable_count += sum(syllables(w) for w in found)
        sentences += max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    if not words:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)
