"""A name that is a country's and a far country's region's (Georgia) is read by its article:
the region where the article names another region of that country or writes the name after a
town's, and nothing in it says the country (homonyms.py); else the country, as before."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.regions import homonym_regions, region_keys, regions_of
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize("text", [
    "Biden made stops in Pennsylvania, Georgia, Florida and Iowa.",
    "The plant in Sylvester, Georgia made the butter.",
    "Senators Marco Rubio of Florida and David Perdue of Georgia, all Republicans, voted.",
])
def test_the_us_state(text: str) -> None:
    found = _keys(text)
    assert "georgia united states" in found and "georgia" not in found, found


@pytest.mark.parametrize("text", [
    "Russia and Georgia fought over Abkhazia. Ohio sent aid.",  # the country's own region
    "Georgian officials met Texas officials in Georgia.",  # its demonym
    "Teams from Samoa, France, Italy, Georgia and Chinese Taipei played.",  # no US context
    "Talks between Georgia and Russia resumed.",
])
def test_the_country(text: str) -> None:
    found = _keys(text)
    assert "georgia" in found and "georgia united states" not in found, found


def test_homonyms_are_far_countries_names_only() -> None:
    # (Niger, a state of Nigeria, and Zaire, a province of Angola, are left to the countries:
    # a neighbour's, a former country's)
    assert homonym_regions() == {"georgia": "united states"}
    assert "georgia" not in region_keys()
    assert {"texas", "ohio", "florida"} <= regions_of()["united states"]
    assert "abkhazia" in regions_of()["georgia"]
