"""A clause's wording in plain words, for rewording it: the template resolved for one profile into
lines of words and pieces (the filled-in values), and back from such lines to a template.

The lines read as the policy shows the clause. Conditions are settled as the profile stands: a
`{{if …}}` paragraph that does not hold is left out, one that holds is kept without its condition.
A term reads with its definition in the clause where the policy first uses it, and a paragraph
that is a whole list (`- {{opt.examples}}`) shows one bullet per item. The pieces keep their
tokens, so a rewording written back still follows the company's details when they change.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from desktop.engine.language.markup import TOKEN, BlockTemplate, MarkupError, parse_body, parse_inline
from desktop.engine.library.model import Library
from desktop.engine.library.tokens import Token, TokenError, classify
from desktop.engine.policy.assemble import first_uses, word_renderer
from desktop.engine.policy.render import COMPANY, Renderer
from desktop.engine.profile.fields import field as profile_field
from desktop.engine.profile.profile import Profile


@dataclass(frozen=True)
class Words:
    """Wording the user may change freely."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Piece:
    """A filled-in value: shown as it reads now, kept as its token."""

    source: str  # the token as written, without its braces: "company.contact_email"
    shown: str  # what it reads as now: "privacy@acme.example"
    label: str  # what it is and where it comes from: "Contact email — from the company details"
    missing: bool = False  # the detail it needs is empty or wrong
    bold: bool = False
    italic: bool = False
    item_of: int = 0  # one bullet of the n-th list a whole-list paragraph shows (0: not a list item)
    item_at: int = 0  # which bullet of that list (from 1), of how many
    items: int = 0
    item_text: str = ""  # the item as written, tokens and all: what it becomes once the list is the user's own


Part = Words | Piece


@dataclass(frozen=True)
class Line:
    kind: str  # "p" (a paragraph) or "li" (a bullet)
    parts: tuple[Part, ...]

    @property
    def text(self) -> str:
        return "".join(part.text if isinstance(part, Words) else part.shown for part in self.parts)


def templates_of(text: str) -> list[BlockTemplate]:
    """The paragraphs of a body or override, read as assembly reads them."""
    try:
        return parse_body(text)
    except MarkupError:
        return [BlockTemplate("p", " ".join(text.split()), 1)]


def depends_on_choices(text: str) -> bool:
    """Some paragraph of this wording appears only when other choices hold."""
    return any(template.condition is not None for template in templates_of(text))


class Rewording:
    """Wordings of one profile's clauses in lines of words and pieces; the tokens are filled once
    per profile state, so several clauses (or a clause and its library text) cost one fill."""

    def __init__(self, profile: Profile, library: Library):
        self.profile, self.library = profile, library
        self._renderers: dict[str, Renderer] = {}  # notice ("" for the policy) -> its renderer
        self._first_uses: dict[str, dict[str, str]] = {}

    @property
    def renderer(self) -> Renderer:
        """The policy's, filled on first use: a practice whose option values hold no token never needs it."""
        return self._renderer("")

    def _renderer(self, notice: str) -> Renderer:
        if notice not in self._renderers:
            self._renderers[notice] = word_renderer(self.profile, self.library, notice)
        return self._renderers[notice]

    def lines(self, text: str, clause_id: str, introduced_in: dict[str, str] | None = None) -> list[Line]:
        """The wording `text` of clause `clause_id` as the policy shows it. `introduced_in` says
        where the policy defines each term (its Document's); found here when not given."""
        clause = self.library.clauses[clause_id]
        notice = self.library.sections[clause.section].notice if clause.section in self.library.sections else ""
        if introduced_in is None or notice:  # the policy's Document says nothing of a notice
            introduced_in = self._introductions(notice)
        renderer = self._renderer(notice)
        describe = _Describer(self.library, clause.practice, set(renderer.terms))
        lines: list[Line] = []
        lists = 0
        with _introducing(renderer, {name for name, where in introduced_in.items() if where == clause_id}):
            for template in templates_of(text):
                if not renderer.holds(template, clause):
                    continue
                if template.kind == "li" and (whole := TOKEN.fullmatch(template.text.strip())):
                    items = renderer.list_item_words(template, clause)
                    lists += len(items) > 1
                    lines += _item_lines(whole.group(1), items, lists if len(items) > 1 else 0, describe)
                    continue
                lines.append(Line(template.kind, tuple(_parts(template, clause, renderer, describe))))
        return lines

    def _introductions(self, notice: str) -> dict[str, str]:
        if notice not in self._first_uses:
            self._first_uses[notice] = first_uses(self.profile, self.library, notice)
        return self._first_uses[notice]

    def value_words(self, practice_id: str):
        """A function that shows an option value of this practice in words: its tokens filled in as
        the policy fills them (the value itself, tokens and all, is what stays stored)."""
        clause = next((c for c in self.library.clauses.values() if c.practice == practice_id), None)
        if clause is None:
            return lambda text: text

        def words(text: str) -> str:
            return TOKEN.sub(lambda match: self.renderer.token_words(match.group(1), clause)[0], text)

        return words


_ITEM_NOTE = ("\nEach bullet is one item of this list. Change, remove or add a bullet, and the whole list "
              "becomes your own words here: it no longer follows the option.")


def _item_lines(source: str, items: list[tuple[str, bool, str]], group: int, describe) -> list[Line]:
    """One bullet a list item, each a piece of list `group` (0: a list of one, an ordinary piece)."""
    label = describe(source) + (_ITEM_NOTE if group else "")
    return [Line("li", (Piece(source, shown, label, missing, item_of=group, item_at=at if group else 0,
                              items=len(items) if group else 0, item_text=text if group else ""),))
            for at, (shown, missing, text) in enumerate(items, start=1)]


