"""Editors' sign-offs: the initials an agency's desk ends a story with ("... in Asian
countries. MQ/MG", "EF/MA", "PA/PA"), before its licence notice or the text's end. Read as
acronyms they became actors ("MA", "MQ" in a top 30) and "PA" joined the Palestinian
Authority: 300 of its 307 `actor:` hits were sign-offs (a tester's Tehran Times corpus).
A run of one to three capitals, a slash, and more such runs, standing after a sentence's
end and before the text's end, a line's end or a notice cut out already (legal_notices.py);
"A/S", "S/P affirmed", "MS/DOS is used" go on with their sentence and are kept."""

from __future__ import annotations

import re

_SIGN_OFF = re.compile(r"\b[A-Z]{1,3}(?:/[A-Z]{1,3})+\b")
_SPACES = " \t\r\n\xa0"
_ENDS = frozenset(".!?\"”’)\n")  # (what a sign-off follows, spaces apart)


def sign_offs(text: str, excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the text's sign-offs; `excluded`: the spans cut out already (a notice
    after the sign-off leaves it at the text's end)."""
    if "/" not in text:
        return []  # (most articles)
    found: list[tuple[int, int]] = []
    for m in _SIGN_OFF.finditer(text):
        # (After a sentence's end or a line's, spaces between: ".\xa0 AK/PA", ".”  PA/PA")
        window = text[max(0, m.start() - 16):m.start()]
        words = window.rstrip(_SPACES)
        if m.start() and len(words) == len(window):
            continue  # (no space before it: "Norge) A/S" is written on)
        if words and words[-1] not in _ENDS and "\n" not in window[len(words):]:
            continue
        after = len(text) - len(text[m.end():].lstrip(_SPACES))
        if after == len(text) or "\n" in text[m.end():after] \
                or any(start <= after < end for start, end in excluded):
            found.append(m.span())
    return found
