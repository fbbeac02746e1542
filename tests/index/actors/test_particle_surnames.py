"""A surname with a lower-case particle ("de Clercq", "van Miert", "Le Pen", "del Potro") is
a surname, not a full name, where it stands alone, however it is capitalised: in its
article it is the full name the article uses ("De Clercq said" is Willy de Clercq's), and
the corpus joins it to the one full name that ends with it, as "Bra Kanon" joins "Denis Bra
Kanon" (cluster.py, `_two_word_surnames`)."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor
from tests.index.actors.test_precision_rules import clusters, stat

EXTRACTOR = make_extractor(load_dictionaries([]))
PARTICLES = ("de", "van", "von", "del", "da", "le", "la", "van der", "du", "bin")
GIVEN = ("Willy", "Karel", "Ursula", "Juan", "Marine", "Mohammed")
SURNAMES = ("Clercq", "Miert", "Potro", "Silva", "Gaulle")


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize("particle", PARTICLES)
def test_the_surname_alone_is_the_articles_full_name(particle: str) -> None:
    for given, surname in itertools.product(GIVEN, SURNAMES):
        full = name_key(f"{given} {particle} {surname}")
        capital = particle[:1].upper() + particle[1:]
        for text in (f"Officials met {given} {particle} {surname} on Monday. "
                     f"{capital} {surname} said the talks went well.",
                     f"Officials met {given} {capital} {surname} on Monday. Later "
                     f"{capital} {surname} said no, and Mr {capital} {surname} left.",
                     f"{given} {capital} {surname} has written. The diplomat said.\n"
                     f"{capital} {surname} told journalists so."):
            keys = _keys(text)
            assert keys and set(keys) == {full}, (text, keys)


def test_without_a_full_name_it_stays_itself() -> None:
    assert _keys("Prices fell on Monday, traders said. The minister De Clercq said no.") \
        == ["de clercq"]


@pytest.mark.parametrize(("particle", "given"), [("de", "willy"), ("van", "karel"),
                                                 ("le", "marine"), ("del", "juan")])
def test_the_corpus_joins_it_to_the_one_full_name(particle: str, given: str) -> None:
    cap = particle.title()
    found = clusters([stat(f"{given.title()} {particle} Clercq", 8, person=6),
                      stat(f"{cap} Clercq", 5, person=3),
                      stat(f"{cap} Gaulle", 4, person=3), stat(f"{cap} Mistura", 3, person=2)])
    full = name_key(f"{given} {particle} clercq")
    assert found[name_key(f"{particle} clercq")][2] == {full, name_key(f"{particle} clercq")}
    # Other particle surnames stay apart: none of the full names ends with them.
    assert found[name_key(f"{particle} gaulle")][2] == {name_key(f"{particle} gaulle")}
