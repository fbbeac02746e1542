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


def clusters(stats: list[KeyStats], apart: frozenset[str] = frozenset()
             ) -> dict[str, set[str]]:
    """Each key -> the keys of its actor (every pair of keys named together somewhere, but
    a key of `apart` with a name of the firm `firm` makes: those never meet)."""
    def together(a: str, b: str) -> bool:
        return not ({a, b} & apart and {a, b} & FIRM_NAMES)
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES, together)
    return {k: set(c.keys) for c in found for k in c.keys}


# The keys of `firm`'s names, for `clusters`' `apart` (what is never named beside them).
FIRM_NAMES = frozenset(name_key(f"{w} {s}{f}") for w, s, f in product(
    ["Zorvath", "Quilmer", "Brannock", "Tessival", "Ombrecht"],
    ["Sachs", "Motor", "Brothers", "Capital", "Stanley"],
    ["", " Inc", " Corp", " Co", " Group Inc", " Holdings Inc", " Co Ltd"]))


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
    """"Ford Motor Co" and "Ford Foundation" (never named in one article, the word in the
    articles of both): "Ford" alone is neither's."""
    lone = stat(word, 280, 50, organisation=110)
    other = stat(f"{word} {rival}", 12, 9, organisation=8)
    got = clusters([lone, other, *firm(word, "Motor", form)], apart=frozenset({other.key}))
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


# act24c: what is no rival reading of the word (stranger13 A13: Nissan, Honda, Hyundai,
# JPMorgan, Citi left apart from their firms by act24y's rule).


@pytest.mark.parametrize(("word", "form", "arm"),
                         product(WORDS, FORMS[::2], ["Securities", "Asset Management", "Bank"]))
def test_a_firms_arm_named_beside_the_firm_is_no_rival(word: str, form: str, arm: str) -> None:
    """"JPMorgan Securities" in the articles of "JPMorgan Chase & Co": "JPMorgan" is the
    bank's (the same arm named apart from the bank leaves it apart, as a rival)."""
    lone = stat(word, 280, 50, organisation=110)
    other = stat(f"{word} {arm} LLC", 12, 9, organisation=8)
    names = firm(word, "Sachs", form)
    assert got_firm(clusters([lone, other, *names]), lone, word, "Sachs")
    got = clusters([lone, other, *names], apart=frozenset({other.key}))
    assert got[lone.key] == {lone.key}, got[lone.key]


def got_firm(got: dict[str, set[str]], lone: KeyStats, word: str, second: str) -> bool:
    return name_key(f"{word} {second}") in got[lone.key]


@pytest.mark.parametrize(("word", "form", "rival"),
                         product(WORDS, FORMS[::2], ["Foundation", "Heavy Industries"]))
def test_a_rival_the_word_never_stands_beside_is_none(word: str, form: str, rival: str
                                                      ) -> None:
    """"Citi Futures Perspective", whose articles never write "Citi" alone."""
    lone = stat(word, 280, 50, organisation=110)
    other = stat(f"{word} {rival}", 12, 9, organisation=8)
    names = firm(word, "Motor", form)
    stats = [lone, other, *names]
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES,
                    lambda a, b: {a, b} != {lone.key, other.key}
                    and not ({a, b} & {other.key} and {a, b} & FIRM_NAMES))
    got = {k: set(c.keys) for c in found for k in c.keys}
    assert got_firm(got, lone, word, "Motor"), got[lone.key]


@pytest.mark.parametrize(("word", "form", "group"),
                         product(WORDS, FORMS[::2], ["Group", "Holdings"]))
def test_the_words_own_group_is_no_rival(word: str, form: str, group: str) -> None:
    """"Hyundai Group" (joined to "Hyundai" by the group-suffix rule) beside "Hyundai
    Motor Co": the word and its group join the firm."""
    lone = stat(word, 280, 50, organisation=110, firm=20)
    own = stat(f"{word} {group}", 12, 9, organisation=8)
    got = clusters([lone, own, *firm(word, "Motor", form)])
    assert got_firm(got, lone, word, "Motor"), got[lone.key]


