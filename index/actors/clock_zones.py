"""A time zone's abbreviation right after a clock time ("4:00pm AEDT", "10 a.m. (EST)",
"14:30 GMT") is no actor, whichever zone it is: the time says so, where a list of zones
would miss most of the world's (AEDT, NZDT, SAST, WIB) and take some that are also a
company's ticker or a body's acronym elsewhere ("CAT", "EAT")."""

from __future__ import annotations

import re

from newsdesk.index.actors.records import Mention

# A clock time just before the abbreviation: hours and minutes with a colon, or hours
# (and minutes after a point) with am/pm. A number alone is no time ("5 US soldiers",
# "2020 US election"), nor one with a point ("$9.30 US").
_AM_PM = r"\s*[ap]\.?\s?m\b\.?"
_CLOCK_BEFORE = re.compile(
    rf"\b\d{{1,2}}(?::\d\d(?:{_AM_PM})?|\.\d\d{_AM_PM}|{_AM_PM})\s*\(?\s*$", re.IGNORECASE)
_LOOK_BACK = 16  # characters before a mention that can hold the time


def clock_zone(m: Mention, text: str) -> bool:
    """Whether a mention is written as a zone's abbreviation right after a clock time in
    `text` (the title's are not: their offsets are the title's)."""
    # (A zone's form, two to five capitals ("GMT", "AEDT"), tested first: most mentions
    # have none. A look for any clock time in the whole text first cost more than it saved:
    # the pattern is tried at every digit of the article.)
    return not m.in_title and 2 <= len(s := m.surface) <= 5 and s.isalpha() and s.isupper() \
        and _CLOCK_BEFORE.search(text, max(0, m.start - _LOOK_BACK), m.start) is not None


def drop_clock_zones(found: list[Mention], text: str) -> None:
    """Drop (in place) the mentions of `found` that are a clock's zone (`clock_zone`)."""
    # (`clock_zone`'s first tests inline: most mentions call nothing.)
    keep = [m for m in found
            if m.in_title or not (2 <= len(s := m.surface) <= 5 and s.isalpha()
                                  and s.isupper())
            or _CLOCK_BEFORE.search(text, max(0, m.start - _LOOK_BACK), m.start) is None]
    if len(keep) != len(found):
        found[:] = keep
