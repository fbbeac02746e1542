"""Regions named by a point of the compass and a continent or an ocean ("South Pacific",
"Western Europe", "East Africa"), or by two of them joined ("Asia-Pacific", "Euro-
Mediterranean" aside): places, as the continent or the ocean is. A corpus gives such a name
no cue of any kind ("across the South Pacific", "Asia-Pacific leaders") and it was listed
among the actors as "other" (two Pacific corpora, stranger9). Read from the name's words
alone: a compass word, then a place a dictionary or the shipped regions name, or an ocean
(the world's oceans have no dictionary entry: "Atlantic" alone is a magazine's name too)."""

from __future__ import annotations

from collections.abc import Callable

# A point of the compass, or its adjective, before a region's name.
_COMPASS = """north south east west central northern southern eastern western northeast
northwest southeast southwest northeastern northwestern southeastern southwestern"""
COMPASS_WORDS = frozenset(_COMPASS.split())
# The oceans, by the word news names each by ("the Pacific", "the North Atlantic").
OCEANS = frozenset(("pacific", "atlantic", "arctic", "antarctic"))


def compass_region(key: str, place: Callable[[str], bool]) -> bool:
    """Whether `key` (a name key) is a region: two or three words, the last a continent, an
    ocean or another place `place` knows, each word before it a compass word or such a
    place ("asia pacific")."""
    words = key.split()
    if not 2 <= len(words) <= 3:
        return False
    last = words[-1]
    if last not in OCEANS and not place(last):
        return False
    return all(w in COMPASS_WORDS or w in OCEANS or place(w) for w in words[:-1])
