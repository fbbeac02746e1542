"""Which name keys a curation edit can change the clustering of: the keys it touched, and
every key a clustering rule (cluster.py) could weigh together with one of them, and so on
until no rule reaches further. Re-clustering that set alone, from its own keys' totals, gives
those keys the actors a whole rebuild gives them, and the keys outside keep theirs.

A rule that links keys decides from the keys it links: a body named after one country and
that body ("US Supreme Court", "Supreme Court"), an acronym and its expansion or the names
whose initials it is (USADA, "United States Anti-Doping Agency"), a shorter organisation
name and the longer ones holding it, a lone surname and the full names ending with it, one
spelling and another within one edit, a clipped head word and the names it heads. Each
relation here is a superset of one rule's: a pair it leaves out is a pair that rule never
weighs. A key whose own totals rule a link out (a word used as a person's name is never a
clipped head) links only through the other rules.

Built from the keys alone (one read of the key list, a few indexes of their words), asked
only about the keys the closure reaches."""

from __future__ import annotations

import functools
import re
import sqlite3
import sys
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from newsdesk.index.actors.bare_possessives import possessed
from newsdesk.index.actors.bracketed import unmarked
from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.extract import ORG_CUES, SENTENCE_FIRST
from newsdesk.index.actors.gc_pause import gc_paused
from newsdesk.index.actors.island_heads import ISLAND_TAILS, island_word
from newsdesk.index.actors.lone_guards import is_org as _is_org
from newsdesk.index.actors.missions import SENT_TO, mission_head, sends
from newsdesk.index.actors.names import (
    initials,
    name_key,
    signature,
    significant,
    singular,
    translit,
    two_letters_swapped,
)
from newsdesk.index.actors.not_actors import storm_name
from newsdesk.index.actors.one_edit import osa_within_one
from newsdesk.index.actors.organ_names import ORGAN_WORDS, organ_body
from newsdesk.index.actors.organ_owners import MAX_BEFORE
from newsdesk.index.actors.region_demonyms import people_forms, places_of_people
from newsdesk.index.actors.run_together import MAX_WORDS, splits
from newsdesk.index.option_values import ACTOR_TYPES

if TYPE_CHECKING:
    from newsdesk.index.actors.cluster import KeyStats

_REAL_TYPES = frozenset(ACTOR_TYPES)
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s ")
# cluster.py's legal suffixes ("Co", "Inc"): a name and the same name with them are linked.
_LEGAL = frozenset(("co", "inc", "corp", "corporation", "ltd", "plc", "llc", "ag", "sa", "nv",
                    "gmbh", "bv", "spa", "kk", "and"))

# cluster.py's group suffixes ("Wagner Group"): a word and the same word with them are linked.
_GROUP = frozenset(("group", "holdings"))


class _Local:
    """A key's own totals, as far as the gates below ask them."""

    __slots__ = ("location", "mentions", "org", "person")

    def __init__(self, mentions: int, person: int, location: int, org: dict[str, int]) -> None:
        self.mentions, self.person, self.location, self.org = mentions, person, location, org

    def person_cued(self) -> bool:
        real = sum(n for t, n in self.org.items() if t in _REAL_TYPES)
        return self.person > 0 and self.person >= self.org.get("thing", 0) and self.person > real


class KeyIndex:
    """The keys of one store, indexed by what the clustering rules compare of them: built
    from the keys alone (no dictionary), so kept while the store's keys stay as they are
    (`stamp`), and stored with the actor table (key_index_store.py): a session's first
    curation edit reads it rather than building it (about 1 s at 100,000 articles).

    `pause`, if given, is called between slices of the build (a background build gives
    way to typing there)."""

    def __init__(self, db: sqlite3.Connection, pause: Callable[[], None] | None = None
                 ) -> None:
        with gc_paused():
            self._take(index_parts(*read_keys(db), pause=pause))

    @classmethod
    def from_parts(cls, parts: dict[str, Any]) -> KeyIndex:
        """The index of `parts` (`index_parts`, as stored)."""
        index = cls.__new__(cls)
        with gc_paused():
            index._take(parts)
        return index

    def _take(self, parts: dict[str, Any]) -> None:
        from newsdesk.index.actors.cluster import Kept

        self.parts = parts  # (what is stored)
        self.stamp: tuple[int, ...] = tuple(parts["stamp"])
        self.mentions: dict[str, int] = parts["mentions"]
        self.keys: list[str] = parts["keys"]  # in key order (the table's)
        self.known = set(self.keys)
        self.acronym: set[str] = parts["acronym"]
        # Each acronym's expansions in the text, with how many times each (the rules'
        # acronym counts of a region, read here rather than from every acronym row).
        self.expansions: dict[str, dict[str, int]] = parts["expansions"]
        forward: dict[str, set[str]] = {}
        backward: dict[str, set[str]] = defaultdict(set)
        for short, found in self.expansions.items():
            # (a name it stood in brackets after is marked: bracketed.py's rule links them)
            names = forward[short] = {unmarked(e) for e in found}
            for expansion in names:
                backward[expansion].add(short)
        self.defined, self.defines = forward, backward
        self.by_sig = parts["by_sig"]
        self.by_gap = parts["by_gap"]  # _one_word_apart
        self.by_start = parts["by_start"]  # _clipped
        self.clips = parts["clips"]
        self.by_last = parts["by_last"]  # last word, as written
        self.by_last_sig = parts["by_last_sig"]  # last significant, as written
        self.by_surname = parts["by_surname"]  # its translit form
        self.singles = parts["singles"]  # one-word keys by translit form
        self.by_tail = parts["by_tail"]  # after 1-3 words
        self.by_initials = parts["by_initials"]
        self.by_head_of = parts["by_head_of"]  # the words before "of"
        self.ends = parts["ends"]  # _fuzzy
        self.orgs = _OrgIndex.from_parts(parts["org_same"], parts["org_inside"])
        self.local = Local(parts["cues"], parts["orgs_of"], parts["possessive"])
        self.local_cache: dict[str, _Local] = {}
        # A key's links by spelling alone (Reach._links), as they are asked; whether one
        # article uses two keys (the rules' `together`), as the patch asks.
        self.spelt: dict[str, frozenset[str]] = {}
        # Each key's stats, as a patch reads them (ActorTable._region_stats); its place in
        # the key list (the order the rules see keys in) is `order`.
        self.stats: dict[str, KeyStats] = {}
        self.together: dict[tuple[str, str], bool] = {}
        # What clustering works out of one key alone (cluster.py, Kept): a patch's rounds
        # cluster much the same keys again.
        self.kept = Kept()

    @functools.cached_property
    def order(self) -> dict[str, int]:
        """Each key's place in the key list (made when first asked: a key index made to
        read the titles through, cluster_process._index_apart, never asks, and it was
        40 MB there at 425,499 keys)."""
        return {key: n for n, key in enumerate(self.keys)}


