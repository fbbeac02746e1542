"""Two spellings of one person's name that an article uses side by side. The clustering
rules never join two names one article uses (two names set side by side are two people:
"Davies" and "Davis"), but a long article that quotes other outlets spells one person as
each of them does: a Guardian live blog's "Volodymyr Zelenskiy" beside a wire's "Volodymyr
Zelensky", "Sergei Lavrov" beside "Sergey Lavrov", and its own slips, "Volodomyr
Zelenskiy" (52 of 56 articles of the rarer spelling also used the other; each was an actor
of its own). Two people in one article whose names differ by one letter of one long word,
all their other words the same, are rarer than that: such a pair is one person's where
the rarer is a tenth as frequent or less, the frequent one a person's, and the letter is
no mark of another person: not a feminine "a" (Daniel / Daniela, Zelensky / Zelenska), and
in a surname only one edit (Khamenei / Khomeini are two)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from newsdesk.index.actors.names import significant, translit
from newsdesk.index.actors.one_edit import osa_within_one

# The rarer spelling at most this share of the frequent one's mentions.
_RARER = 10
_LONG_WORD = 5


class _Stats(Protocol):
    mentions: int
    person: int


def one_persons_spellings(key_a: str, key_b: str, live: Mapping[str, _Stats],
                          person: Callable[[_Stats], bool]) -> bool:
    """Whether `key_a` and `key_b` are one person's name spelt two ways (`person`: whether
    a key's stats are a person's)."""
    words_a, words_b = significant(key_a), significant(key_b)
    if len(words_a) != len(words_b) or len(words_a) < 2:
        return False
    differ = [i for i, (a, b) in enumerate(zip(words_a, words_b, strict=True)) if a != b]
    if len(differ) != 1:
        return False
    a, b = words_a[differ[0]], words_b[differ[0]]
    if min(len(a), len(b)) < _LONG_WORD or a.endswith("a") != b.endswith("a"):
        return False
    one_edit = osa_within_one(a, b) <= 1
    if not one_edit and (differ[0] == len(words_a) - 1 or translit(a) != translit(b)):
        return False
    s_a, s_b = live.get(key_a), live.get(key_b)
    if s_a is None or s_b is None:
        return False
    rare, frequent = (s_a, s_b) if s_a.mentions <= s_b.mentions else (s_b, s_a)
    return rare.mentions * _RARER <= frequent.mentions and person(frequent)


def spellings_together(together: Callable[[str, str], bool], live: Mapping[str, _Stats],
                       person: Callable[[_Stats], bool]) -> Callable[[str, str], bool]:
    """`together` (whether one article uses both keys), but false for one person's two
    spellings (`one_persons_spellings`): what the spelling rules ask."""
    def used_together(key_a: str, key_b: str) -> bool:
        return together(key_a, key_b) and not one_persons_spellings(key_a, key_b, live, person)
    return used_together
