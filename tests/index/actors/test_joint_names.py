"""A lone word ending a joint venture's or an alliance's name is the other firm where the
article names the firm before it (joint_names.py, stranger13 A13: "Ericsson" became an
alias of "Sony Ericsson", "a venture of Sony Corp and Ericsson"); a person's lone surname
is still the article's full name ("Blair" of Tony Blair, "Tony" alone beside him)."""

from __future__ import annotations

import random
from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.joint_names import firm_named
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention
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


def _firm_named_by_scan(name: str, found: list[Mention], forms: set[str],
                        given: set[str]) -> bool:
    """firm_named as it was written before it picked its candidates in C: every mention
    scanned (the reference the faster one must agree with)."""
    head = name[:name.rfind(" ")]
    cut = len(head)
    return any(k.startswith(head) and (
        (len(k) == cut and m.org_type == "organisation" and head not in given)
        or (k[cut:cut + 1] == " " and k[cut + 1:] in forms))
        for m in found if (k := m.key) != name)


def test_firm_named_agrees_with_a_scan_of_every_mention() -> None:
    """Random articles' mentions built from a few words (so that keys share their heads, end
    in legal forms, equal the name, run on past the head without a space): the same answer
    as the plain scan for every name asked."""
    rng = random.Random(7)
    words = ["sony", "ericsson", "sonya", "corp", "inc", "tony", "blair", "so"]
    forms, given = {"corp", "inc"}, {"tony", "so"}
    types = [None, "organisation", "thing", "party"]
    agreed = positives = 0
    for _ in range(2000):
        keys = [" ".join(rng.choices(words, k=rng.randint(1, 3)))
                for _ in range(rng.randint(0, 12))]
        found = [Mention(k, k, 0, len(k), org_type=rng.choice(types)) for k in keys]
        name = " ".join(rng.choices(words, k=rng.randint(2, 3)))
        want = _firm_named_by_scan(name, found, forms, given)
        assert firm_named(name, found, forms, given) is want, (name, keys)
        agreed += 1
        positives += want
    assert positives > 100 and agreed - positives > 100  # (both answers were tried)
