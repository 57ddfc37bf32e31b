"""A bound on filling in option values: an option that uses itself, or values that name other
options again and again, would otherwise grow exponentially within assembly's depth limit."""

from collections.abc import Callable

# Characters an option's value may grow to once the tokens in it are filled in.
MAX_OPTION_TEXT = 20_000


class OptionGuard:
    """Tracks the options being filled in (outermost first) and what the outermost may still add."""

    def __init__(self):
        self.open: list[tuple[str, str]] = []  # (practice id, option name)
        self.budget = 0

    @property
    def inside(self) -> bool:
        return bool(self.open)

    @property
    def exhausted(self) -> bool:
        return bool(self.open) and self.budget < 0

    def spend(self, characters: int) -> bool:
        """Count text added inside an option; False once the outermost option has grown too large."""
        if self.open:
            self.budget -= characters
        return not self.exhausted

    def within(self, practice_id: str, name: str, fill: Callable[[], object]) -> object | None:
        """`fill()`, the filling in of an option; None when the option uses itself (directly or
        through others) or grows past MAX_OPTION_TEXT: the outermost one's caller then shows a gap."""
        key = (practice_id, name)
        if key in self.open:
            self.budget = -1
            return None
        if not self.open:
            self.budget = MAX_OPTION_TEXT
        self.open.append(key)
        try:
            filled = fill()
        finally:
            self.open.pop()
        return None if not self.open and self.budget < 0 else filled