def read_keys(db: sqlite3.Connection) -> KeyRows:
    """What a KeyIndex is built from (`index_parts`'s arguments), read from the store."""
    stamp = key_stamp(db)
    mentions: dict[str, int] = dict(db.execute("SELECT key, mentions FROM key_totals"))
    # Keys written mostly in capitals (cluster._acronym_keys, a little wider).
    acronym = {r[0] for r in db.execute(
        "SELECT key FROM key_surfaces WHERE key NOT LIKE '% %' GROUP BY key HAVING "
        "2 * sum(CASE WHEN surface GLOB '*[a-z]*' THEN 0 ELSE n END) > sum(n)")}
    expansions: dict[str, dict[str, int]] = {}
    for short, expansion, n in db.execute(
            "SELECT acronym, expansion, count(*) FROM acronyms GROUP BY 1, 2"):
        expansions.setdefault(short, {})[expansion] = n
    cues = {key: (person, location) for key, person, location in db.execute(
        "SELECT key, person, location FROM key_totals WHERE person != 0 OR location != 0")}
    orgs: dict[str, dict[str, int]] = {}
    for key, org, n in db.execute(  # (no line's marks: repeated_lines.py)
            "SELECT key, org, n FROM key_orgs WHERE org NOT LIKE 'line %'"):
        orgs.setdefault(key, {})[org] = n
    possessive = {key for key, surface in db.execute(
        "SELECT key, surface FROM key_surfaces WHERE key LIKE '% %' AND "
        "(surface LIKE '%''s %' OR surface LIKE '%’s %')")
        if _POSSESSIVE_INSIDE.search(surface)}
    return stamp, mentions, acronym, expansions, Local(cues, orgs, possessive)


_LOWER = re.compile("[a-z]")  # SQL's GLOB '*[a-z]*'


def stats_keys(stamp: tuple[int, ...], stats: dict[str, KeyStats],
               acronyms: dict[str, Counter[str]]) -> KeyRows:
    """`read_keys` from the stats of every key (key_stats.read_key_stats, what a rebuild
    reads) rather than from the store."""
    acronym = set()
    possessive = set()
    for key, s in stats.items():
        if " " not in key:
            if s.surfaces:
                upper = sum(n for surface, n in s.surfaces.items()
                            if not _LOWER.search(surface))
                if 2 * upper > sum(s.surfaces.values()):
                    acronym.add(key)
        elif any(_POSSESSIVE_INSIDE.search(surface) for surface in s.surfaces):
            possessive.add(key)
    cues = {k: (s.person, s.location) for k, s in stats.items() if s.person or s.location}
    orgs = {k: dict(s.org) for k, s in stats.items() if s.org}
    return (stamp, {k: s.mentions for k, s in stats.items()}, acronym,
            {a: dict(found) for a, found in acronyms.items()}, Local(cues, orgs, possessive))


class Local(NamedTuple):
    """What the gates of the links read of each key's own totals (`_Local`): its person
    and location cues (where either is not 0), its organisation cues, and whether the
    corpus writes it with a possessive inside ("Moody's Investors")."""

    cues: dict[str, tuple[int, int]]
    orgs: dict[str, dict[str, int]]
    possessive: set[str]


KeyRows = tuple[tuple[int, ...], dict[str, int], set[str], dict[str, dict[str, int]], Local]


PAUSE_EVERY = 2_000  # keys indexed between two calls of a build's `pause`


PARTS = ("by_sig", "by_gap", "by_start", "clips", "by_last", "by_last_sig", "by_surname",
         "singles", "by_tail", "by_initials", "by_head_of", "ends", "org_same", "org_inside")
"""The parts made from each key's words (`index_parts`), each of which `only` may ask for."""


def index_parts(stamp: tuple[int, ...], mentions: dict[str, int], acronym: set[str],
                expansions: dict[str, dict[str, int]], local: Local,
                pause: Callable[[], None] | None = None, warm: bool = True,
                only: Iterable[str] | None = None) -> dict[str, Any]:
    """What a KeyIndex holds, in plain containers (key_index_store.py stores them): from
    each key's mentions (in key order), the keys written mostly in capitals, each
    acronym's expansions with their counts, and what the links' gates read of each key.
    (With the garbage collector paused: its passes over the hundreds of thousands of
    containers made here cost as much as the rest.) `warm`: the names' caches hold the
    keys' words (a clustering of them just made): asked through them; else each key's
    words are made here without filling the caches (a process that made none: each key is
    asked once, and the caches of many keys held a tuple or two a key through the dump,
    59 MB at 125,840 keys). `only`: those of `PARTS` alone (each as the whole build makes
    it), for a build that makes and stores the parts a few at a time (cluster_process's
    `_index_apart`): the keys' other parts are not made."""
    with gc_paused():
        return _index_parts(stamp, mentions, acronym, expansions, local, pause, warm,
                            frozenset(PARTS if only is None else only))


