"""A bare capitalised "Federal Government" joins the government of the corpus's own
country (federal.py): ABC Australia's "Federal Government" beside "Australian Government".
Generated counts over the shipped countries, both ways: a federation named clearly most, a
country that is no federation, two countries named about as often, no key of the country's
government."""

from __future__ import annotations

import random
from collections import Counter

from newsdesk.index.actors.cluster import KeyStats
from newsdesk.index.actors.federal import federations
from newsdesk.index.actors.names import name_key
from tests.index.actors.test_precision_rules import clusters

_DEMONYMS = {"Australia": "Australian", "Canada": "Canadian", "Germany": "German",
             "Nigeria": "Nigerian", "United States": "US", "Pakistan": "Pakistani"}
_UNITARY = {"France": "French", "Japan": "Japanese", "Kenya": "Kenyan"}


def _key(surface: str, mentions: int, articles: int, **cues: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: mentions}), mentions, articles,
                    org=Counter(cues))


def _corpus(rng: random.Random, home: str, demonym: str, other: str, share: float,
            government: str | None) -> list[KeyStats]:
    n = rng.randint(150, 400)
    stats = [_key(home, n, n // 3, ), _key(other, int(n * share), n // 4),
             _key("Federal Government", rng.randint(10, 40), rng.randint(5, 15),
                  government=10)]
    if government:
        stats.append(_key(government, rng.randint(5, 20), rng.randint(3, 9), government=5))
    return stats


def test_federal_government_is_the_corpus_countrys_where_it_is_a_clear_federation() -> None:
    assert {name_key(c) for c in _DEMONYMS} <= federations()
    assert not {name_key(c) for c in _UNITARY} & federations()
    rng = random.Random(9)
    for home, demonym in _DEMONYMS.items():
        for other in ("Afghanistan", "Japan", "India" if home != "India" else "Iraq"):
            government = f"{demonym} Government"
            stats = _corpus(rng, home, demonym, other, rng.uniform(0.3, 0.75), government)
            name, kind, keys = clusters(stats)["federal government"]
            assert keys == {"federal government", name_key(government)}, (home, other)
            assert name == government and kind == "government"
            # Two countries named about as often (world news): apart.
            stats = _corpus(rng, home, demonym, other, rng.uniform(0.85, 1.2), government)
            assert clusters(stats)["federal government"][2] == {"federal government"}
            # Another country's "Federal Government" written too ("Swiss Federal
            # Government"): the bare name is no one country's.
            stats = _corpus(rng, home, demonym, other, 0.5, government)
            stats.append(_key("Swiss Federal Government", 3, 2, government=2))
            assert name_key(government) not in clusters(stats)["federal government"][2]
            # No key of the country's government: nothing to join.
            stats = _corpus(rng, home, demonym, other, 0.5, None)
            assert clusters(stats)["federal government"][2] == {"federal government"}


def test_a_country_that_is_no_federation_keeps_federal_government_apart() -> None:
    rng = random.Random(10)
    for home, demonym in _UNITARY.items():
        stats = _corpus(rng, home, demonym, "Afghanistan", 0.4, f"{demonym} Government")
        assert clusters(stats)["federal government"][2] == {"federal government"}


def test_a_regions_body_never_takes_the_countrys_body_of_that_name() -> None:
    # "Western Australian Government" (a state's) held "Australian Government" (the
    # Commonwealth's) as a shorter form of itself.
    rng = random.Random(11)
    for region in ("Western Australian", "South Australian", "West Virginian"):
        for body in ("Government", "Police Force", "Health Department"):
            country_body = f"{region.split()[-1]} {body}"
            stats = [_key(f"{region} {body}", rng.randint(3, 9), 2, government=2),
                     _key(country_body, rng.randint(3, 9), 2, government=2)]
            assert clusters(stats)[name_key(country_body)][2] == {name_key(country_body)}
