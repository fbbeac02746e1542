"""Namesakes: two full names ending in the same two words or more, each with words of its
own before them ("Ganta Srinivasa Rao", "Konda Srinivasa Rao"; "N.T. Rama Rao", "K.T. Rama
Rao"), are two people whether or not an article writes both: an outside tester's Indian
local news (stranger15) had five Srinivasa Raos in one actor, through the name they share."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import names_of_keys

DICTIONARIES = load_dictionaries([])
SHARED = [("Srinivasa", "Rao"), ("Mohan", "Reddy"), ("Rama", "Rao"), ("Umamaheswara", "Rao"),
          ("Kumar", "Sharma"), ("Lakshmi", "Devi")]
OWN = [("Ganta", "Konda", "Muttamsetti"), ("B.V.R.", "Y.S. Jagan", "Chandra"),
       ("K.T.", "N.T.", "Konda"), ("Bonda", "Devineni", "Kala"), ("Anil", "Vinod", "Ravi"),
       ("Sita", "Geetha", "Parvathi")]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


@pytest.mark.parametrize("n", range(len(SHARED)))
def test_namesakes_are_apart_and_their_shared_name_joins_one(extractor: Extractor,
                                                            n: int) -> None:
    given, surname = SHARED[n]
    first, *others = [f"{own} {given} {surname}" for own in OWN[n]]
    others.append(f"Rachakonda {given[:-1] if given.endswith('a') else given + 'a'} {surname}")
    texts = [f"The minister {first} said the plan would be ready by March.",
             f"{first} told reporters on Monday that the budget would grow.",
             *(f"Officials said {given} {surname} had left. {given} {surname} did not reply."
               for _ in range(3)),
             *(f"The official {other} said the roads would be repaired soon." for other in others),
             *(f"Residents met {other}, who said water would reach them." for other in others)]
    names = names_of_keys(extractor, DICTIONARIES, texts)
    people = [names.get(name.lower().replace(".", "")) for name in (first, *others)]
    assert all(people) and len(set(people)) == len(people), names
