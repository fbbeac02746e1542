"""The titles a whole corpus learns (cluster.py, rule 7: a word cut off before full names
twice or more that starts no person's name), worked out for a patch without clustering the
whole corpus: the one rule that weighs every key, so no region of keys shows it. With them,
the rule's other count over the whole corpus: how many people's names of two words each
first word starts (a name of two words no other shares its first word with may be a
longer name's surname).

Only two kinds of key take part: the full names of people (two words or more, cued as a
person's: `person > 0` in the store) and the longer keys that end with one. Their stats are
read once while the store's keys stay as they are (`stamp`); the titles under a set of
dictionaries are then a pass over them. What the rules read of the rest of the corpus
(which dictionary names it uses most, which bodies three countries' names prefix) comes from
the store's key index (reach.KeyIndex)."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import cast

from newsdesk.index.actors.bracketed import split_bracketed
from newsdesk.index.actors.cluster import (
    KeyStats,
    _dropped,
    _of_its_time,
    people_facts,
)
from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.key_stats import read_key_stats
from newsdesk.index.actors.names import significant
from newsdesk.index.actors.reach import KeyIndex


class TitleFacts:
    """The stats of the keys that take part in learning titles, in the store's key order."""

    def __init__(self, db: sqlite3.Connection, index: KeyIndex) -> None:
        self.stamp = index.stamp
        self.index = index
        people = [k for (k,) in db.execute(
            "SELECT key FROM key_totals WHERE person > 0 AND key LIKE '% %'")]
        wanted = set(people)
        for person in people:
            sig = significant(person)
            if len(sig) < 2:
                continue
            for key in index.by_last_sig.get(sig[-1], ()):
                theirs = significant(key)
                if len(theirs) > len(sig) and theirs[-len(sig):] == sig:
                    wanted.add(key)
        # A plural acronym drops its singular too ("MPs", "MP"): the plurals of these keys,
        # so that their singulars here are dropped as the whole corpus drops them.
        wanted.update([k + "s" for k in wanted if k + "s" in index.known])
        db.execute("CREATE TEMP TABLE IF NOT EXISTS title_keys (key TEXT PRIMARY KEY)")
        db.execute("DELETE FROM title_keys")
        db.executemany("INSERT INTO title_keys VALUES (?)", [(k,) for k in wanted])
        read, acronyms = read_key_stats(db, "title_keys")
        db.execute("DELETE FROM title_keys")
        # In the whole corpus's order: two keys of one name's words ("al X Y", "X Y") are
        # one entry of `people`, the later one's.
        self.stats = {k: read[k] for k in index.keys if k in read}
        self.acronyms = acronyms
        # What `_used_as_noun` reads of a plural: its mentions.
        self.plurals = dict(self.stats)
        for key in self.stats:
            plural = key[:-1] + "ies" if key.endswith("y") else key + "s"
            if plural not in self.plurals and plural in index.mentions:
                self.plurals[plural] = KeyStats(plural, mentions=index.mentions[plural])

    def titles(self, dictionaries: Dictionaries) -> frozenset[str]:
        """The titles the whole corpus learns under `dictionaries` (cluster's `learned_titles`)."""
        return self.facts(dictionaries)[0]

    def facts(self, dictionaries: Dictionaries) -> tuple[frozenset[str], Counter[str]]:
        """The titles, and how many people's names of two words each first word starts,
        in the whole corpus under `dictionaries` (cluster's `people_facts`)."""
        mentions = self.index.mentions
        names = set(dictionaries.alias)
        for entry in dictionaries.entries.values():  # (what `_of_its_time` counts)
            names.update(entry.name_keys())
        used = {k: _Used(mentions[k]) for k in names if k in mentions}
        anchored = _of_its_time(cast("dict[str, KeyStats]", used), dictionaries)
        defined = split_bracketed(self.acronyms)[0]  # (bracketed.py's pairs are no definitions)
        dropped = _dropped(self.stats, defined, self._every_countrys(dictionaries))
        return people_facts(self.stats, anchored, dictionaries, dropped, self.plurals)

    def _every_countrys(self, dictionaries: Dictionaries) -> set[str]:
        """cluster._every_countrys, of the keys here: found through the key index's names
        after one to three words (the country's)."""
        country_of: dict[str, str] = {}
        for key, head in dictionaries.alias.items():
            entry = dictionaries.entries.get(head)
            if entry is not None and entry.type == "country":
                country_of[key] = head
        out = set()
        for body, s in self.stats.items():
            found: set[str] = set()
            for _, prefix in self.index.by_tail.get(body, ()):
                country = country_of.get(prefix)
                if country:
                    found.add(country)
            if len(found) >= 3 and body not in dictionaries.alias \
                    and not all(surface.isupper() for surface in s.surfaces):
                out.add(body)
        return out


class _Used:
    """What `_of_its_time` reads of a dictionary name's stats: how often the corpus uses it."""

    __slots__ = ("mentions",)

    def __init__(self, mentions: int) -> None:
        self.mentions = mentions


def keys_titled(index: KeyIndex, words: set[str]) -> set[str]:
    """The keys of two significant words whose first is one of `words`: where a title is
    learned or unlearned, the keys the lone-surname rule reads differently."""
    out: set[str] = set()
    starts: dict[str, list[str]] = defaultdict(list)
    for word in words:
        starts[word[:3]].append(word)
    for start, these in starts.items():
        for key in index.by_start.get((2, start), ()):
            if significant(key)[0] in these:
                out.add(key)
    return out
