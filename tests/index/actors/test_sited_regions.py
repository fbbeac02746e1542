"""A place named with its region after a comma is sited (sited.py) where the region is one
of the shipped regions alone, not a dictionary's entry: "Frankfort, Kentucky" was merged
into Frankfurt on Reuters' business news of 2006-13, no dictionary naming Kentucky."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.pronouns import SITED
from newsdesk.index.actors.regions import region_keys
from newsdesk.index.actors.table import make_extractor


@pytest.mark.parametrize(("place", "region"), [
    ("Frankfort", "Kentucky"), ("Lafayette", "Louisiana"), ("Springfield", "Illinois"),
    ("Sudbury", "Ontario")])
def test_a_place_before_a_shipped_region_is_sited(place: str, region: str) -> None:
    dictionaries = load_dictionaries([])
    key = region.lower()
    assert key not in dictionaries.alias and key in region_keys()  # (else it proves nothing)
    found = make_extractor(dictionaries).extract(
        "", f"The company will close its plant in {place}, {region} and cut jobs.")
    sited = [m for m in found.mentions if m.key == place.lower()]
    assert sited and all(m.org_type == SITED for m in sited), found.mentions
