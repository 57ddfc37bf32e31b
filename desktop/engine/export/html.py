"""A standalone, accessible web page: lang, title, one h1, sections with their own headings."""

from html import escape

from desktop.engine.document import BulletList, Document, Heading, Run, clean_text, safe_href

_STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.55;max-width:44rem;margin:2rem auto;"
    "padding:0 1rem;color:#1a1a1a;background:#fff}h1{font-size:1.9rem}h2{margin-top:2rem}"
    "mark{background:#ffe58a}a{color:#0b57d0}"
)


def _run(run: Run) -> str:
    text = escape(clean_text(run.text))
    href = safe_href(run)
    if href:
        text = f'<a href="{escape(href, quote=True)}">{text}</a>'
    if run.italic:
        text = f"<em>{text}</em>"
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.gap:
        text = f"<mark>{text}</mark>"
    return text


def _runs(runs: list[Run]) -> str:
    return "".join(_run(run) for run in runs)


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
        f"<h1>{title}</h1>",
        f"<p>{escape(clean_text(document.effective_line))}</p>",
    ]
    for section in document.sections:
        section_id = escape(clean_text(section.id))
        parts.append(f'<section id="{section_id}" aria-labelledby="h-{section_id}">')
        parts.append(f'<h2 id="h-{section_id}">{escape(clean_text(section.heading_text))}</h2>')
        for block in section.blocks:
            if isinstance(block, Heading):
                parts.append(f"<h3>{_runs(block.runs)}</h3>")
            elif isinstance(block, BulletList):
                parts.append("<ul>" + "".join(f"<li>{_runs(item)}</li>" for item in block.items) + "</ul>")
            else:
                parts.append(f"<p>{_runs(block.runs)}</p>")
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")
