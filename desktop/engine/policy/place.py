"""Where a problem points: a small value the UI goes to without parsing text."""

from dataclasses import dataclass

FIELD, PRACTICE, OPTION, CLAUSE, REQUIREMENT, PRACTICES, DOCUMENT, SERVICE = (
    "field", "practice", "option", "clause", "requirement", "practices", "document", "service")


@dataclass(frozen=True)
class Place:
    kind: str
    id: str = ""  # field key, practice id, clause id, requirement id or service id (profile.services)
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
        if self.kind == SERVICE:
            return f"service:{self.id}"
        return self.kind

    def as_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "option": self.option}


def field_place(key: str) -> Place:
    return Place(FIELD, key)


def practice_place(practice_id: str, option: str = "") -> Place:
    return Place(OPTION, practice_id, option) if option else Place(PRACTICE, practice_id)


def clause_place(clause_id: str) -> Place:
    return Place(CLAUSE, clause_id)


def service_place(service_id: str) -> Place:
    return Place(SERVICE, service_id)


STATED_BY = "service:"  # the clause and practice id of the facts a service the company uses states


def stated_place(stated, whole_clause: bool = False) -> Place:
    """Where a stated fact comes from: the service that states it, else its practice (or its clause)."""
    if stated.practice_id.startswith(STATED_BY):
        return service_place(stated.practice_id.removeprefix(STATED_BY))
    return clause_place(stated.clause_id) if whole_clause else practice_place(stated.practice_id)
