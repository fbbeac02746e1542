"""Prepositions that take a person's name as readily as a place's: "loyal to Assad", "a
letter from Blair", "hostility towards Saddam Hussein", "a move to Barcelona". The extractor
counts them as place cues (extract.LOCATION_PREPOSITIONS), and with "in", "near" or
"outside" they mostly are; alone they are too weak to keep a lone surname from the full name
its article uses ("Bashar al-Assad ... loyal to Assad"), and after "the" they are no place's
cue at all ("to the Kurds", "from the Koran", "at the BBC"; "in the X" still is). Nor is
any preposition before an owner of a name ("in ITV's King of Fridges": `owns_a_name`)."""

from __future__ import annotations

SHARED_PREPOSITIONS = frozenset(("to", "towards", "toward", "from", "at"))
_REACH = 12  # characters before a name where its preposition stands


def place_said(text: str, start: int) -> bool:
    """Whether the word before a name starting at `start` is a preposition of places alone
    (not one of `SHARED_PREPOSITIONS`)."""
    before = text[max(0, start - _REACH):start].split()
    return not before or before[-1].lower() not in SHARED_PREPOSITIONS


_POSSESSIVES = ("'s ", "’s ", "' ", "’ ")


def owns_a_name(text: str, end: int) -> bool:
    """Whether a name ending at `end` is the owner of a name after it ("in ITV's King of
    Fridges", "from ITV's London Studios"): the preposition before the owner places what it
    owns, not the owner ("in Sydney's eurodollar market" still places Sydney)."""
    for mark in _POSSESSIVES:
        if text.startswith(mark, end):
            return text[end + len(mark):end + len(mark) + 1].isupper()
    return False
