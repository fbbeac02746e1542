"""A place's initials written with dots ("L.A.", "N.Y.") joined to the one place the corpus
names whose words they are the initials of ("Los Angeles").

An outside tester's sports and arts news listed the places "L.A." (8 articles, also "LA")
and "Los Angeles" (14) apart: the same city twice. The rules for acronyms join a body's
(cluster.py's rule 5, `_short_acronyms`), never a place's. Here a short key joins a place
where the text says it is a place's abbreviation and only one reading is open:

- written with a dot after each letter at least twice and in a third of its mentions, and
  always in capitals ("L.A.", "LA"; never "La", a particle or a word);
- cued as a place in a quarter of its mentions ("in L.A."), and by no person's cue;
- one name of as many words as it has letters, their initials its letters, cued as a
  place in a quarter of its mentions, is named twice or more: two such places ("Los
  Angeles", "Latin America") leave it alone. The initials may not be a dictionary's
  alias (what the dictionary says they are stands); the place may be a dictionary's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from newsdesk.index.actors.names import initials

if TYPE_CHECKING:
    from newsdesk.index.actors.cluster import KeyStats

_DOTTED = re.compile(r"(?:[A-Z]\.){2,3}")
_MIN_DOTTED = 2  # written so at least this often


def dotted_place(s: KeyStats) -> bool:
    """Whether a short key's stats read as a place's dotted initials (the module's doc)."""
    key = s.key
    if not 2 <= len(key) <= 3 or not key.isalpha() or s.person \
            or s.location * 4 < s.mentions:
        return False
    dotted = 0
    for surface, n in s.surfaces.items():
        if not surface.replace(".", "").isupper():
            return False
        if _DOTTED.fullmatch(surface):
            dotted += n
    return dotted >= _MIN_DOTTED and dotted * 3 >= s.mentions


def place_expansion(s: KeyStats, letters: str) -> bool:
    """Whether a name may be a place spelled by `letters`: as many words, those initials,
    named twice or more, cued as a place in a quarter of its mentions."""
    key = s.key
    return s.mentions >= 2 and key.count(" ") + 1 == len(letters) and initials(key) == letters \
        and s.location * 4 >= s.mentions and not s.person


def join_dotted_places(live: Mapping[str, KeyStats], find: Callable[[str], str],
                       anchored: Mapping[str, str], union: Callable[[str, str], bool]) -> None:
    """Each dotted place's initials joined to the one place it spells (the module's doc)."""
    short = {key: s for key, s in live.items()
             if len(key) <= 3 and key not in anchored and dotted_place(s) and find(key) == key}
    if not short:
        return
    firsts = {key[0] for key in short}
    spelled: dict[str, list[str]] = {}
    for key, s in live.items():
        if " " in key and key[0] in firsts:
            letters = initials(key)
            if letters in short and place_expansion(s, letters):
                spelled.setdefault(letters, []).append(key)
    for letters, keys in spelled.items():
        if len({find(k) for k in keys}) == 1:
            union(keys[0], letters)
