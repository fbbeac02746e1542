""""Commissioner" is a title ("EC External Trade Commissioner Willy De Clercq", "Information
Commissioner Richard Thomas"): cut before the name like "Secretary", so the article's full
name is the person's own, and a lone surname goes to it."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
POSTS = ("EC External Trade", "European", "Information", "Police", "EU Trade", "NFL")
PEOPLE = ("Willy De Clercq", "Peter Mandelson", "Richard Thomas", "Karel van Miert")


def test_the_title_is_cut_and_the_surname_goes_to_the_name() -> None:
    for post, person in itertools.product(POSTS, PEOPLE):
        surname = person.split()[-1]
        text = f"Talks went on.\n{post} Commissioner {person} has written. Officials " \
               f"said so.\n{surname} told reporters more."
        found = [(m.key, m.person_cue) for m in EXTRACTOR.extract("", text).mentions]
        full = name_key(person)
        assert (full, True) in found, (post, person, found)
        assert [k for k, _ in found].count(full) == 2, (post, person, found)


@pytest.mark.parametrize("text", [
    "He met the UN High Commissioner for Refugees on Monday.",
    "The UN High Commissioner for Refugees said so.",
    "The United Nations High Commissioner for Refugees (UNHCR) met them."])
def test_an_office_a_dictionary_names_in_full_is_read_whole(text: str) -> None:
    found = [m.key for m in EXTRACTOR.extract("", text).mentions]
    assert any(k.endswith("high commissioner for refugees") for k in found), found
    assert "refugees" not in found, found


@pytest.mark.parametrize(("post", "person"), itertools.product(
    ["EU Commissioner for Trade", "European Commissioner for Economic and Monetary Affairs",
     "UN Special Envoy for Syria", "EU Commissioner for Refugees"],
    ["Peter Mandelson", "Joaquin Almunia", "Cecilia Malmstrom"]))
def test_a_portfolios_holder_after_for_is_still_cut_out(post: str, person: str) -> None:
    found = [(m.key, m.person_cue) for m in EXTRACTOR.extract(
        "", f"Talks went on. {post} {person} said so.").mentions]
    assert (name_key(person), True) in found, found


@pytest.mark.parametrize("country", ["Australian", "British", "New Zealand", "Indian"])
def test_a_high_commissioner_without_a_holder_is_no_one(country: str) -> None:
    text = f"Talks went on. The {country} High Commissioner said so on Monday."
    assert "high commissioner" not in [m.key for m in EXTRACTOR.extract("", text).mentions]
