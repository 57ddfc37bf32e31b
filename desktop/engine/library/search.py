"""Finding a practice by the words a user types: titles, summaries, clause wording, option titles,
what its facts declare (the data, recipients and purposes, by their vocabulary titles and words),
and a list of plain synonyms kept as data (`snippets/_search/synonyms.toml`).

Every word typed must be found (in the practice's text, or one of its synonyms is); a word matches
inside a longer one, so "cookie" finds "cookies".
"""

import re
import tomllib
from pathlib import Path

from desktop.engine.files.reading import LIBRARY_FILE_BYTES, read_text
from desktop.engine.files.toml_text import parse_toml
from desktop.engine.language.markup import TOKEN
from desktop.engine.library.model import Library, Practice
from desktop.engine.reference.vocabulary import Vocabulary, spoken
from desktop.paths import bundled_dir

SYNONYMS_FILE = Path("_search") / "synonyms.toml"
_CONDITION = re.compile(r"\{\{if\s.*?\}\}")
_MARKUP = re.compile(r"[*_\[\]()]")


class SynonymsError(ValueError):
    pass


def load_synonyms(path: Path) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """(word or phrase -> the library's words for it, the words a search passes over); a missing
    file means neither."""
    if not path.is_file():
        return {}, frozenset()
    try:
        data = parse_toml(read_text(path, LIBRARY_FILE_BYTES))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SynonymsError(f"{path}: cannot read the synonyms: {error}") from None
    ignored = data.get("ignore", [])
    if not (isinstance(ignored, list) and all(isinstance(w, str) for w in ignored)):
        raise SynonymsError(f"{path}: `ignore` must be a list of words")
    synonyms = {}
    table = data.get("synonyms", {})
    if not isinstance(table, dict):
        raise SynonymsError(f"{path}: [synonyms] must be a table of word = [\"other\", \"words\"]")
    for key, words in table.items():
        if not (isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words)):
            raise SynonymsError(f"{path}: “{key}” must be a list of words, as in {key} = [\"order\", \"payment\"]")
        synonyms[" ".join(key.lower().split())] = tuple(" ".join(w.lower().split()) for w in words)
    return synonyms, frozenset(w.lower() for w in ignored)


def _readable(text: str) -> str:
    """Template text as plain lower-case words: conditions out, tokens as their names."""
    text = _CONDITION.sub(" ", text)
    text = TOKEN.sub(lambda m: " " + m.group(1).split(".")[-1].split(":")[-1].replace("_", " ") + " ", text)
    return " ".join(_MARKUP.sub(" ", text).lower().split())


def practice_texts(practice: Practice, section_title: str = "",
                   vocabulary: Vocabulary | None = None) -> tuple[str, str, str, str]:
    """What a search looks through for one practice, in lower case: its names (id and title), what
    describes it (section, summaries, clause and option titles), what its facts declare, and its
    wording (bodies, option values)."""
    names = [practice.id.replace(".", " ").replace("_", " "), practice.title]
    described, wording = [section_title], []
    for clause in practice.clauses:
        described += [clause.title, clause.summary, clause.shown_heading or ""]
        wording.append(clause.body)
        for spec in clause.options.values():
            described.append(spec.title)
            wording += _option_values(spec)
    declared = declared_words(practice, vocabulary or Vocabulary())
    return _readable(" ".join(names)), _readable(" ".join(described)), _readable(" ".join(declared)), _readable(" ".join(wording))


def _option_values(spec) -> list[str]:
    defaults = spec.default if isinstance(spec.default, list) else [spec.default]
    return [value for value in defaults if isinstance(value, str)] + list(spec.choices)


def declared_words(practice: Practice, vocabulary: Vocabulary) -> list[str]:
    """The titles and words of each data category, recipient and purpose the practice's facts name:
    "location" finds a practice that declares `collects location.precise` in words it never uses.
    A fact about an option's items names the categories of its default and offered items."""
    entries = []
    for clause in practice.clauses:
        for fact in clause.facts:
            data = list(fact.data)
            if fact.option and fact.option in clause.options:
                data += [id for value in _option_values(clause.options[fact.option]) for id in vocabulary.categories_in(value)]
            entries += [vocabulary.categories.get(id) for id in data]
            entries += [vocabulary.recipients.get(fact.recipient or ""), vocabulary.purposes.get(fact.purpose or "")]
    words = []
    for entry in dict.fromkeys(e for e in entries if e is not None):
        words += [spoken(entry.title), *entry.words]
    return words


_WEIGHTS = (4, 2, 2, 1)  # a word in the practice's title counts most, in its wording least


class PracticeSearch:
    """The search texts of a library's practices, built once, and the synonyms to widen a query."""

    def __init__(self, library: Library, synonyms: dict[str, tuple[str, ...]] | None = None,
                 ignored: frozenset[str] = frozenset()):
        self.synonyms, self.ignored = synonyms or {}, ignored
        self.texts = {
            practice.id: practice_texts(practice, library.sections[practice.section].title if practice.section in library.sections else "",
                                        library.vocabulary)
            for practice in library.practices.values()
        }

    def terms(self, query: str) -> list[tuple[str, ...]]:
        """The query as terms, each with the words any of which finds it: phrases with synonyms first."""
        text = " ".join(query.lower().split())
        terms = []
        for phrase in sorted((k for k in self.synonyms if " " in k), key=len, reverse=True):
            pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
            if re.search(pattern, text):
                terms.append((phrase, *self.synonyms[phrase]))
                text = re.sub(pattern, " ", text)
        words = text.split()
        for word in words:
            if word not in self.ignored or len(words) == 1:
                terms.append((word, *self._synonyms_of(word)))
        return terms

    def _synonyms_of(self, word: str) -> tuple[str, ...]:
        for form in (word, word.removesuffix("s"), word.removesuffix("es")):
            if form in self.synonyms:
                return self.synonyms[form]
        return ()

    def ranked(self, query: str) -> list[str] | None:
        """The ids of the practices that match every term of `query`, best first (a word in the title
        counts most); None for an empty query, which shows every practice."""
        terms = [[re.compile(rf"(?<!\w){re.escape(word)}") for word in term] for term in self.terms(query)]
        if not terms:
            return None if not query.strip() else []
        scores = {}
        for practice_id, texts in self.texts.items():
            score = 0.0
            for term in terms:
                found = [weight for word in term for weight, text in zip(_WEIGHTS, texts, strict=True) if word.search(text)]
                if not found:
                    break
                score += max(found) + 0.1 * len(found)  # more of a term's words found: a closer match
            else:
                scores[practice_id] = score
        return sorted(scores, key=lambda pid: -scores[pid])


def bundled_search(library: Library) -> PracticeSearch:
    """A search over `library` with the synonyms that come with the app."""
    return PracticeSearch(library, *load_synonyms(bundled_dir("snippets") / SYNONYMS_FILE))
