"""Classes an eleventh outside tester found on event reports (ACLED's Nigeria 2019-20), each
tried in generated variants: a neighbour country's name that is a region of the article's
country ("Shiroro LGA (Niger)", "Attack in Minna, Niger": Niger State, not the Republic of
Niger); local places no list knows, in the slots only places fill (a bracket of a place's
hierarchy, a list a place noun announces or ends, a list after "in"); a country's name among
a list of villages; two groups of one plural head ("Ukele and Izzi Ethnic Militias")."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))

# Made-up local places (no list or dictionary holds them), of several languages' shapes.
TOWNS = ["Gujeri", "Kwaki", "Lurinka", "Ostavo Mare", "Bamzir", "Tudun Wada"]
OTHERS = ["Mbowa", "Piremba", "Yarchida", "Kelisto"]


def _mentions(text: str, title: str = "") -> list[Mention]:
    return EXTRACTOR.extract(title, text).mentions


def _placed(text: str, name: str, title: str = "") -> bool:
    """Whether every mention of `name` in the text has a place's cue."""
    found = [m for m in _mentions(text, title) if m.key == name_key(name) and not m.in_title]
    assert found, (name, text, [m.key for m in _mentions(text, title)])
    return all(m.location_cue for m in found)


@pytest.mark.parametrize(("town", "form"), product(TOWNS, [
    "Gunmen kidnapped two workers in {town} LGA (Niger).",
    "Youth protested in {town}, Niger.",
    "On 9 June, militias attacked {town} (Shiroro, Niger) and killed 9.",
    "Residents of {town} fled to Minna, Niger.",
]))
def test_a_neighbours_name_in_a_regions_slot_is_the_region(town: str, form: str) -> None:
    keys = [m.key for m in _mentions(form.format(town=town))]
    assert "niger nigeria" in keys and "niger" not in keys, keys


@pytest.mark.parametrize("town", TOWNS)
def test_a_title_town_and_the_neighbours_name(town: str) -> None:
    found = _mentions(f"Youth protested in {town} on Monday.", f"Peaceful protest in {town}, Niger")
    assert [m.key for m in found if m.in_title and "niger" in m.key] == ["niger nigeria"], found


@pytest.mark.parametrize(("town", "text"), product(TOWNS, [
    "Nigerien troops fought in {town}, Niger.",  # the country's demonym: the country
    "President Buhari visited Niger and Chad. He met officials in {town}.",  # no region's slot
    "Fighters crossed from Niger into {town} (Borno).",
    "The Niger government in Niamey said {town}, Niger was calm. Diffa was quiet.",
]))
def test_the_neighbour_country_stays(town: str, text: str) -> None:
    keys = [m.key for m in _mentions(text.format(town=town))]
    assert "niger" in keys and "niger nigeria" not in keys, keys


@pytest.mark.parametrize(("town", "other", "form"), product(TOWNS, OTHERS, [
    "Militias attacked {other} ({town}, Borno) on Monday.",
    "The villages attacked are: {other}, {town}, Kelimbo and Sarowa.",
    "The attacked villages were {other}, Kelimbo, {town} and Sarowa.",
    "Troops regained {other}, Kelimbo, {town} and Sarowa villages from militants.",
    "About 2,000 residents of {other}, Kelimbo and {town} fled.",
    "Processions were staged in Kano, {other}, {town} and Jos.",
    "Gunmen killed two people in {other} district ({town}, Zamfara).",
]))
def test_a_local_place_in_a_places_slot_takes_a_places_cue(town: str, other: str,
                                                          form: str) -> None:
    assert _placed(form.format(town=town, other=other), town)


@pytest.mark.parametrize(("name", "text"), [
    ("JAS", "Soldiers drove fighters from Boko Haram (JAS) out of Bama."),  # an acronym
    ("Chirac", "In Paris, Chirac said he would stay."),  # a clause going on
    ("Reuters", "They fled to Maiduguri (Reuters) on Monday."),  # a credit
    ("Kelisto", "Troops and Kelisto Militias attacked Gwoza."),  # a body's cue
    ("Piremba", "Officials of Piremba, a charity, visited Bama."),
])
def test_names_out_of_places_slots_take_no_places_cue(name: str, text: str) -> None:
    found = [m for m in _mentions(text) if m.key == name_key(name)]
    assert not any(m.location_cue for m in found), found


@pytest.mark.parametrize(("country", "list_noun"), product(
    ["Malawi", "Chad", "Togo", "Mali"], ["villages", "communities", "settlements"]))
def test_a_countrys_name_among_villages_is_no_country(country: str, list_noun: str) -> None:
    text = f"Gunmen attacked 17 {list_noun}. The {list_noun} attacked are: Kadaga, Wyam, " \
           f"Durumi, {country}, Baduku, Ugo, Natsarira."
    assert name_key(country) not in {m.key for m in _mentions(text)}


@pytest.mark.parametrize("text", [
    "Officials in Lilongwe, Blantyre and Malawi's north met.",
    "The talks include Malawi, Zambia and Mozambique.",
    "Troops were sent to Malawi, Zambia, Kelimbo and Sarowa.",
])
def test_a_countrys_name_among_places_stays(text: str) -> None:
    assert "malawi" in {m.key for m in _mentions(text)}


@pytest.mark.parametrize(("first", "second", "head"), product(
    ["Ukele", "Agbaduma", "Fulani", "Kelisto"], ["Izzi", "Abogbe", "Zamfara"],
    ["Militias", "Ethnic Militias", "Communal Militias", "Forces"]))
def test_two_groups_of_one_plural_head_are_two(first: str, second: str, head: str) -> None:
    text = f"On Monday clashes between {first} and {second} {head} killed five people."
    keys = {m.key for m in _mentions(text)}
    assert name_key(f"{second} {head}") in keys, keys
    assert not any(k.startswith(name_key(f"{first} and")) for k in keys), keys
    assert name_key(f"{first} {head}") in keys, keys


@pytest.mark.parametrize("name", [
    "Securities and Exchange Commission", "Food and Drug Administration",
    "Fish and Wildlife Service", "Alcohol and Tobacco Commission",
])
def test_a_singular_head_keeps_one_name(name: str) -> None:
    keys = {m.key for m in _mentions(f"On Monday the {name} said it would act.")}
    assert name_key(name) in keys, keys


@pytest.mark.parametrize("text", [
    "It fought the tender offer of Wagner and Brown and AFG Industries.",  # a firm's word
    "Talks between Kelisto and Bamzir Industries ended.",
    "Troops of Kelisto and NDF Militias met.",  # an acronym opens the second name
])
def test_no_groups_made_of_a_firms_plural_or_after_an_acronym(text: str) -> None:
    keys = {m.key for m in _mentions(text)}
    assert not any(k.endswith(("brown industries", "kelisto industries", "kelisto militias"))
                   for k in keys), keys


@pytest.mark.parametrize(("place", "person"), product(
    ["Matane, Quebec", "Kano, Nigeria", "Gujeri, Borno"], ["Peladeau", "Pierre Peladeau",
                                                           "Ahmed Bello"]))
def test_a_name_after_a_places_comma_with_its_verb_is_no_place(place: str, person: str) -> None:
    text = f"It will build a new mill in {place}, {person} said on Monday."
    found = [m for m in _mentions(text) if m.key == name_key(person)]
    assert found and not any(m.location_cue for m in found), found
