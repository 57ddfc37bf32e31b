"""The terminology linter: reads the assembled policy as a careful editor would.

It looks only at wording (the library's and the user's), never at text a token produced, and
reports rival words for a chosen term, the company's name where "we" belongs, a defined term with
other capitals, a term used but never defined or defined but never used, and non-house spellings.
Text in quotation marks is a mention of a word, not a use, and is left alone.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.engine.language.markup import typographic_quotes
from desktop.engine.library.model import DefinedTerm
from desktop.engine.policy.document import Document, Run, pieces
from desktop.engine.profile.profile import Profile

SERVICE_NOUNS = r"web[\s-]?sites?|websites?|sites?|platforms?|services?|apps?|applications?|portals?"
_DETERMINED_SERVICE = re.compile(rf"\b(?P<det>our|the|this)\s+(?P<noun>{SERVICE_NOUNS})\b(?!\s+providers?)", re.IGNORECASE)
_CAPITAL_SERVICE = re.compile(
    r"(?<![.!?:]\s)(?<!^)(?<!Terms of )\b(?P<noun>Web ?[Ss]ites?|WebSites?|Websites?|Sites?|Platforms?|Services?|Apps?|Portals?)\b"
    r"(?!\s+[Pp]roviders?)"
)
PERSONAL_INFORMATION_WORDS = ("personally identifiable information", "personally-identifiable information",
                              "personal information", "personal data", "personal info", "PII")
_HOUSE_SPELLINGS = [
    (re.compile(r"\be-mail", re.IGNORECASE), "email"),
    (re.compile(r"\bweb[\s-]site", re.IGNORECASE), "website"),
    (re.compile(r"\bWebSite"), "website"),
    (re.compile(r"\bon-line\b", re.IGNORECASE), "online"),
]
_QUOTED = re.compile(r"[“\"‘][^“”\"‘’]*[”\"’]")  # a quotation stops at the next quotation mark: linear
# Signs of wording pasted from another company's policy: its addresses, its legal name, its brands.
# Every repeat is bounded (a domain label has at most 63 characters, a name at most 8 words
# before its "Inc"), so a scan from each word is bounded too: linear in the text, whatever it holds.
_ADDRESS = re.compile(r"\b[\w.%+-]{1,64}@(?P<mail>[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})"
                      r"|\b(?:https?://)?(?:www\.)?(?P<web>[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}"
                      r"\.(?:com|net|org|io|co|biz|info|us|uk|eu|de|fr))\b",
                      re.IGNORECASE)
_ENTITY = re.compile(r"\b[A-Z][\w&]{0,40}(?:[ -][A-Z][\w&]{0,40}){0,8},? (?:Inc|LLC|L\.L\.C|Ltd|Limited|GmbH|Corp|Corporation|plc|S\.A|B\.V)\b\.?")
_BRAND = re.compile(r"\b(?:[A-Z]+[a-z]+[A-Z]\w*|[a-z]+[A-Z]\w*|[A-Z]{2,}[a-z]+\w*)\b|\b\w+[™®]")
_COMMON_CAPITALS = {"WebSite", "WebSites", "iPhone", "iPad", "eBay", "JavaScript", "YouTube", "LinkedIn", "PayPal", "FAQs", "IDs", "URLs"}
_LITERAL_DEFINITION = re.compile(r"\([^()“\"]{0,40}?[“\"]([A-Z][^”\"]{1,40})[”\"]")
# Definitions written out in the wording whose use is looked for in the rest of the policy: a policy
# has a handful; each looks through the whole policy, so thousands would take quadratic time.
MAX_LITERAL_DEFINITIONS = 50


# A refresh reads the same paragraphs again: what is found in a paragraph's text, and the text
# itself, are kept by their inputs. A longer text (a whole pasted page) is read each time, never kept.
_CACHED_TEXTS, _CACHED_CHARS = 8192, 4000


@dataclass(frozen=True)
class Finding:
    code: str
    clause_id: str
    words: str
    replacement: str | None
    reason: str


@dataclass(frozen=True)
class _Text:
    """One block's text with a mask of which characters are wording (not token output)."""

    clause_id: str
    text: str
    wording: tuple[bool, ...]

    def is_wording(self, start: int, end: int) -> bool:
        return all(self.wording[start:end])


def _texts(document: Document) -> list[_Text]:
    texts = []
    for section in document.sections:
        for block in section.blocks:
            for runs in pieces(block):
                runs = tuple(runs)
                short = sum(len(run.text) for run in runs) <= _CACHED_CHARS
                texts.append((_kept_block_text if short else _block_text)(block.clause_id or "", runs))
    return texts


def _block_text(clause_id: str, runs: tuple[Run, ...]) -> _Text:
    text, mask = "", []
    for run in runs:
        text += run.text
        mask += [not run.token] * len(run.text)
    for quoted in _QUOTED.finditer(text):
        mask[quoted.start():quoted.end()] = [False] * (quoted.end() - quoted.start())
    return _Text(clause_id, text, tuple(mask))


