"""A firm's leading word alone joins the firm the corpus names in full (firm_heads.py,
stranger13 A13: "Goldman" beside "Goldman Sachs", "Toyota" beside "Toyota Motor Corp"), in
generated variants; never where two firms or a person's name share the word, nor one firm's
word to another firm ("Ford Motor Co" absorbing "Toyota")."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key

DICTIONARIES = load_dictionaries([])
WORDS = ["Zorvath", "Quilmer", "Brannock", "Tessival", "Ombrecht"]
SECONDS = ["Sachs", "Motor", "Brothers", "Capital"]
FORMS = [" Inc", " Corp", " Co", " Group Inc", " Holdings Inc", " Co Ltd"]


def stat(surface: str, mentions: int, articles: int, person: int = 0, location: int = 0,
         **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: mentions}), mentions, articles,
                    person, location, org=Counter(org))


def clusters(stats: list[KeyStats]) -> dict[str, set[str]]:
    """Each key -> the keys of its actor (every pair of keys named together somewhere)."""
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES, lambda a, b: True)
    return {k: set(c.keys) for c in found for k in c.keys}


def firm(word: str, second: str, form: str) -> list[KeyStats]:
    return [stat(f"{word} {second}", 180, 120, organisation=20),
            stat(f"{word} {second}{form}", 60, 55, organisation=60),
            stat(f"{word} CFO Ann Pell", 1, 1)]


@pytest.mark.parametrize(("word", "second", "form"), product(WORDS, SECONDS, FORMS))
def test_a_firms_lone_word_is_the_firm(word: str, second: str, form: str) -> None:
    lone = stat(word, 280, 50, organisation=110, modifier=20)
    got = clusters([lone, *firm(word, second, form)])
    assert got[lone.key] >= {name_key(f"{word} {second}"),
                             name_key(f"{word} {second}{form}")}, got[lone.key]


@pytest.mark.parametrize(("word", "form", "rival"),
                         product(WORDS, FORMS, ["Foundation", "Heavy Industries"]))
def test_two_firms_sharing_the_word_leave_it_apart(word: str, form: str, rival: str) -> None:
    """"Ford Motor Co" and "Ford Foundation": "Ford" alone is neither's."""
    lone = stat(word, 280, 50, organisation=110)
    other = stat(f"{word} {rival}", 12, 9, organisation=8)
    got = clusters([lone, other, *firm(word, "Motor", form)])
    assert got[lone.key] == {lone.key}, got[lone.key]


@pytest.mark.parametrize(("word", "before"), product(WORDS, ["J.P.", "Steve", "Wedbush"]))
def test_a_word_other_names_end_with_is_left_apart(word: str, before: str) -> None:
    """"Morgan" of "Morgan Stanley" and of "J.P. Morgan"; a surname of people's names."""
    lone = stat(word, 280, 50, organisation=110)
    other = stat(f"{before} {word}", 30, 20, person=10, organisation=10)
    got = clusters([lone, other, *firm(word, "Stanley", " Inc")])
    assert name_key(f"{word} Stanley") not in got[lone.key], got[lone.key]


@pytest.mark.parametrize("word", WORDS)
def test_a_word_in_more_articles_than_the_firm_or_with_no_legal_form(word: str) -> None:
    """A word standing far wider than the firm's names is a name of its own; names with no
    legal form (a product's, "Toyota Camry") say no firm."""
    wide = stat(word, 900, 400, organisation=300)
    got = clusters([wide, *firm(word, "Motor", " Corp")])
    assert got[wide.key] == {wide.key}, got[wide.key]
    lone = stat(word, 280, 50, organisation=110)
    got = clusters([lone, stat(f"{word} Camry", 40, 30, thing=10)])
    assert got[lone.key] == {lone.key}, got[lone.key]


@pytest.mark.parametrize(("a", "b"), [(a, b) for a, b in product(WORDS, WORDS) if a != b])
def test_one_firms_word_never_joins_another_firm(a: str, b: str) -> None:
    """The known past wrong merge: "Ford Motor Co" absorbing "Toyota"."""
    stats = [stat(a, 280, 50, organisation=110), stat(b, 200, 30, organisation=80),
             stat(f"{a} Motor Co", 70, 68, organisation=70),
             stat(f"{b} Motor Corp", 40, 39, organisation=40)]
    got = clusters(stats)
    assert name_key(b) not in got[name_key(f"{a} Motor Co")]
    assert name_key(a) not in got[name_key(f"{b} Motor Corp")]
    assert got[name_key(a)] == {name_key(a), name_key(f"{a} Motor Co")}


@pytest.mark.parametrize(("place", "form"), product(["South Africa", "Japan", "Kenya"], FORMS))
def test_a_dictionarys_place_with_a_legal_form_is_no_firm_of_it(place: str, form: str) -> None:
    """"South Africa Ltd", the end of "Anglo American Corp of South Africa Ltd", joined no
    country (Reuters-21578)."""
    got = clusters([stat(place, 300, 200, location=150),
                    stat(f"{place}{form}", 12, 10, organisation=12)])
    assert name_key(f"{place}{form}") not in got[name_key(place)], got[name_key(place)]
