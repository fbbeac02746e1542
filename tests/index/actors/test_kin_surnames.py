"""A lone surname in an article that names another person of that surname is never the
corpus's famous bearer's (kin_surnames.py; cluster.py `_given_first`). Daily Mail crime
news: nine hits of actor:"Boris Johnson" named only "Larynzno D. Johnson", "deputies JJ
Johnson", "Tracy and Marvin Johnson", "Carma Johnson, Chee's cousin" and their lone
"Johnson". Made-up names in made-up sentences."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor
from tests.index.actors.test_precision_rules import clusters, stat

EXTRACTOR = make_extractor(load_dictionaries([]))


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("text", "name"), [
    # initials for a given name; a middle initial; a middle name
    ("Deputies JJ Brakowski said he arrested the man. Police said Brakowski was armed.",
     "jj brakowski"),
    ("Larynzno D. Brakowski was arraigned. Prosecutors said Brakowski fired.",
     "larynzno d brakowski"),
    ("Officers charged Taleina Renee Brakowski, 32, and said she fled. Drugs were found in "
     "Brakowski's purse.", "taleina renee brakowski"),
])
def test_the_articles_own_bearer_takes_the_lone_surname(text: str, name: str) -> None:
    found = _keys(text)
    assert "brakowski" not in found, found
    assert found.count(name) == 2, found


def test_one_couples_plural_and_two_bearers() -> None:
    found = _keys("Tracy and Marvin Brakowski watched the feed, Marvin Brakowski said. "
                  "The Brakowskis left.")
    assert found.count("marvin brakowski") == 3, found
    # two bearers: no reading of the article's says whose it is; it stays the lone word
    # (the corpus reads it, as before: "Trump" beside Donald and Melania Trump)
    found = _keys("Officers charged Taleina Renee Brakowski. Tracy and Marvin Brakowski "
                  "watched the feed. Police said Brakowski ran, and he fell.")
    assert "brakowski" in found, found


def test_a_place_after_its_preposition_keeps_its_reading() -> None:
    found = _keys("Officers charged JJ Brakowski. The fair was held in Brakowski.")
    assert found.count("jj brakowski") == 1, found
    # (two letters first and no person's cue: "HM Coastguard", "PS Waverley")
    found = _keys("The ship PS Brakowski sailed on. It was late, Brakowski was full.")
    assert "brakowski" in found, found


def test_a_given_name_first_in_a_sentence_is_its_own_person() -> None:
    # "Carma" is a given name of the wider list only (the extractor keeps the shorter
    # list's whole): the candidate is no lone "Johnson" of the corpus's Boris Johnson.
    famous = stat("Boris Johnson", 500, person=300)
    lone = stat("Johnson", 40, person=10)
    first = stat("Johnson", 3, surfaces={"Johnson": 3})
    first.key = "^carma johnson"
    found = clusters([famous, lone, first])
    assert "boris johnson" not in found["^carma johnson"][2], found
    assert found["johnson"][2] >= {"johnson", "boris johnson"}
    # a first word of no list stays a candidate for the lone surname ("Later Johnson")
    first.key = "^grelborn johnson"
    found = clusters([famous, lone, first])
    assert "boris johnson" in found["^grelborn johnson"][2], found
