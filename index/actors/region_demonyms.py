"""A region's or a large city's people by its demonym's plural ("Victorians", "Queenslanders",
"Floridians", "Texans", "New Yorkers", "Londoners", "Sydneysiders"): a region's people, no
actor, listed nowhere (the region itself is a place, listed apart). The plural is told from
the shipped regions (regions.yaml, generated from ISO 3166-2, and capital_regions.txt: those
named as a capital is, Victoria) and large cities (cities.txt, from GeoNames' data by
tests/data_gen/city_names.py) by English demonym endings, not from any list of
demonyms: each ending is taken off and the letters a region's name ends with in its stead
put back ("Victor|ians" -> "Victor|ia", "Tex|ans" -> "Tex|as", "Queensland|ers"). A
country's own demonyms are its dictionary entry's aliases already (countries.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.regions import region_keys

CAPITAL_REGIONS = Path(__file__).resolve().parent / "data" / "capital_regions.txt"
CITIES = Path(__file__).resolve().parent / "data" / "cities.txt"

# A plural demonym's ending -> what a region's name may end with in its stead.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("siders", ("",)),  # Sydneysiders, Merseysiders
    ("ians", ("ia", "a", "io", "y", "")),  # Victorians, Floridians, Ontarians, Kentuckians
    ("ans", ("as", "a", "o", "e", "")),  # Texans, Albertans, Coloradans, Tennesseans
    ("ns", ("",)),  # Utahns
    ("ers", ("", "e")),  # Queenslanders, Aucklanders
    ("ites", ("", "e")),  # Brooklynites
)
_MIN_WORD = 6  # "Texans": shorter plurals are team or common words ("Reds", "Jets")


def _listed_keys(path: Path) -> frozenset[str]:
    """The name keys of a shipped list, one name a line ("#" lines aside)."""
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(line.strip()) for line in lines if line.strip() and line[:1] != "#")


@lru_cache(maxsize=1)
def people_regions() -> frozenset[str]:
    """The keys of the regions whose people's plurals are told: the shipped regions', those
    named as a capital is (tests/data_gen/capital_regions.py), and the large cities
    (tests/data_gen/city_names.py: "Londoners", "Sydneysiders")."""
    return region_keys() | _listed_keys(CAPITAL_REGIONS) | _listed_keys(CITIES)


def region_of_plural(key: str, places: frozenset[str]) -> str | None:
    """The region key whose people's plural demonym `key` is, or None. `places`: the keys of
    the regions (`people_regions`). A one- or two-word key ("new yorkers"): its last word
    read."""
    head, _, last = key.rpartition(" ")
    if len(last) < _MIN_WORD or last[-1] != "s" or " " in head:
        return None
    for ending, instead in _ENDINGS:
        if last.endswith(ending):
            stem = last[:-len(ending)]
            lead = head + " " if head else ""
            for tail in instead:
                place = lead + stem + tail
                if len(place) >= 4 and place in places:
                    return place
    return None


# A singular demonym's ending (a people's adjective, "West Papuan", "Pacific Islander") ->
# what the place's name may end with in its stead; "Islander" of "Islands" too.
_SINGULAR_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ian", ("ia", "a", "io", "y", "")),
    ("an", ("as", "a", "o", "e", "")),
    ("er", ("", "e", "s")),
    ("ite", ("", "e")),
)


class _Placed(Protocol):
    def __contains__(self, key: object) -> bool: ...


def place_of_people(key: str, places: _Placed) -> str | None:
    """The place key in `places` whose people `key` names, by a two- or three-word name's
    last word: its plural ("west papuans", "pacific islanders") or its singular, a people's
    adjective ("west papuan", "pacific islander"); None if none. For the places a corpus
    names itself (cluster.corpus_place): the head words keep a one-word name ("Papuan",
    "Texan") out, which is as often a person's."""
    return next((place for place in places_of_people(key) if place in places), None)


def places_of_people(key: str) -> Iterator[str]:
    """The place keys whose people `key` could name (`place_of_people`), in order."""
    head, _, last = key.rpartition(" ")
    if not head or head.count(" ") > 1 or len(last) < _MIN_WORD - 1:
        return
    endings = _ENDINGS + (("ers", ("s",)),) if last[-1] == "s" else _SINGULAR_ENDINGS
    for ending, instead in endings:
        if last.endswith(ending):
            stem = f"{head} {last[:-len(ending)]}"
            for tail in instead:
                yield stem + tail


def people_forms(key: str) -> set[str]:
    """The keys `place_of_people` could read as `key`'s people ("west papua" -> "west
    papuans", "west papuan", ...): the links of reach.py."""
    out: set[str] = set()
    if " " not in key:
        return out
    for ending, instead in (*_ENDINGS, ("ers", ("s",)), *_SINGULAR_ENDINGS):
        for tail in instead:
            if key.endswith(tail):
                out.add(key[:len(key) - len(tail)] + ending)
    return out