@contextmanager
def _introducing(renderer: Renderer, names: set[str]):
    """The renderer defines the terms (and introduces the company) named in `names` at their first
    use, as the policy does in the clause that first uses them; every other term reads plain."""
    renderer.defined = [term for term in renderer.terms if term not in names]
    renderer.company_introduced = COMPANY not in names
    try:
        yield
    finally:
        renderer.defined, renderer.company_introduced = list(renderer.terms), True


def _parts(template: BlockTemplate, clause, renderer: Renderer, describe) -> list[Part]:
    parts: list[Part] = []
    for span in parse_inline(template.text):
        if span.href:  # a link keeps its markup: its address is no value of the profile
            parts.append(Words(f"[{span.text}]({span.href})", span.bold, span.italic))
            continue
        words_of = partial(renderer.token_words, clause=clause, define=True)
        parts.extend(_split(span.text, span.bold, span.italic, words_of, describe))
    return parts


def _split(text: str, bold: bool, italic: bool, words_of, describe) -> list[Part]:
    parts: list[Part] = []
    position = 0
    for match in TOKEN.finditer(text):
        if match.start() > position:
            parts.append(Words(text[position:match.start()], bold, italic))
        raw = match.group(1)
        shown, missing = words_of(raw)
        parts.append(Piece(raw, shown, describe(raw), missing, bold, italic))
        position = match.end()
    if position < len(text):
        parts.append(Words(text[position:], bold, italic))
    return parts


def lines_template(lines: list[Line]) -> str:
    """The override text for these lines: words as written, pieces as their tokens."""
    out: list[str] = []
    previous = None
    intact, written = _intact_lists(lines), set()
    for line in lines:
        parts = []
        for part in line.parts:
            if not (isinstance(part, Piece) and part.item_of):
                parts.append(part)
            elif part.item_of not in intact:  # changed by the user: each bullet as its words, tokens and all
                parts.append(Words(part.item_text, part.bold, part.italic))
            elif part.item_of not in written:  # whole as shown: the list is its one token again
                written.add(part.item_of)
                parts.append(part)
        body = _inline_template(tuple(parts)).strip()
        if not body:
            continue
        if previous is not None:
            out.append("\n" if line.kind == "li" and previous == "li" else "\n\n")
        out.append(("- " if line.kind == "li" else "") + body)
        previous = line.kind
    return "".join(out)


def _intact_lists(lines: list[Line]) -> set[int]:
    """The lists whose bullets all stand as shown: in order, one a line, on consecutive lines, with nothing added."""
    found: dict[int, list[tuple[int, Piece, int]]] = {}
    for number, line in enumerate(lines):
        for part in line.parts:
            if isinstance(part, Piece) and part.item_of:
                found.setdefault(part.item_of, []).append((number, part, len(line.parts)))
    intact = set()
    for group, bullets in found.items():
        numbers = [number for number, _, _ in bullets]
        if (all(count == 1 for _, _, count in bullets) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
                and [piece.item_at for _, piece, _ in bullets] == list(range(1, bullets[0][1].items + 1))):
            intact.add(group)
    return intact


def _inline_template(parts: tuple[Part, ...]) -> str:
    """Words and tokens, with runs of bold or italic marked as the clause format marks them."""
    out, group, style = [], [], (False, False)
    for part in parts:
        text = part.text if isinstance(part, Words) else "{{" + part.source + "}}"
        if (part.bold, part.italic) != style:
            out.append(_marked("".join(group), style))
            group, style = [], (part.bold, part.italic)
        group.append(text)
    out.append(_marked("".join(group), style))
    return "".join(out)


def _marked(text: str, style: tuple[bool, bool]) -> str:
    bold, italic = style
    stripped = text.strip()
    if not stripped or not (bold or italic):
        return text
    mark = "**" if bold else "*"
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


_DETAILS = "from the company details"


class _Describer:
    """Names what a token is and where its value comes from, for a piece's tooltip."""

    def __init__(self, library: Library, practice_id: str, term_ids: set[str]):
        self.library, self.practice_id, self.term_ids = library, practice_id, term_ids

    def __call__(self, raw: str) -> str:
        try:
            token = classify(raw, self.term_ids)
        except TokenError as error:
            return f"Not filled in: {error}"
        return getattr(self, f"_{token.kind}")(token)

    def _field(self, token: Token) -> str:
        found = profile_field(token.name)
        return f"{found.label if found else token.name} — {_DETAILS}"

    def _company(self, token: Token) -> str:
        return f"Company name — {_DETAILS}"

    def _option(self, token: Token) -> str:
        practice = self.library.practices.get(self.practice_id)
        spec = practice.options.get(token.name) if practice else None
        if spec is None:
            return "An option this practice does not have"
        return f"“{spec.title}” — from the options of “{practice.title}”"

    def _ref(self, token: Token) -> str:
        section = self.library.sections.get(token.name)
        title = section.title if section else token.name
        return f"Reference to the section “{title}” — numbered for you"

    def _term(self, token: Token) -> str:
        if token.name == "service":
            return f"The word for your service — {_DETAILS} (Call it the)"
        if token.name == "personal information":
            return f"The word for personal information — {_DETAILS} (Call their data)"
        return f"The defined term “{token.name}” — from the policy's terms"

    def _generated(self, token: Token) -> str:
        return "A list made from the practices you ticked"

    def _recipient(self, token: Token) -> str:
        return "Who receives the information — the policy's one wording for it"

    def _table(self, token: Token) -> str:
        return "The cookie table — made from the services you use and the cookies you list"
