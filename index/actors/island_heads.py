"""An island country named by its name's first word ("Solomon students", "the Solomon's
health sector", "$30,000 Solomon dollars": Solomon Islands) joined to the country.

A ninth outside tester's Solomon Islands news listed "Solomon" (53 articles, typed other)
beside the country: news of island states clips "Islands" before a noun as it clips nothing
else. The word joins the country the dictionary names "<word> Islands" (or "Island",
"Isles") only where the corpus uses it as that clipped name:

- no person's cue in a tenth of its mentions ("King Solomon said", "Marshall said": a name's
  first word is as often a given name or a surname);
- before a noun or after "the" in half its mentions at least (a modifier's use);
- the country's own name at least four times as often as the word (the country is what the
  corpus is about, not a word that happens to start its name).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from newsdesk.index.actors.records import KeyCounts

ISLAND_TAILS = frozenset(("islands", "island", "isles"))
_PERSON_SHARE = 10  # person cues in under a tenth of the word's mentions
_OVER = 4  # the country named at least this many times as often as the word


def island_word(key: str) -> str | None:
    """The first word of a two-word name ending in an island's noun ("solomon islands")."""
    first, _, rest = key.partition(" ")
    return first if rest in ISLAND_TAILS else None


def join_island_heads(live: Mapping[str, KeyCounts], countries: Iterable[str],
                      acronym: set[str], anchored: Mapping[str, str],
                      find: Callable[[str], str], union: Callable[[str, str], object]) -> None:
    """`countries`: keys a dictionary gives a country (its names); `anchored`: every
    dictionary name's key -> its entry's head (a word that is a name of its own stays)."""
    for name in countries:
        word = island_word(name)
        if word is None or word in acronym or word in anchored:
            continue
        s, country = live.get(word), live.get(name)
        if s is None or country is None or find(word) != word:
            continue
        weak = s.org.get("modifier", 0) + s.org.get("thing", 0)
        if s.person * _PERSON_SHARE < s.mentions and weak * 2 >= s.mentions \
                and country.mentions >= _OVER * s.mentions:
            union(name, word)
