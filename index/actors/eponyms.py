"""A thing named after a person by a common noun glued to the person's surname:
"Obamacare", "Trumpcare", "RomneyCare" (a law or a programme), "Reaganomics" (a policy),
"Pizzagate"-like "<Surname>gate" (a scandal). The glued word is English, not any corpus's;
the surname is the corpus's own: a lone word its articles use as a person's ("Obama
said"). No actor, yet a capitalised word with a body's cues ("Obamacare's mandate", "the
Obamacare website"): Obamacare was #16 of a US energy corpus's actors, typed organisation.
A firm so named has no person's surname before its tail ("WellCare", "Kindercare")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

# The glued words' last four letters (a first test of each key: one slice and one lookup).
_TAILS = ("care", "gate", "nomics")
EPONYM_TAILS = frozenset(t[-4:] for t in _TAILS)
_SHORTEST_SURNAME = 3  # letters before the tail ("Abe" of "Abenomics")
_PERSON_CUES = 3


class _Stats(Protocol):
    mentions: int
    person: int


def eponym(key: str, stats: Mapping[str, _Stats]) -> bool:
    """Whether a one-word key is a person's surname with a glued tail of `_TAILS`, the
    surname used alone in the corpus as a person's name in a fifth of its mentions at least
    ("Obama administration", "the Obama years" are as many as "Obama said": 207 of 695
    mentions had a person's cue on an energy corpus), three times at least."""
    if " " in key:
        return False
    for tail in _TAILS:
        if key.endswith(tail) and len(key) - len(tail) >= _SHORTEST_SURNAME:
            surname = stats.get(key[:-len(tail)])
            return surname is not None and surname.person >= _PERSON_CUES \
                and surname.person * 5 >= surname.mentions
    return False
