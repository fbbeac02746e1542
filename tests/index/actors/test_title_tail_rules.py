"""Titles cut at their lower-case words and names a demonym starts (index/actors/
title_tails.py, extract.py): made-up names, each rule tried both ways."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.title_tails import TAIL, names_tail
from newsdesk.index.actors.works import WORK

DICTIONARIES = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(DICTIONARIES.alias), DICTIONARIES.demonym_keys,
                      DICTIONARIES.capital_keys)


def cues(text: str) -> dict[str, str | None]:
    return {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}


def keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


def stat(surface: str, n: int, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, org=Counter(org))


def listed(stats: list[KeyStats]) -> set[str]:
    return {k for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES) for k in c.keys}


def test_a_name_after_a_capitalised_word_and_of_the_is_a_titles_tail() -> None:
    assert cues("The film Keeper of the Brambles opened in May.")["brambles"] == TAIL
    assert cues("Fans of Rosk Varnel queued for Keeper of the Brambles.")["brambles"] == TAIL


def test_of_the_after_a_bodys_head_a_common_word_or_lower_case_is_no_tail() -> None:
    # A body's own words ("Organisation of the X"), a sentence's first common word ("Most
    # of the X"), a lower-case word ("the head of the X") and a comma say nothing of a title.
    assert cues("The Organisation of the Brambles Union met.")["brambles union"] != TAIL
    assert cues("Most of the Brambles Union agreed.")["brambles union"] != TAIL
    assert cues("He is the head of the Brambles Union now.")["brambles union"] != TAIL
    assert cues("He left Varnel, of the Brambles Union.")["brambles union"] != TAIL


def test_a_name_after_a_function_word_capitalised_mid_sentence_is_a_works() -> None:
    assert cues("They recorded the single We Are The Brambles in May.")["brambles"] == WORK
    assert cues("He topped the chart with My Brambles last year.")["brambles"] == WORK
    # A sentence's first word, "The" of a name, or a quote's first word say nothing.
    assert cues("My Brambles said it would go.").get("brambles") != WORK
    assert cues("He works for The Brambles Times.")["brambles times"] != WORK
    assert cues('He said, "When Varnel Union came to power we lost."')["varnel union"] != WORK


def test_a_name_read_as_a_tail_in_half_its_mentions_is_no_actor() -> None:
    assert names_tail(2, 4) and names_tail(9, 10)
    assert not names_tail(1, 1) and not names_tail(3, 10)
    found = listed([stat("Brambles", 10, **{TAIL: 8}), stat("Varnel Union", 10, **{TAIL: 2})])
    assert "brambles" not in found and "varnel union" in found


def test_a_demonym_before_a_companys_words_is_part_of_its_name() -> None:
    assert "american corn exchange" in keys("Shares fell on the American Corn Exchange today.")
    # Before a country's own body it is the country's, as before.
    found = keys("The Italian Grain Ministry said it would act.")
    assert "italian" in found and "grain ministry" in found


def test_a_full_name_after_a_titles_tail_keeps_no_tails_cue() -> None:
    # "Keeper of the Brambles Rosk Varnel": the tail's words are cut off the full name the
    # article uses, and the cue goes with them.
    found = cues("He met Keeper of the Brambles Rosk Varnel there. Rosk Varnel said no.")
    assert found["rosk varnel"] != TAIL
