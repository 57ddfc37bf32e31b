"""Words joined as English lists them."""


def join_words(words: list[str], last: str = "and") -> str:
    """`a`, `a and b`, `a, b and c` (or `a, b or c` with last="or")."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]
