"""Names a source glued to the words around them (glued_tails.py, extract._glued_title): a
title run into the name ("ComradeKim"), a lower-case word run onto its end ("Kim Jong
Unreceived"); names written with capitals of their own inside
("McDonald", "PaineWebber") are never split. Generated over many names, titles and words."""

from __future__ import annotations

from collections import Counter
from itertools import product
from pathlib import Path

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.glued_tails import MIN_GLUED_TAILS, glued_form
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.reach import KeyIndex, Reach
from newsdesk.index.actors.table import ActorTable, make_extractor, mention_rows
from newsdesk.index.storage.article_store import Store

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

NAMES = ["Kim Jong Un", "Choe Son Hui", "Pak Thae Song", "Nguyen Van Linh", "Maria Lopez",
         "Tarek Haddad", "Olu Adeyemi", "Zorvan Kelmar"]
TITLES = ["Comrade", "President", "Chairman", "Secretary", "Marshal", "General", "Minister"]
TAILS = ["received", "who", "sent", "visited", "and", "said"]
CAMEL = ["McDonald", "PaineWebber", "DeSantis", "MacArthur", "YouTube", "LaGuardia",
         "DiCaprio", "BlackRock", "PayPal", "McCain", "GenCorp", "StarKist", "DrKlein"]


def keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("name", "title"), product(NAMES, TITLES))
def test_a_title_run_into_the_name_is_cut_off(name: str, title: str) -> None:
    text = f"The crowd cheered when {title}{name} arrived in the city on Monday."
    assert name_key(name) in keys(text), keys(text)


@pytest.mark.parametrize(("name", "tail"), product(NAMES, TAILS))
def test_a_lower_case_word_run_onto_the_names_end_is_the_name_the_article_knows(
        name: str, tail: str) -> None:
    text = (f"{name} spoke at the meeting. Later, {name}{tail} a letter from workers "
            f"{tail} came, and they {tail} it.")
    found = keys(text)
    assert name_key(name + tail) not in found and found.count(name_key(name)) == 2, found


@pytest.mark.parametrize("name", NAMES)
def test_no_name_is_cut_to_another_the_article_names_without_a_lower_case_word(
        name: str) -> None:
    # "Boris Johnson" beside "Boris John": no "son" in the text
    text = f"{name} met {name}son at the club. {name}son said nothing more."
    assert name_key(name + "son") in keys(text)


@pytest.mark.parametrize(("word", "lead"), product(CAMEL, ["analysts at ", "told ", "of "]))
def test_names_with_capitals_of_their_own_are_not_split(word: str, lead: str) -> None:
    text = f"The deal came up, {lead}{word} said. It would go on, and {word} agreed."
    assert name_key(word) in keys(text), keys(text)


def stat(surface: str, n: int, person: int = 0) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, person=person)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("tails", [TAILS[:MIN_GLUED_TAILS], TAILS])
def test_corpus_wide_a_name_with_many_lower_case_tails_takes_them(name: str,
                                                                   tails: list[str]) -> None:
    stats = [stat(name, 40, person=20)] + [stat(name + t, 5) for t in tails]
    found = {k: c for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES) for k in c.keys}
    actor = found[name_key(name)]
    assert all(name_key(name + t) in actor.keys for t in tails)
    assert actor.name == name  # (never a glued form, however often written)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_wide_a_few_endings_or_capitalised_ones_are_names_of_their_own(
        name: str) -> None:
    tails = ["son", "ers", "ton"]  # "Smithson", "Smithers", "Smithton" (fewer than four)
    capitalised = ["University", "Square", "Stadium", "Foundation"]
    stats = [stat(name, 40, person=20)] + [stat(name + t, 5) for t in tails + capitalised]
    found = {k: c for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES) for k in c.keys}
    for t in tails + capitalised:
        assert name_key(name + t) not in found[name_key(name)].keys


def test_a_glued_form_is_told_by_its_lower_case_letters_only() -> None:
    assert glued_form("Kim Il Sungand", ["Kim Il Sung"])
    assert not glued_form("Kim Il SungUniversity", ["Kim Il Sung"])
    assert not glued_form("Kim Il Sungs", ["Kim Il Sung"])


# --- reach: a patch re-clusters the keys these rules weigh together -------------------------

def test_the_glued_and_owned_names_keys_are_linked_both_ways(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    texts = ["The WPK Central Committee met. The Central Committee said so, and the Eighth "
             "Central Committee agreed with the Party Central Committee. The WPK said so.",
             "Kim Jong Un came. Kim Jong Unwho spoke. Kim Jong Unsent it. Kim Jong Unvisited "
             "them. Kim Jong Unreceived it.", "The Koreans came. The Korean nation met."] * 3
    for n, text in enumerate(texts):
        found = EXTRACTOR.extract("", text)
        store.mark_done(mention_rows(str(n), found), [(str(n), a, e) for a, e in found.acronyms])
    table = ActorTable(store)
    table.rebuild(DICTIONARIES)
    reach = Reach(store.db, DICTIONARIES, (), KeyIndex(store.db))
    pairs = [("central committee", "wpk central committee"),
             ("central committee", "eighth central committee"),
             ("central committee", "party central committee"), ("wpk", "wpk central committee"),
             ("kim jong un", "kim jong unwho"), ("kim jong unwho", "kim jong unsent"),
             ("korean", "koreans")]
    for a, b in pairs:
        assert b in reach.linked(a) and a in reach.linked(b), (a, b)
    store.close()
