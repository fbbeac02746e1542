"""Possessives written without their apostrophe ("Bashar al-Assads forces", "Donald
Trumps visit", "Daeshs fighters"): scraped text and some data sets strip apostrophes, and
each such name became an actor of its own beside the name it is the possessive of
(stranger11: "Bashar al-Assads" 72 articles beside "Bashar al-Assad").

The "s" form joins the name without it where that reading is the only likely one: the name
without it is a person's full name (two words or more, the last no plural), or one word a
dictionary knows, and the corpus writes it more often than the "s" form (a possessive
is rarer than its bare name, and names the actor: "John Adams" beside a rare "John
Adam" stays apart), or else cued a person's four times as often as it: a possessive
takes no cue ("Donald Trumps visit", 14 times, beside "Donald Trump said", 10, in a
corpus that strips apostrophes). Not where the "s" form is a dictionary's own name
("Philippines", "Americas"), a demonym, or a lone word mostly after "the"
(a plural: "the Saints", "the Greens")."""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Iterable, Mapping
from typing import Protocol


class _Stats(Protocol):
    mentions: int
    person: int

    @property
    def org(self) -> Mapping[str, int]: ...


def bare_possessives(live: Mapping[str, _Stats], keys: Iterable[str],
                     anchored: Container[str], demonyms: Container[str],
                     person_cued: Callable[[_Stats], bool]) -> list[tuple[str, str]]:
    """(name, its "s" form) pairs to join, of `keys` (the corpus's keys ending in "s")."""
    out: list[tuple[str, str]] = []
    for key in keys:
        stem = key[:-1]
        base = live.get(stem)
        if base is None or key in anchored or key in demonyms or stem in demonyms:
            continue
        s = live[key]
        if stem.endswith("s"):
            continue
        if base.mentions <= s.mentions:
            # The "s" form the commoner: its name's where the name alone is cued a
            # person's far more often than it ("Donald Trumps" 14 times, once cued,
            # beside "Donald Trump" said 10 times: a possessive takes no cue); not a
            # rare slip of a person's name ("John Adam" beside "John Adams" said).
            if " " in stem and person_cued(base) and not _kind_cued(s) \
                    and s.person * _CUED_MORE <= base.person:
                out.append((stem, key))
            continue
        if " " in stem:
            # A person's full name, the "s" form cued no other way.
            if person_cued(base) and (person_cued(s) or not _kind_cued(s)):
                out.append((stem, key))
        elif stem in anchored and s.org.get("thing", 0) * 2 < s.mentions:
            out.append((stem, key))
    return out


# How many times as many person cues the bare name needs where its "s" form is the
# commoner.
_CUED_MORE = 4


def _kind_cued(s: _Stats) -> bool:
    return any(n for kind, n in s.org.items() if kind not in ("thing", "modifier"))


def possessed(words: list[str], cut: int, legal: Collection[str]) -> str:
    """The name after a possessive that ends word `cut` - 1 of a key's `words`, `legal`
    suffixes aside ("conoco" of "dupont s conoco inc": cluster._possessive_owners)."""
    return " ".join(w for w in words[cut:] if w not in legal)
