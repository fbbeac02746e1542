"""An organ named with and without its owner is one body where the corpus names one owner of
it; two owners' organs never merge (organ_owners.py, cluster.py); a country's long name in
owner position is the country (country_bodies.country_split). Generated over invented
owners, organs, ordinals and the countries whose long names hold an "of"."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.country_bodies import country_split
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key

DICTIONARIES = load_dictionaries([])
COUNTRY_OF = {k: h for k, h in DICTIONARIES.alias.items()
              if (e := DICTIONARIES.entries.get(h)) is not None and e.type == "country"}

# Invented owners (acronym, full name, its type), so that no dictionary knows them.
# (Of three words at most: an owner is read within three words before the organ's name.)
OWNERS = [("ZKP", "Zorvan Kelmar Party", "party"),
          ("QLF", "Qandor Labour Federation", "organisation"),
          ("VNU", "Vestric National Union", "organisation"),
          ("MRA", "Malvor Revolutionary Army", "military")]
ORGANS = ["Central Committee", "Executive Council", "Standing Committee", "Political Bureau",
          "Control Commission"]
ORDINALS = ["Eighth", "Third", "12th"]


def stat(surface: str, n: int, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, org=Counter(org))


def actors(stats: list[KeyStats], acronyms: dict[str, Counter[str]] | None = None
           ) -> dict[str, frozenset[str]]:
    found = cluster({s.key: s for s in stats}, acronyms or {}, DICTIONARIES)
    return {k: frozenset(c.keys) for c in found for k in c.keys}


def owner_stats(acronym: str, name: str, kind: str) -> list[KeyStats]:
    return [stat(acronym, 300, **{kind: 100}), stat(name, 100, **{kind: 60})]


def _defined(acronym: str, name: str) -> dict[str, Counter[str]]:
    return {name_key(acronym): Counter({name_key(name): 20})}


@pytest.mark.parametrize(("owner", "organ", "ordinal"), product(OWNERS, ORGANS, ORDINALS))
def test_one_owners_organ_is_one_body_by_every_name(
        owner: tuple[str, str, str], organ: str, ordinal: str) -> None:
    acronym, name, kind = owner
    head = name.split()[-1]  # "Party" of "Zorvan Kelmar Party"
    stats = owner_stats(acronym, name, kind) + [
        stat(organ, 400, organisation=100), stat(f"{acronym} {organ}", 90, organisation=40),
        stat(f"{name} {organ}", 10, organisation=5), stat(f"{head} {organ}", 150, organisation=50),
        stat(f"{ordinal} {organ}", 20, organisation=5)]
    found = actors(stats, _defined(acronym, name))
    bare = found[name_key(organ)]
    for form in (f"{acronym} {organ}", f"{name} {organ}", f"{head} {organ}",
                 f"{ordinal} {organ}"):
        assert name_key(form) in bare, (form, bare)
    assert name_key(acronym) not in bare  # (the owner is no organ of its own)


@pytest.mark.parametrize(("pair", "organ"), product(
    [(a, b) for a in OWNERS for b in OWNERS if a[0] < b[0]], ORGANS))
def test_two_owners_organs_never_merge(pair: tuple[tuple[str, str, str], ...],
                                       organ: str) -> None:
    (a, a_name, a_kind), (b, b_name, b_kind) = pair
    stats = owner_stats(a, a_name, a_kind) + owner_stats(b, b_name, b_kind) + [
        stat(organ, 200, organisation=80), stat(f"{a} {organ}", 60, organisation=30),
        stat(f"{b} {organ}", 40, organisation=20), stat(f"Eighth {organ}", 10, organisation=5)]
    acronyms = _defined(a, a_name) | _defined(b, b_name)
    found = actors(stats, acronyms)
    assert name_key(f"{b} {organ}") not in found[name_key(f"{a} {organ}")]
    bare = found[name_key(organ)]
    assert name_key(f"{a} {organ}") not in bare and name_key(f"{b} {organ}") not in bare
    assert name_key(f"Eighth {organ}") not in bare  # (whose session: no one owner's)


@pytest.mark.parametrize(("owner", "organ"), product(OWNERS, ["Political Bureau",
                                                             "Planning Bureau", "Audit Office"]))
def test_another_owners_longer_organ_takes_no_frequent_bare_name(
        owner: tuple[str, str, str], organ: str) -> None:
    """"KPA General Political Bureau" (the army's, 4 mentions) is no longer name of the
    party's "Political Bureau" (110)."""
    acronym, name, kind = owner
    # (The longer names first: the rule reads the shorter once they are one actor.)
    stats = owner_stats(acronym, name, kind) + [
        stat(f"General {organ}", 2, organisation=1),
        stat(f"{acronym} General {organ}", 2, organisation=1), stat(organ, 110, organisation=50)]
    found = actors(stats, _defined(acronym, name))
    assert found[name_key(organ)] == {name_key(organ)}
    # Written about as often, the longer name is the shorter's, as before.
    stats[-1] = stat(organ, 6, organisation=3)
    found = actors(stats, _defined(acronym, name))
    assert name_key(f"{acronym} General {organ}") in found[name_key(organ)]


LONG_NAMES = sorted(k for k in COUNTRY_OF if " of " in k)


@pytest.mark.parametrize("long_name", LONG_NAMES)
@pytest.mark.parametrize("body", ["foreign ministry", "ministry of national defence",
                                  "central bank"])
def test_a_countrys_long_name_in_owner_position_is_the_country(long_name: str,
                                                               body: str) -> None:
    country = COUNTRY_OF[long_name]
    assert country_split(f"{body} of the {long_name}", COUNTRY_OF) == (country, body)
    assert country_split(f"{body} of {long_name}", COUNTRY_OF) == (country, body)
    assert country_split(f"{long_name} {body}", COUNTRY_OF) == (country, body)


@pytest.mark.parametrize(("a", "b"), [("Democratic People's Republic of Korea", "DPRK"),
                                      ("People's Republic of China", "China"),
                                      ("Kingdom of Bahrain", "Bahraini"),
                                      ("Arab Republic of Egypt", "Egyptian")])
@pytest.mark.parametrize("body", ["Foreign Ministry", "Finance Ministry",
                                  "Ministry of National Defence"])
def test_one_countrys_body_by_its_long_name_joins_and_two_countries_stay_apart(
        a: str, b: str, body: str) -> None:
    stats = [stat(f"{body} of the {a}", 30, government=10), stat(f"{b} {body}", 40, government=10),
             stat(f"United States {body}", 20, government=10), stat(body, 25, government=10)]
    found = actors(stats)
    assert name_key(f"{b} {body}") in found[name_key(f"{body} of the {a}")]
    assert name_key(f"United States {body}") not in found[name_key(f"{b} {body}")]
    assert found[name_key(body)] == {name_key(body)}  # (two countries': neither's)
