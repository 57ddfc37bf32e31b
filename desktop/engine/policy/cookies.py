"""The cookie table: every cookie the picked services set (as their settings set them up), and the
company's own, which the owner lists on the cookies practice as "name: purpose: duration: category".

Computed from the profile and the catalogue, never kept by hand: the policy shows it where a clause
has `{{table:cookies}}`, and the consent check reads the same rows.
"""

from dataclasses import dataclass, replace

from desktop.engine.library.model import Library
from desktop.engine.policy.document import BulletList, Document, Run, Table
from desktop.engine.profile.profile import Profile

CATEGORIES = ("necessary", "preferences", "analytics", "marketing")
NON_ESSENTIAL = ("preferences", "analytics", "marketing")  # the categories that need consent where a law asks for it
OWN_COOKIES = ("cookies.about", "own_cookies")  # the practice and its option where the owner lists the company's cookies
OWN_EXAMPLE = "session_id: Keeps you signed in: until you close your browser: necessary"
SECTION = "cookies"  # the policy's section that a cookie policy is made of
HEADER = ["Cookie", "Set by", "What it is for", "How long it lasts", "Kind"]


@dataclass(frozen=True)
class CookieRow:
    name: str
    purpose: str
    duration: str
    category: str  # one of CATEGORIES
    set_by: str  # the service's name, or the company's
    provider: str = ""  # the service's provider (its legal entity); empty for the company's own
    link: str = ""  # the provider's privacy policy
    storage: str = "cookie"  # cookie | local storage | device identifier
    service_id: str = ""  # empty for the company's own


def service_cookie_rows(profile: Profile, library: Library) -> list[CookieRow]:
    """The cookies of the picked catalogue services, in the catalogue's order (an unknown id sets none)."""
    rows = []
    for service_id, entry in library.services.items():
        if service_id not in profile.services:
            continue
        for cookie in entry.cookies_for(profile.services[service_id]):
            rows.append(CookieRow(cookie.name, cookie.purpose, cookie.duration, cookie.category, entry.name,
                                  entry.provider, entry.privacy_policy, cookie.storage, service_id))
    return rows


def own_cookie_rows(profile: Profile) -> tuple[list[CookieRow], list[str]]:
    """The company's own cookies as the owner listed them, and the lines that cannot be read as one."""
    practice, option = OWN_COOKIES
    items = profile.practices.get(practice, {}).get(option, []) if practice in profile.practices else []
    rows, unreadable = [], []
    for item in items if isinstance(items, list) else []:
        row = _own_row(item, profile.company.display_name or "Us") if isinstance(item, str) else None
        if row:
            rows.append(row)
        elif str(item).strip():
            unreadable.append(str(item))
    return rows, unreadable


def _own_row(item: str, company: str) -> CookieRow | None:
    """"name: purpose: duration: category" (the purpose may hold colons of its own), else None."""
    parts = [part.strip() for part in item.split(":")]
    if len(parts) < 4 or parts[-1].lower() not in CATEGORIES or not all(parts):
        return None
    return CookieRow(parts[0], ": ".join(parts[1:-2]), parts[-2], parts[-1].lower(), company)


def cookie_rows(profile: Profile, library: Library) -> list[CookieRow]:
    """Every row of the cookie table: the company's own cookies first, then each service's."""
    return own_cookie_rows(profile)[0] + service_cookie_rows(profile, library)


def cookie_table(rows: list[CookieRow], clause_id: str | None = None) -> Table:
    """The rows as the policy shows them; a service's name links to its privacy policy."""
    return Table(HEADER, [_cells(row) for row in rows], clause_id)


def _cells(row: CookieRow) -> list[list[Run]]:
    name = row.name if row.storage == "cookie" else f"{row.name} ({row.storage})"
    set_by = [Run(row.set_by, href=row.link or None, token=True)]
    if row.provider and row.provider != row.set_by:
        set_by.append(Run(f" ({row.provider})", token=True))
    return [[Run(name, token=True)], set_by, [Run(row.purpose, token=True)], [Run(row.duration, token=True)],
            [Run(row.category.capitalize(), token=True)]]


def cookie_policy(document: Document) -> Document | None:
    """The policy's cookies section alone, as a cookie policy of its own (its section numbered 1), with
    the gaps of its clauses; None when the policy has no cookies section."""
    section = next((s for s in document.sections if s.id == SECTION), None)
    if section is None:
        return None
    clauses = {block.clause_id for block in section.blocks}
    title = document.title.removesuffix("Privacy Policy") + "Cookie Policy"
    blocks = [_outward(block) for block in section.blocks]
    return replace(document, title=title, sections=[replace(section, number=1, blocks=blocks)],
                   gaps=[gap for gap in document.gaps if gap.clause_id in clauses],
                   facts=[stated for stated in document.facts if stated.clause_id in clauses])


def _outward(block):
    """The block with each reference to another section of the policy pointing out of the cookie
    policy: "section 15 (Your California privacy rights) of our privacy policy", a link no more."""
    def runs(items: list[Run]) -> list[Run]:
        return [replace(run, text=f"{run.text} of our privacy policy", ref=None) if run.ref and run.ref != SECTION else run
                for run in items]

    if isinstance(block, BulletList):
        return replace(block, items=[runs(item) for item in block.items])
    if isinstance(block, Table):
        return replace(block, rows=[[runs(cell) for cell in row] for row in block.rows])
    return replace(block, runs=runs(block.runs))