def _index_parts(stamp: tuple[int, ...], mentions: dict[str, int], acronym: set[str],
                 expansions: dict[str, dict[str, int]], local: Local,
                 pause: Callable[[], None] | None, warm: bool, only: frozenset[str]
                 ) -> dict[str, Any]:
    keys = list(mentions)
    by_sig: dict[tuple[str, ...], list[str]] = defaultdict(list)
    # (words, which word, the others) -> (that word, key): _one_word_apart
    by_gap: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)
    by_start: dict[tuple[int, str], list[str]] = defaultdict(list)
    clips: dict[str, tuple[str, ...]] = {}  # its significant words in the singular: _clipped
    by_last: dict[str, list[str]] = defaultdict(list)
    by_last_sig: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    singles: dict[str, list[str]] = defaultdict(list)
    by_tail: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_head_of: dict[str, list[str]] = defaultdict(list)
    # (first or last three letters, words, length) -> (key, mentions): _fuzzy
    ends: dict[tuple[str, int, int], list[tuple[str, int]]] = defaultdict(list)
    # (translit's words repeat: it keeps its cache.)
    words_of, initials_of = (significant, initials) if warm else \
        (significant.__wrapped__, initials.__wrapped__)
    # (Not warm, a build that makes and stores a few parts at a time: the translit forms
    # and clips' words interned, as the keys are, so that the parts of several pieces read
    # back share them: by_sig's, by_gap's, by_surname's and singles' words are one string
    # a form.)
    form_of, singular_of = (translit, singular) if warm else \
        (_interned_translit, _interned_singular)
    # (Which parts are made: all of them but where a build makes a few at a time.)
    sigs, gaps, starts, clipped = ("by_sig" in only, "by_gap" in only, "by_start" in only,
                                   "clips" in only)
    lasts, last_sigs, surnames, lone = ("by_last" in only, "by_last_sig" in only,
                                        "by_surname" in only, "singles" in only)
    tails, initial, heads, fuzzy = ("by_tail" in only, "by_initials" in only,
                                    "by_head_of" in only, "ends" in only)
    for done, key in enumerate(keys, 1):
        sig_words = words_of(key)
        if sigs or gaps:
            sig = signature(key) if warm else tuple(map(form_of, sig_words))
            if sigs:
                by_sig[sig].append(key)
            if gaps and len(sig) >= 2:
                for i, word in enumerate(sig):
                    by_gap[len(sig), i, sig[:i] + sig[i + 1:]].append((word, key))
        words = key.split()
        if sig_words:
            if starts:
                by_start[len(sig_words), sig_words[0][:3]].append(key)
            if clipped and len(sig_words) >= 2:
                clips[key] = tuple(map(singular_of, sig_words))
        if lasts:
            by_last[words[-1]].append(key)
        if len(words) == 1:
            if lone:
                singles[form_of(key)].append(key)
        elif sig_words:
            if last_sigs:
                by_last_sig[sig_words[-1]].append(key)
            if surnames:
                by_surname[form_of(sig_words[-1])].append(key)
            if tails:
                for cut in range(1, min(len(words), 4)):
                    by_tail[" ".join(words[cut:])].append((key, " ".join(words[:cut])))
            if initial:
                for letters in initials_buckets(key, words, initials_of):
                    by_initials[letters].append(key)
            if heads and "of" in words[1:]:
                before = words[:words.index("of")]
                for head in {before[-1], " ".join(before[-2:])}:
                    by_head_of[head].append(key)
        if fuzzy and len(key) >= 7:
            item = (key, mentions[key])
            ends["<" + key[:3], len(words), len(key)].append(item)
            ends[key[-3:] + ">", len(words), len(key)].append(item)
        if pause is not None and done % PAUSE_EVERY == 0:
            pause()
    made: dict[str, Any] = {
        "by_sig": by_sig, "by_gap": by_gap, "by_start": by_start, "clips": clips,
        "by_last": by_last, "by_last_sig": by_last_sig, "by_surname": by_surname,
        "singles": singles, "by_tail": by_tail, "by_initials": by_initials,
        "by_head_of": by_head_of, "ends": ends}
    if "org_same" in only or "org_inside" in only:
        made["org_same"], made["org_inside"] = \
            _OrgIndex.index(k for k in keys if _is_org(k))
    # Lists as tuples: the garbage collector stops tracking a tuple of text after its first
    # pass (a list it walks on every full pass: 80 ms each in a dashboard holding the index).
    return {"stamp": list(stamp), "mentions": mentions, "keys": keys, "acronym": acronym,
            "expansions": expansions,
            **{name: made[name] if name == "clips" else _frozen(made[name])
               for name in PARTS if name in only},
            "cues": local.cues, "orgs_of": local.orgs, "possessive": local.possessive}


def _interned_translit(word: str) -> str:
    return sys.intern(translit(word))


def _interned_singular(word: str) -> str:
    return sys.intern(singular(word))


def initials_buckets(key: str, words: list[str],
                     initials_of: Callable[[str], str] = initials) -> list[str]:
    """The `by_initials` buckets of a name of several words: its initials where they are
    three or more ("ICO"), and its short acronym's letters ("General Motors Corp": GM)."""
    out = []
    if len(words) >= 3 and len(letters := initials_of(key)) >= 3:
        out.append(letters)
    if (short := short_initials(words, initials_of)) and short not in out:
        out.append(short)
    return out


def short_initials(words: list[str], initials_of: Callable[[str], str] = initials
                   ) -> str | None:
    """The letters of the short acronyms a name may be the expansion of (cluster.py's
    `_short_acronyms`, which asks one a word): its words' initials, legal suffixes aside."""
    letters = initials_of(" ".join(w for w in words if w not in _LEGAL))
    return letters if 2 <= len(letters) <= 4 else None


