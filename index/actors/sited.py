"""A place named with the region or country it is in after a comma: "Frankfort, Kentucky",
"Paris, Texas", "Cordoba, Argentina". A writer adds the region to tell a place from a
better-known one of its name, so the name is spelt as meant: no slip of a dictionary's name
one letter away (cluster.py's rules 1 and 4 leave such a key apart: Frankfort is not
Frankfurt). The cue is a weak one (pronouns.WEAK_CUES): it says only that."""

from __future__ import annotations

import re

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.pronouns import SITED
from newsdesk.index.actors.records import Mention

# ", Region" then the end of the clause: a stop, a bracket, a line's end, or a comma or
# "and" before a word in lower case ("Frankfort, Kentucky and plans"; not a list of like
# names, "Morrocco, Algeria and Tunisia", "Britain, France, Japan").
_REGION = re.compile(r", ((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,2})"
                     r"(?=[.;:)]|(?:,| and) [a-z]|\n|$)")


def mark_sited(found: list[Mention], text: str, regions: frozenset[str],
               known: frozenset[str]) -> None:
    """Give `SITED` to each mention of the text with no other cue, no dictionary's name
    (its spelling is known), that a dictionary's country or place follows after a comma
    ("Frankfort, Kentucky and"), and that is no list's item (no comma before it)."""
    for m in found:
        if m.org_type is not None or m.person_cue or m.in_title \
                or not text.startswith(", ", m.end) or m.key in known \
                or text[m.start - 2:m.start] == ", ":
            continue
        region = _REGION.match(text, m.end)
        if region is not None and name_key(region.group(1)) in regions:
            m.org_type = SITED
