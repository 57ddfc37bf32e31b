"""Where a problem points: a small value the UI goes to without parsing text."""

from dataclasses import dataclass

FIELD, PRACTICE, OPTION, CLAUSE, REQUIREMENT, PRACTICES, DOCUMENT = (
    "field", "practice", "option", "clause", "requirement", "practices", "document")


@dataclass(frozen=True)
class Place:
    kind: str
    id: str = ""  # field key, practice id, clause id or requirement id
    option: str = ""  # the option's name, for OPTION

    def __str__(self) -> str:
        """The stable text form the command line prints: `company.phone`, `practice:ID.days`…"""
        if self.kind == FIELD:
            return self.id
        if self.kind == PRACTICE:
            return f"practice:{self.id}"
        if self.kind == OPTION:
            return f"practice:{self.id}.{self.option}"
        if self.kind == CLAUSE:
            return f"clause:{self.id}"
        if self.kind == REQUIREMENT:
            return f"regime:{self.id}"
        return self.kind

    def as_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "option": self.option}


def field_place(key: str) -> Place:
    return Place(FIELD, key)


def practice_place(practice_id: str, option: str = "") -> Place:
    return Place(OPTION, practice_id, option) if option else Place(PRACTICE, practice_id)


def clause_place(clause_id: str) -> Place:
    return Place(CLAUSE, clause_id)
