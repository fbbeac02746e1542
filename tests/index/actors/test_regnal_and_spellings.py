"""A monarch's title before one name keeps it (extract.py, `_regnal_name`): the name is no
surname of the article's other people; and organisations' variants that the dictionaries
tell apart by a word as written stay apart (cluster.py, `_told_apart`). Made-up names,
variants generated, each rule tried both ways."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import Dictionaries, Entry, load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.names import name_key

SHIPPED = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(SHIPPED.alias), SHIPPED.demonym_keys, SHIPPED.capital_keys)

TITLES = ["King", "Queen", "Sultan", "Emir", "Pope", "Prince", "Princess"]
NAMES = [("Tavrin", "Ahmed bin Tavrin"), ("Osric", "Miriam Osric"),
         ("Belmund", "Carlos Ortega Belmund")]
BEFORE = ["", "Valdorian ", "the late "]


def keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("title", "names", "before"), product(TITLES, NAMES, BEFORE))
def test_a_monarchs_one_name_is_not_the_surname_of_another(
        title: str, names: tuple[str, str], before: str) -> None:
    name, other = names
    text = f"On Monday {other} met officials. Later {before}{title} {name} said he agreed."
    found = keys(text)
    assert name_key(f"{title} {name}") in found
    assert found.count(name_key(other)) == 1  # the monarch is not the other one


@pytest.mark.parametrize("title", ["Minister", "Senator", "President", "Governor"])
def test_other_titles_before_a_surname_still_give_the_full_name(title: str) -> None:
    text = f"On Monday Miriam Osric met officials. Later {title} Osric said she agreed."
    assert keys(text).count("miriam osric") == 2


@pytest.mark.parametrize("title", TITLES)
def test_a_monarchs_full_name_is_still_cut_from_the_title(title: str) -> None:
    assert "ahmed bin tavrin" in keys(f"Later {title} Ahmed bin Tavrin said he agreed.")


@pytest.mark.parametrize("title", ["Prince", "Princess"])
def test_a_royals_given_name_is_the_full_name_written_after_the_same_title(title: str) -> None:
    text = (f"Later {title} Tavrin Osric al-Malik met officials. Ahmed Tavrin was there. "
            f"{title} Tavrin said so.")
    assert keys(text).count(name_key("Tavrin Osric al-Malik")) == 2
    # a full name written without the title is another person's ("Prince Harry", Harry Kane)
    found = keys(f"Later Tavrin Ostley met officials. {title} Tavrin said so.")
    assert name_key(f"{title} Tavrin") in found and found.count("tavrin ostley") == 1


@pytest.mark.parametrize(("number", "after"), [
    *product(["I", "II", "VIII", "XIV"], [", then", " of Ostria"]), ("II", "."), ("XIV", ".")])
def test_a_regnal_number_keeps_a_monarchs_given_name(number: str, after: str) -> None:
    text = f"Mara Edmund met officials. The papers of Edmund {number}{after} were read."
    assert name_key(f"Edmund {number}") in keys(text)
    assert keys(text).count("mara edmund") == 1


@pytest.mark.parametrize("text", ["He told Edmund I was leaving.", "Later Edmund I. Roe said.",
                                  "Later Edmund X. Roe said.", "Reserves I, II and III matured."])
def test_no_regnal_number_after_a_pronoun_an_initial_or_no_given_name(text: str) -> None:
    found = keys(f"Mara Edmund met officials. {text}")
    assert not any(k.endswith((" i", " x", " ii")) and k.count(" ") == 1 for k in found)


def stat(surface: str, n: int, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, org=Counter(org))


def dictionaries(entries: list[tuple[str, list[str]]]) -> Dictionaries:
    d = Dictionaries()
    d.add([Entry(name, "party", aliases=aliases) for name, aliases in entries])
    return d


SPELLINGS = [("Labour", "Labor"), ("Centre", "Center"), ("Harbour", "Harbor")]


@pytest.mark.parametrize(("spelling", "head"), product(SPELLINGS, ["Party", "Alliance"]))
def test_two_actors_spelt_apart_by_a_dictionary_stay_apart(
        spelling: tuple[str, str], head: str) -> None:
    one, two = spelling
    d = dictionaries([(f"{one} {head}", [one]), (f"Ostrian {two} {head}", [two])])
    stats = [stat(f"{one} {head}", 20, party=5), stat(f"{two} {head}", 4, party=2),
             stat(one, 10), stat(two, 3)]
    found = {frozenset(c.keys) for c in cluster({s.key: s for s in stats}, {}, d)}
    first = name_key(f"{one} {head}")
    second = name_key(f"{two} {head}")
    mine = next(c for c in found if first in c)
    assert second not in mine
    if two != "Center":  # (a variant by its letters' sounds: it goes to the other's actor)
        assert second in next(c for c in found if name_key(f"Ostrian {two} {head}") in c)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_variants_no_dictionary_tells_apart_still_join(spelling: tuple[str, str]) -> None:
    one, two = spelling
    d = dictionaries([(f"{one} Party", [one])])
    stats = [stat(f"{one} Party", 20, party=5), stat(f"{two} Party", 4, party=2)]
    found = [frozenset(c.keys) for c in cluster({s.key: s for s in stats}, {}, d)]
    assert any({name_key(f"{one} Party"), name_key(f"{two} Party")} <= c for c in found)


def person(surface: str, n: int, surfaces: dict[str, int] | None = None) -> KeyStats:
    return KeyStats(name_key(surface), Counter(surfaces or {surface: n}), n, n, person=n)


MIDDLES = [("James", "Wright", "Folwell"), ("Kayla", "Jean", "Murrow"),
           ("Hillary", "Rodham", "Clinwood"), ("Mohammad", "Hossein", "Baqeri")]


@pytest.mark.parametrize(("given", "middle", "surname"), MIDDLES)
def test_a_whole_middle_name_joins_the_name_without_it(
        given: str, middle: str, surname: str) -> None:
    stats = [person(f"{given} {surname}", 30), person(f"{given} {middle} {surname}", 6)]
    found = [set(c.keys) for c in cluster({s.key: s for s in stats}, {}, SHIPPED)]
    assert {name_key(f"{given} {surname}"), name_key(f"{given} {middle} {surname}")} in found


@pytest.mark.parametrize(("given", "middle", "surname"), MIDDLES)
def test_a_middle_name_joins_nothing_where_it_is_ambiguous_or_a_double_surname(
        given: str, middle: str, surname: str) -> None:
    short, long = name_key(f"{given} {surname}"), name_key(f"{given} {middle} {surname}")
    two = [person(f"{given} {surname}", 30), person(f"{given} {middle} {surname}", 6),
           person(f"{given} Aldous {surname}", 5)]  # two middle names: whose is it?
    double = [person(f"{given} {surname}", 30),
              person(f"{given} {middle}-{surname}", 6)]  # one double surname
    rarer = [person(f"{given} {surname}", 3), person(f"{given} {middle} {surname}", 6)]
    for stats in (two, double, rarer):
        found = [set(c.keys) for c in cluster({s.key: s for s in stats}, {}, SHIPPED)]
        assert not any({short, long} <= c for c in found), stats


def test_a_surname_particle_is_no_middle_name() -> None:
    stats = [person("Karim Hadid", 30), person("Karim bin Hadid", 6)]
    found = [set(c.keys) for c in cluster({s.key: s for s in stats}, {}, SHIPPED)]
    assert not any({"karim hadid", "karim bin hadid"} <= c for c in found)
