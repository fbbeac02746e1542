"""Languages' names (data/languages.txt: ISO 639-1's, from pycountry by
tests/data_gen/languages.py). A language is no actor: "Tamil", "Sinhala", "Hindi", "Urdu"
alone name a language or its people, not a party, a country or a place, whatever their
cues ("Tamil parties", "in Sinhala"). A language's name that is a country's demonym
("English", "French") is its country's where it is no language's use (word_uses.py says
where it is one); one that is a place's name ("Tonga", "Nauru") or a region's or large
city's is that place's."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.region_demonyms import people_regions

LANGUAGES = Path(__file__).resolve().parent / "data" / "languages.txt"


@lru_cache(maxsize=1)
def language_keys() -> frozenset[str]:
    """The name keys of the shipped languages ("tamil", "english", "scottish gaelic")."""
    if not LANGUAGES.is_file():
        return frozenset()
    lines = LANGUAGES.read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(line.strip()) for line in lines if line.strip() and line[0] != "#")


@lru_cache(maxsize=1)
def _place_named() -> frozenset[str]:
    return language_keys() & people_regions()


def language_only(key: str) -> bool:
    """Whether a key (asked only of those no dictionary holds: a country's demonym or name
    is its entry's) is a language's name and no region's or large city's."""
    return key in language_keys() and key not in _place_named()
