"""Kinds of names that are no actor whatever their cues (index/actors/not_actors.py):
diseases and pathogens, deities, a religion's faithful, a lone noun of a state form.
Variants generated from each rule's parts, each tried both ways (a body named after one
stays an actor)."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.not_actors import not_actor

DICTIONARIES = load_dictionaries([])


def stat(surface: str, n: int, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, org=Counter(org))


def listed(stats: list[KeyStats]) -> set[str]:
    return {k for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES) for k in c.keys}


DISEASE_NAMES = ["Covid", "COVID", "Ebola", "Zika", "Dengue", "Cholera", "Monkeypox"]
SUFFIXES = ["", "-19", " 2", "-2012"]


@pytest.mark.parametrize(("name", "suffix"), product(DISEASE_NAMES, SUFFIXES))
def test_a_disease_with_or_without_its_number_is_no_actor(name: str, suffix: str) -> None:
    assert not_actor(name_key(name + suffix))


@pytest.mark.parametrize("name", ["SARS-CoV-2", "SARS-CoV", "MERS-CoV", "H1N1", "H5N1",
                                  "Lassa Virus", "Nipah virus", "Spanish Flu",
                                  "Covid Pandemic", "Legionnaires Disease",
                                  "Severe Acute Respiratory Syndrome"])
def test_a_pathogens_or_a_diseases_name_by_its_head_is_no_actor(name: str) -> None:
    assert not_actor(name_key(name))


@pytest.mark.parametrize("name", [
    "National Institute of Allergy and Infectious Diseases", "Centers for Disease Control",
    "Ebola Task Force", "Covid Response Unit", "Malaria Consortium Board",
    "Institute of Virology", "Indiana Fever", "Disease Control Agency"])
def test_a_body_named_after_a_disease_stays_an_actor(name: str) -> None:
    assert not not_actor(name_key(name))


def test_a_disease_cued_as_an_organisation_is_not_listed() -> None:
    found = listed([stat("Covid", 40, neuter=12), stat("Ebola", 9, neuter=3),
                    stat("Covid Task Force", 6, neuter=2), stat("Velmora Health", 8, neuter=4)])
    assert "covid" not in found and "ebola" not in found
    assert {"covid task force", "velmora health"} <= found


STATE_FORMS = ["Kingdom", "Republic", "Emirate", "Sultanate", "Principality", "Federation",
               "Confederation", "Caliphate"]


@pytest.mark.parametrize("form", STATE_FORMS)
def test_a_lone_state_form_is_no_actor_but_a_name_with_it_is(form: str) -> None:
    assert not_actor(name_key(form))
    assert not not_actor(name_key(f"{form} of Valdoria"))
    assert not not_actor(name_key(f"United {form}"))
    assert not not_actor(name_key(f"Valdorian {form}"))


def test_bodies_short_names_that_look_like_state_forms_stay() -> None:
    for name in ("Commonwealth", "Union", "Emirates", "Crown"):
        assert not not_actor(name_key(name)), name


@pytest.mark.parametrize("name", ["God", "Allah", "Almighty", "Gods"])
def test_a_deity_alone_is_no_actor(name: str) -> None:
    assert not_actor(name_key(name))


@pytest.mark.parametrize("name", ["Party of God", "Church of God", "Army of God",
                                  "God Channel", "Godfrey Mensah"])
def test_a_body_or_a_person_named_with_god_stays(name: str) -> None:
    assert not not_actor(name_key(name))


def test_a_lone_state_form_and_a_deity_are_not_listed_however_cued() -> None:
    found = listed([stat("Kingdom", 25, neuter=6), stat("God", 20, neuter=2),
                    stat("Kingdom of Valdoria", 7, neuter=2), stat("Party of God", 5)])
    assert "kingdom" not in found and "god" not in found
    assert {"kingdom of valdoria", "party of god"} <= found


@pytest.mark.parametrize("name", ["Muslim", "Muslims", "Shiites", "Sunni", "Christians",
                                  "Catholic", "Jews", "Hindus", "Sikh", "Atheist",
                                  "Christianity", "Judaism"])
def test_a_religions_faithful_alone_are_no_actor(name: str) -> None:
    assert not_actor(name_key(name))


@pytest.mark.parametrize("name", ["Muslim Brotherhood", "Christian Democrats",
                                  "Catholic Church", "Muslim Council of Britain",
                                  "Hindu Nationalist Party", "Christian Bale",
                                  "Nation of Islam", "Islam Karimov", "Islam"])
def test_a_body_or_a_person_named_with_a_faith_stays(name: str) -> None:
    assert not not_actor(name_key(name))


@pytest.mark.parametrize("cues", [{"party": 2, "modifier": 7}, {"organisation": 9},
                                  {"neuter": 4}])
def test_a_religions_faithful_are_not_listed_however_cued(cues: dict[str, int]) -> None:
    found = listed([stat("Muslim", 11, **cues), stat("Shiites", 9, **cues),
                    stat("Muslim Brotherhood", 6, organisation=3)])
    assert "muslim" not in found and "shiites" not in found
    assert "muslim brotherhood" in found
