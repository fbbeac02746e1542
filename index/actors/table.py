"""The corpus's actors: built from the stored mentions and the dictionaries, kept in the
article store, and read by the engine, the CLI and the dashboard.

Whoosh indexes each article's name *keys*, not actor ids, so merging, renaming or hiding an
actor only rebuilds this table (a second or so); no article is indexed again."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache, partial
from pathlib import Path
from typing import NamedTuple

import numpy as np

from newsdesk.index.actors import key_index_store
from newsdesk.index.actors.close_names import SUGGEST_NAME_FROM as SUGGEST_NAME_FROM
from newsdesk.index.actors.close_names import CloseNames
from newsdesk.index.actors.cluster import Cluster, KeyStats, cluster, shared_given
from newsdesk.index.actors.cluster_faults import (
    FAULTS_KEY,
    MAX_FAULTS,
    ClusterFaults,
    read_faults,
)
from newsdesk.index.actors.cluster_process import Clustered
from newsdesk.index.actors.curation import AppliedEdit, Curation, curation_path, file_stamp
from newsdesk.index.actors.dictionaries import (
    SHIPPED_DICTIONARIES,
    Dictionaries,
    Entry,
    load_dictionaries,
    load_dictionary,
)
from newsdesk.index.actors.entry_changes import changed_keys
from newsdesk.index.actors.extract import SENTENCE_FIRST
from newsdesk.index.actors.gc_pause import gc_paused
from newsdesk.index.actors.key_stats import read_key_stats
from newsdesk.index.actors.key_stats import together_in as _together_in
from newsdesk.index.actors.names import name_key, significant
from newsdesk.index.actors.reach import (
    KeyIndex,
    Reach,
    index_parts,
    key_stamp,
    read_keys,
    stats_keys,
)
from newsdesk.index.actors.region_demonyms import CAPITAL_REGIONS, CITIES
from newsdesk.index.actors.regions import REGIONS
from newsdesk.index.actors.rows import _row_cue as _row_cue
from newsdesk.index.actors.rows import make_extractor as make_extractor
from newsdesk.index.actors.rows import mention_rows as mention_rows
from newsdesk.index.actors.sort_orders import order_by
from newsdesk.index.actors.titles import TitleFacts, keys_titled
from newsdesk.index.config import Settings
from newsdesk.index.folding import fold
from newsdesk.index.models import (
    Actor,
    ActorChoice,
    ActorFilter,
    ActorMention,
    Mentions,
    QueryError,
    Span,
)
from newsdesk.index.option_values import DEFAULT_ACTOR_SORT, PLACE_TYPES
from newsdesk.index.storage import key_totals
from newsdesk.index.storage.article_store import Store
from newsdesk.index.storage.fork_server import release_memory
from newsdesk.index.userdata.lock import locked

# A patch re-clusters at most one name key in PATCH_SHARE, in at most PATCH_ROUNDS rounds;
# an edit that reaches further rebuilds the table.
PATCH_SHARE = 8
PATCH_ROUNDS = 40
# The regions the last patches settled on, by the keys they started from (an edit's
# unmerge or undo starts from the same keys): so many kept.
REGIONS_KEPT = 8
# An indexing run's update re-clusters a region only where at most one key in UPDATE_SHARE
# changed: past that, the region (the keys' links, two steps, and every actor holding one)
# outgrows its bound, or its links cost more than clustering every key. At 100,000
# generated articles (48,000 keys): 10 added change 79 keys, a region of 3,200, 1.3 s of
# processor time against a rebuild's 2.4; 100 added change 872, whose region outgrew its
# bound (4.1 s, the rebuild included); 1,000 change 5,500.
UPDATE_SHARE = 200
TITLES_WORTH = 4
# Up to one key in INDEX_UPDATE_SHARE changed, the stored key index is brought up to date
# from the changed keys (key_index_update.py) even where the table is rebuilt; past that,
# built again from every key's stats.
INDEX_UPDATE_SHARE = 4
# From how many keys an add's clustering of every key runs in a process of its own
# (actors/cluster_process.py): below, starting it costs more than the overlap saves.
CLUSTER_APART_KEYS = 20_000
# The same for a rebuild (a first build's): its process also builds the key index and reads
# the titles, which the indexer did after clustering (the process's 1.0 s of CPU at 16,000
# keys of 30,000 long articles, beside 0.7 s of index by key and 0.7 of duplicates), and
# forks from the command line's run, not from the fork server.
REBUILD_APART_KEYS = 5_000

__all__ = ["ActorTable", "Curation", "curation_path", "recluster", "recluster_if_changed"]

# How an actor came to be meant by a name (ActorTable._candidates): its own name as
# written, its own name case and accents aside, a name it goes by.
_OWN_NAME, _OWN_FOLDED, _ALIAS = 0, 1, 2
OTHERS_NAMED = 3  # the other actors a name means that a note names
FILTERS_KEPT = 256  # `actor:` names resolved, kept while the table stays
# The store's indexes of actors' names and surfaces (storage/article_store.py)
NAME_INDEXES = ("actors_name", "actor_aliases_surface")


def dictionary_paths(settings: Settings) -> list[Path]:
    """In order of precedence, lowest first: each corpus folder's actors.yaml, the config's
    dictionaries, the user's curation. (The general dictionary comes before all.)"""
    corpus = [s / "actors.yaml" for s in settings.corpus.sources if s.is_dir()]
    return [*corpus, *settings.actors.dictionaries, curation_path(settings)]


def settings_dictionaries(settings: Settings) -> Dictionaries:
    return load_dictionaries(dictionary_paths(settings), settings.actors.metonyms)


def settings_stamp(settings: Settings) -> str:
    return dictionaries_stamp(dictionary_paths(settings), settings.actors.metonyms)


def _span_array(text: str) -> np.ndarray:
    """_spans' numbers as one array, start, end, start, end... (parsed in C)."""
    if not text:
        return np.zeros(0, np.int64)
    return np.fromstring(text.replace("-", " "), dtype=np.int64, sep=" ")


def _spans(text: str) -> list[Span]:
    out = []
    for item in text.split():
        start, _, end = item.partition("-")
        out.append((int(start), int(end)))
    return out


def dictionaries_stamp(paths: list[Path], metonyms: bool = False,
                       instead: dict[Path, str] | None = None) -> str:
    """Changes when any dictionary file changes (size and time, not contents), when the
    shipped data's contents do (a new newsdesk), or the metonyms setting does; `instead`
    gives the stamp of a file as it was (file_stamp) rather than as it is. A file that is
    not there counts the same wherever it would be: with its path, a dashboard started with another
    XDG_DATA_HOME (so another, equally absent, curation file) re-clustered every actor and
    said they had "changed elsewhere"."""
    return dictionaries_stamps(paths, metonyms, instead)[0]


def dictionaries_stamps(paths: list[Path], metonyms: bool = False,
                        instead: dict[Path, str] | None = None) -> tuple[str, str]:
    """(the stamp, the stamp as newsdesk wrote it before absent files lost their paths):
    a table stamped the old way is as current as one stamped the new, not changed."""
    parts = ["metonyms"] if metonyms else []
    shipped = [shipped_stamp(path) for path in [*SHIPPED_DICTIONARIES, REGIONS,
                                                   CAPITAL_REGIONS, CITIES]]
    stamps = [((instead or {}).get(path) or file_stamp(path), path) for path in paths]
    now = parts + shipped + ["-" if stamp == f"{path}:-" else stamp for stamp, path in stamps]
    before = parts + shipped + [stamp for stamp, _ in stamps]
    return _digest(now), _digest(before)


@cache
def _shipped_digest(path: Path, size: int, mtime_ns: int) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def shipped_stamp(path: Path) -> str:
    """A shipped data file's part of the stamp: its name and contents, so that the same
    newsdesk installed again, or checked out elsewhere, finds its actor table current
    (a stamp of time and place re-clustered every actor of a million articles)."""
    try:
        st = path.stat()
        return f"{path.name}:{_shipped_digest(path, st.st_size, st.st_mtime_ns)}"
    except OSError:
        return f"{path.name}:-"


def _digest(parts: list[str]) -> str:
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def table_is_current(settings: Settings, table: ActorTable) -> bool:
    """Whether the table was built from the dictionaries as they are now."""
    return table.stamp() in dictionaries_stamps(dictionary_paths(settings),
                                                settings.actors.metonyms)


def _writes(method: Callable[..., int]) -> Callable[..., int]:
    """A method that writes the actor table: the `actor:` names resolved before it are
    resolved again after (ActorTable.filter's cache)."""
    @functools.wraps(method)
    def wrapped(self: ActorTable, *args: object, **kwargs: object) -> int:
        self._generation += 1
        try:
            return method(self, *args, **kwargs)
        finally:
            self._generation += 1
    return wrapped


