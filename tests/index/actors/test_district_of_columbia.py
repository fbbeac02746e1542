""""D.C." and "the District of Columbia" name the capital of the United States, a place
(country_extras.yaml): the scan cuts "Washington, D.C." at its comma, and "D.C." alone was
listed as an actor typed other on a Wikinews corpus. Generated over the ways news writes it."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor
from tests.index.actors.test_precision_rules import clusters, stat

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)
WASHINGTON = DICTIONARIES.alias["washington"]

SENTENCES = [
    "Thousands marched in {form} on Saturday.",
    "The rally near the White House in {form} ended at night.",
    "She made a 14-hour drive to {form} for the rally.",
    "Protesters gathered outside a golf club near {form}, officials said.",
    "The plan backs {form} statehood and lower voting ages.",
]
FORMS = ["D.C.", "Washington, D.C.", "Washington D.C.", "the District of Columbia"]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("form", FORMS)
def test_the_district_is_washington(sentence: str, form: str) -> None:
    found = [m.key for m in EXTRACTOR.extract("", sentence.format(form=form)).mentions]
    named = [k for k in found if DICTIONARIES.alias.get(k) == WASHINGTON]
    assert named, found
    assert all(DICTIONARIES.alias.get(k) == WASHINGTON for k in found
               if k not in ("white house",)), found


@pytest.mark.parametrize("surface", ["D.C.", "DC", "District of Columbia"])
def test_the_district_is_listed_as_the_place_not_an_actor(surface: str) -> None:
    got = clusters([stat(surface, 10, location=4, modifier=3),
                    stat("Washington", 15, location=9)])
    name, kind, _ = got[name_key(surface)]
    assert (name, kind) == ("Washington", "location")


def test_a_longer_name_with_dc_in_it_is_no_district() -> None:
    """Only the name as it is: "DC Comics" is a name of its own."""
    for text, key in (("DC Comics said the film would open.", "dc comics"),
                      ("Fans of DC Comics queued for hours.", "dc comics"),
                      ("The DC Circuit Court ruled on Friday.", "dc circuit court")):
        found = [m.key for m in EXTRACTOR.extract("", text).mentions]
        assert key in found and DICTIONARIES.alias.get(key) != WASHINGTON, found
