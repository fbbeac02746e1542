"""A title's portfolio before its holder's name ("Indonesian Minister of Mines and Energy
Subroto", "Commissioner for Economic and Monetary Affairs Olli Rehn"): the name starts at a
given name, or after the word that follows the portfolio's last "and" where its last word
stands alone elsewhere; the portfolio's words make no name of their own."""

from __future__ import annotations

import itertools

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
TITLES = ("Minister of", "Commissioner for", "Secretary of State for", "Deputy Minister of",
          "Indonesian Minister of", "Minister for")
PORTFOLIOS = ("Mines and Energy", "Economic and Monetary Affairs", "Trade and Industry",
              "Finance and Economic Planning", "Health and Social Services")


def _found(text: str) -> list[tuple[str, bool]]:
    return [(m.key, m.person_cue) for m in EXTRACTOR.extract("", text).mentions]


def test_a_given_name_starts_the_holders_name() -> None:
    for title, portfolio, (name, key) in itertools.product(
            TITLES, PORTFOLIOS, (("Olli Rehn", "olli rehn"), ("Paul Keating", "paul keating"),
                                 ("Mary Jo White", "mary jo white"))):
        text = f"Talks went on.\nThe {title} {portfolio} {name} said prices would rise. " \
               f"{name.split()[-1]} told reporters."
        found = _found(text)
        assert (key, True) in found, (title, portfolio, found)
        assert [k for k, _ in found].count(key) == 2, (title, portfolio, found)
        words = set(portfolio.lower().split()) - {"and"}
        assert not any(set(k.split()) & words for k, _ in found), (title, portfolio, found)


def test_a_one_word_name_after_the_last_and_seen_alone_elsewhere() -> None:
    for title, portfolio, name in itertools.product(
            TITLES, ("Mines and Energy", "Trade and Industry", "Finance and Planning"),
            ("Subroto", "Sukarnoputri", "Habibie")):
        text = f"Talks went on.\nThe {title} {portfolio} {name} said prices would rise. " \
               f"{name} told reporters."
        keys = [k for k, _ in _found(text)]
        assert keys.count(name.lower()) == 2, (title, portfolio, keys)


def test_no_cut_without_evidence() -> None:
    # A constituency is no portfolio: its last word, written elsewhere only after a given
    # name, is no holder's; a field's name neither.
    found = _found("Sir Andrew Green spoke. Ms Roche, Labour MP for Hornsey and Wood Green, "
                   "believes it.")
    assert ("andrew green", True) not in found[1:], found
    found = _found("He is Professor of Ballet and Performing Arts at the school.")
    assert "arts" not in [k for k, _ in found], found
    found = _found("They met Secretary of State George Shultz and Japan's Foreign Minister "
                   "Tadashi Kuranari on Monday.")
    assert ("george shultz", True) in found, found
