"""Issue 24 classes of an outside tester's US politics corpus (stranger14, SemEval-2020
propaganda news), each tried in generated variants:

1. a president typed organisation: his lone surname also starts a suffixed firm's name
   once ("Obama Inc.", irony), and his given name is in no list ("Barack Obama")."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.pronouns import PERSONAL

DICTIONARIES = load_dictionaries([])


def stat(surfaces: dict[str, int], person: int = 0, location: int = 0, **org: int) -> KeyStats:
    """A key's stats: the key its first surface's."""
    n = sum(surfaces.values())
    key = name_key(next(iter(surfaces)))
    return KeyStats(key, Counter(surfaces), n, n, person, location, org=Counter(org))


def actor_of(stats: list[KeyStats], surface: str) -> tuple[str, str, set[str]]:
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    c = next(c for c in found if name_key(surface) in c.keys)
    return c.name, c.type, set(c.keys)


# --- 1. a person named after whom a firm is mocked ------------------------------------

# Given names no list need hold, and surnames no dictionary knows.
GIVEN = ["Barack", "Zorvan", "Kwabena", "Thandeka", "Oyelaran"]
SURNAMES = ["Obama", "Mbeki", "Quillfeather", "Tsvangirai", "Okonjo"]


@pytest.mark.parametrize(("given", "surname", "tail", "firm"), [
    (g, s, [" Inc", " Corp", " Ltd"][n % 3], [2, 9][n % 2])
    for n, (g, s) in enumerate(product(GIVEN, SURNAMES))])
def test_a_persons_surname_in_a_mock_firms_name_keeps_the_person(
        given: str, surname: str, tail: str, firm: int) -> None:
    """"President Obama", "the Obama administration" (a modifier's place), "Barack Obama
    said", and "Obama Inc. tried to get them to do the wrong thing" twice: Barack Obama
    is a person, not the firm the ironic name starts."""
    full = stat({f"{given} {surname}": 39, surname: 81}, 28, 7, **{PERSONAL: 2})
    lone = stat({surname: 149}, 18, 7, modifier=82, organisation=1, thing=11)
    mock = stat({surname + tail: firm}, organisation=firm)
    name, kind, keys = actor_of([full, lone, mock], surname)
    assert kind == "person"
    assert name == f"{given} {surname}" and name_key(surname) in keys


@pytest.mark.parametrize(("first", "tail"), product(
    ["Goldman", "Kidder", "Quillfeather"], [" Sachs and Co", " Peabody Inc"]))
def test_a_firms_first_word_is_still_the_firm(first: str, tail: str) -> None:
    """The rule the fix narrows still holds: "Goldman said" beside "Goldman Sachs and Co"
    is the bank (a firm is called by its first word, no full name ends in it)."""
    lone = stat({first: 60}, 20)
    suffixed = stat({first + tail: 40}, organisation=40)
    assert actor_of([lone, suffixed], first)[1] == "organisation"