def _frozen(found: dict[Any, list[Any]]) -> dict[Any, tuple[Any, ...]]:
    # (Each list let go of as its tuple is made, in place: a new dict beside them held
    # every list and every tuple at once, and the parts were made all before any was
    # frozen.)
    for k, v in found.items():
        found[k] = tuple(v)  # type: ignore[assignment]
    return dict(found)


def key_stamp(db: sqlite3.Connection) -> tuple[int, ...]:
    """Changes when the store's keys do (an indexing run adds or deletes mentions): their
    number and the sums of their totals, surfaces and cues, and the acronyms' number (a
    KeyIndex keeps the keys' stats and the acronyms' expansions for patches, not only the
    key list)."""
    row = db.execute("SELECT count(*), total(mentions), total(articles), total(person), "
                     "total(location), total(lower) FROM key_totals").fetchone()
    more = db.execute("SELECT (SELECT count(*) FROM key_surfaces), "
                      "(SELECT count(*) FROM key_orgs), "
                      "(SELECT total(n) FROM key_orgs), "
                      "(SELECT count(*) FROM acronyms)").fetchone()
    return tuple(int(v) for v in (*row, *more))


class Reach:
    """Which keys the clustering rules weigh together, under one set of dictionaries."""

    def __init__(self, db: sqlite3.Connection, dictionaries: Dictionaries,
                 changed: Iterable[str] = (), index: KeyIndex | None = None,
                 titles: frozenset[str] = frozenset(), spelled: Iterable[str] = ()) -> None:
        """`changed`: keys whose dictionary entry the edit changed (a country's name among
        them changes every name it prefixes); `index`: the store's KeyIndex if current;
        `titles`: the titles the corpus learns (titles.py), before and after the edit (a
        title and a surname are a lone surname: "Commission President"); `spelled`: those
        of `changed` changed only as acronyms (entry_changes.py)."""
        self.db = db
        self.titles = titles
        self.dictionaries = dictionaries
        self.changed = set(changed)
        self.spelled = set(spelled)
        self.index = index = index or KeyIndex(db)
        self.keys, self.known, self.mentions = index.keys, index.known, index.mentions
        self._local = index.local_cache
        self._linked: dict[str, set[str]] = {}
        self.countries = {key for key, head in dictionaries.alias.items()
                          if (e := dictionaries.entries.get(head)) is not None
                          and e.type == "country"}
        self.acronym = set(index.acronym)
        self.acronym.update(
            k for k, upper in dictionaries.capitals.items() if upper and " " not in k)
        self.acronym.update(name_key(name) for e in dictionaries.entries.values()
                            for name in (e.name, *e.aliases)
                            if " " not in name and name.replace(".", "").isupper())
        by_head_of: dict[str, list[str]] = defaultdict(list)
        for key in dictionaries.alias:  # a dictionary's formal name heads its other names
            words = key.split()
            if "of" in words[2:]:
                by_head_of[" ".join(words[:words.index("of")][-2:])].append(key)
        self.dictionary_heads = by_head_of
        self.dictionary_sigs = {signature(k) for k in dictionaries.alias}
        self.by_sig, self.by_gap, self.by_start = index.by_sig, index.by_gap, index.by_start
        self.by_last, self.by_last_sig = index.by_last, index.by_last_sig
        self.by_surname, self.singles = index.by_surname, index.singles
        self.by_initials, self.ends, self.orgs = index.by_initials, index.ends, index.orgs

    def _prefixed(self, body: str) -> set[str]:
        """The names made of `body` after a country's name (or a changed one, or a parent's
        acronym before an organisation's name)."""
        parent = _parent_of(body) if " " in body else False
        out = {key for key, prefix in self.index.by_tail.get(body, ())
               if prefix in self.countries or prefix in self.changed
               or (parent and prefix in self.acronym and " " not in prefix)}
        # and the body "of" a country ("Supreme Court of Cyprus"): cluster.py's
        # _countries_bodies counts the countries that name a body in either form (a bare
        # "Supreme Court" named with two stays apart from both).
        for key in self.index.by_head_of.get(" ".join(body.split()[-2:]), ()):
            head, _, place = key.rpartition(" of ")
            place = place.removeprefix("the ")
            if head == body and (place in self.countries or place in self.changed):
                out.add(key)
        return out

    def acronyms(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """(acronym -> the names it was defined with, name -> the acronyms defined by it)."""
        return self.index.defined, self.index.defines

    # -- what is read lazily ---------------------------------------------------------------------

    def _possessive(self, key: str) -> bool:
        """Whether the corpus writes `key` with a possessive inside ("Moody's Investors")."""
        return key in self.index.local.possessive

    def local(self, key: str) -> _Local:
        found = self._local.get(key)
        if found is None:  # (from the key index: no round trip to the store per key)
            local = self.index.local
            person, location = local.cues.get(key, (0, 0))
            mentions, org = self.mentions.get(key, 0), local.orgs.get(key, {})
            # A lone word's totals are weighed by the rules with those of every sentence's
            # first word's candidate ending with it ("^united telecommunications" adds to
            # "telecommunications": cluster._sentence_firsts): so here, or a gate read on
            # the word's own totals shut out links the rules then weigh (a patch that
            # rebuilt the whole table after a rename at 100,000 articles).
            firsts = [k for k in self.by_last.get(key, ()) if k[:1] == SENTENCE_FIRST] \
                if " " not in key else ()
            if firsts:
                org = dict(org)
                for other in firsts:
                    more_person, more_location = local.cues.get(other, (0, 0))
                    person, location = person + more_person, location + more_location
                    mentions += self.mentions.get(other, 0)
                    for kind, n in local.orgs.get(other, {}).items():
                        org[kind] = org.get(kind, 0) + n
            found = self._local[key] = _Local(mentions, person, location, org)
        return found


    # -- the links ---------------------------------------------------------------------------------

    def _spelling(self, letters: str) -> list[str]:
        """The names whose initials are `letters` that rules 5 and 5's short acronyms can
        join to it: those of two mentions or more (both let rarer names go), so that a
        region does not take in every rare name two letters spell."""
        mentions = self.mentions
        found = [k for k in self.by_initials.get(letters, ()) if mentions.get(k, 0) >= 2]
        # Two letters are the short acronyms' alone, which weigh a company's or a body's
        # names: one with a legal suffix, an organisation's last word or cue.
        return found if len(letters) != 2 else [k for k in found if self._may_own_short(k)]

    def _may_own_short(self, key: str) -> bool:
        """cluster.py's `_short_acronyms` test of a name that may own an acronym, or
        place_initials.py's of a place its dotted initials may join ("Los Angeles")."""
        words = key.split()
        local = self.local(key)
        return (len([w for w in significant(key) if w not in _LEGAL]) < len(words)
                or _is_org(key) or any(t in ACTOR_TYPES for t in local.org)
                or local.location * 4 >= local.mentions)

    def linked(self, key: str) -> set[str]:
        """Every key a clustering rule may weigh together with `key`."""
        found = self._linked.get(key)
        if found is None:
            found = self._linked[key] = self._links(key)
        return found

    def _links(self, key: str) -> set[str]:
        out: set[str] = set()
        d = self.dictionaries
        head = d.alias.get(key)
        if head is not None:  # an entry's names are one actor; a former state's successor
            out |= self._entry_keys(head)
        words = key.split()
        sig = signature(key)
        sig_words = significant(key)
        # 1. one transliteration form; a dictionary's name weighs the words that end names.
        out.update(self.by_sig.get(sig, ()))
        if len(words) == 1 and sig in self.dictionary_sigs:
            out.update(self.by_last_sig.get(key, ()))
        # 2, 3. one word different: a plural, one given name within an edit; a clipped
        # form; 4. a rare spelling within one edit of a frequent one (from the keys alone:
        # kept with the key index, most of what a patch's links cost).
        spelt = self.index.spelt.get(key)
        if spelt is None:
            spelt = self.index.spelt[key] = frozenset(
                self._one_word_apart(sig) | self._clipped(sig_words) | self._fuzzy(key))
        out |= spelt
        # A lone word a rare spelling of a dictionary's name (rule 4: "Britian") joins it
        # only if no longer name ends with the word ("... of Great Britian"): those too.
        # (Not a dictionary's own word, "british": rule 4 leaves those as they are.)
        if len(words) == 1 and key not in d.alias and not d.alias.keys().isdisjoint(spelt) \
                and not d.alias.keys().isdisjoint(self._fuzzy(key)):
            out.update(self.by_last.get(key, ()))
        # a plural used as a noun ("Tory" / "Tories").
        out.update(k for k in (key + "s", key[:-1] + "ies" if key.endswith("y") else "",
                               key[:-1] if key.endswith("s") else "",
                               key[:-3] + "y" if key.endswith("ies") else "")
                   if k in self.known)
        # 5. acronyms: their definitions, the names whose initials they are.
        forward, backward = self.acronyms()
        out |= forward.get(key, set()) | backward.get(key, set())
        # (Two letters are a short acronym's, which a dictionary's never is: cluster.py's
        # _short_acronyms.)
        if len(words) == 1:
            # (two letters only where written as an acronym: short_acronym_letters asks it)
            if len(key) > 2 or (key in self.acronym and key not in d.alias):
                out.update(self._spelling(key))
        elif (letters := initials(key)) in self.known:
            out.add(letters)
        if len(words) > 1:
            if all(len(w) <= 2 for w in words) and key not in d.alias:  # "s p": S&P's
                out.update(self._spelling(key.replace(" ", "")))
            if short := short_initials(words):  # "general motors corp": GM, "standard
                out.update(k for k in (short, " ".join(short))  # poor": s p
                           if k in self.known and k not in d.alias
                           and (len(k) != 2 or k in self.acronym))
        # a first word the rules ask whether it is an acronym ("LTV Steel Corp": "LTV" is a
        # parent's; a person's name never starts with one)
        if len(words) > 1 and words[0] in self.acronym:
            out.add(words[0])
        # an acronym-led name and the name its definition's first word leads ("EC
        # Commission", "European Commission": cluster._acronym_led), either way.
        first, _, rest = key.partition(" ")
        if rest:
            for expansion in forward.get(first, ()):
                if lead := expansion.split()[:1]:
                    out.add(f"{lead[0]} {rest}")
            for other, prefix in self.index.by_tail.get(rest, ()):
                if " " not in prefix and any(e.split()[:1] == [first]
                                             for e in forward.get(prefix, ())):
                    out.add(other)
        # 6. a body after one country; an organisation's variants; a parent's acronym; a
        # company's legal suffix.
        out |= self._prefixed(key)  # the names made of this one and a prefix
        for cut in range(1, min(len(words), 4)):
            prefix, rest = " ".join(words[:cut]), " ".join(words[cut:])
            if prefix in self.countries or prefix in self.changed \
                    or (cut == 1 and len(words) >= 3 and words[0] in self.acronym
                        and _parent_of(rest)):
                out.add(rest)
                out |= self._prefixed(rest)
        if key in self.spelled:  # an acronym now or no more: the names it starts whose
            out |= self._led_by(key)  # first word the rules ask that of
        elif key in self.changed:  # a country's name no more (or now): every name it starts
            out |= self._starting(key + " ")
        if _is_org(key):
            out |= self.orgs.linked(key)
        cut = len(words)
        while cut > 1 and words[cut - 1] in _LEGAL:
            cut -= 1
        out.add(" ".join(words[:cut]))
        out.update(k for k in self._starting(key + " ")
                   if all(w in _LEGAL for w in k[len(key) + 1:].split()))
        # a party's name and the plural of its first word ("Liberal Party of Canada",
        # "Liberals": party_plurals.join_party_plurals)
        # (and the parties of that word after a place's name: "Japan Socialist Party")
        if len(words) == 1 and key.endswith("s"):
            out.update(self._starting(f"{key[:-1]} party"))
            out.update(other for other, _ in self.index.by_tail.get(f"{key[:-1]} party", ()))
        elif len(words) >= 2 and words[1] == "party":
            out.add(words[0] + "s")
        if len(words) >= 3 and words[-1] == "party":
            out.add(words[-2] + "s")
        # a place and its people ("West Papua", "West Papuans": cluster._live drops the
        # people's name by the place's stats; region_demonyms.place_of_people)
        if len(words) > 1:
            out |= people_forms(key)
            out.update(places_of_people(key))
        # an organ's name and the names of it with an owner or an ordinal before it, all of
        # them, and the owner ("Central Committee", "WPK Central Committee", "CPV Central
        # Committee", "WPK": organ_owners.join_owned_organs, whose main owner they decide)
        if _is_org(key):
            out.update(k for k, _ in self.index.by_tail.get(key, ()))
            for cut in range(1, min(len(words) - 1, MAX_BEFORE + 1)):
                rest = " ".join(words[cut:])
                if _is_org(rest) and rest in self.known:
                    out.add(rest)
                    out.add(" ".join(words[:cut]))
                    out.update(k for k, _ in self.index.by_tail.get(rest, ()))
        # a name and the same with lower-case letters run onto its last word ("Kim Jong
        # Un", "Kim Jong Unwho": glued_tails.join_glued_tails, which counts them all)
        if len(words) >= 2:
            out.update(k for k in self._starting(key) if " " not in k[len(key):])
            last = words[-1]
            for cut in range(2, len(last) - 1):
                stem = f"{key[:len(key) - len(last)]}{last[:cut]}"
                if stem in self.known:
                    out.add(stem)
                    out.update(k for k in self._starting(stem) if " " not in k[len(stem):])
        # a body and its organ ("VNPF", "VNPF Board": organ_names.join_organs)
        if (body := organ_body(key)) is not None:
            out.add(body)
        out.update(f"{key} {word}" for word in ORGAN_WORDS)
        # a word and the same word with "Group" after it (cluster._group_suffixes)
        if len(words) == 2 and words[1] in _GROUP:
            out.add(words[0])
        elif len(words) == 1:
            out.update(f"{key} {suffix}" for suffix in _GROUP)
        # a word and the bodies' names it starts, which keep it from joining a person or
        # the body its initials spell where it has no person's cue ("Fox", "Fox News";
        # "CBC", "CBC News": lone_guards.py), both ways
        if len(words) == 1:
            if key in self.acronym or not self.local(key).person_cued():
                out.update(k for k in self._starting(key + " ") if _is_org(k))
        elif _is_org(key):
            out.add(words[0])
        # one or two words and every name they start, whose mentions say whether the
        # body's name is their one reading ("sky", "sky news", "sky plus"; "al nusra", "al
        # nusra front": cue_heads.py), both ways
        if len(words) <= 2 and not self.local(key).person_cued():
            out.update(self._starting(key + " "))
        if len(words) >= 2:
            out.add(words[0])
            if len(words) >= 3:
                out.add(f"{words[0]} {words[1]}")
            # a person's name and the names that are it with one more surname, and the
            # name without its last word ("Kim Kardashian West": added_surnames.py)
            more = key.count(" ") + 1
            out.update(k for k in self._starting(key + " ") if k.count(" ") == more)
            if len(words) >= 4:
                out.add(key[:key.rfind(" ")])
        # a name run together and its words spaced ("trtworld", "trt world": run_together.py)
        if len(words) == 1:
            out.update(k for k in splits(key) if k in self.known)
        elif len(words) <= MAX_WORDS and (joined := key.replace(" ", "")) in self.known:
            out.add(joined)
        # a named storm and its name alone ("TC Harold", "Harold": cluster._storms_names)
        if len(words) == 1:
            out.update(k for k in self.by_last.get(key, ()) if storm_name(k) == key)
        elif (name := storm_name(key)) is not None:
            out.add(name)
        # an island country's first word ("Solomon": Solomon Islands; island_heads.py)
        if len(words) == 1:
            out.update(k for k in (f"{key} {tail}" for tail in ISLAND_TAILS)
                       if k in self.countries)
        elif (word := island_word(key)) is not None and key in self.countries:
            out.add(word)
        # a mission's first half and the whole names it starts (cluster._missions_sent)
        if sends(key):
            out.update(k for link in SENT_TO for k in self._starting(key + link))
        elif (mission := mission_head(key)) is not None:
            out.add(mission)
        # the heads of longer names ("the House", "the Community")
        if key.count(" ") <= 1 and self._may_head(key):
            if " " not in key:
                out.update(self.by_last.get(key, ()))
            out.update(self.index.by_head_of.get(key, ()))
            out.update(self.dictionary_heads.get(key, ()))
        if len(words) >= 2:
            heads = [words[-1]]
            if "of" in words[1:]:
                before = words[:words.index("of")]
                heads += [before[-1], " ".join(before[-2:])]
            out.update(h for h in heads if h in self.known and self._may_head(h))
        # a possessive's owner ("Moody's Investors Service" and "Moody's")
        if self._possessive(key):
            for cut in range(1, len(words)):
                if words[cut - 1].endswith("s"):
                    out.add(" ".join([*words[:cut - 1], words[cut - 1][:-1]]))
                    out.add(possessed(words, cut, _LEGAL))  # (a name of its own: a parent's)
        out.update(k for k in self._starting(key + "s ") if self._possessive(k))
        if len(words) <= 3:  # the possessives whose name after the owner it is
            for tail in (key, *(f"{key} {suffix}" for suffix in _LEGAL)):
                out.update(k for k, _ in self.index.by_tail.get(tail, ()) if self._possessive(k))
        # 7. full names behind a title (no organisation's), lone surnames and the full
        # names ending with them.
        if len(sig_words) >= 2 and not _is_org(key):
            if len(sig_words) >= 3:
                for cut in range(1, len(sig_words) - 1):
                    out.update(k for k in self.by_last_sig.get(sig_words[-1], ())
                               if significant(k) == sig_words[cut:] and self._may_be_person(k))
            if self._may_be_person(key):
                out.update(k for k in self.by_last_sig.get(sig_words[-1], ())
                           if len(significant(k)) > len(sig_words) and not _is_org(k)
                           and significant(k)[-len(sig_words):] == sig_words)
            if self._may_be_full_name(key):
                out.update(k for k in self.singles.get(translit(sig_words[-1]), ())
                           if self._may_be_surname(k))
                # the people whose surnames' spellings say whether two spellings are two
                # families' (cluster._shared_surnames)
                out.update(k for k in self.by_surname.get(translit(sig_words[-1]), ())
                           if self._may_be_full_name(k))
                if self.titles:  # a learned title before a surname
                    out.update(k for k in self.by_surname.get(translit(sig_words[-1]), ())
                               if len(theirs := significant(k)) == 2 and theirs[0] in self.titles
                               and self._may_be_surname(k))
            if len(sig_words) == 2 and sig_words[0] in self.titles \
                    and self._may_be_surname(key):
                out.update(k for k in self.by_surname.get(translit(sig_words[1]), ())
                           if self._may_be_full_name(k))
        elif len(words) == 1 and self._may_be_surname(key):
            out.update(k for k in self.by_surname.get(translit(key), ())
                       if self._may_be_full_name(k))
        out |= self._sentence_first_links(key, words)
        out.discard(key)
        return {k for k in out if k in self.known or k in d.alias}

    def _sentence_first_links(self, key: str, words: list[str]) -> set[str]:
        """A sentence's first word's candidate ("^andy robinson"), the full name and the
        name without the word (cluster.py's `_sentence_firsts`), both ways."""
        if key[:1] == SENTENCE_FIRST:
            # (and, read by `_repeated_first` there, every name its word leads and every
            # name ending with its surname)
            first = significant(key)[0]
            return {key[1:], *self._led_by(first[1:]), *self._led_by(first),
                    *self.by_last.get(words[-1], ())}
        out = {k for k in self.by_last.get(words[-1], ()) if k[:1] == SENTENCE_FIRST}
        if SENTENCE_FIRST + key in self.known:
            out.add(SENTENCE_FIRST + key)
        sig = significant(key)
        if sig and sig[0][:1] != SENTENCE_FIRST:
            out.update(k for k in self._led_by(SENTENCE_FIRST + sig[0])
                       if k[:1] == SENTENCE_FIRST)
        return out

    def _led_by(self, word: str) -> list[str]:
        """The keys whose first significant word is `word` (cluster._leads)."""
        from newsdesk.index.actors.cluster import LONGEST_LED  # (cluster imports this)

        start = word[:3]
        return [k for n in range(1, LONGEST_LED + 1)
                for k in self.by_start.get((n, start), ()) if significant(k)[0] == word]

    def grow(self, found: set[str], more: Iterable[str], limit: int | None = None) -> bool:
        """Add `more` to `found` (a closure already), and every key linked to them, step by
        step; False (and `found` left part way) past `limit` keys."""
        todo = [k for k in more if k not in found]
        found.update(todo)
        while todo:
            key = todo.pop()
            for other in self.linked(key):
                if other not in found:
                    found.add(other)
                    todo.append(other)
            if limit is not None and len(found) > limit:
                return False
        return True

    # -- the relations, one at a time ------------------------------------------------------------

    def _entry_keys(self, head: str) -> set[str]:
        d = self.dictionaries
        entry = d.entries.get(head)
        if entry is None:
            return set()
        out = set(entry.name_keys())
        if entry.successor and (later := d.alias.get(name_key(entry.successor))) in d.entries:
            out.update(d.entries[later].name_keys())
        for other in d.entries.values():
            if other.successor and d.alias.get(name_key(other.successor)) == head:
                out.update(other.name_keys())
        return out

    def _one_word_apart(self, sig: tuple[str, ...]) -> set[str]:
        """Keys of as many words differing from `sig` in one word, close in spelling (an
        edit or two, or two letters swapped: plurals, given names)."""
        if len(sig) < 2:
            return set()
        # The keys the same but for word i: those of the key index's bucket without it.
        out = set()
        for i, mine in enumerate(sig):
            for theirs, other in self.by_gap.get((len(sig), i, sig[:i] + sig[i + 1:]), ()):
                if theirs != mine and _close(mine, theirs):
                    out.add(other)
        return out

    def _clipped(self, sig_words: tuple[str, ...]) -> set[str]:
        """"Lib Dems" and "Liberal Democrats": each word the start of the other's."""
        if len(sig_words) < 2:
            return set()
        mine = tuple(map(singular, sig_words))
        out = set()
        clips = self.index.clips
        for other in self.by_start.get((len(sig_words), sig_words[0][:3]), ()):
            theirs = clips[other]
            if all(a.startswith(b) or b.startswith(a)
                   for a, b in zip(mine, theirs, strict=True)):
                out.add(other)
        return out

    def _fuzzy(self, key: str) -> set[str]:
        if len(key) < 7:
            return set()
        words = key.count(" ") + 1
        # Rule 4 joins a rare key to one ten times as frequent, with ten mentions or more
        # (a lone word's with its sentence-first candidates', as the rules count: `local`).
        mine, size = self._mentions(key), len(key)
        out = set()
        # (The keys of as many words, a letter longer or shorter at most, that share the
        # first three letters or the last three: each in a bucket of its own.)
        for end in ("<" + key[:3], key[-3:] + ">"):
            for k_size in (size - 1, size, size + 1):
                for k, theirs in self.ends.get((end, words, k_size), ()):
                    if words == 1:
                        theirs = self._mentions(k)
                    rare, frequent = (mine, theirs) if mine < theirs else (theirs, mine)
                    if frequent >= 10 and rare * 10 <= frequent \
                            and osa_within_one(k, key) <= 1:
                        out.add(k)
        return out

    def _mentions(self, key: str) -> int:
        """A key's mentions as the rules count them (a lone word's: `local`)."""
        return self.local(key).mentions if " " not in key else self.mentions.get(key, 0)

    def _starting(self, prefix: str) -> set[str]:
        """The keys that start with `prefix` (the key list is in key order)."""
        at = bisect_left(self.keys, prefix)
        out = set()
        while at < len(self.keys) and self.keys[at].startswith(prefix):
            out.add(self.keys[at])
            at += 1
        return out

    def _led_by(self, first: str) -> set[str]:
        """The names starting with the word `first` whose rules ask whether it is an
        acronym: a person's full name (cluster.py's lone surnames count no name led by
        one) and, unless `first` is a country's name (no parent, before the edit or
        after: its entry's type is the same), a parent's acronym before an organisation's
        name ("IRGC Quds Force")."""
        parent = first not in self.countries
        out = set()
        for key in self._starting(first + " "):
            rest = key[len(first) + 1:]
            if self._may_be_full_name(key) or (parent and " " in rest and _parent_of(rest)):
                out.add(key)
        return out

    def _may_head(self, key: str) -> bool:
        """Whether `key` may be a clipped head ("the House"): no person's name,
        used at least half the time as a common noun's stand-in (cluster._clipped_heads)."""
        s = self.local(key)
        weak = s.org.get("thing", 0) + s.org.get("modifier", 0) + s.org.get("organisation", 0)
        # (Its place cues are weighed against those of the names it heads: not a gate here.)
        if s.person_cued() or weak * 2 < s.mentions:
            return False
        # the longer names it heads must be used at least as often as it
        longer = [*(self.by_last.get(key, ()) if " " not in key else ()),
                  *self.index.by_head_of.get(key, ()), *self.dictionary_heads.get(key, ())]
        return sum(self.mentions.get(k, 0) for k in longer if k != key) >= s.mentions

    def _may_be_person(self, key: str) -> bool:
        return not _is_org(key) and self.local(key).person_cued()

    def _may_be_surname(self, key: str) -> bool:
        # (cluster._may_be_lone_surname weighs its body cues against the full name's lone
        # uses too, which a key alone does not know: not a gate here.)
        s = self.local(key)
        return len(key) > 2 and s.location * 2 < s.mentions

    def _may_be_full_name(self, key: str) -> bool:
        return " of " not in key and not any(w in ORG_CUES for w in significant(key)) \
            and self.local(key).person_cued()


class _OrgIndex:
    """Organisation names by their words with plurals and adjectival endings off
    (cluster._org_key), and by each run of two words or more inside them."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._take(*self.index(keys))

    @classmethod
    def from_parts(cls, same: dict[tuple[str, ...], list[str]],
                   inside: dict[tuple[str, ...], list[str]]) -> _OrgIndex:
        index = cls.__new__(cls)
        index._take(same, inside)
        return index

    def _take(self, same: dict[tuple[str, ...], list[str]],
                     inside: dict[tuple[str, ...], list[str]]) -> None:
        from newsdesk.index.actors.cluster import _distinctive, _org_key

        self.org_key, self.distinctive = _org_key, _distinctive
        self.same, self.inside = same, inside

    @staticmethod
    def index(keys: Iterable[str]) -> tuple[dict[tuple[str, ...], list[str]],
                                            dict[tuple[str, ...], list[str]]]:
        """(the names by their words, the names by each run of two words or more)."""
        from newsdesk.index.actors.cluster import _org_key, held_forms

        same: dict[tuple[str, ...], list[str]] = defaultdict(list)
        inside: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for key in keys:
            sig = _org_key(key)
            same[sig].append(key)
            for held in dict.fromkeys(held_forms(key, sig)):
                inside[held].append(key)
        return dict(same), dict(inside)

    def linked(self, key: str) -> set[str]:
        """The names of the same words, and (a shorter name with a word of its own: "Industries
        Inc" names no one company) the longer names holding it, or the shorter in it."""
        from newsdesk.index.actors.cluster import held_forms

        sig = self.org_key(key)
        out = set(self.same.get(sig, ()))
        if self.distinctive(key):
            out.update(self.inside.get(sig, ()))
        for held in held_forms(key, sig):
            out.update(k for k in self.same.get(held, ()) if self.distinctive(k))
        return out


def _parent_of(rest: str) -> bool:
    """Whether a parent's acronym before `rest` may make it `rest` ("IRGC Quds Force")."""
    from newsdesk.index.actors.cluster import _distinctive

    return _is_org(rest) and _distinctive(rest)


def _close(a: str, b: str) -> bool:
    """Two words (transliteration forms) one rule may take for one: within one edit, two
    letters swapped ("hamdi", "mahdi"), or a plural and its singular ("partiis", "parti")."""
    if not -2 <= len(a) - len(b) <= 2:  # (most pairs: none of the three can hold)
        return False
    short, long_ = sorted((a, b), key=len)
    return (long_.startswith(short) and len(long_) - len(short) <= 2) \
        or osa_within_one(a, b) <= 1 \
        or two_letters_swapped(a, b)


