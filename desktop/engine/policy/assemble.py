"""profile + library -> Document: the canonical outline, numbered, every token filled."""


from desktop.engine.facts.tables import SERVICE_LISTS
from desktop.engine.library.model import Clause, DefinedTerm, Library
from desktop.engine.policy.cookies import cookie_rows
from desktop.engine.policy.document import Document, Heading, Section
from desktop.engine.policy.render import Renderer
from desktop.engine.policy.services import ServiceLists, cookie_consent_facts, service_facts, services_from_profile
from desktop.engine.policy.statements import Generated, stated_facts
from desktop.engine.policy.terms import resolved_terms
from desktop.engine.profile.fields import required_fields
from desktop.engine.profile.profile import Profile
from desktop.engine.reference.countries import find_country, is_us, paper_size
from desktop.engine.reference.regimes import group_key


def practice_options(library: Library, profile: Profile, practice_id: str) -> dict[str, object]:
    """The practice's option values: defaults, overlaid by the profile's valid values."""
    specs = library.practices[practice_id].options
    chosen = profile.practices.get(practice_id, {})
    return {
        name: chosen[name] if name in chosen and spec.problem(chosen[name]) is None else spec.default
        for name, spec in specs.items()
    }


def included_clauses(library: Library, profile: Profile, lookup: "_Lookup | None" = None,
                     notice: str = "") -> dict[str, list[Clause]]:
    """Section id -> the clauses that appear, in outline order; empty sections left out. Only the
    sections of `notice` (the privacy policy's when empty: separate notices are never part of it)."""
    lookup = lookup or _Lookup(library, profile, resolved_terms(library, profile))
    result = {}
    for section in library.outline():
        if section.notice != notice:
            continue
        clauses = appearing([c for c in library.clauses_in(section.id) if c.practice in profile.practices], lookup)
        if clauses:
            result[section.id] = clauses
    return result


def appearing(clauses: list[Clause], lookup: "_Lookup") -> list[Clause]:
    """Those of `clauses` (of ticked practices) whose `when` holds: the one rule for what a policy shows."""
    return [c for c in clauses if c.when is None or c.when.holds(lookup.for_practice(c.practice))]


class _Lookup:
    """Answers the names a condition asks about, for one practice's options; each practice's
    option values are worked out once."""

    def __init__(self, library: Library, profile: Profile, terms: dict[str, DefinedTerm]):
        self.library, self.profile, self.terms = library, profile, terms
        self.options: dict[str, dict[str, object]] = {}
        self.generated: Generated | None = None  # known once the clauses, and so the facts, are
        self.services = services_from_profile(profile, library)  # known from the start: clauses' conditions ask
        self.service_lists = ServiceLists(self.services, library.vocabulary, profile.company.country)
        self.tables: dict[str, list] = {}  # table name -> its rows, made when first asked for

    def table_rows(self, name: str) -> list:
        if name not in self.tables:
            self.tables[name] = cookie_rows(self.profile, self.library) if name == "cookies" else []
        return self.tables[name]

    def options_of(self, practice_id: str) -> dict[str, object]:
        if practice_id not in self.options:
            self.options[practice_id] = practice_options(self.library, self.profile, practice_id)
        return self.options[practice_id]

    def practice_value(self, name: str) -> object:
        """`practice.ID`: the practice is ticked; `practice.ID.OPTION`: that option of a ticked practice (None if unticked)."""
        if name in self.library.practices:
            return name in self.profile.practices
        practice_id, _, option = name.rpartition(".")
        if practice_id in self.library.practices and practice_id in self.profile.practices:
            return self.options_of(practice_id).get(option)
        return None

    def for_practice(self, practice_id: str):
        options = self.options_of(practice_id)

        def lookup(name: str) -> object:
            kind, _, rest = name.partition(".")
            if kind == "opt":
                return options.get(rest)
            if kind == "regime":
                return rest in self.profile.regimes
            if kind == "laws":
                return sum(1 for id in self.profile.regimes if id in self.library.regimes
                           and group_key(self.library.regimes[id].group) == rest)
            if kind == "practice":
                return self.practice_value(rest)
            if kind == "facts" and rest in SERVICE_LISTS:
                return bool(self.service_lists.get(rest))
            if kind == "facts":
                return bool(self.generated and self.generated.get(rest))
            if kind == "tables":
                return bool(self.table_rows(rest))
            if kind == "terms":
                return self.terms[rest.replace("_", " ")].label if rest == "personal_information" else self.terms["service"].label
            if name == "company.country" and find_country(self.profile.company.country):
                return find_country(self.profile.company.country).name  # the spelling conditions compare with
            value = self.profile.field_value(name).strip()
            return value or (name in required_fields())  # an empty required field shows as a gap

        return lookup


