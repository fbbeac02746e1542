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
    """The spans of the text's copyright notices and "All rights reserved" formulas."""
    if "©" not in text and "opyright" not in text and "eserved" not in text \
            and "ESERVED" not in text:  # ("COPYRIGHT" alone, no "©": read as a word)
        return []  # (most articles)
    return matches_from(_NOTICE, text, _starts(text))


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
