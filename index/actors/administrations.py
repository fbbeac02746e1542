""""The Clinton administration", "the Bush presidency": a surname before the noun of a
president's term names the president of that name. Within an article that names one
person of that surname in full and never calls that person president ("Hillary Clinton ...
since the Clinton administration's ... in the late 1990s"), the surname is no mention of
that full name; with no way to tell which president, it names no one (better unresolved
than wrong)."""

from __future__ import annotations

import re

from newsdesk.index.actors.records import Mention

_TERM_AFTER = re.compile(r"(?:['’]s?)?\s+(?:administration|administrations|presidency)\b",
                         re.IGNORECASE)
_PRESIDENT_BEFORE = re.compile(r"\bpresident\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
_REACH = 40


def presidents_term(text: str, m: Mention) -> bool:
    """Whether a lone surname stands before "administration" or "presidency"."""
    return _TERM_AFTER.match(text, m.end) is not None


def called_president(text: str, found: list[Mention], name: str) -> bool:
    """Whether the article calls the person of key `name` president ("President Barack
    Obama", "former president Bill Clinton") at any of its mentions in `text`."""
    return any(_PRESIDENT_BEFORE.search(text, max(0, other.start - _REACH), other.start)
               for other in found if other.key == name and not other.in_title)
