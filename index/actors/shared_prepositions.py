"""Prepositions that take a person's name as readily as a place's: "loyal to Assad", "a
letter from Blair", "hostility towards Saddam Hussein", "a move to Barcelona". The extractor
counts them as place cues (extract.LOCATION_PREPOSITIONS), and with "in", "near" or
"outside" they mostly are; alone they are too weak to keep a lone surname from the full name
its article uses ("Bashar al-Assad ... loyal to Assad"), and after "the" they are no place's
cue at all ("to the Kurds", "from the Koran", "at the BBC"; "in the X" still is)."""

from __future__ import annotations

SHARED_PREPOSITIONS = frozenset(("to", "towards", "toward", "from", "at"))
_REACH = 12  # characters before a name where its preposition stands


def place_said(text: str, start: int) -> bool:
    """Whether the word before a name starting at `start` is a preposition of places alone
    (not one of `SHARED_PREPOSITIONS`)."""
    before = text[max(0, start - _REACH):start].split()
    return not before or before[-1].lower() not in SHARED_PREPOSITIONS
