"""Legal notices: "Copyright 2011 The Associated Press. All rights reserved.", "© 2011
LiveScience.com. All Rights Reserved.". Web copy ends many stories with the publisher's
notice; its words read as names ("Rights Reserved", "Copyright", and the publisher of a
notice, which is no actor of the story), listed among the top actors of a science corpus.
The notice is cut out of the text the actors are read from, as photo and staff credits
are: from "Copyright" or "©" (followed by a year, "©", a colon or a capitalised word) to
the end of its sentence (a full stop before a space or the line's end; at most
`_REACH` characters), and the formula "All rights reserved" wherever it stands. The
lower-case noun ("infringed copyright", "copyright theft") is no notice."""

from __future__ import annotations

import re

from newsdesk.index.actors.anchored import matches_from

_REACH = 120
_NOTICE = re.compile(
    r"(?:©|\(c\)\s*(?=\d{4})|\b(?:Copyright|COPYRIGHT)\b(?=\s*(?:©|\d{4}|:|\(c\))))"
    r"(?:[^\n.]|\.(?=\S)){0," + str(_REACH) + r"}\.?"
    r"|\b[Aa]ll [Rr]ights [Rr]eserved\b\.?|\bALL RIGHTS RESERVED\b\.?")


def legal_notices(text: str) -> list[tuple[int, int]]:
    """The spans of the text's copyright notices and "All rights reserved" formulas, and
    its licence notices (`licence_notices`)."""
    found = licence_notices(text) if "icensed under" in text else []
    if "©" not in text and "opyright" not in text and "eserved" not in text \
            and "ESERVED" not in text:  # ("COPYRIGHT" alone, no "©": read as a word)
        return found  # (most articles)
    return matches_from(_NOTICE, text, _starts(text)) + found


# A licence's name, which a notice ends with: "... Attribution 4.0 International License.",
# "the Open Government Licence v3.0", "a Creative Commons licence".
_LICENCE = re.compile(r"\b(?:Creative Commons|[A-Z]\w* Licen[cs]e)\b")
# A sentence's end: a full stop, "!" or "?" (and a closing quote or bracket) before a space
# or the text's end ("4.0" goes on); or a gap of two spaces, as pages flattened to text
# leave between a story's last line and its notice.
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?=\s|$)|\s\s")
_END = re.compile(r"[.!?](?=\s|$)")  # (the notice's own end)


def licence_notices(text: str) -> list[tuple[int, int]]:
    """The sentences that say under what licence the page is published: "All Content by
    Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International
    License." ended every article of a tester's Tehran Times corpus, and "International
    License", "Creative Commons Attribution" were its top two actors. A sentence with
    "licensed under" and a licence's name in it, from its start (`_REACH` characters back
    at most) to its end; "The bank is licensed under the Banking Act" names no licence."""
    found: list[tuple[int, int]] = []
    at = text.find("icensed under")
    while at >= 0:
        end_match = _END.search(text, at, at + _REACH)
        end = end_match.end() if end_match else min(len(text), at + _REACH)
        if _LICENCE.search(text, at, end):
            back = max(0, at - _REACH)
            starts = [m.end() for m in _SENTENCE_END.finditer(text, back, at)]
            start = max(starts[-1] if starts else back, text.rfind("\n", back, at) + 1)
            found.append((start, end))
        at = text.find("icensed under", end)
    return found


# Where each of `_NOTICE`'s alternatives can start: at its mark ("©", "(c)", the word), and
# 12 characters before the formula's "eserved" ("All rights r" is 12 long, in any case).
_MARKS = (("©", 0), ("(c)", 0), ("Copyright", 0), ("COPYRIGHT", 0), ("eserved", 12),
          ("ESERVED", 12))


def _starts(text: str) -> list[int]:
    """The offsets where a match of `_NOTICE` may start: `finditer` tried the pattern at
    every character of an article that names "reserved" or "copyright" anywhere (a few in
    a hundred: on 6.7 KB pages, 1.5% of extraction's time)."""
    starts: list[int] = []
    for mark, back in _MARKS:
        at = text.find(mark)
        while at >= 0:
            if at >= back:
                starts.append(at - back)
            at = text.find(mark, at + 1)
    return starts
