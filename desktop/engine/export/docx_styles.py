"""The template's styles, numbering and font table as a policy needs them, made once per language.

- One font named everywhere: Arial, which every Word has; LibreOffice shows its metric twin
  Liberation Sans (the font table names it as the alternative), so lines break in the same places.
- Heading 1 numbered by a list attached to its style ("1."), so Word renumbers the sections, the
  table of contents and the cross-references after an edit. Clause headings (Heading 2) stay
  unnumbered, as in the preview and every other format: a reader's "see 2.3" must exist in all.
- TOC 1 and TOC 2 styles for the table of contents, which the template lacks.
- The language of the text, for spelling and hyphenation.
"""

import functools
import re
import zlib

from desktop.engine.export.docx_package import DEFLATED, Member, deflated, template_members

FONT, FONT_ALTERNATIVE = "Arial", "Liberation Sans"
HEADINGS_LIST = 90  # the numbering's abstractNumId and numId, past the template's own
NUMBER_INDENT = 567  # twips (1 cm) from a heading's number to its text
_THEME_FONTS = re.compile(r'<w:rFonts w:asciiTheme="\w+" w:eastAsiaTheme="(\w+)" w:hAnsiTheme="\w+" w:cstheme="\w+"/>')
_DEFAULT_LANG = '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
_STYLE_END = "</w:style>"
_TOC_STYLES = "".join(
    f'<w:style w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}"/><w:basedOn w:val="Normal"/>'
    f'<w:next w:val="Normal"/><w:autoRedefine/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr>'
    f'<w:spacing w:after="{after}"/>{indent}</w:pPr></w:style>'
    # a section's number hangs in the margin; a clause heading has none and lines up with the section's title
    for level, after, indent in ((1, 60, f'<w:ind w:left="{NUMBER_INDENT}" w:hanging="{NUMBER_INDENT}"/>'),
                                 (2, 40, f'<w:ind w:left="{NUMBER_INDENT}"/>'))
)
_FONT_ENTRY = f'<w:font w:name="{FONT}">'  # the template's own entry for it, which gains the alternative


def word_lang(lang: str) -> str:
    """Word names a language with its region: plain "en" (English outside the US) is British English."""
    return lang if "-" in lang else {"en": "en-GB"}.get(lang, lang)


@functools.cache
def styled_parts(lang: str) -> dict[str, Member]:
    """The changed parts, compressed, by name: they replace the template's in the package."""
    return {
        "word/styles.xml": deflated("word/styles.xml", _styles(template_text("word/styles.xml"), word_lang(lang)).encode("utf-8")),
        "word/numbering.xml": deflated("word/numbering.xml", _numbering(template_text("word/numbering.xml")).encode("utf-8")),
        "word/fontTable.xml": deflated("word/fontTable.xml", _font_table(template_text("word/fontTable.xml")).encode("utf-8")),
    }


@functools.cache
def font_parts() -> dict[str, Member]:
    """The styles and font table with the font named but no heading numbering, for a document
    whose headings carry their numbers as text (the redline)."""
    return {
        "word/styles.xml": deflated("word/styles.xml", _fonts(template_text("word/styles.xml")).encode("utf-8")),
        "word/fontTable.xml": deflated("word/fontTable.xml", _font_table(template_text("word/fontTable.xml")).encode("utf-8")),
    }


def template_text(name: str) -> str:
    """A part of the template as text (its XML declaration included)."""
    member = template_members()[name]
    data = zlib.decompress(member.data, -15) if member.method == DEFLATED else member.data
    return data.decode("utf-8")


def _fonts(xml: str) -> str:
    return _THEME_FONTS.sub(rf'<w:rFonts w:ascii="{FONT}" w:eastAsiaTheme="\1" w:hAnsi="{FONT}" w:cs="{FONT}"/>', xml)


def _styles(xml: str, lang: str) -> str:
    xml = _fonts(xml)
    xml = xml.replace(_DEFAULT_LANG, f'<w:lang w:val="{lang}" w:eastAsia="en-US" w:bidi="ar-SA"/>', 1)
    xml = _in_style(xml, "Heading1", "<w:keepLines/>", f'<w:numPr><w:numId w:val="{HEADINGS_LIST}"/></w:numPr>')
    # The TOC Heading style is based on Heading 1: without this it would be numbered as a section.
    xml = _in_style(xml, "TOCHeading", "<w:pPr>", '<w:numPr><w:numId w:val="0"/></w:numPr>')
    return xml.replace("</w:styles>", _TOC_STYLES + "</w:styles>")


def _in_style(xml: str, style_id: str, after: str, inserted: str) -> str:
    """`inserted` placed after the first `after` inside the style's definition."""
    start = xml.index(f'w:styleId="{style_id}"')
    at = xml.index(after, start)
    if at > xml.index(_STYLE_END, start):
        raise ValueError(f"the template's {style_id} style has no {after}")
    return xml[:at + len(after)] + inserted + xml[at + len(after):]


def _font_table(xml: str) -> str:
    if _FONT_ENTRY not in xml:
        raise ValueError(f"the template's font table has no {FONT}")
    return xml.replace(_FONT_ENTRY, f'{_FONT_ENTRY}<w:altName w:val="{FONT_ALTERNATIVE}"/>', 1)


def _numbering(xml: str) -> str:
    levels = "".join(_level(level) for level in range(9))  # a full multilevel list; only level 0 is used
    definition = (f'<w:abstractNum w:abstractNumId="{HEADINGS_LIST}"><w:nsid w:val="5057A1D0"/>'
                  f'<w:multiLevelType w:val="multilevel"/><w:tmpl w:val="5057A1D1"/>{levels}</w:abstractNum>')
    instance = f'<w:num w:numId="{HEADINGS_LIST}"><w:abstractNumId w:val="{HEADINGS_LIST}"/></w:num>'
    first_num = xml.index("<w:num ")  # every abstractNum comes before the first num
    return xml[:first_num] + definition + xml[first_num:].replace("</w:numbering>", instance + "</w:numbering>")


def _level(level: int) -> str:
    style = '<w:pStyle w:val="Heading1"/>' if level == 0 else ""
    text = ".".join(f"%{n}" for n in range(1, level + 2)) + ("." if level == 0 else "")
    indent = NUMBER_INDENT + 113 * level  # deeper numbers are longer
    return (f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{style}<w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>')
