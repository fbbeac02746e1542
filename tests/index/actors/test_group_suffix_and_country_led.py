"""An organisation's name with and without "Group" after it, or a country's adjective before
it, and a name with its middle name dropped: four actors of one group ("Wagner" 95
articles, "Wagner Group" 33, "Russian Wagner Group" 8) and two of one president ("Recep
Tayyip Erdoğan", "Recep Erdoğan") on an outside tester's Guardian corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from newsdesk.index.actors.cluster import KeyStats
from newsdesk.index.actors.names import name_key
from tests.index.actors.test_precision_rules import clusters


def _name(surface: str, mentions: int, articles: int, **cues: int) -> KeyStats:
    person = cues.pop("person", 0)
    location = cues.pop("location", 0)
    return KeyStats(name_key(surface), Counter({surface: mentions}), mentions, articles,
                    person=person, location=location, org=Counter(cues))


def _together(found: dict, a: str, b: str) -> bool:
    return found[name_key(a)][2] >= {name_key(a), name_key(b)}


@pytest.mark.parametrize("word", ["Wagner", "Tessaro", "Kolbeck"])
def test_a_word_the_corpus_also_writes_with_group_after_it_is_that_group(word: str) -> None:
    group = _name(f"{word} Group", 117, 33, organisation=117)
    alone = _name(word, 334, 95, organisation=126, modifier=147, location=17)
    assert _together(clusters([group, alone]), word, f"{word} Group")
    # Not a person's surname ("Wagner said"), nor a place's name, nor a word cued as
    # something else than a firm.
    for other in (_name(word, 334, 95, organisation=26, person=120),
                  _name(word, 334, 95, organisation=26, location=150),
                  _name(word, 11, 11, media=3)):
        assert not _together(clusters([group, other]), word, f"{word} Group"), other


def test_a_countrys_adjective_before_a_dictionarys_body_is_that_body() -> None:
    group = _name("Wagner Group", 117, 33, organisation=117)
    led = _name("Russian Wagner Group", 8, 8, organisation=8)
    assert _together(clusters([group, led]), "Russian Wagner Group", "Wagner Group")
    # Two countries' adjectives before it: neither is read as the one body.
    other = _name("Syrian Wagner Group", 5, 5, organisation=5)
    found = clusters([group, led, other])
    assert not _together(found, "Russian Wagner Group", "Wagner Group")


@pytest.mark.parametrize("led,body,joined", [("Afghan Taliban", "Taliban", True),
                                             ("Pakistani Taliban", "Taliban", False),
                                             ("Iraqi Hezbollah", "Hezbollah", False),
                                             ("Lebanese Hezbollah", "Hezbollah", True)])
def test_a_countrys_adjective_of_another_country_than_the_bodys_is_another_body(
        led: str, body: str, joined: bool) -> None:
    found = clusters([_name(body, 200, 90, militia=40), _name(led, 6, 5, militia=2)])
    assert _together(found, led, body) is joined


@pytest.mark.parametrize("full,short", [("Recep Tayyip Erdoğan", "Recep Erdoğan"),
                                        ("James Wright Foley", "James Foley")])
def test_a_name_with_its_middle_name_dropped_far_rarer_is_the_full_name(full: str,
                                                                          short: str) -> None:
    long_name = _name(full, 542, 117, person=265)
    for mentions, joined in ((13, True), (100, False), (600, True)):
        found = clusters([long_name, _name(short, mentions, 9, person=mentions)])
        assert _together(found, short, full) is joined, mentions