def condition_lookup(library: Library, profile: Profile) -> "_Lookup":
    """What clause and fact conditions ask about this profile (facts.* lists excepted)."""
    return _Lookup(library, profile, resolved_terms(library, profile))


def _prepared(profile: Profile, library: Library, notice: str = ""):
    """The clauses that appear (in the policy, or in `notice`), the facts the policy states, and a
    renderer that numbers sections and fills tokens. A notice's facts are the policy's: it says again,
    for one audience, what the policy says."""
    lookup = _Lookup(library, profile, resolved_terms(library, profile))
    included = included_clauses(library, profile, lookup)
    facts, unknown_items = stated_facts([c for clauses in included.values() for c in clauses], library,
                                        profile.wording_confirmed, lookup.for_practice, lookup.options_of, profile.overrides)
    facts += service_facts(lookup.services)
    facts += cookie_consent_facts(lookup.services, facts, library.vocabulary)
    lookup.generated = Generated(facts, library.vocabulary, library.regimes.values(), profile.regimes)
    if notice:
        included = included_clauses(library, profile, lookup, notice)
    numbers = {section_id: index for index, section_id in enumerate(included, start=1)}
    renderer = Renderer(profile, library, numbers, lookup)
    renderer.titles = {section_id: library.sections[section_id].title_for({c.practice for c in clauses})
                       for section_id, clauses in included.items()}
    return lookup, included, facts, unknown_items, renderer


def word_renderer(profile: Profile, library: Library, notice: str = "") -> "Renderer":
    """A renderer that fills tokens in plain words (no first-use definitions), as the policy (or
    `notice`) reads now."""
    renderer = _prepared(profile, library, notice)[-1]
    renderer.defined = list(renderer.terms)
    renderer.company_introduced = True
    return renderer


def first_uses(profile: Profile, library: Library, notice: str = "") -> dict[str, str]:
    """Term name (or render.COMPANY) -> the clause whose wording defines it, where the policy (or
    `notice`) first uses it: a clause shown alone reads as it does there."""
    _, included, _, _, renderer = _prepared(profile, library, notice)
    _rendered_sections(included, renderer)
    return renderer.introduced_in


def _rendered_sections(included: dict[str, list[Clause]], renderer: Renderer) -> list[Section]:
    sections = []
    for section_id, clauses in included.items():
        section = Section(section_id, renderer.numbers[section_id], renderer.titles[section_id])
        previous_heading = None
        for clause in clauses:
            heading = clause.shown_heading
            if heading and heading != previous_heading:
                section.blocks.append(Heading(renderer.heading_runs(heading, clause), clause.id))
            previous_heading = heading
            section.blocks.extend(renderer.clause_blocks(clause))
        sections.append(section)
    return sections


def assemble(profile: Profile, library: Library, notice: str = "") -> Document:
    """The privacy policy, or (`notice`) one of the separate notices made from the same profile."""
    lookup, included, facts, unknown_items, renderer = _prepared(profile, library, notice)
    sections = _rendered_sections(included, renderer)
    company = profile.company.display_name
    title = library.notice_title(notice) if notice else "Privacy Policy"
    return Document(
        title=f"{company} {title}" if company else title,
        effective_line="Effective date: " + renderer.effective_date_text(),
        company_name=company,
        lang="en-US" if is_us(profile.company.country) else "en",
        page_size=paper_size(profile.company.country),
        sections=sections,
        gaps=renderer.gaps,
        defined_terms=renderer.defined,
        introduced_in=renderer.introduced_in,
        terms=lookup.terms,
        facts=facts,
        unknown_items=unknown_items,
    )
