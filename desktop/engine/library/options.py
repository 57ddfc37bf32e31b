"""Practice options: declared in a clause's front matter, set in the profile."""

from dataclasses import dataclass

OPTION_TYPES = ("bool", "int", "text", "list", "choice")
_SPEC_KEYS = {"type", "title", "default", "choices", "min", "max"}


@dataclass(frozen=True)
class OptionSpec:
    name: str
    type: str
    title: str
    default: object
    choices: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None

    def type_problem(self, value: object) -> str | None:
        """Why `value` has the wrong kind for this option (text for a number…), or None."""
        if self.type == "bool" and not isinstance(value, bool):
            return "must be true or false"
        if self.type == "int" and (isinstance(value, bool) or not isinstance(value, int)):
            return "must be a whole number"
        if self.type in ("text", "choice") and not isinstance(value, str):
            return "must be text"
        if self.type == "list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return "must be a list of texts"
        return None

    def problem(self, value: object) -> str | None:
        """Why `value` does not fit this option, or None when it does."""
        kind = self.type_problem(value)
        if kind:
            return kind
        if self.type == "int":
            if self.min is not None and value < self.min:
                return f"must be at least {self.min}"
            if self.max is not None and value > self.max:
                return f"must be at most {self.max}"
        if self.type == "choice" and value not in self.choices:
            return f"must be one of: {', '.join(self.choices)}"
        return None

    def text_values(self) -> list[str]:
        """Texts in the default and choices, which may hold tokens."""
        values = list(self.choices)
        if isinstance(self.default, str):
            values.append(self.default)
        elif isinstance(self.default, list):
            values.extend(v for v in self.default if isinstance(v, str))
        return values


def parse_option(name: str, spec: object) -> OptionSpec:
    if not isinstance(spec, dict):
        raise ValueError("must be a table with `type`, `title` and `default`")
    unknown = set(spec) - _SPEC_KEYS
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(sorted(unknown))}")
    if spec.get("type") not in OPTION_TYPES:
        raise ValueError(f"`type` must be one of {', '.join(OPTION_TYPES)}")
    if not isinstance(spec.get("title"), str) or not spec["title"]:
        raise ValueError("needs a `title` the user will see")
    if "default" not in spec:
        raise ValueError("needs a `default`")
    choices = spec.get("choices", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        raise ValueError("`choices` must be a list of texts")
    if spec["type"] == "choice" and not choices:
        raise ValueError("a choice needs `choices`, a list of texts")
    for bound in ("min", "max"):
        if bound in spec and (type(spec[bound]) is not int or spec["type"] != "int"):
            raise ValueError(f"`{bound}` must be a whole number, on an option of type int")
    option = OptionSpec(
        name, spec["type"], spec["title"], spec["default"], tuple(choices),
        spec.get("min"), spec.get("max"),
    )
    problem = option.problem(option.default)
    if problem:
        raise ValueError(f"`default` {problem}")
    return option