@pytest.mark.parametrize(("word", "form"), product(WORDS, FORMS))
def test_the_firms_articles_are_all_its_names(word: str, form: str) -> None:
    """"Nissan" (26 articles) beside "Nissan Motor Co" and "Nissan Motor Co Ltd" (24) and
    "Nissan Motor" of no cue (3): the firm's names stand in the word's articles."""
    lone = stat(word, 93, 26, organisation=36)
    names = [stat(f"{word} Motor{form}", 16, 16, organisation=16),
             stat(f"{word} Motor{form} Ltd", 8, 8, organisation=8),
             stat(f"{word} Motor", 4, 3, personal=2)]
    got = clusters([lone, *names])
    assert name_key(f"{word} Motor{form}") in got[lone.key], got[lone.key]


@pytest.mark.parametrize(("word", "ally"), product(WORDS, ["Renault", "Sony", "Dongfeng"]))
def test_an_alliances_name_ending_with_the_word_is_no_other_reading(word: str, ally: str
                                                                     ) -> None:
    """"Renault-Nissan", "Sony Ericsson": the word ends them as a firm of its own, where the
    firm before it is named alone more often; not initials ("JP Morgan")."""
    lone = stat(word, 93, 26, organisation=36)
    allied = stat(f"{ally} {word}", 8, 4, organisation=4)
    names = firm(word, "Motor", " Co")
    got = clusters([lone, allied, stat(ally, 66, 13, organisation=28), *names])
    assert got_firm(got, lone, word, "Motor"), got[lone.key]
    got = clusters([lone, allied, stat(ally, 3, 3, organisation=2), *names])
    assert not got_firm(got, lone, word, "Motor"), got[lone.key]


def test_morgan_never_joins_morgan_stanley_beside_jp_morgan() -> None:
    """The known past wrong merge kept impossible: "JP" an organisation's initials of a few
    articles, "JP Morgan" of many."""
    stats = [stat("Morgan", 40, 20, organisation=10), stat("JP", 3, 3, organisation=2),
             stat("JP Morgan", 73, 48, organisation=11, firm=22),
             stat("Morgan Stanley", 300, 135, organisation=40),
             stat("Morgan Stanley Inc", 10, 10, organisation=10)]
    got = clusters(stats)
    assert name_key("Morgan Stanley") not in got[name_key("Morgan")], got[name_key("Morgan")]


@pytest.mark.parametrize(("stem", "group", "form"),
                         product(WORDS, ["group", "holdings"], [" Inc", " Corp", " Ltd"]))
def test_a_firms_name_run_into_its_group_word_is_led_by_the_stem(stem: str, group: str,
                                                                  form: str) -> None:
    """"Citi" of "Citigroup" ("Citigroup Inc"); not a word run into another ending
    ("Intel", "Intelsat Ltd"), nor a stem never named beside the firm."""
    lone = stat(stem, 77, 31, organisation=11, firm=9)
    whole = [stat(f"{stem}{group}", 284, 115, organisation=99),
             stat(f"{stem}{group}{form}", 75, 70, organisation=75)]
    # (with another firm's lone word, joined in the same pass: a one-word firm's name
    # once stopped the pass)
    another = stat("Kelvarne", 280, 50, organisation=110)
    got = clusters([lone, *whole, another, *firm("Kelvarne", "Sachs", form)])
    assert name_key(f"{stem}{group}") in got[lone.key], got[lone.key]
    assert got_firm(got, another, "Kelvarne", "Sachs"), got[another.key]
    other = [stat(f"{stem}sat", 284, 115, organisation=99),
             stat(f"{stem}sat{form}", 75, 70, organisation=75)]
    got = clusters([lone, *other])
    assert got[lone.key] == {lone.key}, got[lone.key]
    stats = [lone, *whole]
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES,
                    lambda a, b: lone.key not in (a, b))
    assert {lone.key} in [set(c.keys) for c in found]
