"""A body's name run into a person's ("Speaker of the House Nancy Pelosi", "Senate Democrat
Chuck Schumer") is two names, not a junk alias of the person (body_heads.py)."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
# Bodies: a dictionary's ("Labour", "Pentagon", "White House"), or a body's head word.
BODIES = ("House", "Senate", "Army", "Pentagon", "Labour", "Democrat", "White House",
          "Senate Democrat", "Treasury")
PEOPLE = ("Nancy Pelosi", "Chuck Schumer", "Kevin Vickers", "Mitch McConnell",
          "Gregory Kurtzer", "Anne Marie Slaughter")
# (The article names the person alone too: the split's evidence that the rest is a person.)
FRAMES = ("Speaker of the {body} {person} said so. Then {person} spoke.",
          "He said {body} {person} would vote. Asked why, {last} smiled.",
          "Officials met {body} {person} on Monday, then {person} left.",
          "He said {body} {person} would vote. Mr {last} smiled.",
          "He said {body} {person} would vote. Dr {last} smiled.")


def _found(text: str) -> list[tuple[str, bool]]:
    return [(m.key, m.person_cue) for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize("frame", FRAMES)
def test_a_body_before_a_full_name_is_cut_off(frame: str) -> None:
    for body, person in itertools.product(BODIES, PEOPLE):
        found = _found(frame.format(body=body, person=person, last=person.split()[-1]))
        assert name_key(person) in [k for k, _ in found], (body, person, found)
        assert not any(k.endswith(name_key(person)) and k != name_key(person)
                       for k, _ in found), (body, person, found)


@pytest.mark.parametrize("name", ["Tory Burch", "Georgia May Jagger", "Helena Bonham Carter",
                                  "House Grelborn Smith", "Army Corps Engineers",
                                  "Senate Banking Committee", "Jordan Henderson Smith",
                                  "Christian Bale Is David Fincher"])
def test_a_name_the_rule_does_not_cut(name: str) -> None:
    # A given name first ("Tory", "Georgia"), no given name after the body's word, no
    # person's name after it, or a word a dictionary writes in capitals only ("IS") written
    # as a word: one name, as before.
    assert _found(f"He met {name} on Monday.")[0][0] == name_key(name)


def test_no_cut_after_a_sentences_first_word_was_cut() -> None:
    # "Liberal" opening a sentence is cut (capitalised nowhere else): what is left of the
    # party's name is no body's name of its own.
    found = _found("It was bad.\n\nLiberal Democrat Alan Beith said no.")
    assert "democrat" not in [k for k, _ in found]


# Places' and bodies' names whose words look like a body's and a person's ("Royal" a given
# name, "Rose", "Line", "Poppy"): one name where the article never names the rest alone.
PLACE_FRAMES = ("Doctors at {name} said he was well.", "He spoke in the {name} on Monday.",
                "The {name} said the activist was held.", "Guests left the {name} early.")
PLACE_NAMES = ("Edinburgh Royal Infirmary", "White House Rose Garden", "Front Line Defenders",
               "Hong Kong Hilton Hotel", "Nairobi Serena Hotel", "Mali Poppy Cooper",
               "Senate Rose Garden", "Army Grace Hospital", "House Victoria Gardens")


@pytest.mark.parametrize("frame", PLACE_FRAMES)
def test_no_cut_without_the_person_named_alone(frame: str) -> None:
    for name in PLACE_NAMES:
        rest = name.split(maxsplit=1)[1]
        keys = [k for k, _ in _found(frame.format(name=name))]
        assert name_key(rest) not in keys and name_key(rest.split(maxsplit=1)[1]) not in keys, \
            (name, keys)


@pytest.mark.parametrize("role", ["Economist", "Chief Economist", "Analyst", "Senior Analyst"])
def test_a_role_is_no_body(role: str) -> None:
    # "Economist David Pike": an economist, not The Economist (the actor filter must not
    # find the magazine in an article that never names it).
    for person in PEOPLE:
        text = f"{role} {person} said rates would rise. {person.split()[-1]} was sure."
        assert "economist" not in [k for k, _ in _found(text)], (role, person)


def test_no_cut_where_the_last_word_is_a_common_noun() -> None:
    # "Garden" written in lower case in the article: a common noun, no surname.
    text = "He spoke in the White House Rose Garden. The garden was full. Garden parties end."
    assert "rose garden" not in [k for k, _ in _found(text)]
