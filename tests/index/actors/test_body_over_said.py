"""A firm named like a person ("Morgan Stanley", "Fitch Ratings") that "said" as often as a
person does is a body where its body cues ("Morgan Stanley shares", "analyst at Fitch
Ratings") and "it"s outnumber its person cues, twice over where it opens with a given name;
a person with a few stray body cues stays a person (stranger13 A3, A14)."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.firm_cues import body_outvotes
from tests.index.actors.test_precision_rules import clusters, stat

DICTIONARIES = load_dictionaries([])

# Two-word names, some opening with a given name ("Morgan", "Allen"), some not.
GIVEN_FIRST = ["Morgan Stanley", "Allen Brandt", "Thomas Weisel", "Carter Hollis"]
OTHER_FIRST = ["Fitch Ratings", "Lehman Brothers", "Kestrel Power", "Varno Forest",
               "Investors Service"]


def _type(name: str, **cues: int) -> str:
    return clusters([stat(name, 120, **cues)], DICTIONARIES)[name.lower()][1]


@pytest.mark.parametrize(("name", "person", "body", "neuter"), itertools.product(
    GIVEN_FIRST + OTHER_FIRST, [4, 12, 24], [60, 80], [0, 9]))
def test_a_firm_that_said_is_a_body_by_its_many_body_cues(name: str, person: int, body: int,
                                                          neuter: int) -> None:
    assert _type(name, person=person, organisation=body, neuter=neuter) == "organisation"


@pytest.mark.parametrize(("name", "person", "neuter"), itertools.product(
    OTHER_FIRST, [2, 4], [6, 9]))
def test_a_name_that_is_no_given_names_said_it_more_than_he(name: str, person: int,
                                                           neuter: int) -> None:
    # "Fitch Ratings said it": "it"s after it, no body cue, no given name to read.
    assert _type(name, person=person, neuter=neuter) == "organisation"


@pytest.mark.parametrize(("name", "person", "body"), itertools.product(
    GIVEN_FIRST, [4, 10, 30], [1, 2]))
def test_a_person_with_stray_body_cues_stays_a_person(name: str, person: int,
                                                      body: int) -> None:
    # "Allen Stanford said" 4 times, "it" twice and "the Stanford empire" once: a person.
    assert _type(name, person=person, organisation=body, neuter=body) == "person"


@pytest.mark.parametrize(("name", "he", "body"), itertools.product(
    OTHER_FIRST + ["Burna Boy", "Kestrel Varno"], [2, 3], [7, 9]))
def test_a_he_keeps_a_person(name: str, he: int, body: int) -> None:
    # "Burna Boy ... he": a firm is never "he"; a singer's "fans" and "concert" are stray.
    assert _type(name, person=1, organisation=body, personal=he) == "person"


@pytest.mark.parametrize(("person", "personal"), [(10, 0), (4, 3), (20, 10)])
def test_body_cues_must_outnumber_person_cues(person: int, personal: int) -> None:
    cues = person + 5 * personal
    assert not body_outvotes(cues, person, personal, given_first=False)
    assert body_outvotes(cues + 1, person, personal, given_first=False)
    assert not body_outvotes(2 * cues, person, personal, given_first=True)
    assert body_outvotes(2 * cues + 1, person, personal, given_first=True)
