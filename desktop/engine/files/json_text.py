"""JSON text in and out, safe against hostile files and faithful to whatever text the user typed.

Reading refuses, with the place named, what Python's decoder would crash on or take forever
over: nesting deeper than MAX_NESTING, a number longer than MAX_DIGITS, a file over MAX_BYTES.
Writing keeps non-ASCII text readable but writes a lone surrogate (valid in JSON, not encodable
in UTF-8) as its `\\udXXX` escape, so a profile holding one saves and reads back unchanged.
"""

import json
import math
import re

MAX_NESTING = 40  # a profile needs 4 levels
MAX_DIGITS = 400  # far past any number a profile holds, far below Python's 4,300-digit limit
MAX_BYTES = 20_000_000

_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?|[\[\]{}]', re.DOTALL)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class JSONTextError(ValueError):
    """Text that is not JSON we read; `where` is the key path ('' for the whole file)."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}" if where else message)
        self.where, self.message = where, message


class _LongNumber:
    def __init__(self, digits: str):
        self.digits = digits


def read_json(text: str) -> object:
    if len(text) > MAX_BYTES:
        raise JSONTextError("", f"is {len(text):,} characters long; a profile is a few kilobytes")
    _check_nesting(text)
    try:
        data = json.loads(text, parse_int=_integer, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise JSONTextError("", f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except (ValueError, RecursionError) as error:  # the decoder's own limits, should ours miss one
        raise JSONTextError("", f"cannot be read as JSON ({error})") from None
    _refuse_long_numbers(data)
    return data


def _integer(digits: str) -> object:
    return _LongNumber(digits) if len(digits.lstrip("-")) > MAX_DIGITS else int(digits)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number")
    return value


def _constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _check_nesting(text: str) -> None:
    """Find nesting deeper than MAX_NESTING without the recursive decoder; name the key it is under."""
    depth, keys, pending_key = 0, [], None
    for match in _STRUCTURE.finditer(text):
        token = match.group(0)
        if token[0] == '"':
            pending_key = token if match.group(1) else None
            continue
        if token in "[{":
            depth += 1
            keys.append(_key_text(pending_key))
            pending_key = None
            if depth > MAX_NESTING:
                where = ".".join(k for k in keys if k)
                line = text.count("\n", 0, match.start()) + 1
                raise JSONTextError(where, f"is nested more than {MAX_NESTING} levels deep (line {line}); "
                                           "a profile is never that deep")
        else:
            depth = max(depth - 1, 0)
            if keys:
                keys.pop()
            pending_key = None


def _key_text(token: str | None) -> str:
    if token is None:
        return ""
    try:
        return json.loads(token[:token.rindex('"') + 1])
    except ValueError:
        return ""


def _refuse_long_numbers(data: object) -> None:
    stack = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, _LongNumber):
            raise JSONTextError(where, f"is a number {len(value.digits):,} digits long; "
                                       f"no value in a profile has more than {MAX_DIGITS}")
        if isinstance(value, dict):
            stack.extend((f"{where}.{key}" if where else str(key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}[{index}]", item) for index, item in enumerate(value))


def dump_json(data: object) -> str:
    """Indented JSON text that always encodes as UTF-8."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text)
