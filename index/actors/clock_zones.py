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
# What any match of `_CLOCK_BEFORE` holds, looser (no word bounds): where the text has none,
# no mention is after a clock time, and its mentions are not each looked at (most articles).
_ANY_CLOCK = re.compile(r"\d(?::\d\d|\.\d\d\s*[ap]|\s*[ap]\.?\s?m)", re.IGNORECASE)


def _zone_like(surface: str) -> bool:
    """Two to five capitals, the form of a zone's abbreviation ("GMT", "AEDT", "ChST"
    aside)."""
    return 2 <= len(surface) <= 5 and surface.isalpha() and surface.isupper()


def drop_clock_zones(found: list[Mention], text: str) -> None:
    """Drop (in place) the mentions of `found` written as a zone's abbreviation right after
    a clock time in `text` (the title's are left: their offsets are the title's)."""
    if _ANY_CLOCK.search(text) is None:
        return
    keep = [m for m in found
            if m.in_title or not _zone_like(m.surface)
            or _CLOCK_BEFORE.search(text, max(0, m.start - _LOOK_BACK), m.start) is None]
    if len(keep) != len(found):
        found[:] = keep
