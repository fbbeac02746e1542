"""A country's name that the article's context gives to someone or somewhere else
(stranger16 F12, Daily Mail news): "former F1 team boss Eddie Jordan ... 'It was taken over
by Sir Jim Ratcliffe and Ineos,' Jordan said" counted Eddie Jordan's words for the country
Jordan (a lone surname is the full name its article uses, but a dictionary's name was never
read so), and "counties in the US state of Georgia" counted for the country Georgia."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


def _keys(extractor: Extractor, text: str) -> list[str]:
    return [m.key for m in extractor.extract("", text).mentions]


@pytest.mark.parametrize(("person", "after"), [
    ("Eddie Jordan", "said"), ("Michael Jordan", "says"), ("Ben Chad", "told reporters"),
    ("Sarah Jordan", "said she"), ("Paul Georgia", "added"), ("Tom Chad", "insisted")])
def test_a_persons_lone_surname_that_names_a_country_is_theirs(
        extractor: Extractor, person: str, after: str) -> None:
    surname = person.split()[-1]
    text = (f"Fans cheered when the former boss {person} arrived on Monday. 'It was sold "
            f"to a fund,' {surname} {after} later.")
    keys = _keys(extractor, text)
    assert keys.count(person.lower()) == 2, keys
    assert surname.lower() not in keys


@pytest.mark.parametrize("after", ["said it would", "said its", "in the region"])
def test_a_countrys_own_name_stays_the_countrys(extractor: Extractor, after: str) -> None:
    text = ("In Amman the minister Ayman Jordan spoke to reporters. Later Jordan "
            f"{after} close the border.")
    assert "jordan" in _keys(extractor, text)


@pytest.mark.parametrize("before", ["the US state of", "the state of", "the U.S. state of"])
def test_a_state_of_a_homonym_is_the_region(extractor: Extractor, before: str) -> None:
    text = f"Five counties in {before} Georgia reported new cases on Monday."
    keys = _keys(extractor, text)
    assert "georgia united states" in keys and "georgia" not in keys, keys
    text = "Protests in Tbilisi: Georgia said it would leave the talks on Monday."
    assert "georgia" in _keys(extractor, text)
