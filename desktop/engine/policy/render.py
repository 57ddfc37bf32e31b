"""One policy's clauses rendered into runs and blocks: every token filled, each term defined once."""

import datetime as dt
from dataclasses import replace

from desktop.engine.facts.tables import SERVICE_LISTS, list_names
from desktop.engine.language.dates import long_date
from desktop.engine.language.markup import TOKEN, BlockTemplate, MarkupError, parse_body, parse_inline, typographic_quotes
from desktop.engine.language.validate import is_email, is_web_address, web_url
from desktop.engine.language.words import join_words
from desktop.engine.library.model import Clause, Library
from desktop.engine.library.tokens import Token, TokenError, classify
from desktop.engine.policy.cookies import cookie_table
from desktop.engine.policy.document import BulletList, Gap, Paragraph, Run, Table
from desktop.engine.policy.option_guard import MAX_OPTION_TEXT, OptionGuard
from desktop.engine.policy.place import clause_place, field_place, practice_place
from desktop.engine.policy.run_text import capitalised, linked, styled
from desktop.engine.policy.terms import company_runs, definition_runs, with_article
from desktop.engine.profile.fields import label as field_label
from desktop.engine.profile.profile import Profile
from desktop.engine.reference.countries import month_first

_MAX_DEPTH = 4
COMPANY = "{{company}}"  # the company's key in Renderer.introduced_in: no term can be named so


def format_date(date: dt.date, country: str) -> str:
    """The date as people write it in `country` (the company's, as the user wrote it), in English under any locale."""
    return long_date(date, month_first(country))


