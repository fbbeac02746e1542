""""Washington, D.C." and "the District of Columbia" name the capital of the United
States, a place: the scan cut "Washington, D.C." at its comma, and "D.C." alone was listed
as an actor typed other on a Wikinews corpus. A dictionary's name with a comma inside is
one mention (comma_names.py); "D.C." alone is no alias, its key being that of "DC" as in
"DC-10". Generated over the ways news writes it, and over the other shipped names with a
comma."""

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
    "She made a 14-hour drive to {form}, where the rally was.",
    "Protesters gathered outside a golf club near {form} on Friday, officials said.",
    "The firm moved its headquarters to {form} in May.",
]
FORMS = ["Washington, D.C.", "Washington D.C.", "Washington DC", "the District of Columbia"]


def found(text: str) -> list[tuple[str, str]]:
    return [(m.key, m.surface) for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("form", FORMS)
def test_the_district_is_washington_in_one_mention(sentence: str, form: str) -> None:
    got = [(k, s) for k, s in found(sentence.format(form=form)) if k != "white house"]
    assert len(got) == 1 and DICTIONARIES.alias.get(got[0][0]) == WASHINGTON, got
    assert got[0][1] == form.removeprefix("the "), got


@pytest.mark.parametrize("surface", ["Washington, D.C.", "District of Columbia"])
def test_the_district_is_listed_as_the_place_not_an_actor(surface: str) -> None:
    got = clusters([stat(surface, 10, location=4), stat("Washington", 15, location=9)])
    name, kind, _ = got[name_key(surface)]
    assert (name, kind) == ("Washington", "location")


@pytest.mark.parametrize("text", [
    "McDonnell Douglas said the DC-10 flights would resume.",
    "The airline sold its two old DC 10-30s to a lessor.",
    "DC Comics said the film would open.",
])
def test_dc_alone_or_in_a_longer_name_is_no_district(text: str) -> None:
    assert all(DICTIONARIES.alias.get(k) != WASHINGTON for k, _ in found(text)), found(text)


@pytest.mark.parametrize("name", ["United Nations Educational, Scientific and Cultural "
                                  "Organization"])
@pytest.mark.parametrize("sentence", ["Officials of the {name} said so on Monday.",
                                      "A spokesman for the {name} declined to comment."])
def test_shipped_names_with_a_comma_are_one_mention(name: str, sentence: str) -> None:
    got = found(sentence.format(name=name))
    assert (name_key(name), name) in got, got


def test_a_list_with_commas_stays_a_list() -> None:
    """Two names side by side with a comma that make no dictionary's name stay two."""
    got = found("Ministers from Britain, France and Japan met in Washington, Paris.")
    assert {"britain", "france", "japan"} <= {k for k, _ in got}, got
