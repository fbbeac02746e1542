"""Classes an eleventh outside tester found on Syrian war news (FA-KES), crime news (ECB+)
and Nigerian event reports (ACLED), each tried in generated variants: a country's word
before a body's name kept in the name the corpus writes ("Syrian Democratic Forces",
"Nigerian Armed Forces", "US Geological Survey": the key stays bare, its surface keeps the
word), and a possessive written without its apostrophe ("Bashar al-Assads", "Daeshs")
joined to the name it is of."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.rows import mention_rows
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

COUNTRIES = ["Syrian", "Nigerian", "Iraqi", "Turkish", "Kenyan", "US"]
BODIES = ["Democratic Forces", "Armed Forces", "Geological Survey", "Revolutionary Guards",
          "Popular Mobilisation Forces"]
LEADS = ["The {c} {b} said on Monday they took the town.",
         "Fighters of the {c} {b} were killed near the border.",
         "A spokesman for the {c} {b} denied it."]


def _surfaces(text: str) -> dict[str, set[str]]:
    rows = mention_rows("a", EXTRACTOR.extract("", text))
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row[1], set()).add(row[2])
    return out


@pytest.mark.parametrize(("country", "body", "lead"), product(COUNTRIES, BODIES, LEADS))
def test_a_countrys_word_before_a_body_stays_in_its_surface(country: str, body: str,
                                                           lead: str) -> None:
    surfaces = _surfaces(lead.format(c=country, b=body))
    whole = f"{country} {body}"
    # One mention of the whole name's key, or the body's key that keeps the whole as its form.
    assert whole in surfaces.get(name_key(body), set()) \
        or name_key(whole) in surfaces, surfaces


@pytest.mark.parametrize(("country", "person"), product(
    ["American", "British", "Syrian", "US"],
    ["Lance Armstrong", "Tony Blair", "Rami Abdel Rahman"]))
def test_a_persons_name_keeps_no_country_word(country: str, person: str) -> None:
    surfaces = _surfaces(f"Yesterday the {country} {person} said he would stay.")
    assert all(not s.startswith(country + " ") for ss in surfaces.values() for s in ss
               if " " in s and name_key(s).endswith(name_key(person))), surfaces


def stat(key: str, surfaces: dict[str, int], person: int = 0, **org: int) -> KeyStats:
    n = sum(surfaces.values())
    return KeyStats(key, Counter(surfaces), n, n, person=person, org=Counter(org))


def actors(stats: list[KeyStats]) -> list:
    return cluster({s.key: s for s in stats}, {}, DICTIONARIES)


@pytest.mark.parametrize(("country", "body", "bare"), product(
    ["Syrian", "Nigerian", "US", "Iraqi"], BODIES, [0, 2, 5]))
def test_the_canonical_name_is_the_form_the_corpus_writes(country: str, body: str,
                                                         bare: int) -> None:
    surfaces = {f"{country} {body}": 40}
    if bare:
        surfaces[body] = bare
    [one] = actors([stat(name_key(body), surfaces, military=10)])
    assert one.name == f"{country} {body}"


def test_the_bare_name_stays_where_the_corpus_writes_it_so_mostly() -> None:
    [one] = actors([stat("armed forces", {"Armed Forces": 50, "British Armed Forces": 6},
                         military=10)])
    assert one.name == "Armed Forces"


PEOPLE = ["Bashar al-Assad", "Donald Trump", "Recep Tayyip Erdogan", "Vladimir Putin",
          "Muhammadu Buhari"]


@pytest.mark.parametrize(("person", "ratio"), product(PEOPLE, [2, 3, 5]))
def test_a_persons_possessive_without_apostrophe_joins_the_person(person: str,
                                                                   ratio: int) -> None:
    possessive = person + "s"
    found = actors([stat(name_key(person), {person: 20 * ratio}, person=8 * ratio),
                    stat(name_key(possessive), {possessive: 20}, person=3)])
    assert len(found) == 1 and found[0].name == person, found


@pytest.mark.parametrize(("name", "ratio"), product(["Daesh", "Hezbollah", "Syria"], [2, 6]))
def test_a_dictionary_names_possessive_joins_it(name: str, ratio: int) -> None:
    possessive = name + "s"
    found = actors([stat(name_key(name), {name: 10 * ratio}, militia=5),
                    stat(name_key(possessive), {possessive: 10})])
    assert len(found) == 1, found


@pytest.mark.parametrize("word", ["Colt", "Saint", "Spur", "Charger"])
def test_a_lone_word_no_dictionary_knows_keeps_its_s_form_apart(word: str) -> None:
    """"Colts" beside "Colt": a team and a firm, no possessive that one reading settles."""
    found = actors([stat(name_key(word), {word: 40}, organisation=5),
                    stat(name_key(word + "s"), {word + "s": 10}, organisation=5)])
    assert len(found) == 2, found
