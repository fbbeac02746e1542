"""A people's plural ("Koreans", "Fulanis") is no actor where its singular is a bare adjective
of people written more than twice as often, unless the plural has a group's cues of its own
(cluster._peoples_plural). Generated over invented peoples and real demonym stems."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key

DICTIONARIES = load_dictionaries([])

PEOPLES = ["Korean", "Fulani", "Zorvani", "Kelmarian", "Tavrese", "Ostrani", "Hausa",
           "Vestric"]


def stat(surface: str, n: int, person: int = 0, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, person=person,
                    org=Counter(org))


def listed(stats: list[KeyStats]) -> set[str]:
    return {k for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES) for k in c.keys}


@pytest.mark.parametrize(("people", "plural_n"), product(PEOPLES, [3, 20, 60]))
def test_a_peoples_plural_beside_its_adjective_is_no_actor(people: str, plural_n: int) -> None:
    stats = [stat(people, 200, modifier=190), stat(people + "s", plural_n, modifier=1)]
    assert name_key(people + "s") not in listed(stats)


@pytest.mark.parametrize("people", PEOPLES)
def test_a_plural_used_as_often_or_cued_as_a_group_stays(people: str) -> None:
    # As a party's members ("Tories"): used at least half as often as the adjective.
    stats = [stat(people, 100, modifier=95), stat(people + "s", 60)]
    assert name_key(people + "s") in listed(stats)
    # The data says it is a group: a type's cue of its own.
    stats = [stat(people, 200, modifier=190), stat(people + "s", 20, military=10)]
    assert name_key(people + "s") in listed(stats)
    # An adjective that is no modifier (a name used as a noun): the plural is left alone.
    stats = [stat(people, 200), stat(people + "s", 20)]
    assert name_key(people + "s") in listed(stats)


def test_a_countrys_plural_demonym_counts_for_its_country() -> None:
    stats = [stat("North Korean", 200, modifier=190), stat("North Koreans", 20)]
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    assert any("north korea" in c.keys and "north koreans" in c.keys for c in found)
