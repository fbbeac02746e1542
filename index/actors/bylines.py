"""Bylines: "By Kizzy Kalsakau and Anita Roberts.", "Compiled by Jason Abel", "Reporter:
Jane Doe" at an article's start, or on its last line.

A byline names who wrote the story, not who acts in it: a newspaper whose every story opens
"By <reporter>." listed its reporters among its actors (Vanuatu Business Review: "Josepheen
Tarianga" #30, "Kizzy Kalsakau" #43, typed other), and a byline a scraper ran into the
story's first sentence ("By Josepheen TariangaThe Vanuatu Tourism Office ...") glued the
reporter to the first name of the story ("Josepheen TariangaThe Vanuatu Tourism Office",
"RobertsThe Australian Government"). The byline is cut out of the text the actors are read
from, as datelines and staff credits are (extract.py, staff_credits.py); a reporter the
news also names in a sentence ("speaking to Kizzy Kalsakau from 96.3 FM") keeps those
mentions, and one only ever named in bylines is no actor.

Told by position and form only, no names: the opener ("By", "Compiled by", "Reporter:")
and a capitalised word right after it, at the text's start or its last line's; then either
a short line of its own (no sentence in it: "By Stephen Dziedzic, ABC foreign affairs
reporter"), or names, the first of two words at least, joined by "and", "&", "," or another
"By", ending at a full stop, the line's end, or a capital, digit or quote glued to the last
name (the scraper lost the paragraph break: "By Doddy MorrisLocal business owner ...").
"By Monday, ...", "By the end of the day", "By Royal Decree, the king ..." are none: a
name of one word, a lower-case word, a comma then prose."""

from __future__ import annotations

import re

# The opener, at the place looked at, and a capitalised word after it.
_OPENER = re.compile(
    r"[ \t\"“]*(?:(?:Compiled|Written|Reported|Reporting|Edited|Words|Story|Text|Report)[ \t]+by"
    r"|By|BY|Reporters?:|Written:)[ \t]+(?=[A-Z])")
# A name's word: "Len", "A.", "O'Neill", "Tu'i'onetoa", "McLeod", "Jean-Luc"; a name: two to
# four of them (the first) or one to four (the others: "By Kizzy Kalsakau and Jason Abe.").
_WORD = r"[A-Z](?:[a-z'’-]+(?:[A-Z][a-z'’-]+)?|\.)"
_NAMES = re.compile(
    _WORD + r"(?:[ \t]+" + _WORD + r"){1,3}"
    r"(?:(?:[ \t]*,[ \t]*|[ \t]*&[ \t]*|[ \t]+(?:and|By|by)[ \t]+)"
    + _WORD + r"(?:[ \t]+" + _WORD + r"){0,3}){0,4}"
    # The end: a full stop, the line's or the text's end, or the story glued on.
    r"(?=[.\n]|\Z|[A-Z0-9\"“‘(])")
_LINE = 160  # characters: a longer line is a paragraph
# A sentence's end in a line (an initial's dot aside): it holds prose, no byline ("By
# Monday, the storm had passed.").
_SENTENCE = re.compile(r"(?<![A-Z])[.!?](?:\s|\Z)")


def bylines(text: str) -> list[tuple[int, int]]:
    """The spans of the byline at the text's start and of the one on its last line."""
    out: list[tuple[int, int]] = []
    found = _byline(text, 0)
    if found is not None:
        out.append(found)
    last = text.rfind("\n") + 1
    if last and (found is None or last >= found[1]):
        found = _byline(text, last, whole_line=True)
        if found is not None:
            out.append(found)
    return out


def _byline(text: str, at: int, whole_line: bool = False) -> tuple[int, int] | None:
    """The byline starting at `at`, if one does. `whole_line`: only a line of its own."""
    opener = _OPENER.match(text, at)
    if opener is None:
        return None
    end = text.find("\n", at)
    if end < 0:  # (the text's last line: a line of its own only after another)
        end = len(text) if whole_line else -1
    if 0 <= end - at <= _LINE and not _SENTENCE.search(text, opener.end(), end + 1):
        return at, end  # a line of its own: all of it ("By A, ABC reporter")
    if whole_line:
        return None
    names = _NAMES.match(text, opener.end())
    return None if names is None else (at, names.end())
