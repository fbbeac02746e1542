"""A place's initials written with dots ("L.A.", "N.Y.") joined to the one place the corpus
names whose words they are the initials of ("Los Angeles").

An outside tester's sports and arts news listed the places "L.A." (8 articles, also "LA")
and "Los Angeles" (14) apart: the same city twice. The rules for acronyms join a body's
(cluster.py's rule 5, `_short_acronyms`), never a place's. Here a short key joins a place
where the text says it is a place's abbreviation and only one reading is open:

- written with a dot after each letter at least twice and in a third of its mentions, and
  always in capitals ("L.A.", "LA"; never "La", a particle or a word);
- cued as a place in half its mentions ("in L.A."), in three articles or more, and by no
  person's cue (initials before a name are a person's or a firm's, and "from O.C. Davis",
  "to F.W. Woolworth" give them a place's cue now and then: Reuters' "O.C." and "F.W.",
  two articles each, are no Orange County and no Fort Wayne);
- one name of as many words as it has letters, their initials its letters, a place's
  (a dictionary's cued as a place in a quarter of its mentions, another in half of them
  with no body's cue), is named twice or more: two such places ("Los Angeles", "Latin
  America") leave it alone. The initials may not be a dictionary's
  alias (what the dictionary says they are stands); the place may be a dictionary's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from newsdesk.index.actors.names import initials
from newsdesk.index.actors.records import KeyCounts
from newsdesk.index.actors.spelled_initials import join_spelled
from newsdesk.index.option_values import ACTOR_TYPES

_BODIES = frozenset(ACTOR_TYPES) - {"location", "country", "other"}  # a body's cues
_DOTTED = re.compile(r"(?:[A-Z]\.){2,3}")
_MIN_DOTTED = 2  # written so at least this often
_MIN_ARTICLES = 3


def dotted_place(s: KeyCounts) -> bool:
    """Whether a short key's stats read as a place's dotted initials (the module's doc)."""
    key = s.key
    if not 2 <= len(key) <= 3 or not key.isalpha() or s.person \
            or s.location * 2 < s.mentions or s.articles < _MIN_ARTICLES:
        return False
    dotted = 0
    for surface, n in s.surfaces.items():
        if not surface.replace(".", "").isupper():
            return False
        if _DOTTED.fullmatch(surface):
            dotted += n
    return dotted >= _MIN_DOTTED and dotted * 3 >= s.mentions


def place_expansion(s: KeyCounts, letters: str, listed: bool) -> bool:
    """Whether a name may be a place spelled by `letters`: as many words, those initials,
    named twice or more, no person's cue, and a dictionary's place (`listed`) cued as a
    place in a quarter of its mentions, any other in half of them with no body's cue ("an
    analyst at Burns Fry" is no place's cue enough: "B.F." there is "B.F. Goodrich")."""
    key = s.key
    if s.mentions < 2 or key.count(" ") + 1 != len(letters) or initials(key) != letters \
            or s.person:
        return False
    if listed:
        return s.location * 4 >= s.mentions
    return s.location * 2 >= s.mentions and not any(t in _BODIES for t in s.org)


def join_dotted_places(live: Mapping[str, KeyCounts], find: Callable[[str], str],
                       anchored: Mapping[str, str], union: Callable[[str, str], bool],
                       listed: Callable[[str], bool]) -> None:
    """Each dotted place's initials joined to the one place it spells (the module's doc);
    `listed(key)`: whether a dictionary lists the key as a place's name."""
    short = {key for key, s in live.items()
             if len(key) <= 3 and key not in anchored and dotted_place(s) and find(key) == key}
    join_spelled(live, short,
                 lambda key, s, letters: place_expansion(s, letters, listed(key)), find, union)
