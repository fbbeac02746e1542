""""Commissioner" is a title ("EC External Trade Commissioner Willy De Clercq", "Information
Commissioner Richard Thomas"): cut before the name like "Secretary", so the article's full
name is the person's own, and a lone surname goes to it."""

from __future__ import annotations

import itertools

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


def test_a_commissioner_without_a_name_stays_a_name() -> None:
    found = [m.key for m in EXTRACTOR.extract(
        "", "He met the UN High Commissioner for Refugees on Monday.").mentions]
    assert "high commissioner" in found
