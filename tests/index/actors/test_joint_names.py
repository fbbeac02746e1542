"""A lone word ending a joint venture's or an alliance's name is the other firm where the
article names the firm before it (joint_names.py, stranger13 A13: "Ericsson" became an
alias of "Sony Ericsson", "a venture of Sony Corp and Ericsson"); a person's lone surname
is still the article's full name ("Blair" of Tony Blair, "Tony" alone beside him)."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
FIRMS = [("Sony", "Ericsson"), ("Zorvath", "Quilmer"), ("Brannock", "Tessival"),
         ("Renault", "Nissan"), ("Ombrecht", "Halvorsen")]
FRAMES = [
    "The chief executive of {a} {b}, a venture of {a} Corp and {b}, sees a tough year. "
    "{a} {b} said sales fell.",
    "{a} {b}, owned by {a} Inc and {b}, grew. Sales at {b} rose, {a} {b} said.",
    "Shares of {a} Ltd rose. {a} {b} is their venture. {b} said it would invest.",
    "Analysts at {a} {b} said so. {a} said it was happy, and {b} shares rose.",
    "{a} {b} said on Monday it would invest. {b} said the plan was sound. It is the venture "
    "of {a} Corp and {b}.",
]


def keys_of(text: str, surface: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions if m.surface == surface]


@pytest.mark.parametrize(("firms", "frame"), product(FIRMS, FRAMES))
def test_the_other_firm_alone_is_its_own(firms: tuple[str, str], frame: str) -> None:
    a, b = firms
    got = keys_of(frame.format(a=a, b=b), b)
    assert got and all(k != name_key(f"{a} {b}") for k in got), got


@pytest.mark.parametrize(("given", "surname"), product(
    ["Tony", "Margaret", "Carlos", "Angela"], ["Blair", "Ghosn", "Quilmer", "Tessival"]))
def test_a_persons_lone_surname_is_still_theirs(given: str, surname: str) -> None:
    text = (f"Prime Minister {given} {surname} spoke on Monday. {surname} said the talks "
            f"went well. {given} was happy.")
    got = keys_of(text, surname)
    assert got == [name_key(f"{given} {surname}")], got


@pytest.mark.parametrize(("a", "b"), FIRMS)
def test_a_firms_name_with_no_other_firm_named_keeps_its_lone_word(a: str, b: str) -> None:
    """No firm before it named apart: the lone word is the name's, as before."""
    text = (f"The chief executive of {a} {b}, a venture, sees a tough year. {a} {b} said "
            f"sales fell. {b} said it would grow.")
    got = keys_of(text, b)
    assert got == [name_key(f"{a} {b}")], got
