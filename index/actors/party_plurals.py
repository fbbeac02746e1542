"""A plural of an ideology is no party unless the corpus names the party: US election news's
"Conservatives are siding with Cruz" became the (British) Conservative Party, whose shipped
entry has "Conservatives" for an alias (7 of its 9 hits in a US corpus never named a party).

A party's alias that is the plural of its name's first word ("Conservatives" of
"Conservative Party", "Greens" of "Green Party") is the party's where the corpus names the
party otherwise (its name, its other aliases: "Tory", "Conservative Party") in five
articles or more and a quarter of the plural's; where the corpus also writes the plural in
lower case (an ideology's people, "conservatives") and names the party less, it is left to
the corpus (a key of its own, no party). Generic English plurals, no list of parties."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from newsdesk.index.actors.dictionaries import Entry

# The party named otherwise in so many articles at least, and in a quarter of the plural's:
# Reuters 1987's "Conservatives" (61 articles) are Thatcher's, the party named in 28 ("Tory",
# "Conservative Party"); US election news names it in 3 (a satire's Canadian Tories) to 7.
_NAMED = 5
_SHARE = 4
# The articles naming the party that a capitalised plural joins (`join_party_plurals`).
_NAMED_JOINED = 2


class _Stats(Protocol):
    articles: int
    lower: int


def ideology_plurals(stats: Mapping[str, _Stats], anchored: Mapping[str, str],
                     entries: Mapping[str, Entry]) -> set[str]:
    """The anchored keys that are such plurals in a corpus that does not name their party."""
    out: set[str] = set()
    for key, head in anchored.items():
        if key == head or " " in key or not key.endswith("s") or (s := stats.get(key)) is None \
                or not s.lower:
            continue
        entry = entries.get(head)
        if entry is None or entry.type != "party":
            continue
        first, _, rest = head.partition(" ")
        if first != key[:-1] or not rest:
            continue
        named = sum(o.articles for k in entry.name_keys()
                    if k != key and (o := stats.get(k)) is not None)
        if named < _NAMED or named * _SHARE < s.articles:
            out.add(key)
    return out


class _Counts(Protocol):
    articles: int
    mentions: int
    lower: int
    person: int
    org: Mapping[str, int]


def join_party_plurals(live: Mapping[str, _Counts], anchored: Mapping[str, str],
                       union: Callable[[str, str], object]) -> None:
    """A capitalised plural of a party's first word ("Liberals", "Greens") is that party's
    where the corpus names the party ("Liberal Party", "Liberal Party of Canada") and has
    no other party of that word: Canadian news's "Liberals" (151 articles) were an actor
    apart from the "Liberal Party of Canada" (stranger10). As `ideology_plurals`, a plural
    the corpus mostly writes in lower case ("liberals", people of an ideology), one cued as
    a person's, or a dictionary's name is left alone; so is one whose party the corpus
    also names after places often ("Japan Socialist Party", "Arab Socialist Party" beside
    "Socialist Party": a quarter as often or more), several countries' parties; so is one
    whose party the corpus names in few articles (as `ideology_plurals`)."""
    parties: dict[str, list[str]] = {}
    placed: dict[str, int] = {}  # "japan socialist party": a party's word after a place's
    for key in live:
        first, _, rest = key.partition(" ")
        if (rest == "party" or rest.startswith("party of ")) \
                and (s := live[key]).org.get("party", 0) * 4 >= s.mentions:
            parties.setdefault(first + "s", []).append(key)
        elif key.endswith(" party") and 2 <= key.count(" ") <= 4:  # (reach.py's by_tail)
            word = key[:-6].rpartition(" ")[2]
            placed[word + "s"] = placed.get(word + "s", 0) + live[key].mentions
    for plural, keys in parties.items():
        s = live.get(plural)
        if s is None or plural in anchored or s.lower * 2 >= s.mentions \
                or s.person * 4 >= s.mentions:
            continue
        if placed.get(plural, 0) * _SHARE >= sum(live[k].mentions for k in keys):
            continue  # (Reuters 1987: Italy's, France's, Japan's Socialists: no one party)
        party = plural[:-1] + " party"
        # (A party one article names is not the corpus's: a US corpus's "Communists" and
        # "Communist" are an ideology's, "Communist Party" written once.)
        if sum(live[k].articles for k in keys) < _NAMED_JOINED:
            continue
        of = [k for k in keys if k != party]
        # (Two parties "of" two places, "of Canada" and "of Australia": only the bare name.)
        for key in (keys if len(of) <= 1 else [party] if party in keys else []):
            union(key, plural)
