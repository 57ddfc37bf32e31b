"""What changed between two policies' text: blocks matched, then words within a changed block.

The result is a list of `BlockChange`s in the newer policy's reading order, deleted blocks where
they stood. Each holds pieces marked SAME, INSERTED or DELETED, so that the SAME and INSERTED
pieces make the newer text and the SAME and DELETED ones the older: the window, the Word redline
and the Markdown all show this one model.
"""

import difflib
import re
from dataclasses import dataclass

SAME, INSERTED, DELETED, CHANGED = "same", "inserted", "deleted", "changed"
# Below this share of words in common, a changed block reads better as one deleted and one new.
PAIRING_RATIO = 0.35
# How many new blocks past the last pairing an old block may be paired with: so a run of
# thousands of changed blocks costs old x PAIRING_WINDOW comparisons, not old x new.
PAIRING_WINDOW = 40
_TOKEN = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")

Block = tuple[str, str]  # (kind, text), as Document.text_blocks gives them


@dataclass(frozen=True)
class Piece:
    mark: str  # SAME, INSERTED or DELETED
    text: str


@dataclass(frozen=True)
class BlockChange:
    kind: str  # "title", "heading1", "heading2", "paragraph", "item"
    status: str  # SAME, INSERTED, DELETED or CHANGED
    pieces: tuple[Piece, ...]

    def text(self, marks: tuple[str, ...]) -> str:
        return "".join(piece.text for piece in self.pieces if piece.mark in marks)

    @property
    def new_text(self) -> str:
        return self.text((SAME, INSERTED))


def compare(old: list[Block], new: list[Block]) -> list[BlockChange]:
    changes: list[BlockChange] = []
    matcher = _matcher(list(old), list(new))
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes += [BlockChange(kind, SAME, (Piece(SAME, text),)) for kind, text in old[i1:i2]]
        else:
            changes += _changed_run(old[i1:i2], new[j1:j2])
    return changes


def _matcher(a: list, b: list) -> difflib.SequenceMatcher:
    """difflib's matcher, which treats an element making up over 1% of a sequence of 200 or more
    as junk: without that, long texts of repeated words ("the cat the cat …") take time cubic
    in their length (1,000 words: 25 s). Shorter sequences are matched exactly."""
    return difflib.SequenceMatcher(None, a, b)


def has_changes(changes: list[BlockChange]) -> bool:
    return any(change.status != SAME for change in changes)


def counts(changes: list[BlockChange]) -> dict[str, int]:
    found = {INSERTED: 0, DELETED: 0, CHANGED: 0}
    for change in changes:
        if change.status in found:
            found[change.status] += 1
    return found


def _changed_run(old: list[Block], new: list[Block]) -> list[BlockChange]:
    """Blocks replaced by others: each old block is paired with the first later new block of the
    same kind (within PAIRING_WINDOW) that shares enough words; the unpaired ones are deleted or inserted."""
    out: list[BlockChange] = []
    j = 0
    new_words = [_words(text) for _, text in new]
    for kind, text in old:
        words = _words(text)
        match = next((k for k in range(j, min(j + PAIRING_WINDOW, len(new)))
                      if new[k][0] == kind and _pairs(words, new_words[k])), None)
        if match is None:
            out.append(_whole(kind, DELETED, text))
            continue
        out += [_whole(k, INSERTED, t) for k, t in new[j:match]]
        out.append(BlockChange(kind, CHANGED, word_diff(text, new[match][1])))
        j = match + 1
    out += [_whole(k, INSERTED, t) for k, t in new[j:]]
    return out


def _whole(kind: str, status: str, text: str) -> BlockChange:
    return BlockChange(kind, status, (Piece(status, text),) if text else ())


def _pairs(words_a: list[str], words_b: list[str]) -> bool:
    """Whether two blocks share at least PAIRING_RATIO of their words (as `_words` gives them)."""
    if not words_a and not words_b:
        return True
    matcher = _matcher(words_a, words_b)
    # The cheap upper bounds first: most pairs in a long run of changes fail them.
    return (matcher.real_quick_ratio() >= PAIRING_RATIO and matcher.quick_ratio() >= PAIRING_RATIO
            and matcher.ratio() >= PAIRING_RATIO)


def _words(text: str) -> list[str]:
    """The words that count in pairing blocks; numbers and punctuation do not, so "11. Children"
    and "11. International transfers" are different headings."""
    return [token for token in tokens(text) if any(c.isalpha() for c in token)]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """Word by word: a space alone between two changes joins them, so a rewritten phrase reads
    as one deletion and one insertion rather than alternating words."""
    a, b = tokens(old), tokens(new)
    raw: list[Piece] = []
    for op, i1, i2, j1, j2 in _matcher(a, b).get_opcodes():
        if op == "equal":
            raw.append(Piece(SAME, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Piece(DELETED, "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(Piece(INSERTED, "".join(b[j1:j2])))
    return _joined(_absorb_spaces(raw))


def _absorb_spaces(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for index, piece in enumerate(pieces):
        between = 0 < index < len(pieces) - 1 and pieces[index - 1].mark != SAME and pieces[index + 1].mark != SAME
        if piece.mark == SAME and between and not piece.text.strip():
            out += [Piece(DELETED, piece.text), Piece(INSERTED, piece.text)]
        else:
            out.append(piece)
    return out


def _joined(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Neighbouring pieces of one mark joined; within a change, deletions before insertions."""
    out: list[Piece] = []
    pending: dict[str, list[str]] = {DELETED: [], INSERTED: []}

    def flush() -> None:
        for mark in (DELETED, INSERTED):
            if pending[mark]:
                out.append(Piece(mark, "".join(pending[mark])))
                pending[mark] = []

    for piece in pieces:
        if piece.mark == SAME:
            flush()
            if out and out[-1].mark == SAME:
                out[-1] = Piece(SAME, out[-1].text + piece.text)
            else:
                out.append(piece)
        else:
            pending[piece.mark].append(piece.text)
    flush()
    return tuple(p for p in out if p.text)
