"""Where a lone word is not the full name's it would join, though its last word fits
(cluster.py's rule 7), nor an acronym the name its initials spell (rule 5). A tenth outside
tester's corpora (FNC-1's viral news, BASIL's US politics, CBC business news) found
`actor:` hits that never named the actor:

- a lone given name standing for a nickname's last word: "John" (James Foley's brother,
  "I call on you, John") joined Jihadi John, whose first word is no given name; a full name
  that opens with a given name ("Elton John") may still take it;
- a lone word with no person's cue that starts another actor's names more often than the
  full name is named ("Fox" of "Fox News", 114 mentions, "said on Fox", against Vicente
  Fox's 37): that actor's clipped name, not the surname;
- an acronym no definition gives, spelled by a name of one body, that starts another
  actor's names more often than that body is named ("CBC" of "CBC News", 314 mentions,
  against the Conference Board of Canada's 40).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping

from newsdesk.index.actors.extract import ORG_CUES
from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.names import significant
from newsdesk.index.actors.records import KeyCounts


def given_name_elsewhere(word: str, full_key: str, said_alone: int, full_mentions: int) -> bool:
    """Whether a lone `word`, a given name, is not the surname of `full_key`, whose first
    word is no given name, where the full name's own articles call the person by the word
    alone (`said_alone`) in under a fifth of its mentions (`full_mentions`): Jihadi John, 9
    of 215 (the module's first case). (The shipped given names count surnames too,
    "Clinton", "Smith": a full name its articles call by its last word is a surname's. So
    many mentions an article of a lone one, "a man called Thomas" 100 times in 14
    articles, say no more than US news's "Clinton", 76 in 16, Hillary Clinton's: FNC-1's
    Thomas is left to Dylan Thomas.)"""
    if word not in given_names():
        return False
    full = significant(full_key)
    return bool(full) and full[0] not in given_names() \
        and said_alone * _SAID_ALONE_SHARE < full_mentions


# A surname's full name is called by it alone in at least a fifth of its mentions.
_SAID_ALONE_SHARE = 5


def is_org(key: str) -> bool:
    """Whether a key of two words or more ends in a body's head word ("fox news")."""
    words = significant(key)
    return len(words) > 1 and words[-1] in ORG_CUES


class StartsOthers:
    """How often a word starts the names of groups other than a given one: keys sorted
    once, when first asked (few are)."""

    def __init__(self, live: Mapping[str, KeyCounts], find: Callable[[str], str]) -> None:
        self._live = live
        self._find = find
        self._ordered: list[str] = []

    def mentions(self, word: str, owner: str) -> int:
        """Mentions of the bodies' names `word` starts (as their first word: "fox news")
        outside `owner`'s group (a body's by its words, as reach.py links them)."""
        return sum(s.mentions for k, s in self._others_starting(word, owner) if is_org(k))

    def names_starting(self, words: str, owner: str, least: int) -> int:
        """Mentions of any names `words` start outside `owner`'s group, each named `least`
        times at least (cue_heads.py: "Sky Plus", "Sky Movies" beside "Sky News")."""
        return sum(s.mentions for _, s in self._others_starting(words, owner)
                   if s.mentions >= least)

    def _others_starting(self, words: str, owner: str) -> Iterator[tuple[str, KeyCounts]]:
        """The keys `words` start (as their first words) outside `owner`'s group."""
        if not self._ordered:
            self._ordered = sorted(self._live)
        prefix = words + " "
        for i in range(bisect_left(self._ordered, prefix), len(self._ordered)):
            k = self._ordered[i]
            if not k.startswith(prefix):
                break
            if (s := self._live.get(k)) is not None and self._find(k) != self._find(owner):
                yield k, s

    def heads_another(self, word: str, owner: str, named: int) -> bool:
        """Whether `word` starts other groups' names more often than `named` mentions."""
        return self.mentions(word, owner) > named