class ActorTable:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._keys: KeyIndex | None = None  # for patches, while the store's keys stay
        self._titles: TitleFacts | None = None  # the same
        # (the keys' stamp, the table's stamp, the titles learned): of the last patch
        # (and the first words that start two people's names of two words, if worked out)
        self._titles_kept: tuple[tuple[int, ...], str, frozenset[str],
                                 frozenset[str] | None] | None = None
        # What the last re-clustering changed, if it was a patch: (the ids of the actors it
        # took out or wrote again, the ids it wrote); None after a rebuild (every id anew).
        self.last_patch: tuple[set[int], set[int]] | None = None
        self._changed: set[str] | None = None  # (an update's, for the rebuild it falls to)
        # The regions the last patches settled on (`_region_patch`), by the keys they
        # started from, with the keys' stamp they were of.
        self._regions: dict[frozenset[str], tuple[tuple[int, ...], set[str]]] = {}
        self._key_count = 0  # (how many keys the store had then)
        # `filter`'s answers, by name, while the table stays as it was: (this table's
        # writes, the store's data_version: another process's) when they were found.
        self._generation = 0
        self._filters: dict[str, ActorFilter] = {}
        self._filters_of: tuple[int, int] = (-1, -1)
        self._close: CloseNames | None = None  # "did you mean"'s names, while _filters_of
        self._other_letters_of: tuple[int, int] = (-1, -1)
        self._other_letters_kept: tuple[list[tuple[int, str]], list[tuple[int, str]]] = ([], [])
        # The rules' faults the last clustering contained (cluster_faults.py), and those of
        # them the store did not hold from an earlier one: what is said (once).
        self.faults: tuple[str, ...] = ()
        self.new_faults: tuple[str, ...] = ()

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """The store's connection, under its lock, left with no transaction open. A write
        (top_in's temporary table) opens one implicitly; left open, it kept the connection
        on its snapshot for good: a dashboard that had listed its results' actors never
        saw the articles an indexer added after (counted by Whoosh, dropped as "deleted"
        by the store: "1 hit, showing top 0")."""
        with self.store.lock:
            db = self.store.db
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.rollback()
                raise
            if db.in_transaction:
                db.commit()

    # -- building ----------------------------------------------------------------------------

    def _region_stats(self, db: sqlite3.Connection, region: set[str]) -> tuple[
            dict[str, KeyStats], dict[str, Counter[str]]]:
        """`_read_stats` of the keys in the set `region`, the keys' own stats kept with the
        key index while its keys stay (a patch reads a region again each round, and the
        next edit much the same region), and the acronyms' expansions from the key index:
        in the key list's order, as `_read_stats` gives them."""
        assert self._keys is not None
        kept = self._keys.stats
        missing = region - kept.keys()
        if missing:
            db.execute("DELETE FROM region")
            db.executemany("INSERT INTO region VALUES (?)", [(k,) for k in missing])
            stats, _ = self._read_stats(db, "region", acronyms=False)
            kept.update(stats)
            db.execute("DELETE FROM region")
        # (In the order SQL grouped them: by acronym, then expansion.)
        expansions = self._keys.expansions
        acronyms = {a: Counter(expansions[a]) for a in sorted(region & expansions.keys())}
        order = self._keys.order
        return {k: kept[k] for k in sorted(region & kept.keys(), key=order.__getitem__)}, \
            acronyms

    def _read_stats(self, db: sqlite3.Connection, region: str = "",
                    acronyms: bool = True) -> tuple[
            dict[str, KeyStats], dict[str, Counter[str]]]:
        """What the corpus says of each name key (from the totals kept per key,
        key_totals.py), and the acronyms with their expansions; with `region`, of the keys
        in the temporary table `region` alone."""
        return read_key_stats(db, "region" if region else "", acronyms)

    @_writes
    def rebuild(self, dictionaries: Dictionaries, stamp: str = "",
                titles_too: bool = False, changed: set[str] | None = None,
                clustered: Callable[[], Clustered | None] | None = None) -> int:
        """Cluster every stored mention into actors and replace the table; the number of
        actors. One transaction: readers see the old table or the new one. The keys' changes
        recorded so far (key_totals' key_changes) are then clustered in; with `titles_too`
        (an indexing run's), the titles the corpus learns are kept for the next run's
        `update`. With `changed` (the keys whose totals changed since the table was
        clustered: an indexing run's), only the actors that come out other than they were,
        or hold one of those keys, are written again (the others keep their rows and ids:
        counting every actor's articles again over all mentions grew with the corpus).
        `clustered`: the clusters made elsewhere (actors/cluster_process.py), taken if they
        are of the keys as they are; the key index, if none is stored or held, is made there
        after them (then it is waited for once the table is written, stored as made, and the
        titles made there with it kept) or built here from the store's keys."""
        self.last_patch = None
        self.faults = self.new_faults = ()  # (until a clustering is written)
        # The table the clusters replace, read while they are made elsewhere (after them, it
        # was 0.1 s of what an add of 1,000 to a million waits for); read again if another
        # connection wrote to the store meanwhile (a curation edit's re-clustering).
        before = self._old_table() if clustered is not None and changed is not None \
            else None
        given = clustered() if clustered is not None else None  # (waited for unlocked)
        with self._db() as db:
            _snapshot(db)  # the stats are those of the keys' stamp
            keys = key_stamp(db)
            stored = key_index_store.current(db, keys)
            held = self._keys is not None and self._keys.stamp == keys
            ours = given is not None and given.keys == keys
            # (The key index and titles made there after the clusters, of the same keys.)
            coming = given.indexed if ours and given is not None else None
            taken = given.clusters if ours and given is not None else None
            rows = None
            if taken is None:
                stats, acronyms = self._read_stats(db)
            elif not (stored or held or coming is not None):
                # The clusters taken, and the key index built from the store's keys (what
                # `stats_keys` copies of the stats, read in about the time the stats are):
                # an add that changed more than INDEX_UPDATE_SHARE of the keys clustered
                # them all again here, its process's clusters thrown away, for the stats
                # that index was built from (2,739 long articles added to 10,000: 4.1 s).
                rows = read_keys(db)
        if taken is not None:
            clusters, faults = taken, given.faults if given is not None else ()
        else:
            found = ClusterFaults()
            clusters = cluster(stats, acronyms, dictionaries, self._together, faults=found)
            faults = found.messages()
        # The key index a patch looks keys up in, stored with the table if the one stored is
        # not of these keys (an indexing run changed them): built from the stats at hand
        # (or made elsewhere after the clusters: stored after the table, below).
        index = None
        if not stored:  # (an update that fell back to this has brought it up to date)
            if held:
                index = self._keys
            elif rows is not None:  # (no clustering here: the names' caches are cold)
                index = KeyIndex.from_parts(index_parts(*rows, warm=False))
                del rows
            elif coming is None:
                index = KeyIndex.from_parts(index_parts(*stats_keys(keys, stats, acronyms)))
        with self._db() as db, db:
            _writing(db)
            if changed is not None:
                if before is None or before.version != _data_version(db):
                    before = _OldTable.read(db)
                ids = set(before.keys)
                self._replace(db, clusters, ids, stamp, changed, all_ids=ids, before=before)
                self.last_patch = None  # (every actor may have changed: read all again)
            else:
                # (The names' indexes made again after, from the rows sorted: kept up to
                # date row by row they cost a whole rebuild 4% more, at Reuters.)
                made_again = [r[0] for r in db.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN "
                    f"({', '.join(repr(n) for n in NAME_INDEXES)})")]
                for name in NAME_INDEXES:
                    db.execute(f"DROP INDEX IF EXISTS {name}")
                db.execute("DELETE FROM actors")
                db.execute("DELETE FROM actor_keys")
                db.execute("DELETE FROM actor_aliases")
                numbered = list(enumerate(clusters, start=1))
                self._write(db, numbered, "1")
                # (Held, it kept every cluster past their `del` below: the indexer at 346
                # MB, not ~160, beside the key index's process at 425,530 keys.)
                del numbered
                for sql in made_again:
                    db.execute(sql)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('actor_dictionaries', ?)", (stamp,))
            self._keep_faults(db, faults, every=True)
            current = key_stamp(db) == keys
            if index is not None and current:
                key_index_store.save(db, index)
            if current:  # (else an indexing run committed since: its changes stay to do)
                db.execute("INSERT OR REPLACE INTO meta VALUES ('actor_keys', ?)",
                           (_stamp_text(keys),))
                db.execute("DELETE FROM key_changes")
                _see_rows(db)
        if index is not None and (self._keys is None or self._keys.stamp != keys):
            self._keys = index
        # (The clusters, written, let go of before the key index made elsewhere is waited
        # for: held, they were the indexer's share of the build's peak there, a Cluster
        # and its list a key.)
        count = len(clusters)
        del clusters, taken, given, before
        made = None
        if coming is not None and current and (titles_too or not stored):
            # (The heap's free pages given back while the index is made: the clusters
            # taken and written grew the indexer by 80 MB at 225,785 keys.)
            release_memory()
            made = coming()  # (made while the table was written; waited for unlocked)
            if not stored:  # (as the titles: a store that cannot take it builds it later)
                with contextlib.suppress(sqlite3.Error, OSError), self._db() as db, db:
                    _writing(db)
                    if key_stamp(db) == keys:
                        if made is None:  # (the process failed or died since: built here)
                            self._key_index(db)
                        elif isinstance(made.index, Path):  # (written to a file there)
                            key_index_store.save_spilled(db, keys, made.index)
                        else:  # (its parts as stored, not parsed here)
                            key_index_store.save_dumped(db, keys, made.index)
        if titles_too and current:
            with contextlib.suppress(sqlite3.Error), self._db() as db, db:
                _writing(db)
                if key_stamp(db) == keys:
                    if made is not None:
                        self._keep_titles(db, stamp, made.titles, keys)
                    else:
                        held_index = self._key_index(db)
                        if self._titles is None or self._titles.stamp != held_index.stamp:
                            self._titles = TitleFacts(db, held_index)
                        self._keep_titles(db, stamp, self._titles.titles(dictionaries))
        return count

    def _keep_faults(self, db: sqlite3.Connection, faults: tuple[str, ...], every: bool
                     ) -> None:
        """The rules' faults of the clustering written (`faults`) kept in the store
        (FAULTS_KEY), for `newsdesk index --problems`: in place of those stored, where it
        clustered every key (`every`), else beside them (a region's: the faults of the keys
        outside it stand). Those not stored before are `new_faults`, said once."""
        before = stored_faults(db)
        self.faults = faults
        self.new_faults = tuple(f for f in faults if f not in before)
        kept = faults if every else tuple(dict.fromkeys((*before, *faults)))
        if kept != before:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                       (FAULTS_KEY, json.dumps(kept[:MAX_FAULTS])))

    def _old_table(self) -> _OldTable:
        with self._db() as db:
            _snapshot(db)
            return _OldTable.read(db)

    def reclusters_all(self, stamp: str, more: int = 0) -> bool:
        """Whether `update` is likely to cluster every key again (the table's changes reach
        too far for a region, or it is to be rebuilt), on a table of CLUSTER_APART_KEYS keys
        or more: then worth clustering in a process of its own beforehand (`update`'s
        `clustered`). A guess from counts alone: a wrong one costs the overlap, never the
        result. `more`: keys about to change besides (a batch's, before it is committed)."""
        with self._db() as db:
            was = _meta(db, "actor_keys")
            if was is None or _meta(db, "actor_dictionaries") != stamp:
                return False  # (a table from other dictionaries: the indexer rebuilds it)
            count = int(was.split(",")[0])
            if count < CLUSTER_APART_KEYS:
                return False
            try:
                changed = db.execute("SELECT count(*) FROM key_changes").fetchone()[0] + more
            except sqlite3.OperationalError:
                return False
            return changed > count // UPDATE_SHARE \
                or (changed > 0 and _kept_titles(db, stamp, was) is None)

    def key_articles(self) -> int:
        """The key-article pairs (an article naming a key, once) of the keys as the table
        was last clustered: its keys stamp's total of articles (0 if none is stored). An
        indexing run changes at most as many keys as its articles add pairs."""
        with self._db() as db:
            was = _meta(db, "actor_keys")
        fields = was.split(",") if was else []
        return int(fields[2]) if len(fields) > 2 and fields[2].isdigit() else 0

    def key_count(self) -> int:
        """The keys the table clusters (key_totals' rows)."""
        with self._db() as db:
            return db.execute("SELECT count(*) FROM key_totals").fetchone()[0]

    def rebuilds_apart(self) -> tuple[bool, bool]:
        """For a rebuild (a first build's, or under other dictionaries): whether the table
        has REBUILD_APART_KEYS keys or more, worth clustering in a process of its own
        beforehand (`rebuild`'s `clustered`); and whether that process is to build the key
        index too (none is stored of the keys as they are)."""
        with self._db() as db:
            _snapshot(db)
            count = db.execute("SELECT count(*) FROM key_totals").fetchone()[0]
            if count < REBUILD_APART_KEYS:
                return False, False
            return True, not key_index_store.current(db, key_stamp(db))

    @_writes
    def update(self, dictionaries: Dictionaries, stamp: str,
               clustered: Callable[[], Clustered | None] | None = None) -> int:
        """After an indexing run changed the stored mentions: re-cluster only the keys whose
        totals changed (key_changes) and what they reach (`_region_patch`, as a curation
        edit's patch does), giving the table a whole rebuild gives; a rebuild where the
        table is not the clustering of the keys as they were before the run (another
        dictionary, no changes recorded, a store from before them) or the changes reach
        too far. The number of actors written. `clustered`: for that rebuild, as
        `rebuild` takes it."""
        self.last_patch = None
        self.faults = self.new_faults = ()
        self._changed = None
        # (The rebuild it may fall to too: reading every key's stats made 500 collections,
        # 0.47 s of processor time at 100,000 articles.)
        with gc_paused():
            written = self._update(dictionaries, stamp)
            if written is not None:
                return written
            changed, self._changed = self._changed, None
            # The titles are kept for the next run's region: not where this run's changes
            # were many times what a region takes (a corpus whose keys the runs mostly
            # repeat).
            worth = changed is None \
                or len(changed) <= TITLES_WORTH * self._key_count // UPDATE_SHARE
            return self.rebuild(dictionaries, stamp, titles_too=worth, changed=changed,
                                clustered=clustered)

    def _update(self, dictionaries: Dictionaries, stamp: str) -> int | None:
        """`update`'s region; None where the table is to be rebuilt (`_changed` then
        says which keys changed, if the table was the clustering of the keys before)."""
        with self._db() as db, db:
            _snapshot(db)
            keys = key_stamp(db)
            was = _meta(db, "actor_keys")
            if was is None or _meta(db, "actor_dictionaries") != stamp:
                return None
            if stored_faults(db):  # (a rule's fault left groups apart: all tried again)
                return None
            # Without the titles of the keys before (a run whose changes were too many to
            # keep them), no region; the rebuild still writes only the actors that changed
            # (it wrote every actor again, counting each one's articles: every other add).
            kept = _kept_titles(db, stamp, was)
            changed = {k for (k,) in db.execute("SELECT key FROM key_changes")}
            if not changed and _stamp_text(keys) == was:
                return 0
            self._changed, self._key_count = changed, keys[0]
            # (keys[0]: how many there are now)
            region = kept is not None and len(changed) <= keys[0] // UPDATE_SHARE
            if not region and len(changed) > keys[0] // INDEX_UPDATE_SHARE:
                return None  # (the rebuild builds the key index from the stats it reads)
            stored = key_index_store.read_any(db)
            if stored is None or _stamp_text(stored.stamp) != was:
                return None
            # The stored index brought up to date from the changed keys alone, whether a
            # region follows or a rebuild (which stores this one rather than build one
            # from every key's stats: 1 s of processor time at 100,000 articles). For the
            # rebuild, nothing of it is read: the changed keys are noted as pending
            # (key_index_store.add_pending), where reading, updating and writing it again
            # were 0.45 s of an add of 1,000 to a million; past a bound, it is.
            bound = keys[0] // INDEX_UPDATE_SHARE
            if not region and key_index_store.add_pending(db, stored, keys, changed, bound):
                return None
            fresh = key_index_store.parse_current(
                stored, key_index_store.changed_keys(db, stored, changed), keys)
            if fresh is None:
                return None
            self._keys = fresh
            if not region:
                # Stored now, for the rebuild this falls to: the clusters it waits for are
                # made in a process of its own (cluster_process.py) meanwhile, and what the
                # rebuild writes after them is what an add waits for (dumping and writing
                # this index there: 0.2 s of an add of 1,000 to a million).
                key_index_store.save(db, fresh)
                return None
            assert kept is not None
            self._titles = TitleFacts(db, fresh)
            titles, counts = self._titles.facts(dictionaries)
            # A changed name of two words may make its first word start a second such name,
            # or leave it starting one: the names it starts are read otherwise (as
            # surnames of longer names), where its count could have crossed from one to two.
            twos = Counter(w[0] for k in changed if len(w := significant(k)) == 2)
            crossed = {w for w, n in twos.items() if counts[w] - n <= 1}
            roots = changed | keys_titled(fresh, set(titles ^ kept) | crossed)
            reach = Reach(db, dictionaries, (), fresh, titles | kept)
            written = self._region_patch(db, dictionaries, reach, roots, changed, titles,
                                         stamp, recount=changed, given=shared_given(counts))
            if written is None:
                return None
            # (Held for the patches to come; stored as the keys pending where they are few.)
            if not key_index_store.add_pending(db, stored, keys, changed, bound):
                key_index_store.save(db, fresh)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('actor_keys', ?)",
                       (_stamp_text(keys),))
            db.execute("DELETE FROM key_changes")
            _see_rows(db)
            self._keep_titles(db, stamp, titles)
            return written

    def keys_changed(self) -> bool:
        """Whether keys' totals changed since the table was last clustered."""
        with self._db() as db:
            try:
                return db.execute("SELECT 1 FROM key_changes LIMIT 1").fetchone() is not None
            except sqlite3.OperationalError:  # (a store opened read-only, from before it)
                return False

    def _keep_titles(self, db: sqlite3.Connection, stamp: str, titles: frozenset[str],
                     keys: tuple[int, ...] | None = None) -> None:
        """The titles the corpus learns under the dictionaries of `stamp`, with the keys
        as they are (`keys`, else the key index's): what the next indexing run's `update`
        compares."""
        if keys is None:
            assert self._keys is not None
            keys = self._keys.stamp
        self._titles_kept = (keys, stamp, titles, None)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('actor_titles', ?)", (json.dumps(
            {"keys": _stamp_text(keys), "dictionaries": stamp,
             "titles": sorted(titles)}),))

    def prepare(self, pause: Callable[[], None] | None = None, build: bool = False) -> bool:
        """Have what a curation edit's patch looks keys up in ready before the first edit
        (for a worker, once the dashboard is quiet): the key index, read from the store,
        and the titles' facts; with `build`, an index not stored (or not of the keys as they
        are) is built, in slices with `pause` between them, and stored. Without it, none is
        built: while an indexing run commits batch after batch, each with other keys, its
        rebuild at the end stores the index. Whether anything was readied."""
        with self._db() as db:
            _snapshot(db)  # what is read is of the keys' stamp
            keys = key_stamp(db)
            if self._keys is not None and self._keys.stamp == keys \
                    and self._titles is not None and self._titles.stamp == keys:
                return False
            index = self._keys if self._keys is not None and self._keys.stamp == keys \
                else None
            stored = key_index_store.read(db, keys) if index is None else None
            if index is None and stored is None and not build:
                return False
            read = read_keys(db) if index is None and stored is None else None
            # (The keys an indexing run left pending, read with the stamp they are of.)
            changed = key_index_store.changed_keys(db, stored) if stored is not None \
                else None
        # (Parsed or built outside the store's lock: searches go on.)
        if stored is not None:
            index = key_index_store.parse_current(stored, changed)
            if index is None and not build:
                return False
            if index is None:
                with self._db() as db:
                    _snapshot(db)
                    read = read_keys(db)
        if read is not None or changed is not None:
            if read is not None:
                index = KeyIndex.from_parts(index_parts(*read, pause=pause))
            assert index is not None
            # (Brought up to date, stored whole: the next session reads it as it is.)
            with contextlib.suppress(sqlite3.Error), self._db() as db, db:
                if key_stamp(db) == index.stamp:  # (a read-only store keeps none)
                    key_index_store.save(db, index)
        assert index is not None
        if pause is not None:
            pause()
        with self._db() as db:
            titles = TitleFacts(db, index)
        if self._keys is None or self._keys.stamp != index.stamp:
            self._keys = index
        if self._keys is index:
            self._titles = titles
        return True

    def _key_index(self, db: sqlite3.Connection) -> KeyIndex:
        """The store's key index as its keys are now: kept, else stored (a rebuild stores
        it), else built and stored (in the caller's transaction)."""
        keys = key_stamp(db)
        if self._keys is None or self._keys.stamp != keys:
            index = key_index_store.load(db, keys)
            if index is None:
                index = KeyIndex(db)
                key_index_store.save(db, index)
            self._keys = index
        return self._keys

    def _together(self, key_a: str, key_b: str) -> bool:
        """Whether one article uses both keys (asked of a few candidate pairs only)."""
        with self._db() as db:
            return _together_in(db, key_a, key_b)

    def _write(self, db: sqlite3.Connection, numbered: list[tuple[int, Cluster]],
               these: str, grown: tuple[int, dict[int, int]] | None = None) -> None:
        """Insert the clusters as actors of the given ids, with their keys, counts and
        aliases; `these` is the SQL condition on an actor id (k.actor) that holds for them.
        `grown`: (the last mention rowid the table had taken in, {id: articles} of actors
        of several keys that hold the same keys as then): their articles are those plus
        the articles added since that name one of their keys."""
        counted = grown[1] if grown is not None else {}
        # (`x NOT IN (NULL)` holds for no x.)
        others = f" AND actor NOT IN ({_ids(set(counted))})" if counted else ""
        # (Rows made as they are inserted: a rebuild's lists of them, 220,000 actors and
        # their keys, took 40 MB of the indexer's at once.)
        db.executemany("INSERT INTO actors (id, name, type, code, hidden) VALUES (?,?,?,?,?)",
                       ((number, c.name, c.type, c.code, int(c.hidden))
                        for number, c in numbered))
        db.executemany("INSERT OR REPLACE INTO actor_keys VALUES (?, ?)",
                       ((k, number) for number, c in numbered for k in c.keys))
        db.execute(
            "UPDATE actors SET articles = s.a, mentions = s.m FROM ("
            " SELECT k.actor AS actor, sum(t.articles) AS a, sum(t.mentions) AS m"
            f" FROM key_totals t JOIN actor_keys k ON k.key = t.key WHERE {these}"
            " GROUP BY k.actor) AS s WHERE actors.id = s.actor")
        # An article naming an actor by two of its keys counts once: exact counts for
        # the actors of several keys, from their mentions alone.
        db.execute(
            "UPDATE actors SET articles = s.a FROM ("
            " SELECT k.actor AS actor, count(DISTINCT m.article) AS a"
            " FROM actor_keys k JOIN mentions m ON m.key = k.key WHERE k.actor IN"
            f"  (SELECT actor FROM actor_keys k WHERE {these}{others}"
            "   GROUP BY actor HAVING count(*) > 1)"
            " GROUP BY k.actor) AS s WHERE actors.id = s.actor")
        if grown is not None and counted:
            # (Rowid order, NOT INDEXED: only the rows added since are walked, where
            # counting a top actor again walked every mention of its keys.)
            db.executemany("UPDATE actors SET articles = ? WHERE id = ?",
                           [(n, actor) for actor, n in counted.items()])
            db.execute(
                "UPDATE actors SET articles = articles + s.a FROM ("
                " SELECT k.actor AS actor, count(DISTINCT m.article) AS a"
                " FROM mentions m NOT INDEXED JOIN actor_keys k ON k.key = m.key"
                f" WHERE m.rowid > ? AND k.actor IN ({_ids(set(counted))})"
                " GROUP BY k.actor) AS s WHERE actors.id = s.actor", (grown[0],))
        # Counted over rows the table had not taken in: none can be counted on top later.
        seen = _meta(db, key_totals.ROWS_SEEN)
        if seen is not None and key_totals.last_row(db) > int(seen):
            db.execute("DELETE FROM meta WHERE key = ?", (key_totals.ROWS_SEEN,))
        # (A sentence's first word's candidate, "^goldman sachs", is spelt as the name
        # without the word, "Sachs": no spelling of an actor it joined, only of one it is.)
        db.execute("INSERT INTO actor_aliases SELECT k.actor, s.surface, sum(s.n) "
                   "FROM key_surfaces s JOIN actor_keys k ON k.key = s.key "
                   f"WHERE {these} AND (substr(s.key, 1, 1) != '{SENTENCE_FIRST}' OR NOT "
                   "EXISTS (SELECT 1 FROM actor_keys o WHERE o.actor = k.actor "
                   f"AND substr(o.key, 1, 1) != '{SENTENCE_FIRST}')) "
                   "GROUP BY k.actor, s.surface")
        db.execute(f"DELETE FROM actors WHERE mentions = 0 AND {these.replace('k.actor', 'id')}")

    @_writes
    def patch(self, dictionaries: Dictionaries, touched: set[str], stamp: str,
              previous: Dictionaries | None = None) -> int:
        """`_patch`, with the garbage collector paused: its passes over the key index's
        containers (hundreds of thousands, kept between edits) cost more than the patch."""
        self.last_patch = None
        self.faults = self.new_faults = ()
        with gc_paused():
            return self._patch(dictionaries, touched, stamp, previous)

    def _patch(self, dictionaries: Dictionaries, touched: set[str], stamp: str,
               previous: Dictionaries | None = None) -> int:
        """After a curation edit that changed only the entries of the name keys `touched`:
        re-cluster a region of keys from their own totals and replace the actors holding
        them, keeping the ids of the actors they most overlap; the number written.

        The region: the changed keys (those whose entry the rules read otherwise:
        entry_changes.py), the keys a clustering rule weighs with them
        (reach.py: a body and its country-prefixed form, an acronym and its expansion, a
        surname and the full names ending with it, ...), the keys those are weighed with,
        and the whole of every actor holding one. A key whose actor comes out other than
        before has moved: its links, and theirs, join the region, and it is clustered again,
        until no key moves that was not moved before. (A rule's decision on a key outside
        could change only through a key that moved.) The titles the corpus learns (rule 7)
        weigh every key: they come from titles.py, and where the edit changes them the keys
        they head count as changed. Where a region grows past one key in PATCH_SHARE, the
        whole table is rebuilt."""
        changed, spelled, entries = changed_keys(touched, dictionaries, previous)
        with self._db() as db, db:
            self._key_index(db)
            # The titles the whole corpus learns (the one rule that weighs every key): given
            # to the region's clustering, and where the edit teaches or unteaches one, the
            # keys it heads are read anew (changed).
            titles: frozenset[str] | None = None
            given: frozenset[str] | None = None
            roots = set(changed)
            taught: frozenset[str] = frozenset()
            if previous is not None:
                if self._titles is None or self._titles.stamp != self._keys.stamp:
                    self._titles = TitleFacts(db, self._keys)
                titles, counts = self._titles.facts(dictionaries)
                given = shared_given(counts)
                # Those before the edit: the ones this table's last patch worked out, if the
                # table is still as it wrote it (its stamp: the dictionary files as they
                # were; `recluster` patches only a table built from those before the edit).
                kept, was = self._titles_kept, _meta(db, "actor_dictionaries")
                if kept is not None and was and kept[:2] == (self._keys.stamp, was) \
                        and kept[3] is not None:
                    before, given_before = kept[2], kept[3]
                else:
                    before, counts = self._titles.facts(previous)
                    given_before = shared_given(counts)
                self._titles_kept = (self._keys.stamp, stamp, titles, given) if stamp \
                    else None
                # (A first word that now starts another name of two words, or no more:
                # the names it starts are surnames of longer names otherwise.)
                roots |= keys_titled(self._keys, set(titles ^ before) | (given ^ given_before))
                taught = titles | before
            reach = Reach(db, dictionaries, changed, self._keys, taught, spelled)
            if previous is not None and stamp:
                self._keep_titles(db, stamp, titles)
            written = self._region_patch(db, dictionaries, reach, roots, touched, titles, stamp,
                                         explained=roots | entries, given=given)
            if written is not None:
                return written
        # The edit reaches too much of the corpus (or a rule reached past the links
        # reach.py knows): the whole table, rebuilt.
        return self.rebuild(dictionaries, stamp)

    def _region_patch(self, db: sqlite3.Connection, dictionaries: Dictionaries, reach: Reach,
                      roots: set[str], touched: set[str], titles: frozenset[str] | None,
                      stamp: str, recount: set[str] | None = None,
                      explained: set[str] | None = None,
                      given: frozenset[str] | None = None) -> int | None:
        """`_patch`'s rounds, from the keys `roots` (moved from the start) and `touched`
        (whose actors are written again); None where the region grows too large (the
        caller rebuilds). `recount`: keys whose totals changed (`_replace`); `explained`:
        keys whose moves the edit explains (`roots` where not given: an entry that lost a
        name moves without a link to it); `titles` and `given`: what the region's clustering
        is told of the whole corpus (cluster.cluster)."""
        assert self._keys is not None
        limit = len(reach.keys) // PATCH_SHARE
        db.execute("CREATE TEMP TABLE IF NOT EXISTS region (key TEXT PRIMARY KEY)")
        region: set[str] = set()
        actors: dict[int, set[str]] = {}  # the old actors holding a key of the region
        labels: dict[int, tuple] = {}  # their names, types, codes and hidden flags
        # The changed keys' names, types and whether they are countries are read by the
        # rules deciding the keys linked to them: those count as moved from the start.
        clusters: list[Cluster] = []
        faults = ClusterFaults()  # (of every round: a fault is the rules', not the region's)
        moved = set(roots)
        for key in roots:
            moved |= reach.linked(key)
        # An edit's unmerge or undo starts from the keys the edit did, and its region grows
        # round by round to the one the edit's settled on (merging the fifth actor into
        # the fourth at 100,000 articles: 2,962 keys, then 3,454, 3,659, 3,798 and 3,858,
        # each round clustering all of them again, two thirds of the patch): that region
        # from the start, where one is kept, for one round. (A larger region changes no
        # outcome: the rounds below still judge every move by it.)
        start = frozenset(roots | touched)
        seed = self._regions.get(start)
        seeded = seed[1] if seed is not None and seed[0] == self._keys.stamp else set()
        for _ in range(PATCH_ROUNDS):
            # The keys that moved, every key a rule weighs with them (reach.py) and every
            # key those are weighed with (what decides them), and the whole of every
            # actor holding one (or a touched key: its name or hidden flag changed).
            readers = set(moved)
            for key in moved:
                readers |= reach.linked(key)
            more = readers | touched
            for key in readers:
                more |= reach.linked(key)
            if seeded and not region:
                more |= seeded
            # Every key a moved key's rules weigh in the region already, the clusters of
            # the round before stand; else the region grows and is clustered again, and
            # they stand when no key moved that had not (every key a moved key links to
            # was in the region). Moves are judged by the clusters as they came out: a key
            # that moved in an earlier round for want of context has moved back.
            settled = bool(clusters) and not more - region
            if not settled:
                self._grow(db, region, actors, more)
                if len(region) > limit:
                    break
                stats, acronyms = self._region_stats(db, region)
                # On the connection held here: the store's lock is not re-entrant (asked
                # through _db, the patch waited on itself for good).
                clusters = cluster(stats, acronyms, dictionaries,
                                   partial(_together_kept, db, self._keys.together), titles,
                                   self._keys.kept, given, faults)
                # A key moved when its actor now holds other keys than before: the rules
                # that weigh it must see all they weigh (the next round).
                now = moved | _differ(clusters, actors, self._labels(db, actors, labels),
                                      touched)
                settled = now <= moved
            if settled:  # (if every move comes from the edit)
                unexplained = _unexplained(_differ(clusters, actors, labels, touched) | roots,
                                           roots if explained is None else explained, reach)
                if not unexplained:
                    self._regions.pop(start, None)
                    self._regions[start] = (self._keys.stamp, set(region))
                    while len(self._regions) > REGIONS_KEPT:
                        del self._regions[next(iter(self._regions))]
                    self._keep_faults(db, faults.messages(), every=False)
                    return self._replace(db, clusters, set(actors), stamp, recount)
                if not self._widen(db, region, actors, unexplained, reach):
                    break
                clusters = []
                continue
            # A key that moved without all it is weighed with in the region may have
            # moved for want of them ("Acquisition Corp" inside the one longer name
            # there): first those, then (if it moves still) the keys that weigh it.
            context: set[str] = set()
            for key in now - moved:
                links = reach.linked(key)
                if links <= region:
                    moved.add(key)
                else:
                    context |= links
            if context:
                self._grow(db, region, actors, context)
                clusters = []  # (clustered again whatever the next round adds)
        return None

    @staticmethod
    def _labels(db: sqlite3.Connection, actors: dict[int, set[str]],
                labels: dict[int, tuple]) -> dict[int, tuple]:
        """`labels` with the (name, type, code, hidden) of the actors of `actors` it lacks
        (an actor whose row went, of no mentions, has none)."""
        new = actors.keys() - labels.keys()
        if new:
            labels.update({n: () for n in new})
            labels.update((r[0], r[1:]) for r in db.execute(
                f"SELECT id, name, type, code, hidden FROM actors WHERE id IN ({_ids(new)})"))
        return labels

    def _widen(self, db: sqlite3.Connection, region: set[str], actors: dict[int, set[str]],
               unexplained: set[str], reach: Reach) -> bool:
        """Keys moved with no chain of moved keys back to the edit: moved for want of what
        decides the keys they are weighed with, two links away. Those join the region;
        False where it holds them all already (a rule reached past reach.py's links)."""
        context: set[str] = set()
        for key in unexplained:
            for other in reach.linked(key):
                context |= reach.linked(other) | {other}
        if context <= region:
            return False
        self._grow(db, region, actors, context)
        return True

    def _grow(self, db: sqlite3.Connection, region: set[str], actors: dict[int, set[str]],
              more: set[str]) -> None:
        """Add `more` to the region, with the whole of every actor holding one of them
        (`actors`: the old actors, by id, holding a key of the region)."""
        while more := more - region:
            region |= more
            # (Only the keys new to the region: those in it had their holders read when
            # they joined, and a round passes thousands of them again.)
            new = self._holders(db, more) - actors.keys()
            more = set()
            for key, actor in db.execute("SELECT key, actor FROM actor_keys WHERE "
                                         f"actor IN ({_ids(new)})"):
                actors.setdefault(actor, set()).add(key)
                more.add(key)

    def _replace(self, db: sqlite3.Connection, clusters: list[Cluster], affected: set[int],
                 stamp: str, recount: set[str] | None = None,
                 all_ids: set[int] | None = None, before: _OldTable | None = None) -> int:
        """Write `clusters` in place of the actors `affected`, each keeping the id of the old
        actor it most overlaps; how many written. An actor that comes out as it was (the
        same keys, name, type, code and hidden flag: most of a region) is left as it is:
        its counts and aliases, worked out from its keys alone, are those it has (counting
        a top actor's articles again was most of the writing). An actor holding a key of
        `recount` (whose totals an indexing run changed) is written again whatever.
        `all_ids`: every actor's id, where `affected` may be all of them (a rebuild's);
        `before`: then, the whole table as it is, read already."""
        every = all_ids is not None and affected == all_ids  # (no list of ids to send)
        if every and before is not None:
            old, read = before.keys, before.rows
        else:
            old = {actor: set() for actor in affected}
            for key, actor in db.execute("SELECT key, actor FROM actor_keys" + (
                    "" if every else f" WHERE actor IN ({_ids(affected)})")):
                old.setdefault(actor, set()).add(key)
            read = db.execute("SELECT id, name, type, code, hidden, articles FROM actors" + (
                "" if every else f" WHERE id IN ({_ids(affected)})")).fetchall()
        numbered, alike = _keep_ids(clusters, old, self._next_id(db))
        rows = {r[0]: r[1:5] for r in read}
        # Of the same keys as before (and none of `recount`): its counts and aliases stand;
        # only a new name, type, code or hidden flag is written over its row (hiding the top
        # actor rewrote it whole: its articles counted again over every mention of its
        # keys, most of a hide at 100,000 articles).
        same = {n for n, c in numbered if n in alike
                and not (recount and not recount.isdisjoint(c.keys))}
        relabel = [(c.name, c.type, c.code, int(c.hidden), n) for n, c in numbered
                   if n in same and rows.get(n) != (c.name, c.type, c.code, int(c.hidden))]
        db.executemany("UPDATE actors SET name = ?, type = ?, code = ?, hidden = ? "
                       "WHERE id = ?", relabel)
        kept = same - {row[-1] for row in relabel}
        numbered = [(n, c) for n, c in numbered if n not in same]
        # An actor of several keys with the keys it had, whose keys' totals changed: its
        # articles counted on from what it had (`_write`), while the store says which
        # rows came since.
        seen = _meta(db, key_totals.ROWS_SEEN) if recount else None
        grown = None
        if seen is not None:
            had = {r[0]: r[5] for r in read}
            grown = (int(seen), {n: had[n] for n, c in numbered
                                 if len(c.keys) > 1 and n in had and old.get(n) == set(c.keys)})
        gone = _ids(affected - same)
        db.execute(f"DELETE FROM actors WHERE id IN ({gone})")
        db.execute(f"DELETE FROM actor_keys WHERE actor IN ({gone})")
        db.execute(f"DELETE FROM actor_aliases WHERE actor IN ({gone})")
        self._write(db, numbered, f"k.actor IN ({_ids({n for n, _ in numbered})})", grown)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('actor_dictionaries', ?)", (stamp,))
        relabelled = {row[-1] for row in relabel}
        self.last_patch = (affected - kept, {n for n, _ in numbered} | relabelled)
        return len(numbered) + len(relabel)

    @staticmethod
    def _holders(db: sqlite3.Connection, keys: set[str]) -> set[int]:
        """The actors that hold any of these keys."""
        found: set[int] = set()
        listed = sorted(keys)
        for start in range(0, len(listed), 500):
            chunk = listed[start:start + 500]
            found |= {r[0] for r in db.execute(
                f"SELECT DISTINCT actor FROM actor_keys WHERE key IN "
                f"({','.join('?' * len(chunk))})", chunk)}
        return found

    @staticmethod
    def _next_id(db: sqlite3.Connection) -> int:
        """An id no actor has, nor the keys of one whose row went (it had no mentions)."""
        return int(db.execute("SELECT max(coalesce((SELECT max(id) FROM actors), 0), "
                              "coalesce((SELECT max(actor) FROM actor_keys), 0))"
                              ).fetchone()[0]) + 1

    def stamp(self) -> str | None:
        return self.store.meta("actor_dictionaries")

    # -- reading ---------------------------------------------------------------------------------

    def _actors(self, where: str, args: tuple, order: str = order_by(DEFAULT_ACTOR_SORT),
                limit: int | None = None) -> list[Actor]:
        sql = (f"SELECT id, name, type, code, hidden, articles, mentions FROM actors "
               f"WHERE {where} ORDER BY {order}")
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self._db() as db:
            rows = db.execute(sql, args).fetchall()
            aliases: dict[int, list[tuple[str, int]]] = {}
            ids = [r[0] for r in rows]
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                for actor, surface, n in db.execute(
                        f"SELECT actor, surface, n FROM actor_aliases WHERE actor IN "
                        f"({','.join('?' * len(chunk))}) ORDER BY n DESC", chunk):
                    aliases.setdefault(actor, []).append((surface, n))
        return [Actor(id=r[0], name=r[1], type=r[2], code=r[3], hidden=bool(r[4]),
                      articles=r[5], mentions=r[6], aliases=aliases.get(r[0], []))
                for r in rows]

    def list(self, kind: str | None = None, sort: str = DEFAULT_ACTOR_SORT,
             limit: int | None = None, hidden: bool = False,
             places: bool | None = None, only_hidden: bool = False) -> list[Actor]:
        """The actors by `sort`: of one type (`kind`), or only the places (`places` True),
        only the others (False) or both (None); hidden ones too with `hidden`, or those
        alone with `only_hidden`."""
        where, args = ("hidden = 1" if only_hidden else "1" if hidden else "hidden = 0", ())
        if kind:
            where, args = f"{where} AND type = ?", (kind,)
        elif places is not None:
            where = f"{where} AND {'' if places else 'NOT '}{IS_PLACE.format(a='actors')}"
        return self._actors(where, args, order_by(sort), limit)

    def article_counts(self) -> dict[str, int]:
        """Each actor's name (hidden ones too) and its articles: what a curation edit
        compares before and after to say which other actors the rules joined to the one
        it edited (editing.py)."""
        with self._db() as db:
            return dict(db.execute("SELECT name, articles FROM actors"))

    def by_ids(self, ids: set[int]) -> list[Actor]:
        """The actors of these ids that there are (hidden or not)."""
        return self._actors(f"id IN ({_ids(ids)})", ())

    def get(self, actor_id: int) -> Actor | None:
        found = self._actors("id = ?", (actor_id,))
        return found[0] if found else None

    def resolve(self, name: str, hidden_first: bool = False) -> Actor | None:
        """The actor a name means (`resolution`), hidden or not."""
        found = self._candidates(name, hidden_first)
        return found[0].actor if found else None

    def resolution(self, name: str, others: int = OTHERS_NAMED) -> ActorChoice | None:
        """The actor a name means, and (up to `others` of) the other actors it could mean,
        each with a name that means it alone. In order:

        - an actor whose own name it is, as written, then case and accents aside (of two
          so named, the one holding the name's key, then the one of more articles);
        - else an actor that goes by it (an alias, or its name key): of several, the
          one that writes it as typed (case and all: "IS" is not "Is"), then the one in
          whose articles it is written most ("Clinton": Hillary Clinton's 47, Bill
          Clinton's 3), then of more articles;
        - shown actors before hidden ones, at each step (a hidden actor's own name still
          before another's alias).
        Never a silent choice: the engine notes the others (query/compile.py)."""
        found = self._candidates(name)
        if not found:
            return None
        shown = found[:1 + others]
        if len(found) > 1:
            key = name_key(name.strip())
            with self._db() as db:
                shown = [c if c.written >= 0 else c._replace(written=_written(db, c.actor.id,
                                                                               key))
                         for c in shown]
        first = shown[0]
        named = []
        for c in shown[1:]:
            filter_name = self.filter_name(c.actor)  # ("": no name means it alone)
            named.append((c.actor, c.written,
                          filter_name if self._means(filter_name, c.actor.id) else ""))
        return ActorChoice(first.actor, first.tier < _ALIAS,
                           first.written if first.written >= 0 else first.actor.articles,
                           tuple(named), len(found) - len(shown))

    def _candidates(self, name: str, hidden_first: bool = False) -> list[_Candidate]:
        """Every actor `name` means, the one meant first (`resolution`); the articles
        writing the name counted (else -1) only where they decide between the first."""
        typed = name.strip()
        key = name_key(typed)
        if not key:
            return []
        folded = fold(typed)
        with self._db() as db:
            holder = db.execute("SELECT actor FROM actor_keys WHERE key = ?", (key,)).fetchone()
            holder_id = holder[0] if holder else None
            tiers: dict[int, int] = {}
            # (NOCASE folds ASCII only: a name typed with other letters is compared folded,
            # over the names that have such letters.)
            other_letters = not typed.isascii()
            for actor_id, actor_name in db.execute(
                    "SELECT id, name FROM actors WHERE name = ? COLLATE NOCASE" + (
                        " UNION SELECT id, name FROM actors WHERE name GLOB '*[^ -~]*'"
                        if other_letters else ""), (typed,)):
                if actor_name == typed:
                    tiers[actor_id] = _OWN_NAME
                elif fold(actor_name) == folded:
                    tiers.setdefault(actor_id, _OWN_FOLDED)
            exact: set[int] = set()
            for actor_id, surface in _alias_rows(db, typed, key, other_letters):
                tiers.setdefault(actor_id, _ALIAS)
                if surface == typed:
                    exact.add(actor_id)
            if holder_id is not None:
                tiers.setdefault(holder_id, _ALIAS)
            if not tiers and not other_letters:
                # A name typed without the accents of the one written ("al-Muhandis" for
                # "al-Muhandís", kept under a longer key): the few names and surfaces of
                # other letters compared folded, where nothing else means it.
                names, surfaces = self._other_letters(db)
                for actor_id, actor_name in names:
                    if actor_name == folded:
                        tiers.setdefault(actor_id, _OWN_FOLDED)
                for actor_id, surface_key in surfaces:
                    if surface_key == key:
                        tiers.setdefault(actor_id, _ALIAS)
        if not tiers:
            return []
        out = [_Candidate(a, tiers[a.id], -1, a.id in exact, a.id == holder_id)
               for a in self._actors(f"id IN ({_ids(set(tiers))})", ())]

        def first_by(c: _Candidate) -> tuple:
            # An actor's own name before what others go by, hidden or not (`actor:Bench`
            # after `hide Bench` found the one article of "Constitution Bench", which
            # lists "Bench"); shown before hidden within each step. `unhide` asks for a
            # hidden actor before any shown one.
            hidden = c.actor.hidden != hidden_first
            return ((hidden, c.tier) if hidden_first else (c.tier, hidden)) + (
                not c.holds_key if c.tier < _ALIAS else False, not c.exact)

        out.sort(key=first_by)
        tied = [c for c in out if first_by(c) == first_by(out[0])]
        if len(tied) > 1:  # (decided by the articles that write it)
            with self._db() as db:
                tied = [c._replace(written=_written(db, c.actor.id, key)) for c in tied]
            out = tied + out[len(tied):]
        out.sort(key=lambda c: (*first_by(c), -c.written, -c.actor.articles, c.actor.id))
        return out

    def _other_letters(self, db: sqlite3.Connection
                       ) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """The actors' names of other letters than ASCII's, folded, and their surfaces of
        such letters, by key (`_alias_rows`), kept while the table stays: every name no
        actor goes by looks through them, and their scans (GLOB, no index) took 50 ms of
        each "did you mean" on Reuters' table."""
        now = (self._generation, _data_version(db))
        if self._other_letters_of != now:
            names = [(i, fold(n)) for i, n in db.execute(
                "SELECT id, name FROM actors WHERE name GLOB '*[^ -~]*'")]
            surfaces = [(i, name_key(n)) for i, n in db.execute(
                "SELECT actor, surface FROM actor_aliases WHERE surface GLOB '*[^ -~]*'")]
            self._other_letters_kept, self._other_letters_of = (names, surfaces), now
        return self._other_letters_kept

    def filter_name(self, actor: Actor) -> str:
        """A name whose `actor:` filter is this actor: its own, unless another actor holds
        that name's key ("Kodak" of Eastman Kodak, where a lone "Kodak" is Stephen Kodak's)
        or is named alike (two "Hughes"); then its most written alias that is its own, else
        one of its keys. What the pane, the palette and the facets filter by."""
        if self._means(actor.name, actor.id):
            return actor.name
        for alias, _ in sorted(actor.aliases, key=lambda a: -a[1]):
            if self._means(alias, actor.id):
                return alias
        return next((k for k in sorted(self.keys_of(actor.id)) if self._means(k, actor.id)),
                    actor.name)

    def _means(self, name: str, actor_id: int) -> bool:
        meant = self.resolve(name)
        return meant is not None and meant.id == actor_id

    def listing(self, name: str) -> list[Actor]:
        """The actors that list `name` among their spellings (case aside), most articles
        first: a lone surname counted under a full name's key is listed so, and found by
        no `resolve`."""
        with self._db() as db:
            ids = {a for a, _ in _alias_rows(db, name.strip(), name_key(name),
                                             not name.isascii())}
        return sorted(self.by_ids(ids), key=lambda a: (-a.articles, a.id))

    def keys_of(self, actor_id: int) -> list[str]:
        with self._db() as db:
            return [r[0] for r in db.execute("SELECT key FROM actor_keys WHERE actor = ?",
                                             (actor_id,))]

    def filter_keys(self, name: str) -> list[str]:
        """The keys an `actor:` filter searches for; QueryError for an unknown name (an
        edit's or --with's name must be an actor)."""
        found = self.filter(name)
        if found.unknown:
            hint = f"; did you mean '{found.close}'?" if found.close else ""
            raise QueryError(f"no actor named '{name}'{hint}")
        return found.keys

    def filter(self, name: str) -> ActorFilter:
        """An `actor:` filter's keys, and the choice made where the name means several
        actors (`resolution`). A name no actor goes by finds nothing, with `unknown` saying
        so: the query runs (no hits, as a word no article has), it is not malformed."""
        # (Asked again at each keystroke of a query that holds it.)
        with self._db() as db:
            now = (self._generation, _data_version(db))
        if now != self._filters_of:
            self._filters, self._filters_of, self._close = {}, now, None
        found = self._filters.get(name)
        if found is not None:
            return found
        choice = self.resolution(name)
        if choice is None:
            found = ActorFilter([], unknown=True, close=self._close_name(name))
        else:
            found = self._chosen_filter(choice)
        if len(self._filters) >= FILTERS_KEPT:
            self._filters.clear()
        self._filters[name] = found
        return found

    def _close_name(self, name: str) -> str | None:
        """The name to offer for an `actor:` name no actor goes by: that of the shown actor
        whose name or alias is closest to it (close_names.py), case aside, and of equal
        scores the actor of more articles; as its filter says it (`filter_name`)."""
        if self._close is None:
            with self._db() as db:
                # The actors' own names, then their aliases: of an equal score, an own name
                # before an alias, and the actor of more articles first.
                rows = db.execute(
                    "SELECT id, name FROM actors WHERE hidden = 0 ORDER BY articles DESC, id"
                    ).fetchall()
                rows += db.execute(
                    "SELECT a.id, s.surface FROM actor_aliases s JOIN actors a ON a.id = "
                    "s.actor WHERE a.hidden = 0 AND s.surface <> a.name "
                    "ORDER BY a.articles DESC, a.id, s.n DESC").fetchall()
            self._close = CloseNames([r[1] for r in rows], [r[0] for r in rows])
        actor_id = self._close.closest(name)
        actor = self.get(actor_id) if actor_id is not None else None
        return self.filter_name(actor) if actor is not None else None

    def _chosen_filter(self, choice: ActorChoice) -> ActorFilter:
        # Noted (query/compile.py) where the name means several actors, and where it is
        # not the actor's own name: an alias, or the name of an actor merged into it
        # (after `actors merge Japan "United States"`, actor:Japan found the United
        # States' articles with no word).
        noted = choice.others or not choice.own_name
        return ActorFilter(self.keys_of(choice.actor.id), choice if noted else None)

    def mentions_in(self, article_id: str) -> tuple[Mentions, list[ActorMention]]:
        """Every mention of a visible actor in one article: (in the text, in the title),
        each in order of their spans. The text's as arrays (Mentions), their spans read
        by numpy: an article of 20 MB had 216,000."""
        parts: list[np.ndarray] = []
        actors: list[tuple[int, str]] = []
        title: list[ActorMention] = []
        with self._db() as db:
            rows = db.execute(
                "SELECT m.spans, m.title_spans, a.id, a.name FROM mentions m "
                "JOIN actor_keys k ON k.key = m.key JOIN actors a ON a.id = k.actor "
                "WHERE m.article = ? AND a.hidden = 0", (article_id,))
            for spans, title_spans, actor_id, name in rows:  # (a row at a time)
                parts.append(_span_array(spans))
                actors.append((actor_id, name))
                title += [ActorMention(s, actor_id, name) for s in _spans(title_spans)]
        pairs = np.concatenate(parts) if parts else np.zeros(0, np.int64)
        starts, ends = pairs[0::2], pairs[1::2]
        actor = np.repeat(np.arange(len(parts), dtype=np.int64),
                          [len(part) // 2 for part in parts])
        # By span, ties in the rows' order (a stable sort: as sorted() by span did).
        order = np.lexsort((ends, starts))
        body = Mentions(actors=actors)
        body.starts.frombytes(starts[order].tobytes())
        body.ends.frombytes(ends[order].tobytes())
        body.actor.frombytes(actor[order].astype(f"i{body.actor.itemsize}").tobytes())
        return body, sorted(title, key=lambda m: m.span)

    def spans_of(self, article_ids: Iterable[str], keys: Iterable[str]
                 ) -> dict[str, tuple[list[Span], list[Span]]]:
        """Where the mentions under these name keys lie in each article, (in the text, in
        the title), each in order: an `actor:` filter's matches (Engine._mentions)."""
        ids, wanted = list(dict.fromkeys(article_ids)), sorted(set(keys))
        found: dict[str, tuple[list[Span], list[Span]]] = {}
        if not ids or not wanted:
            return found
        with self._db() as db:
            for start in range(0, len(ids), 500):  # (SQLite's bound on parameters)
                part = ids[start:start + 500]
                rows = db.execute(
                    f"SELECT article, spans, title_spans FROM mentions WHERE article IN "
                    f"({','.join('?' * len(part))}) AND key IN "
                    f"({','.join('?' * len(wanted))})", (*part, *wanted)).fetchall()
                for article, spans, title_spans in rows:
                    body, title = found.setdefault(article, ([], []))
                    body += _spans(spans)
                    title += _spans(title_spans)
        for body, title in found.values():
            body.sort()
            title.sort()
        return found

    def top_in(self, article_ids: list[str], limit: int = 20,
               each_kind: bool = False) -> list[tuple[Actor, int]]:
        """The actors of a result set, by how many of its articles mention them: the top
        `limit`, or with `each_kind` the top `limit` places and the top `limit` others."""
        if not article_ids:
            return []
        with self._db() as db:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS chosen (article TEXT PRIMARY KEY)")
            db.execute("DELETE FROM chosen")
            db.executemany("INSERT OR IGNORE INTO chosen VALUES (?)", [(i,) for i in article_ids])
            rows = db.execute(_ranked(
                # CROSS JOIN: drive from the few chosen articles through the mentions'
                # article index (the planner, knowing nothing of the temp table, would
                # scan every mention: 150 ms at 100,000 articles).
                "FROM chosen CROSS JOIN mentions m ON m.article = chosen.article "
                "JOIN actor_keys k ON k.key = m.key "
                "JOIN actors a ON a.id = k.actor WHERE a.hidden = 0", each_kind),
                (limit,)).fetchall()
            db.execute("DELETE FROM chosen")
        return self._with_actors(rows)

    def cooccurring(self, actor_id: int, limit: int = 20,
                    each_kind: bool = False) -> list[tuple[Actor, int]]:
        """The actors that appear in the most articles together with this one (the top
        `limit`, or with `each_kind` the top `limit` places and the top `limit` others)."""
        with self._db() as db:
            rows = db.execute(
                "WITH mine AS (SELECT DISTINCT m.article FROM mentions m "
                " JOIN actor_keys k ON k.key = m.key WHERE k.actor = ?) " + _ranked(
                    "FROM mentions m JOIN mine USING (article) "
                    "JOIN actor_keys k ON k.key = m.key "
                    "JOIN actors a ON a.id = k.actor WHERE a.hidden = 0 AND k.actor != ?",
                    each_kind),
                (actor_id, actor_id, limit)).fetchall()
        return self._with_actors(rows)

    def _with_actors(self, rows: list[tuple[int, int]]) -> list[tuple[Actor, int]]:
        if not rows:
            return []
        ids = [r[0] for r in rows]
        found = {a.id: a for a in self._actors(f"id IN ({','.join('?' * len(ids))})",
                                                tuple(ids))}
        return [(found[i], n) for i, n in rows if i in found]


# SQL: whether the actor in table (or alias) `a` is a place.
IS_PLACE = "{a}.type IN (" + ", ".join(f"'{t}'" for t in PLACE_TYPES) + ")"


class _Candidate(NamedTuple):
    actor: Actor
    tier: int
    written: int  # articles writing the name for it
    exact: bool  # it goes by the name as typed, case and all
    holds_key: bool  # it holds the name's key


def _alias_rows(db: sqlite3.Connection, name: str, key: str, other_letters: bool
                ) -> list[tuple[int, str]]:
    """(actor, surface) of the actors that list `name` among their surfaces, as the pane
    shows them, in any case: a user types "koreans" or "HOUSE" for the "Koreans" or
    "House" listed. (A surface of accents typed without them is found by its key.)"""
    rows = db.execute("SELECT actor, surface FROM actor_aliases WHERE surface = ? "
                      "COLLATE NOCASE", (name,)).fetchall()
    if other_letters:
        # NOCASE folds ASCII only: surfaces with other letters are few, compared by key.
        rows += [r for r in db.execute("SELECT actor, surface FROM actor_aliases WHERE "
                                       "surface GLOB '*[^ -~]*'") if name_key(r[1]) == key]
    return rows


def _written(db: sqlite3.Connection, actor_id: int, key: str) -> int:
    """In how many articles the name of key `key` is written for the actor: its mentions
    under that key, and those of its other keys spelt so ("Clinton" in an article that
    also says "Hillary Clinton" is a mention of "hillary clinton")."""
    whole: list[str] = []
    spelt: list[tuple[str, str]] = []
    for k, surface in db.execute(
            "SELECT s.key, s.surface FROM actor_keys a JOIN key_surfaces s ON s.key = a.key "
            "WHERE a.actor = ?", (actor_id,)):
        if k == key:
            whole.append(k)
        elif name_key(surface) == key:
            spelt.append((k, surface))
    if not whole and not spelt:
        return 0
    parts, args = [], []
    if whole:
        parts.append("SELECT article FROM mentions WHERE key = ?")
        args.append(key)
    for k, surface in spelt:
        parts.append("SELECT article FROM mentions WHERE key = ? AND surface = ?")
        args += [k, surface]
    return int(db.execute(f"SELECT count(*) FROM ({' UNION '.join(parts)})", args
                          ).fetchone()[0])


def _ranked(source: str, each_kind: bool) -> str:
    """(actor, articles) counted over `source` (FROM ... WHERE, joining `k` actor_keys,
    `m` mentions and `a` actors), most first; its last parameter is the limit, taken over
    all or, with `each_kind`, over the places and over the others apart."""
    count = "count(DISTINCT m.article)"
    if not each_kind:
        return (f"SELECT k.actor, {count} AS c {source} GROUP BY k.actor "
                "ORDER BY c DESC, a.articles DESC LIMIT ?")
    return (f"SELECT actor, c FROM (SELECT k.actor AS actor, {count} AS c, a.articles AS n, "
            f"row_number() OVER (PARTITION BY {IS_PLACE.format(a='a')} "
            f"ORDER BY {count} DESC, a.articles DESC) AS r {source} GROUP BY k.actor) "
            "WHERE r <= ? ORDER BY c DESC, n DESC")


def stored_faults(db: sqlite3.Connection) -> tuple[str, ...]:
    """The rules' faults the actor table's clustering contained, as last kept."""
    return read_faults(_meta(db, FAULTS_KEY))


def _meta(db: sqlite3.Connection, key: str) -> str | None:
    """Store.meta on a connection already held (the store's lock is not re-entrant)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _see_rows(db: sqlite3.Connection) -> None:
    """The table has taken in every mention row there is (key_totals.ROWS_SEEN)."""
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
               (key_totals.ROWS_SEEN, str(key_totals.last_row(db))))


def _stamp_text(stamp: tuple[int, ...]) -> str:
    return ",".join(map(str, stamp))


def _kept_titles(db: sqlite3.Connection, stamp: str, keys: str | None
                 ) -> frozenset[str] | None:
    """The titles kept (`ActorTable._keep_titles`) if they are of these dictionaries and
    keys; else None."""
    try:
        kept = json.loads(_meta(db, "actor_titles") or "null")
    except ValueError:
        return None
    if not isinstance(kept, dict) or kept.get("dictionaries") != stamp \
            or kept.get("keys") != keys or not isinstance(kept.get("titles"), list):
        return None
    return frozenset(kept["titles"])


class _OldTable(NamedTuple):
    """The whole actor table as `_replace` reads it: each actor's keys (every actor that
    holds one), its rows; and the store's data_version then (read from one snapshot)."""

    version: int
    keys: dict[int, set[str]]
    rows: list[tuple]

    @classmethod
    def read(cls, db: sqlite3.Connection) -> _OldTable:
        keys: dict[int, set[str]] = {}
        for key, actor in db.execute("SELECT key, actor FROM actor_keys"):
            keys.setdefault(actor, set()).add(key)
        rows = db.execute("SELECT id, name, type, code, hidden, articles FROM actors"
                          ).fetchall()
        return cls(_data_version(db), keys, rows)


def _data_version(db: sqlite3.Connection) -> int:
    """Changes when another connection commits to the store (SQLite's data_version)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def _snapshot(db: sqlite3.Connection) -> None:
    """Read what follows from one snapshot of the store (`_db` ends it): its statements
    would otherwise each see the store as an indexer left it at that moment."""
    if not db.in_transaction:
        db.execute("BEGIN")


def _writing(db: sqlite3.Connection) -> None:
    """`_snapshot` for what reads, then writes: the write lock taken first (waited for
    while another connection holds it, as SQLite's busy timeout says). A snapshot begun
    reading could not become a write once another connection had committed (SQLite's
    BUSY_SNAPSHOT, not waited for): at a build's end the near-duplicates' grouping writes
    from a process of its own meanwhile (dups/group_process.py), and the key index and
    titles were then silently not stored."""
    if not db.in_transaction:
        db.execute("BEGIN IMMEDIATE")


def _ids(ids: set[int]) -> str:
    return ",".join(str(int(i)) for i in sorted(ids)) or "NULL"


def _differ(clusters: list[Cluster], actors: dict[int, set[str]],
            labels: dict[int, tuple] | None = None, touched: set[str] = frozenset()
            ) -> set[str]:
    """The keys whose actor in `clusters` holds other keys than their old one (`actors`),
    or the same keys under another name, type, code or hidden flag than before (`labels`)
    where the edit touched none of them: a key at the region's edge, clustered without a
    key it is weighed with ("^xyz equity" adding its cues to "equity"), comes out of
    another type, and must have its links in the region as a moved key does."""
    owner = {k: n for n, keys in actors.items() for k in keys}
    out: set[str] = set()
    for c in clusters:
        mine = set(c.keys)
        moved = any(k not in owner or actors[owner[k]] != mine for k in mine)
        if moved or (labels and touched.isdisjoint(mine)
                     and (was := labels.get(owner[c.keys[0]]))
                     and was != (c.name, c.type, c.code, int(c.hidden))):
            out |= mine
    kept = {frozenset(c.keys) for c in clusters}
    for keys in actors.values():  # an old actor taken apart or gone
        if frozenset(keys) not in kept:
            out |= keys
    return out


def _unexplained(moved: set[str], changed: set[str], reach: Reach) -> set[str]:
    """The keys that moved with no chain of links back to a changed one, through moved keys
    or a key between two (one that did not move but weighs one that did: "American
    Motors" no longer a full name of people, "Motors" a lone surname of General Motors'):
    moved for a rule that weighs the whole corpus, which a region cannot show; the patch
    then gives way to a rebuild."""
    explained = set(changed)
    todo = list(changed)
    while todo:
        for other in reach.linked(todo.pop()):
            found = {other} if other in moved else reach.linked(other) & moved
            for key in found - explained:
                explained.add(key)
                todo.append(key)
    return moved - explained


def dictionaries_before(paths: list[Path], metonyms: bool, mine: Path,
                        entries: tuple[Entry, ...]) -> Dictionaries:
    """The dictionaries as they were before an edit of the curation `mine`, whose entries
    were then `entries` (AppliedEdit.previous)."""
    out = Dictionaries()
    for path in [*SHIPPED_DICTIONARIES, *paths]:
        if path == mine:
            out.add(list(entries))
        elif path.is_file():
            out.add(load_dictionary(path))
    out.resolve_metonyms(metonyms)
    return out


def _keep_ids(clusters: list[Cluster], old: dict[int, set[str]], next_id: int
              ) -> tuple[list[tuple[int, Cluster]], set[int]]:
    """Each cluster with an id: that of the old actor it shares most keys with (each id
    once; a renamed or hidden actor keeps its own), else a new one; and the ids of the
    clusters whose keys are exactly their old actor's."""
    # A cluster of exactly an old actor's keys takes its id, whatever the others share:
    # keys are each of one cluster and one old actor, so neither has another candidate.
    # Most clusters are (37,000 of an add to 200,000 articles): only the rest are weighed.
    by_keys = {frozenset(keys): actor for actor, keys in old.items() if keys}
    given: dict[int, int] = {}
    for n, c in enumerate(clusters):
        if c.keys and (actor := by_keys.get(frozenset(c.keys))) is not None:
            given[n] = actor
    alike = set(given.values())
    owner = {k: actor for actor, keys in old.items() if actor not in alike for k in keys}
    shared: dict[tuple[int, int], int] = {}  # (cluster, old actor) -> keys in common
    for n, c in enumerate(clusters):
        if n in given:
            continue
        for k in c.keys:
            if k in owner:
                shared[n, owner[k]] = shared.get((n, owner[k]), 0) + 1
    pairs = sorted(((count, -actor, n) for (n, actor), count in shared.items()), reverse=True)
    used: set[int] = set(alike)
    for _, negative, n in pairs:
        if n not in given and -negative not in used:
            given[n] = -negative
            used.add(-negative)
    out = []
    for n, c in enumerate(clusters):
        if n not in given:
            given[n], next_id = next_id, next_id + 1
        out.append((given[n], c))
    return out, alike


def recluster(settings: Settings, table: ActorTable, edit: AppliedEdit | None = None) -> None:
    """Apply the dictionaries as they are now (after a curation edit) without re-indexing:
    with the `edit` just made, and a table built from the dictionaries as they were just
    before it, only the actors it touched (ActorTable.patch); else all of them. Under the
    curation's lock: two processes re-clustering at once rebuild one after the other, the
    later from the newer files, so the table ends as the files are. One already built from
    the files as they are, by another process while this one waited for the lock, is left
    as it is: a dashboard that saw a command's edit written (not yet applied) re-clustered
    every actor after the command had, and the next command waited for that too (tens of
    seconds of a busy machine's wall clock, on BBC's 2,225 articles)."""
    paths, metonyms, mine = dictionary_paths(settings), settings.actors.metonyms, \
        curation_path(settings)
    with locked(mine):
        if table.stamp() in dictionaries_stamps(paths, metonyms):
            return
        stamp = dictionaries_stamp(paths, metonyms)
        dictionaries = settings_dictionaries(settings)
        if edit is not None and stamp == dictionaries_stamp(paths, metonyms, {mine: edit.after}) \
                and table.stamp() in dictionaries_stamps(paths, metonyms, {mine: edit.before}):
            table.patch(dictionaries, edit.touched, stamp,
                        dictionaries_before(paths, metonyms, mine, edit.previous))
        else:
            table.rebuild(dictionaries, stamp)


def recluster_if_changed(settings: Settings, table: ActorTable) -> bool:
    """Re-cluster if a dictionary changed since the table was built (another process, or a
    person with an editor, changed the curation); whether it did. A few stats when not."""
    if table_is_current(settings, table):
        return False
    recluster(settings, table)
    return True


def _together_kept(db: sqlite3.Connection, kept: dict[tuple[str, str], bool], key_a: str,
                   key_b: str) -> bool:
    """`_together_in`, kept (`kept`: the store's KeyIndex's, while its keys stay): each
    round of a patch and each patch ask the same pairs again."""
    found = kept.get((key_a, key_b))
    if found is None:
        found = kept[key_a, key_b] = _together_in(db, key_a, key_b)
    return found
