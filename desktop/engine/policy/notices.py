"""The separate notices a profile makes besides its privacy policy (the consumer health data privacy
policy): which have anything to say, and which clauses each shows. `assemble(profile, library, notice)`
builds one; the sections of a notice (`notice` in their `_section.toml`) are never part of the policy."""

from desktop.engine.library.model import Library
from desktop.engine.policy.assemble import condition_lookup, included_clauses
from desktop.engine.profile.profile import Profile


def notice_clauses(profile: Profile, library: Library) -> dict[str, list[str]]:
    """Each notice the profile has something for -> the ids of the clauses it shows, in order."""
    lookup = condition_lookup(library, profile)
    found = {}
    for notice in library.notices():
        included = included_clauses(library, profile, lookup, notice)
        if included:
            found[notice] = [clause.id for clauses in included.values() for clause in clauses]
    return found
