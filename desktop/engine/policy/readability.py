"""Flesch reading ease, counted offline with a plain syllable heuristic."""

import functools
import re

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)")
_SILENT_END = re.compile(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")
_VOWEL_GROUP = re.compile(r"[aeiouy]{1,2}")


@functools.lru_cache(maxsize=1 << 16)  # a policy uses a few thousand distinct words, each many times
def syllables(word: str) -> int:
    word = word.lower().rstrip("'s")
    if len(word) <= 3:
        return 1
    word = _SILENT_END.sub("", word)
    word = word.removeprefix("y")
    return max(1, len(_VOWEL_GROUP.findall(word)))


def flesch_reading_ease(texts: list[str]) -> float:
    """Score blocks of text; each block (a heading, paragraph or bullet) ends a sentence."""
    words = sentences = syllable_count = 0
    for text in texts:
        block_words, block_syllables, block_sentences = _counted(text) if len(text) <= _KEPT_CHARS else _counts(text)
        words, syllable_count, sentences = words + block_words, syllable_count + block_syllables, sentences + block_sentences
    if not words:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


def _counts(text: str) -> tuple[int, int, int]:
    """Words, syllables and sentences in one block (none at all when it has no word)."""
    found = _WORD.findall(text)
    if not found:
        return 0, 0, 0
    return len(found), sum(map(syllables, found)), max(1, len(_SENTENCE_END.findall(text.strip() + " ")))


# A refresh scores the same paragraphs again: a block's counts are kept (a long paste is counted each time).
_KEPT_CHARS = 4000
_counted = functools.lru_cache(maxsize=8192)(_counts)
