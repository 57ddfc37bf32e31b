"""The values facts are made of (see docs/facts.md); `facts.py` reads and checks them."""

from dataclasses import dataclass

from desktop.engine.language.conditions import Condition

CROSS_CONTEXT = "ads.cross_context"
SALE = "sale"
ADS = "ads"
CHILDREN = "children_under_13"
# A collects fact's origin, besides a recipient id (a sign-in service) and None (from the user):
AUTOMATICALLY = "automatically"  # from the user's device as they use the service
BY_INFERENCE = "by inference"  # drawn by us from other information


class FactError(ValueError):
    """A fact that cannot be read or resolved; the message names the part at fault."""


@dataclass(frozen=True)
class Fact:
    verb: str  # the positive form: collects, shares, sells, uses, makes public, honours dnt, …
    positive: bool
    data: tuple[str, ...] = ()
    recipient: str | None = None
    purpose: str | None = None
    value: str = ""  # retains: "for 12 months" / "until you close your account"
    option: str | None = None  # NAME of the `opt.NAME` list whose items are data
    audience: str | None = None
    condition: Condition | None = None
    source: str = ""
    label: str = ""  # retains: the owner's own words for what is kept (“Photos you upload”), the schedule's row title
    origin: str | None = None  # collects: where it comes from: None from the user, AUTOMATICALLY, BY_INFERENCE or a recipient id


@dataclass(frozen=True)
class StatedFact:
    clause_id: str
    practice_id: str
    fact: Fact
    by: str = ""  # the name of what states it when that is not a clause: a service the company uses


@dataclass(frozen=True)
class Contradiction:
    kind: str  # opposite, limited-recipient, children, nothing-sold, or a law rule's: opt-out, appeal, consent-by-use…
    first: StatedFact
    second: StatedFact | None
    reason: str


