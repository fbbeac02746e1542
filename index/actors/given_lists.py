"""The given names a person's name may start with (both shipped lists: given_names.txt and
given_names_wide.txt, tests/data_gen) and the first words those lists hold that start a
place's or a work's name far more often in news. Apart from given_person.py, which reads
the extractor's words, so that the extractor's own rules may ask them too (kin_surnames.py)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.names import NAME_PARTICLES

GIVEN_NAMES_WIDE = Path(__file__).resolve().parent / "data" / "given_names_wide.txt"


@lru_cache(maxsize=1)
def person_given_names() -> frozenset[str]:
    """The shipped given names, both lists, lower-cased (read once)."""
    with GIVEN_NAMES_WIDE.open(encoding="utf-8") as f:
        wide = {line.strip() for line in f if line[:1] != "#" and line.strip()}
    return given_names() | wide


# First words that given-name lists hold but that start a place's or a work's name far
# more often in news: a particle ("La Rochelle", "Le Monde"), a compass point ("West
# London", "North Wales").
NOT_GIVEN = frozenset(NAME_PARTICLES) | frozenset(
    ["north", "south", "east", "west", "central", "upper", "lower", "greater",
     # and a colour ("Blue Cross", "Blue Gene", "Red Bull")
     "blue", "red", "green", "white", "black", "gold", "silver"])
