"""Regions: the first-level subdivisions of ISO 3166-2 that news names (states, provinces,
Länder, prefectures), generated at development time from pycountry into data/regions.yaml
(tests/data_gen/subdivisions.py, `make actor-data`). They are no dictionary entries (no
anchor, no aliases joined, nothing added to every clustering): a name of them that the
corpus's cues leave with no type ("other": "Michigan lawmakers", "Connecticut's") is a
place, as its cues of one kind or another would otherwise say."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from newsdesk.index.actors.names import name_key

REGIONS = Path(__file__).resolve().parent / "data" / "regions.yaml"
# A homonym whose name is its country's neighbour's (Niger, a state of Nigeria), so its
# source says: read by a mention's own slot only (place_slots.py), not by its article.
NEAR = "a neighbour's name"


@lru_cache(maxsize=1)
def region_keys() -> frozenset[str]:
    """The name keys of the shipped regions (their names and aliases), read from the file's
    one-entry lines by json alone (the dictionary loader's checks cost five times as much,
    at every index build's first clustering)."""
    if not REGIONS.is_file():
        return frozenset()
    return frozenset(k for entry in _entries() if "country" not in entry
                     for k in (name_key(n) for n in (entry["name"], *entry.get("aliases", ()))))


@lru_cache(maxsize=1)
def _entries() -> tuple[dict, ...]:
    if not REGIONS.is_file():
        return ()
    return tuple(json.loads(line[4:]) for line in REGIONS.read_text(encoding="utf-8").splitlines()
                 if line.startswith("  - {"))


@lru_cache(maxsize=1)
def homonym_regions() -> dict[str, str]:
    """The name key of each region named as another country is ("georgia": a state of the
    United States) -> the name key of the region's country. (Not in `region_keys`: the
    country's entry keeps the name; homonyms.py reads an article's context.)"""
    return {name_key(e["name"]): name_key(e["country"]) for e in _entries()
            if "country" in e and NEAR not in e["source"]}


@lru_cache(maxsize=1)
def near_homonyms() -> dict[str, str]:
    """As `homonym_regions`, of the regions named as their country's neighbour is ("niger":
    a state of Nigeria)."""
    return {name_key(e["name"]): name_key(e["country"]) for e in _entries()
            if "country" in e and NEAR in e["source"]}


@lru_cache(maxsize=1)
def homonym_names() -> tuple[str, ...]:
    """The homonyms' names as written ("Georgia"): an article none of which holds has none
    to read (a look in the text, cheaper than one at each of its mentions)."""
    return tuple(e["name"] for e in _entries() if "country" in e and NEAR not in e["source"])


@lru_cache(maxsize=1)
def regions_of() -> dict[str, frozenset[str]]:
    """A country's name key -> the name keys of its regions (of `region_keys`), read from
    the generator's source note ("... a region of India and Pakistan)")."""
    out: dict[str, set[str]] = {}
    for e in _entries():
        if "country" in e or "a region of " not in e.get("source", ""):
            continue
        tail = e["source"].rsplit("a region of ", 1)[1].rstrip(")")
        keys = {name_key(n) for n in (e["name"], *e.get("aliases", ()))}
        for country in {tail, *tail.split(" and ")}:  # ("Trinidad and Tobago": whole too)
            out.setdefault(name_key(country), set()).update(keys)
    return {k: frozenset(v) for k, v in out.items()}
