"""Classes found on US political and Sri Lankan news (stranger14), each tried in generated
variants: a family's plural ("the Clintons") is no one member; a party's plural joins no
party the corpus names in one article only; a word of an adjective's form used as a
modifier half the time ("Presidential", "Federal") is no actor; an acronym before a
medium's head word ("LTTE Radio") is the body, not the outlet; initials told something
before a noun ("told LTTE leader X") are no outlet; a dictionary's name of "X of Y" is one
mention; a body's name the corpus also writes after a word of no country ("Asian
Development Bank") is no one country's."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def stat(surface: str, n: int, person: int = 0, articles: int | None = None,
         **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), articles or n, n, person=person,
                    org=Counter(org))


def clusters(stats: list[KeyStats]) -> dict[str, tuple[str, frozenset[str]]]:
    """key -> (type, the keys of its actor)."""
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    return {k: (c.type, frozenset(c.keys)) for c in found for k in c.keys}


def cues(text: str) -> dict[str, str | None]:
    return {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}


# --- families -------------------------------------------------------------------------------
# (Each test clusters all its variants at once, names that do not meet: a clustering with
# the dictionaries costs a tenth of a second or more.)

FAMILIES = [("Hillary", "Clinton"), ("Mahinda", "Rajapaksa"), ("Marta", "Kovalenko"),
            ("Ngozi", "Okonjo"), ("Tomas", "Lindqvist"), ("Priya", "Raman")]


def test_a_familys_plural_is_no_one_member() -> None:
    stats = []
    for given, surname in FAMILIES:
        stats += [stat(f"{given} {surname}", 40, person=30), stat(surname, 60),
                  stat(f"{surname}s", 12, thing=8)]
    stats += [stat(word, 30, thing=10) for word in ("Tory", "Green", "Liberal")]
    stats += [stat(plural, 20, thing=15) for plural in ("Tories", "Greens", "Liberals")]
    # (A party's plural, though a person of its word is named: "Steve Green".)
    stats += [stat("Steve Green", 10, person=8), stat("Green Party", 6, party=6)]
    found = clusters(stats)
    for given, surname in FAMILIES:
        # (The lone surname is resolved to a member article by article; the family's
        # plural is none of them.)
        family = found[name_key(f"{surname}s")][1]
        assert name_key(surname) not in family and name_key(f"{given} {surname}") not in family
    # A plural of no person's surname still joins its singular.
    for word, plural in (("Tory", "Tories"), ("Green", "Greens"), ("Liberal", "Liberals")):
        assert name_key(plural) in found[name_key(word)][1]


# --- party plurals ----------------------------------------------------------------------------

def test_a_partys_plural_joins_a_party_the_corpus_names_more_than_once() -> None:
    stats, named = [], {}
    for word, n in zip(["Communist", "Socialist", "Kelvaran", "Dorvan", "Maritime", "Agrarian"],
                       [1, 1, 1, 2, 3, 6], strict=True):
        stats += [stat(f"{word} Party", n, party=n), stat(f"{word}s", 12, thing=6)]
        named[word] = n
    found = clusters(stats)
    for word, n in named.items():
        joined = name_key(f"{word}s") in found[name_key(f"{word} Party")][1]
        assert joined == (n >= 2), word


# --- adjectives ------------------------------------------------------------------------------

ADJECTIVES = ["Presidential", "Federal", "Congressional", "Marxist", "Constitutional",
              "Leftist"]


def test_an_adjectives_word_mostly_a_modifier_is_no_actor() -> None:
    shares = [0.55, 0.7, 0.85, 0.6, 0.75, 0.5]
    stats = [stat(word, 100, modifier=round(100 * share), party=100 - round(100 * share))
             for word, share in zip(ADJECTIVES, shares, strict=True)]
    # (A modifier less than half the time, it stays: the test can fail.)
    stats += [stat(word, 100, modifier=40, party=60) for word in ("Imperial", "Royalist")]
    # An acronym of such an ending stays.
    stats += [stat(name, 100, modifier=60, organisation=40) for name in ("JAL", "NPAL", "AIST")]
    found = clusters(stats)
    for word in ADJECTIVES:
        assert name_key(word) not in found
    for name in ("Imperial", "Royalist", "JAL", "NPAL", "AIST"):
        assert name_key(name) in found


# --- acronyms before a medium's head word ---------------------------------------------------

def test_an_acronym_before_a_mediums_head_is_the_body_not_the_outlet() -> None:
    pairs = list(product(["LTTE", "KPF", "NDLF"], ["Radio", "Television", "News"]))
    stats = []
    for n, (acronym, head) in enumerate(pairs):
        acronym += "ABCDEFGHI"[n]  # (one outlet of each acronym)
        stats += [stat(acronym, 110, thing=57, articles=23), stat(f"{acronym} {head}", 1, media=1)]
    # A word's name before the head word is the outlet's own ("Sputnik", "Sputnik News").
    stats += [stat("Kelvarovo", 30, media=10), stat("Kelvarovo News", 20, media=20)]
    found = clusters(stats)
    for n, (acronym, head) in enumerate(pairs):
        acronym += "ABCDEFGHI"[n]
        assert name_key(acronym) not in found[name_key(f"{acronym} {head}")][1]
    assert "kelvarovo" in found["kelvarovo news"][1]


@pytest.mark.parametrize("noun", ["leader", "chief", "commander", "officials", "founder"])
def test_initials_told_before_a_noun_are_no_outlet(noun: str) -> None:
    assert cues(f"Thileepan told KPF {noun} Prabhakaran about his plan.")["kpf"] != "media"


@pytest.mark.parametrize("after", ["that it was over.", "on Monday.", "in an interview.", ".",
                                   "he would go.", "\nMore text."])
def test_initials_told_something_are_still_an_outlet(after: str) -> None:
    sep = "" if after[:1] in ".\n" else " "
    assert cues(f"Patil told NDTV{sep}{after}")["ndtv"] == "media"


# --- a dictionary's name of "X of Y" -----------------------------------------------------------

def _of_names() -> list[str]:
    """Dictionary names of "X of Y" whose word before "of" binds nothing on its own: the
    extractor's rule split them before."""
    names = sorted(e.name for e in DICTIONARIES.entries.values()
                   if " of " in e.name and e.type in ("militia", "party", "organisation")
                   and e.name.count(" ") <= 5 and "," not in e.name
                   and " of the " not in e.name)
    return names[::max(1, len(names) // 12)][:12]


@pytest.mark.parametrize("name", sorted({"Liberation Tigers of Tamil Eelam", *_of_names()}))
def test_a_dictionarys_name_with_of_is_one_mention(name: str) -> None:
    keys = cues(f"Officials said the {name} met on Monday in the capital.")
    assert name_key(name) in keys, keys


# --- a body's name of one country's or of others' ---------------------------------------------

def test_a_bodys_name_also_written_after_another_word_is_no_one_countrys() -> None:
    stats = [stat("China Development Bank", 18, organisation=18),
             stat("Asian Development Bank", 24, organisation=24),
             stat("Japan Investment Corporation", 18, organisation=18),
             stat("Caribbean Investment Corporation", 24, organisation=24),
             stat("India Housing Authority", 18, organisation=18),
             stat("Kenya Water Board", 18, organisation=18),
             stat("Coastal Water Board", 2, organisation=2)]
    stats += [stat(body, 4, organisation=4) for body in ("Development Bank",
                                                         "Investment Corporation",
                                                         "Housing Authority", "Water Board")]
    found = clusters(stats)
    for body in ("Development Bank", "Investment Corporation"):
        assert found[name_key(body)][1] == frozenset({name_key(body)})
    # Written after one country's name alone, or after another word less often than
    # alone, it is that country's.
    assert "housing authority" in found["india housing authority"][1]
    assert "water board" in found["kenya water board"][1]