_kept_block_text = lru_cache(maxsize=_CACHED_TEXTS)(_block_text)


def _same_word(a: str, b: str) -> bool:
    return re.sub(r"[\s-]", "", a).lower() == re.sub(r"[\s-]", "", b).lower()


def _singular(noun: str) -> str:
    return noun[:-1] if noun.lower().endswith("s") and not noun.lower().endswith("ss") else noun


# What each check finds in one block's text, as (start, end, code, replacement, reason): pure
# functions of the text and the few names they read, cached, so a refresh after one edit looks
# only at the blocks whose text changed. _Linter.add then keeps the wording and the first claim.
_Candidate = tuple[int, int, str, str | None, str]


def _cached(finder):
    kept = lru_cache(maxsize=_CACHED_TEXTS)(finder)

    def find(text: str, *names) -> tuple[_Candidate, ...]:
        return kept(text, *names) if len(text) <= _CACHED_CHARS else finder(text, *names)

    find.cache_clear = kept.cache_clear
    return find


@_cached
def _spellings(text: str) -> tuple[_Candidate, ...]:
    found = []
    for pattern, house in _HOUSE_SPELLINGS:
        for match in pattern.finditer(text):
            words = match.group(0)
            fixed = house[0].upper() + house[1:] if words[0].isupper() else house
            if house == "website" and text[match.end():match.end() + 1].lower() == "s":
                continue  # caught with its plural by the service check when it names the service
            found.append((match.start(), match.end(), "spelling", fixed, f"the house spelling is “{house}”"))
    return tuple(found)


@_cached
def _service_words(text: str, label: str, plural_label: str) -> tuple[_Candidate, ...]:
    nouns = [(m.start("noun"), m.end("noun"), m.group("det")) for m in _DETERMINED_SERVICE.finditer(text)]
    nouns += [(m.start("noun"), m.end("noun"), None) for m in _CAPITAL_SERVICE.finditer(text)]
    found = []
    for start, end, determiner in nouns:
        noun = text[start:end]
        plural = noun.lower().endswith("s") and not _same_word(noun, label)
        wanted = plural_label if plural else label
        if _same_word(noun, wanted):
            if noun != wanted:
                found.append((start, end, "term-capitals", wanted, f"the defined term is written “{wanted}”"))
        elif determiner is not None or not _same_word(_singular(noun), label):
            found.append((start, end, "rival-term", wanted,
                          f"the policy calls the service “{label}”, so “{noun}” reads as something else"))
    return tuple(found)


_INFORMATION_PATTERNS = [(words, re.compile(rf"\b{re.escape(words)}\b", 0 if words == "PII" else re.IGNORECASE))
                         for words in PERSONAL_INFORMATION_WORDS]


@_cached
def _information_words(text: str, chosen: str) -> tuple[_Candidate, ...]:
    found = []
    for _words, pattern in _INFORMATION_PATTERNS:
        for match in pattern.finditer(text):
            words = match.group(0)
            if words.lower() == chosen.lower():
                if words not in (chosen, chosen[0].upper() + chosen[1:]):
                    found.append((match.start(), match.end(), "term-capitals", chosen, f"the policy writes “{chosen}”"))
                continue
            found.append((match.start(), match.end(), "rival-term", chosen,
                          f"the policy calls it “{chosen}” everywhere; one idea, one term"))
    return tuple(found)


