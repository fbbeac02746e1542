"""A dictionary's name of several words starting a sentence keeps its first word ("South
Korea looks set", "United Nations officials said"): a sentence's first word, capitalised
nowhere else in the article, is otherwise taken for an ordinary word ("Yesterday", "Early")
and cut (Extractor._starter). Generated from the shipped dictionaries' names."""

from __future__ import annotations

import random

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(DICTIONARIES.alias), DICTIONARIES.demonym_keys,
                      DICTIONARIES.capital_keys)
LEADS = ["Prices fell. ", "Prices fell.\n", "Prices fell.\n\n", 'He left. "', "Why? ",
         "It ended; ", "(AP) - "]
AFTER = [" said on Monday it would act.", " looks set to grow.", " officials met.",
         " has rejected the plan.", "'s plan failed."]
_SMALL = {"of", "and", "the", "for", "de", "du", "la", "al"}


def _keys(text: str) -> set[str]:
    return {m.key for m in EXTRACTOR.extract("", text).mentions}


def _written(key: str) -> str:
    return " ".join(w if w in _SMALL else w.capitalize() for w in key.split())


def _names_found_mid_sentence() -> list[str]:
    """Dictionary keys of two or three plain words that a sentence's middle finds whole."""
    keys = sorted(k for k in DICTIONARIES.alias
                  if 2 <= len(k.split()) <= 3 and all(w.isalpha() for w in k.split()))
    return [k for k in keys if k in _keys(f"Officials said {_written(k)} would act.")]


def test_a_dictionary_name_starting_a_sentence_is_found_whole() -> None:
    names = _names_found_mid_sentence()
    assert len(names) > 300
    rng = random.Random(5)
    missed = []
    for key in rng.sample(names, 300):
        lead, after = rng.choice(LEADS), rng.choice(AFTER)
        if key not in _keys(f"{lead}{_written(key)}{after}\n"):
            missed.append((lead, key, after))
    # ("Home Office": "Home" is a page's word starting a line, cut by its own rule)
    assert len(missed) <= 3, missed[:10]


def test_a_sentence_adverb_before_a_dictionary_name_is_still_cut() -> None:
    for adverb in ("Meanwhile", "Yesterday", "Later", "Today", "Separately"):
        for name in ("Iran", "South Korea", "the United Nations"):
            found = _keys(f"Prices fell. {adverb} {name} said it would act.\n")
            assert not any(k.startswith(adverb.lower()) for k in found), (adverb, name, found)


def test_a_first_word_before_an_unknown_name_is_still_cut() -> None:
    """Only a dictionary's name vouches for the first word: "Yesterday Grelborn said"."""
    for text in ("Prices fell. Yesterday Grelborn said no.\n",
                 "Prices fell. Undeterred Varnholt Group said no.\n"):
        assert not any(k.split()[0] in ("yesterday", "undeterred") for k in _keys(text)), text
