"""Names that are no actor and no place by their form: a code of letters and digits ("FY18",
"Q3", "H1", "T20", "A340", "M3"), and a lone common noun of a place's or a building's kind
written with a capital ("the Capital", "the City", "the House", "the Valley"), which
stands for a place or a body the article names otherwise.

The prepositions before them ("in FY18", "in the Capital") made them places. A code is kept
where any of its mentions has a body's cue (a channel's, a band's, a firm's: "ITV1
viewers", "U2 manager"), a kind's noun where a third of its mentions have one ("City
striker": Manchester City); a dictionary's name (G7, G20: the Group of Seven; MI5) is its
entry's before this is asked."""

from __future__ import annotations

import re
from collections.abc import Mapping

# A code: one to five letters, then digits, then at most two letters ("A380s", "CF6",
# "E12c"); a code led by digits ("3M") is a company's name more often.
_CODE = re.compile(r"[a-z]{1,5}[0-9]{1,5}[a-z]{0,2}")
# The kinds of place and building a lone noun names (beside extract.ORG_CUES' place heads).
_KINDS = frozenset(("capital", "city", "town", "village", "metropolis"))
# (Not "house": a US corpus's bare "House" is the House of Representatives, a name of its
# own where no noun follows it, test_precision_rules.py.)
_BODY_SHARE = 3  # a body's cues on a third of the mentions keep it


def letter_code(key: str) -> bool:
    """Whether a key is a code of letters and digits."""
    return _CODE.fullmatch(key) is not None


def kind_word(key: str, place_heads: frozenset[str]) -> bool:
    """Whether a key is a lone noun of a place's or building's kind (`place_heads`: the
    one-word place heads of extract.ORG_CUES, "street", "county", "district")."""
    return key in _KINDS or key in place_heads


def no_place_nor_actor(key: str, mentions: int, org: Mapping[str, int],
                       body_types: frozenset[str], place_heads: frozenset[str]) -> bool:
    """Whether a key (no dictionary's) is a code without a body's cue or a kind's word
    without a body's cues on a third of its mentions (`body_types`: the types of bodies,
    no place's)."""
    code = letter_code(key)
    if not (code or kind_word(key, place_heads)):
        return False
    body = sum(n for t, n in org.items() if t in body_types)
    # (A code's body cues are few where it is a name: "U2" 2 of 35 mentions, "ITV1" 1 of
    # 23; a period's or a format's have none.)
    return body == 0 if code else body * _BODY_SHARE < mentions
