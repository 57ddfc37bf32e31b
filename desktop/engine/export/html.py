"""A standalone, accessible web page: lang, title, one h1, a table of contents, sections with
their own headings and ids, and styles for print. html_snippet.py wraps the same article for
pasting into a page of the company's own website."""

from html import escape

from desktop.engine.policy.document import BulletList, Document, Heading, Run, Section, Table, clean_text, safe_href

CONTENTS = "Contents"
CONTENTS_ID = "section-contents"  # every id starts "section-", so a pasted snippet keeps clear of the site's own
_STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.55;max-width:44rem;margin:2rem auto;"
    "padding:0 1rem;color:#1a1a1a;background:#fff}h1{font-size:1.9rem}h2{margin-top:2rem}"
    "mark{background:#ffe58a}a{color:#0b57d0}table{border-collapse:collapse;width:100%;margin:0 0 1rem}"
    "th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eef2f7}"
    "nav ul{list-style:none;padding-left:0}nav ul ul{padding-left:1.4rem}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:11pt;line-height:1.4}"
    "a{color:inherit;text-decoration:none}nav{break-after:page}h2,h3{break-after:avoid}li,p{orphans:3;widows:3}"
    "mark{background:none;border:1px solid #000}}@page{margin:2cm}"
)


def render(document: Document) -> bytes:
    title = escape(clean_text(document.title))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(clean_text(document.lang))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        *article(document),
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts).encode("utf-8")


def article(document: Document) -> list[str]:
    """The policy's markup, the same for the page and the snippet: title, contents, sections."""
    sections = {section.id: section for section in document.sections}
    parts = [f"<h1>{escape(clean_text(document.title))}</h1>",
             f"<p>{escape(clean_text(document.effective_line))}</p>",
             table_of_contents(document)]
    for section in document.sections:
        parts.append(f'<section id="{escape(section.anchor)}" aria-labelledby="{escape(section.anchor)}-heading">')
        parts.append(f'<h2 id="{escape(section.anchor)}-heading">{escape(clean_text(section.heading_text))}</h2>')
        for number, block in _numbered(section):
            if isinstance(block, Heading):
                parts.append(f'<h3 id="{escape(heading_anchor(section, number))}">{_runs(block.runs, sections)}</h3>')
            elif isinstance(block, BulletList):
                parts.append("<ul>" + "".join(f"<li>{_runs(item, sections)}</li>" for item in block.items) + "</ul>")
            elif isinstance(block, Table):
                parts.append(table(block, lambda runs: _runs(runs, sections)))
            else:
                parts.append(f"<p>{_runs(block.runs, sections)}</p>")
        parts.append("</section>")
    return parts


def table_of_contents(document: Document) -> str:
    """Unnumbered lists: each entry's text has its number, which an <ol> would show a second time."""
    items = []
    for section in document.sections:
        inner = "".join(f'<li><a href="#{escape(heading_anchor(section, number))}">{escape(clean_text(_plain(block.runs)))}</a></li>'
                        for number, block in _numbered(section) if isinstance(block, Heading))
        link = f'<a href="#{escape(section.anchor)}">{escape(clean_text(section.heading_text))}</a>'
        items.append(f"<li>{link}{f'<ul>{inner}</ul>' if inner else ''}</li>")
    return (f'<nav aria-labelledby="{CONTENTS_ID}"><h2 id="{CONTENTS_ID}">{CONTENTS}</h2><ul>{"".join(items)}</ul></nav>' if items else "")


def table(block: Table, runs) -> str:
    """The table with its header row as column headings (<th scope="col">), each cell's `runs` as markup."""
    head = "".join(f'<th scope="col">{escape(clean_text(text))}</th>' for text in block.header)
    body = "".join("<tr>" + "".join(f"<td>{runs(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def heading_anchor(section: Section, number: int) -> str:
    return f"{section.anchor}-{number}"


def _numbered(section: Section):
    """The section's blocks, each clause heading with its place among the section's headings (1, 2…)."""
    number = 0
    for block in section.blocks:
        if isinstance(block, Heading):
            number += 1
        yield number, block


def _plain(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def _run(run: Run, sections: dict[str, Section]) -> str:
    text = escape(clean_text(run.text))
    href = safe_href(run)
    if href:
        text = f'<a href="{escape(href, quote=True)}">{text}</a>'
    elif run.ref in sections:
        text = f'<a href="#{escape(sections[run.ref].anchor)}">{text}</a>'
    if run.italic:
        text = f"<em>{text}</em>"
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.gap:
        text = f"<mark>{text}</mark>"
    return text


def _runs(runs: list[Run], sections: dict[str, Section]) -> str:
    return "".join(_run(run, sections) for run in runs)
