"""TOML text in, safe against hostile files: deep nesting is refused with a TOMLDecodeError, as
any other fault of the text is, never a RecursionError in the parser or in whoever reads it next."""

import tomllib

MAX_NESTING = 20  # a clause, a rule or a vocabulary file needs 3 levels


def parse_toml(text: str) -> dict:
    """The TOML document in `text`; tomllib.TOMLDecodeError names what is wrong."""
    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib parses nested arrays and inline tables by recursion
        raise tomllib.TOMLDecodeError(f"nested too deep (more than {MAX_NESTING} levels)") from None
    if _depth(data) > MAX_NESTING:
        raise tomllib.TOMLDecodeError(f"nested too deep (more than {MAX_NESTING} levels)")
    return data


def _depth(data: object) -> int:
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            break
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return deepest
