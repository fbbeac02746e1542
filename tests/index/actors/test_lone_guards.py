"""A lone word joins no full name, nor an acronym the body its initials spell, where the
corpus says it is someone or something else (lone_guards.py; a tenth outside tester's
FNC-1, BASIL and CBC corpora). Generated variants, beside the joins that stay."""

from __future__ import annotations

from collections import Counter
from itertools import product
from pathlib import Path

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.reach import KeyIndex, Reach
from newsdesk.index.actors.table import ActorTable, make_extractor, mention_rows
from newsdesk.index.storage.article_store import Store

DICTIONARIES = load_dictionaries([])


def stat(surfaces: dict[str, int], articles: int, person: int = 0, **org: int) -> KeyStats:
    key = name_key(next(iter(surfaces)))
    n = sum(surfaces.values())
    return KeyStats(key, Counter(surfaces), n, articles, person=person, org=Counter(org))


def joined(stats: list[KeyStats], a: str, b: str) -> bool:
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES, lambda x, y: True)
    return any(name_key(a) in c.keys and name_key(b) in c.keys for c in found)


@pytest.mark.parametrize(("nickname", "given"), product(
    ["Jihadi", "Magic", "Captain", "Comical"], ["John", "Thomas", "James", "Paul"]))
def test_a_given_name_alone_is_no_nicknames_last_word(nickname: str, given: str) -> None:
    full = stat({f"{nickname} {given}": 206, given: 9}, 48, person=20)
    alone = stat({given: 37}, 22, person=10, personal=3)
    assert not joined([full, alone], f"{nickname} {given}", given)


@pytest.mark.parametrize(("first", "last"), product(
    ["Dylan", "Elton", "Sarah", "Owen"], ["Thomas", "John", "James"]))
def test_a_given_name_as_a_full_names_surname_still_joins(first: str, last: str) -> None:
    full = stat({f"{first} {last}": 43, last: 59, first: 22}, 24, person=18)
    alone = stat({last: 20}, 14, person=4, personal=3)
    assert joined([full, alone], f"{first} {last}", last)


@pytest.mark.parametrize("surname", ["Clinton", "Flynn", "Howard", "Thomas"])
def test_a_surname_that_is_a_given_name_too_said_many_times_still_joins(surname: str) -> None:
    full = stat({f"Hillary {surname}": 72, surname: 159}, 59, person=36)
    alone = stat({surname: 76}, 16, person=51, modifier=5)
    assert joined([full, alone], f"Hillary {surname}", surname)


@pytest.mark.parametrize(("word", "body", "person"), product(
    ["Fox", "Sky", "Global"], ["News", "Television", "Network"], [0, 6]))
def test_a_word_heading_a_bodys_names_joins_no_person_without_a_persons_cue(
        word: str, body: str, person: int) -> None:
    full = stat({f"Vicente {word}": 9, word: 28}, 5, person=21)
    alone = stat({word: 7}, 6, person=person, modifier=1)
    outlet = stat({f"{word} {body}": 114}, 67, media=114)
    assert joined([full, alone, outlet], f"Vicente {word}", word) == bool(person)


@pytest.mark.parametrize(("acronym", "name", "outlet"), [
    ("CBC", "Conference Board of Canada", "CBC News"),
    ("ABC", "Australian Bankers Council", "ABC News"),
    ("CTV", "Canadian Tourism Venture", "CTV News")])
@pytest.mark.parametrize("outlet_mentions", [314, 20])
def test_an_acronym_heading_another_bodys_names_is_not_spelled_out(
        acronym: str, name: str, outlet: str, outlet_mentions: int) -> None:
    stats = [stat({name: 40}, 33, organisation=10), stat({acronym: 262}, 180),
             stat({outlet: outlet_mentions}, 100, media=outlet_mentions)]
    assert joined(stats, name, acronym) == (outlet_mentions < 40)


def test_a_patch_reaches_from_a_word_to_the_bodies_it_starts(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    extractor = make_extractor(DICTIONARIES)
    texts = ["Vicente Fox spoke. Later Fox said no.", "He said so on Fox last week.",
             "Fox News reported it. Viewers of Fox News agreed."] * 3
    for n, text in enumerate(texts):
        store.mark_done(mention_rows(str(n), extractor.extract("", text)), [])
    ActorTable(store).rebuild(DICTIONARIES)
    reach = Reach(store.db, DICTIONARIES, (), KeyIndex(store.db))
    assert "fox news" in reach.linked("fox") and "fox" in reach.linked("fox news")
    store.close()
