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


@lru_cache(maxsize=1)
def region_keys() -> frozenset[str]:
    """The name keys of the shipped regions (their names and aliases), read from the file's
    one-entry lines by json alone (the dictionary loader's checks cost five times as much,
    at every index build's first clustering)."""
    if not REGIONS.is_file():
        return frozenset()
    out: set[str] = set()
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        if line.startswith("  - {"):
            entry = json.loads(line[4:])
            out.update(name_key(n) for n in (entry["name"], *entry.get("aliases", ())))
    return frozenset(out)