class Renderer:
    """Renders one policy's clauses into runs and blocks, in outline order: it remembers the terms
    defined so far, whether the company was introduced, and the gaps found."""

    def __init__(self, profile: Profile, library: Library, numbers: dict[str, int], lookup):
        """`lookup`: the policy's condition lookup (assemble.condition_lookup), which also knows its terms."""
        self.profile, self.library, self.numbers, self.lookup = profile, library, numbers, lookup
        self.terms = lookup.terms
        self.defined: list[str] = []
        self.company_introduced = False
        self.gaps: list[Gap] = []
        self.guard = OptionGuard()
        self.titles: dict[str, str] = {}  # section id -> its title, as what it shows makes it
        self.introduced_in: dict[str, str] = {}  # term name (or COMPANY) -> the clause that defines it

    def effective_date_text(self) -> str:
        date = self.profile.effective()
        if date is None:
            self.gaps.append(Gap("missing", "effective_date", "", "The policy has no effective date.", field_place("effective_date")))
            return "[Effective date]"
        return format_date(date, self.profile.company.country)

    def heading_runs(self, heading: str, clause: Clause) -> list[Run]:
        return self._expand(typographic_quotes(heading), clause, Run(""), define=False)

    def clause_blocks(self, clause: Clause) -> list:
        lookup = self.lookup.for_practice(clause.practice)
        blocks: list = []
        for template in self._templates(clause):
            if template.condition and not template.condition.holds(lookup):
                continue
            if template.kind == "li":
                items = self._list_items(template, clause)
                if blocks and isinstance(blocks[-1], BulletList):
                    blocks[-1].items.extend(items)
                else:
                    blocks.append(BulletList(items, clause.id))
            elif (table := self._table(template, clause)) is not None:
                if table.rows:
                    blocks.append(table)
            else:
                blocks.append(Paragraph(self._inline(template.text, clause), clause.id))
        return blocks

    def _table(self, template: BlockTemplate, clause: Clause) -> Table | None:
        """The table a paragraph of its own `{{table:NAME}}` shows (with no rows when it has none), else None."""
        whole = TOKEN.fullmatch(template.text.strip())
        name = whole.group(1).strip() if whole else ""
        if not name.startswith("table:"):
            return None
        return cookie_table(self.lookup.table_rows(name[6:].strip()), clause.id)

    def _templates(self, clause: Clause) -> list[BlockTemplate]:
        override = self.profile.overrides.get(clause.id)
        if override is None:
            return clause.blocks
        try:
            return parse_body(override)
        except MarkupError:
            return [BlockTemplate("p", " ".join(override.split()), 1)]

    def _list_items(self, template: BlockTemplate, clause: Clause) -> list[list[Run]]:
        whole = TOKEN.fullmatch(template.text.strip())
        name = whole.group(1).strip() if whole else ""
        if name.startswith("opt."):
            value = self._options(clause).get(name[4:])
            if isinstance(value, list):
                items = self.guard.within(clause.practice, name[4:], lambda: [
                    self._expand(typographic_quotes(item), clause, Run("")) for item in value])
                return items if items is not None else [[self._runaway_gap(clause, name[4:])]]
        if name.startswith("facts:") and self.lookup.generated and (items := self._generated(name[6:].strip(), clause)):
            # Generated from the facts, not written by anyone: the linter trusts it like token output.
            return [[replace(run, token=True) for run in self._expand(typographic_quotes(item), clause, Run(""), define=False)]
                    for item in items]
        return [self._inline(template.text, clause)]

    def _inline(self, text: str, clause: Clause) -> list[Run]:
        runs: list[Run] = []
        for span in parse_inline(text):
            style = Run("", bold=span.bold, italic=span.italic, href=span.href)
            runs.extend(self._expand(span.text, clause, style))
        return runs

    def _expand(self, text: str, clause: Clause, style: Run, depth: int = 0, define: bool = True) -> list[Run]:
        """Replace the tokens in `text` with runs styled like `style`."""
        runs: list[Run] = []
        position = 0
        if not self.guard.spend(len(text)):
            return runs
        for match in TOKEN.finditer(text):
            if match.start() > position:
                runs.extend(linked(style, text[position:match.start()]))
            raw = match.group(1)
            token_runs = self._token(raw, clause, style, depth, define)
            if raw.strip()[:1].isupper():
                token_runs = capitalised(token_runs)
            runs.extend(token_runs)
            position = match.end()
        if position < len(text):
            runs.extend(linked(style, text[position:]))
        return runs

    def _token(self, raw: str, clause: Clause, style: Run, depth: int, define: bool) -> list[Run]:
        if self.guard.exhausted:
            return []
        if depth > _MAX_DEPTH:
            return [self._gap("token", raw, clause, f"Token {{{{{raw}}}}} refers to itself.")]
        try:
            token = classify(raw, set(self.terms))
        except TokenError as error:
            return [self._gap("token", raw, clause, str(error)[0].upper() + str(error)[1:] + ".")]
        if token.kind == "option":  # option values are wording, linted like the clause itself
            return self._option(token.name, clause, style, depth)
        if token.kind == "field":
            runs = self._field(token.name, clause, style)
        elif token.kind == "ref":
            runs = self._reference(token.name, clause, style)
        elif token.kind == "recipient":
            runs = self._recipient(token.name, clause, style, depth)
        elif token.kind == "table":
            message = f"Clause {clause.id!r} shows a table inside a sentence; {{{{{raw}}}}} must be a paragraph of its own."
            runs = [self._gap("token", raw, clause, message)]
        elif token.kind == "generated":
            joined = join_words(self._generated(token.name, clause)) or "none"
            runs = self._expand(typographic_quotes(joined), clause, style, depth + 1, define=False)
        elif token.kind == "company":
            runs = self._company(clause, style, define)
        else:
            runs = self._term(token, clause, style, depth, define)
        return [replace(run, token=True) for run in runs]

    def token_words(self, raw: str, clause: Clause, define: bool = False) -> tuple[str, bool]:
        """What one token reads as in this clause, and whether it is a gap (a missing detail)."""
        if raw.strip().startswith("table:"):  # a paragraph of its own, which the policy shows as the table
            return f"[the {raw.strip()[6:].strip()} table]", False
        runs = self._token(raw, clause, Run(""), 0, define)
        if raw.strip()[:1].isupper():
            runs = capitalised(runs)
        return _words(runs)

    def list_item_words(self, template: BlockTemplate, clause: Clause) -> list[tuple[str, bool, str]]:
        """The bullets a list paragraph shows, each in words, whether it holds a gap, and its text with its
        tokens: one a list item for a paragraph that is a whole list token (`- {{opt.examples}}`), else one."""
        shown = [_words(runs) for runs in self._list_items(template, clause)]
        texts = self._list_item_texts(template, clause)
        if len(texts) != len(shown):
            texts = [template.text] * len(shown)
        return [(words, gap, text) for (words, gap), text in zip(shown, texts, strict=True)]

    def _list_item_texts(self, template: BlockTemplate, clause: Clause) -> list[str]:
        """The texts `_list_items` makes its bullets from, tokens and all."""
        whole = TOKEN.fullmatch(template.text.strip())
        name = whole.group(1).strip() if whole else ""
        if name.startswith("opt.") and isinstance(value := self._options(clause).get(name[4:]), list) and value:
            return [str(item) for item in value]
        if name.startswith("facts:") and self.lookup.generated:
            return list(self._generated(name[6:].strip(), clause)) or [template.text]
        return [template.text]

    def holds(self, template: BlockTemplate, clause: Clause) -> bool:
        return template.condition is None or template.condition.holds(self.lookup.for_practice(clause.practice))

    def _gap(self, kind: str, name: str, clause: Clause, message: str, label: str | None = None, place=None) -> Run:
        self.gaps.append(Gap(kind, name, clause.id, message, place or clause_place(clause.id)))
        return Run(f"[{label or name}]", gap=True)

    def _field(self, name: str, clause: Clause, style: Run) -> list[Run]:
        value = self.profile.field_value(name).strip()
        if not value:
            label = field_label(name)
            return [self._gap("missing", name, clause, f"{label} is empty, and “{self._practice_title(clause)}” uses it.", label, field_place(name))]
        if name == "effective_date":
            date = self.profile.effective()
            return [styled(style, format_date(date, self.profile.company.country) if date else value)]
        if name == "company.contact_email":
            if is_email(value):
                return [Run(value, style.bold, style.italic, href=f"mailto:{value}")]
            return [Run(value, gap=True)]  # checks reports it; the draft shows it marked
        if name == "company.website":
            if is_web_address(value):
                return [Run(value, style.bold, style.italic, href=web_url(value))]
            return [Run(value, gap=True)]
        return [styled(style, value)]

    def _recipient(self, recipient_id: str, clause: Clause, style: Run, depth: int) -> list[Run]:
        """The one way the policy describes a kind of recipient, from the vocabulary."""
        recipient = self.library.vocabulary.recipients.get(recipient_id)
        if recipient is None:
            message = f"Clause {clause.id!r} names a recipient {recipient_id!r} the vocabulary lacks."
            return [self._gap("token", f"recipient:{recipient_id}", clause, message)]
        return self._expand(typographic_quotes(recipient.description), clause, style, depth + 1, define=False)

    def _generated(self, name: str, clause: Clause) -> list[str]:
        if name not in list_names(self.library.regimes.values()):
            self._gap("token", f"facts:{name}", clause, f"Clause {clause.id!r} asks for a generated list {name!r} that does not exist.")
            return []
        if name in SERVICE_LISTS:
            return self.lookup.service_lists.get(name)
        return self.lookup.generated.get(name, clause.id) if self.lookup.generated else []

    def _options(self, clause: Clause) -> dict[str, object]:
        return self.lookup.options_of(clause.practice)

    def _option(self, name: str, clause: Clause, style: Run, depth: int) -> list[Run]:
        runs = self.guard.within(clause.practice, name, lambda: self._option_runs(name, clause, style, depth))
        return runs if runs is not None else [self._runaway_gap(clause, name)]

    def _practice_title(self, clause: Clause) -> str:
        practice = self.library.practices.get(clause.practice)
        return practice.title if practice else clause.title

    def _runaway_gap(self, clause: Clause, name: str) -> Run:
        if self.guard.inside:  # an inner option: the outermost one is reported
            return Run("")
        spec = self.library.practices[clause.practice].options.get(name)
        title = spec.title if spec else name
        message = (f"Option {title!r} of “{self._practice_title(clause)}” uses itself, or grows past {MAX_OPTION_TEXT:,} "
                   f"characters once the {{{{opt.…}}}} tokens in it are filled in; remove those tokens from it.")
        return self._gap("runaway", f"{clause.practice}.{name}", clause, message, title,
                         practice_place(clause.practice, name))

    def _option_runs(self, name: str, clause: Clause, style: Run, depth: int) -> list[Run]:
        value = self._options(clause).get(name)
        if value is None:
            return [self._gap("token", f"opt.{name}", clause, f"Clause {clause.id!r} uses an option {name!r} that its practice does not have.")]
        spec = self.library.practices[clause.practice].options[name]
        chosen = self.profile.practices.get(clause.practice, {})
        if name in chosen and spec.problem(chosen[name]) is not None:
            return [Run(f"[{spec.title}]", gap=True)]  # checks reports the invalid value
        if value in ("", []):
            title = spec.title
            return [self._gap("missing", f"{clause.practice}.{name}", clause, f"Option {title!r} of practice {clause.practice!r} is empty.",
                              title, practice_place(clause.practice, name))]
        if isinstance(value, list):
            # items with commas of their own are kept apart by semicolons: "heart conditions, epilepsy or other
            # conditions; and whether you are pregnant"
            apart = any("," in item for item in value)
            between, last = ("; ", "; and ") if apart else (", ", " and ")
            runs: list[Run] = []
            for index, item in enumerate(value):
                runs.extend(self._expand(typographic_quotes(item), clause, style, depth + 1))
                if index < len(value) - 2:
                    runs.append(styled(style, between))
                elif index == len(value) - 2:
                    runs.append(styled(style, last))
            return runs
        if isinstance(value, bool):
            return [styled(style, "yes" if value else "no")]
        return self._expand(typographic_quotes(str(value)), clause, style, depth + 1)

    def _reference(self, section_id: str, clause: Clause, style: Run) -> list[Run]:
        number = self.numbers.get(section_id)
        if number is None:
            title = self.library.sections[section_id].title if section_id in self.library.sections else section_id
            return [self._gap("reference", section_id, clause,
                              f"Clause {clause.id!r} refers to section {title!r}, which is not in the policy.",
                              f"section {title}")]
        return [replace(styled(style, f"section {number} ({self.titles[section_id]})"), ref=section_id)]

    def _company(self, clause: Clause, style: Run, define: bool) -> list[Run]:
        company = self.profile.company
        if not company.legal_name.strip():
            label = field_label("company.legal_name")
            return [self._gap("missing", "company.legal_name", clause, f"{label} is empty.", label, field_place("company.legal_name"))]
        if self.company_introduced or not define:
            return [styled(style, company.display_name)]
        self.company_introduced = True
        self.introduced_in[COMPANY] = clause.id
        return company_runs(company.legal_name.strip(), company.short_name.strip())

    def _term(self, token: Token, clause: Clause, style: Run, depth: int, define: bool) -> list[Run]:
        term = self.terms[token.name]
        label = term.plural if token.plural else term.label
        if token.name in self.defined or not define:
            return [styled(style, with_article(token.article, label))]
        self.defined.append(token.name)
        self.introduced_in[token.name] = clause.id
        plain_label = [styled(style, with_article(token.article, label))]
        introduced = self._expand(term.introduce, clause, style, depth + 1) if term.introduce else plain_label
        return definition_runs(term, term.label, introduced)


def _words(runs: list[Run]) -> tuple[str, bool]:
    return "".join(run.text for run in runs), any(run.gap for run in runs)
