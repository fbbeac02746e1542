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
FRAMES = ("Speaker of the {body} {person} said so.", "He said {body} {person} would vote.",
          "Officials met {body} {person} on Monday.")


def _found(text: str) -> list[tuple[str, bool]]:
    return [(m.key, m.person_cue) for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize("frame", FRAMES)
def test_a_body_before_a_full_name_is_cut_off(frame: str) -> None:
    for body, person in itertools.product(BODIES, PEOPLE):
        found = _found(frame.format(body=body, person=person))
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
