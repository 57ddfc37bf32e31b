"""The policy as a fragment of HTML to paste into a page of the company's website.

No page around it and no styles: the site's own look applies. Its ids start with "section-",
and its headings keep their levels (h1 the title), as on the standalone page (html.py).
"""

from html import escape

from desktop.engine.export.html import article
from desktop.engine.policy.document import Document, clean_text


def render(document: Document) -> bytes:
    parts = [
        "<!-- The privacy policy, drafted with Policywright: paste it where the page's content goes. -->",
        f'<article class="privacy-policy" lang="{escape(clean_text(document.lang))}">',
        *article(document),
        "</article>",
        "",
    ]
    return "\n".join(parts).encode("utf-8")