@_cached
def _company_name(text: str, names: tuple[str, ...]) -> tuple[_Candidate, ...]:
    found = []
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?P<possessive>['’]s)?(?!\w)", text):
            found.append((match.start(), match.end(), "company-name", "our" if match.group("possessive") else "we",
                          f"after its introduction the company is “we”, “us” or “our”, not “{name}”"))
    return tuple(found)


@_cached
def _term_capitals(text: str, labels: tuple[str, ...]) -> tuple[_Candidate, ...]:
    found = []
    for label in labels:
        for match in re.finditer(rf"\b{re.escape(label)}\b", text, re.IGNORECASE):
            if match.group(0) != label:
                found.append((match.start(), match.end(), "term-capitals", label, f"“{label}” is a defined term, so it keeps its capital"))
    return tuple(found)


class _Linter:
    def __init__(self, document: Document, profile: Profile, terms: dict[str, DefinedTerm]):
        self.document, self.profile, self.terms = document, profile, terms
        self.findings: list[Finding] = []
        self.claimed: set[tuple[str, int, int]] = set()
        self.taken: dict[str, set[int]] = {}  # per clause, the characters a finding claims: overlaps found in linear time

    def add(self, item: _Text, start: int, end: int, code: str, replacement: str | None, reason: str) -> None:
        if not item.is_wording(start, end):
            return
        taken = self.taken.setdefault(item.clause_id, set())
        if any(position in taken for position in range(start, end)):
            return
        self.claimed.add((item.clause_id, start, end))
        taken.update(range(start, end))
        self.findings.append(Finding(code, item.clause_id, item.text[start:end], replacement, reason))

    def run(self) -> list[Finding]:
        texts = _texts(self.document)
        service, information = self.terms["service"], self.terms["personal information"].label
        company = self.profile.company
        names = tuple(sorted({company.legal_name.strip(), company.short_name.strip()} - {""}, key=len, reverse=True))
        capitals = tuple(label for term_id in self.document.defined_terms
                         if term_id != "service" and (label := self.terms[term_id].label)[:1].isupper())
        for item in texts:
            for found in (_service_words(item.text, service.label, service.plural), _spellings(item.text),
                          _information_words(item.text, information), _company_name(item.text, names)):
                self._add_all(item, found)
            if item.clause_id in self.profile.overrides:
                self._pasted_names(item)
            self._add_all(item, _term_capitals(item.text, capitals))
        self._definitions(texts)
        return self.findings

    def _add_all(self, item: _Text, found: tuple[_Candidate, ...]) -> None:
        for candidate in found:
            self.add(item, *candidate)

    def _own_names(self) -> set[str]:
        company, service = self.profile.company, self.profile.service
        names = {company.legal_name, company.short_name, service.name, *company.website.split("/")[:1]}
        domains = {company.website.lower().removeprefix("https://").removeprefix("http://").removeprefix("www.").split("/")[0],
                   company.contact_email.lower().partition("@")[2]}
        return {n.strip().lower() for n in names | domains if n.strip()}

    def _pasted_names(self, item: _Text) -> None:
        """Another company's addresses, legal name or brands in the user's own wording."""
        own = self._own_names()
        for match in _ADDRESS.finditer(item.text):
            domain = (match.group("mail") or match.group("web") or "").lower().removeprefix("www.")
            if domain and domain not in own and not any(domain.endswith("." + d) for d in own):
                self.add(item, match.start(), match.end(), "pasted-name", None,
                         "this address is not yours: wording from another company's policy must give your own details")
        for pattern in (_ENTITY, _BRAND):
            for match in pattern.finditer(item.text):
                words = match.group(0).rstrip(".")
                if words.lower() in own or words in _COMMON_CAPITALS or any(words.lower() in name for name in own):
                    continue
                self.add(item, match.start(), match.end(), "pasted-name", None,
                         "this looks like another company's name or product: if you pasted this wording, make it say what you do")

    def _definitions(self, texts: list[_Text]) -> None:
        whole = "\n".join(item.text for item in texts)
        engine_labels = {self.terms[t].label.lower() for t in self.document.defined_terms}
        literal_labels = set()
        offset = looked_for = 0
        for item in texts:
            for match in _LITERAL_DEFINITION.finditer(item.text):
                label = match.group(1)
                literal_labels.add(label)
                if label.lower() in {"we", "us", "our"} or not all(item.wording[match.start():match.start() + 1] or [False]):
                    continue
                if label.lower() in engine_labels:
                    self._report_definition(item, match, "defined-twice", f"“{label}” is already defined earlier in the policy")
                elif looked_for < MAX_LITERAL_DEFINITIONS:
                    looked_for += 1
                    if not re.compile(rf"\b{re.escape(label)}\b").search(whole, offset + match.end()):
                        self._report_definition(item, match, "unused-definition", f"“{label}” is defined but never used after this")
            offset += len(item.text) + 1
        self._undefined_labels(texts, literal_labels)

    def _report_definition(self, item: _Text, match: re.Match, code: str, reason: str) -> None:
        if (item.clause_id, match.start(), match.end()) in self.claimed:
            self.claimed.discard((item.clause_id, match.start(), match.end()))
            self.taken[item.clause_id].difference_update(range(match.start(), match.end()))
        self.findings.append(Finding(code, item.clause_id, match.group(0), "", reason))

    def _undefined_labels(self, texts: list[_Text], literal_labels: set[str]) -> None:
        for term in self.terms.values():
            if term.id in self.document.defined_terms or term.label in literal_labels or not term.label[:1].isupper():
                continue
            for item in texts:
                for match in re.finditer(rf"\b{re.escape(term.label)}\b", item.text):
                    self.add(item, match.start(), match.end(), "undefined-term", None,
                             f"“{term.label}” is used but never defined: use the term's token so it is defined at first use")


def lint(document: Document, profile: Profile) -> list[Finding]:
    """Findings in the policy's wording, judged by the terms the document was assembled with."""
    return _Linter(document, profile, document.terms).run()


def apply_fix(text: str, finding: Finding) -> str | None:
    """`text` (a clause's wording) with the finding's fix applied, or None when it has no fix or
    the words are not there."""
    if finding.replacement is None:
        return None
    fixed, count = re.subn(rf"(?<!\w){re.escape(finding.words)}(?!\w)", finding.replacement, typographic_quotes(text), count=1)
    return fixed if count else None
