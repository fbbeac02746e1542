"""Web articles' section headings: a Markdown line ("### Voices from the Ground") or an HTML
one ("<h3>Beyond the Resume</h3>"). Their capitals are title case, not names: a Kenyan news
site's headings made actors of "Voices", "Timeline", "Illusion" and "Beyond" (84, 44, 45
and 57 articles of 2,638), read as mid-sentence capitals after the "#" marks."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+")
_HTML = re.compile(r"[ \t]*<[hH][1-6][^>]*>")
_CLOSING = re.compile(r"</[hH][1-6]>")


def heading_span(line: str) -> tuple[int, int, int] | None:
    """Of a Markdown or HTML heading line: where its text starts and ends in the line, and
    where the heading ends (after an HTML heading's closing tag: a page may run its first
    paragraph on after it, "<h2>The Showdown</h2> Kenyan media personality ..."). None for
    a line that is no heading (a "#" glued to a word is a hashtag: "#KenyaDecides")."""
    m = _MARKDOWN.match(line)
    if m is not None:
        return m.end(), len(line.rstrip("# \t")), len(line)
    m = _HTML.match(line)
    if m is None:
        return None
    closing = _CLOSING.search(line, m.end())
    if closing is None:
        return m.end(), len(line), len(line)
    return m.end(), closing.start(), closing.end()
