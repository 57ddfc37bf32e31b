"""What an edit changed in the assembled policy, clause by clause, so the preview can go there.

A clause's blocks are compared as text: a clause that is new wins over one whose wording
changed (ticking a practice also renumbers the section references of other clauses), and
among equals the first in reading order wins.
"""

from desktop.engine.policy.document import BulletList, Document, pieces, plain


def clause_blocks(document: Document) -> dict[str, tuple]:
    """Clause id -> the text of its blocks, in reading order."""
    blocks: dict[str, list] = {}
    for section in document.sections:
        for block in section.blocks:
            if block.clause_id is None:
                continue
            blocks.setdefault(block.clause_id, []).append(_text(block))
    return {clause_id: tuple(texts) for clause_id, texts in blocks.items()}


def _text(block) -> tuple:
    if isinstance(block, BulletList):
        return tuple(plain(item) for item in block.items)
    return type(block).__name__, *(plain(runs) for runs in pieces(block))


def changed_clause(before: Document | None, after: Document) -> str | None:
    """The clause of `after` to show: the first added one, else the first reworded one; None
    when nothing of `after` is new (an untick, an edit the policy does not show, a first render)."""
    if before is None:
        return None
    old, new = clause_blocks(before), clause_blocks(after)
    added = [clause_id for clause_id in new if clause_id not in old]
    if added:
        return added[0]
    if any(clause_id not in new for clause_id in old):
        return None  # what else changed is the ripple of the removal: renumbered references
    return next((clause_id for clause_id, blocks in new.items() if old[clause_id] != blocks), None)
