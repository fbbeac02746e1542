"""The pronoun a sentence takes up a name with: "Sony said it would", "Howard Hughes ... his
films". A name with no other cue to its kind (no title, no organisation word, no noun of
kind around it) is still told apart by the first third-person pronoun after it in its
sentence: "it"/"its" for a body, "he"/"she"/"his"/"her" for a person. One mention's pronoun
may belong to another name, so the cluster step lets only a majority of them decide, and
only where every other cue is silent (`cluster._type`)."""

from __future__ import annotations

import re

from newsdesk.index.actors.numbered import NUMBERED
from newsdesk.index.actors.offices import OFFICE
from newsdesk.index.actors.title_tails import TAIL
from newsdesk.index.actors.works import WORK

NEUTER, PERSONAL = "neuter", "personal"  # the extractor's org_type for the two kinds
PRONOUN_CUES = frozenset((NEUTER, PERSONAL))  # say nothing against a name being a person's
# Cues that say what a name is not rather than what it is, or say it weakly: a mention's row
# takes one only where half its mentions have it (table._row_cue).
# A name owned by a dictionary's place ("London's West End"): a place's part, weakly.
PLACE_PART = "place part"
# A place named with its region after a comma ("Frankfort, Kentucky"; sited.py).
SITED = "sited"
WEAK_CUES = ("thing", "modifier", WORK, NEUTER, PERSONAL, OFFICE, TAIL, PLACE_PART, SITED,
             NUMBERED)

_REACH = 40  # characters after a name where its pronoun is looked for ("X, the firm, said it")
# (A space before the pronoun, not a word boundary: a third of the time, and a pronoun after
# a bracket or a quote mark is rare. Either a sentence's end or a space then a pronoun,
# written as one set of first characters, the end's read again behind: so the search skips
# to the characters of that set in one loop of the engine, where the two alternatives were
# tried at every character.)
_PRONOUN = re.compile(r"[ .!?;:\n](?:(?<=[.!?;:\n])"
                      r"|(it|its|itself|he|his|him|himself|she|her|hers|herself)\b)")
_NEUTER_WORDS = frozenset(("it", "its", "itself"))


def pronoun_after(text: str, end: int) -> str | None:
    """NEUTER or PERSONAL by the first third-person singular pronoun after `end` in the same
    sentence (within a short reach), else None."""
    found = _PRONOUN.search(text, end, end + _REACH)
    if found is None or found.group(1) is None:
        return None
    return NEUTER if found.group(1) in _NEUTER_WORDS else PERSONAL


# A name, a verb of saying, then "he" or "she": the pronoun is the name's own ("Drake said
# he was humbled", "Beyoncé says she"); a body says "it" or "they". A one-word name takes no
# person's cue from "said" alone (a firm says as often as a person), so celebrity and sports
# copy's people known by one name ("Beyoncé", "Drake", "Neymar") had only the weak pronoun
# cue, which never decides alone, and were typed other.
_SAID_PERSONAL = re.compile(r" (?:said|says|added|adds|insisted) (?:he|she)\b")


def said_personal(text: str, end: int) -> bool:
    """Whether a verb of saying and "he" or "she" follow the name ending at `end`."""
    return _SAID_PERSONAL.match(text, end, end + 14) is not None
