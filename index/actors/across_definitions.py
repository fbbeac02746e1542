"""An acronym in brackets after a name that runs across a small word: "the Regional
Assistance Mission to Solomon Islands (RAMSI)". The name before the bracket is two runs
("Regional Assistance Mission", "Solomon Islands"), and neither alone has the acronym's
letters: RAMSI was listed apart from the mission it stands for (stranger9, 75 articles).
The acronym is the first run's: the body's own name, the rest says where or what for."""

from __future__ import annotations

import re

from newsdesk.index.actors.acronym_def import defines
from newsdesk.index.actors.names import name_key

# Capitalised words (a small word of a name between them), one small word that joins two
# names, an optional "the", then the run the bracket follows.
_HEAD_ACROSS = re.compile(
    r"(?<![\w'’&.-])((?:[A-Z][\w'’&-]*)(?: (?:[A-Z][\w'’&-]*|of|and|for|the))*?) "
    r"(to|for|of|on|in|and|at)( the)? \Z")
_REACH = 90  # characters looked back for the first run


def head_across(acronym: str, start: int, key: str, text: str) -> str | None:
    """The key of the run before the run at `start` (key `key`) and a small word, when
    the acronym is the initials of both together; None otherwise (or when the run alone
    is the acronym's: `defines` is asked of it first)."""
    found = _HEAD_ACROSS.search(text, max(0, start - _REACH), start)
    if found is None:
        return None
    if found.group(2) == "and":
        return None  # "X and Y Z (XAYZ)": the whole is one name (and_acronyms.py)
    small = f"{found.group(2)}{' the' if found.group(3) else ''}"
    words = found.group(1).split(" ")
    # The longest head that fits wins, of two words at least: one word ("Organisation") is
    # a common noun's key as often as a name's.
    for first in range(len(words) - 1):
        if words[first][:1].islower():
            continue  # a head starts with a capital
        head_key = name_key(" ".join(words[first:]))
        if head_key.count(" ") and defines(acronym, f"{head_key} {small} {key}") \
                and not defines(acronym, head_key):
            return head_key
    return None
