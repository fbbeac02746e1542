"""An add's clustering of every key (ActorTable.rebuild's `cluster`) in a process of its
own, while the indexer updates the duplicates and the key index.

At a million articles an add's actor update falls to clustering every key again (its
changed keys reach too far for a region): reading the keys' stats and clustering them
was 2 of the add's 6.4 s, with the duplicates' 1.2 s after it in the same process (a
thread beside it did not pay: the GIL). Here a process from the fork server
(storage/fork_server.py) reads the stats on a read-only connection of its own, clusters
them with the same dictionaries and sends the clusters back with the key stamp it read;
the table takes them only if the keys are still that stamp (else it clusters itself, as
it does when the process cannot be started, fails or dies: nothing is lost, only the
overlap).

A first build's rebuild has no key index stored to take beside clusters made elsewhere
(it builds one from the stats it reads: 1 s of 2.9 at 30,000 short articles, clustering
1.3), so there the process builds it too (`index_too`), from the same stats, and sends its
parts as they are stored (key_index_store.dump), with the titles the corpus learns (read
through it: 0.2 s): the clustering, the key index, the titles and the reading of the stats
(0.3 s) all run beside the near-duplicates' update. The clusters are sent first, the key
index and titles after them: the table's writing (the indexer's, 0.5 s) waits for the
clusters alone, and runs beside the key index's making (with the index made first, the
indexer sat idle for the clusters a second after the duplicates were done, then wrote the
table alone).

An add whose last batch is handed on (ingest/overlap.py) starts its process as that batch
is committed (indexer.py's _cluster_early), when the other core has nothing to do: the
stats it reads there are brought up to date at `go` from the keys the commit changed
(key_stats.patched_key_stats: 5,500 of 51,000 keys at a million), and what it read first
after the commit before is done by then (0.3 s of its 2). The clusters go back as plain
tuples, marshalled: pickled as they are (40,000 at a million articles), they took 0.15 s
to send and 0.05 s to take, both waited for."""

from __future__ import annotations

import contextlib
import marshal
import multiprocessing as mp
import os
import signal
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from newsdesk.index.actors import key_index_store
from newsdesk.index.actors.cluster import Cluster, cluster
from newsdesk.index.actors.cluster_faults import ClusterFaults, NotWanted
from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.gc_pause import gc_paused
from newsdesk.index.actors.key_stats import (
    patched_key_stats,
    read_key_stats,
    together_in,
)
from newsdesk.index.actors.name_caches import clear_name_caches
from newsdesk.index.actors.reach import (
    PARTS,
    KeyIndex,
    KeyRows,
    index_parts,
    key_stamp,
    read_keys,
    stats_keys,
)
from newsdesk.index.actors.titles import TitleFacts
from newsdesk.index.storage.fork_server import (
    CONTEXT,
    ServedProcess,
    release_memory,
    silence,
)

# Keys from which a first build's key index is made in a process of its own, once the
# clustering process has ended (`_serve_index`), rather than in the clustering process
# after the clusters: there its parts grew a heap the clustering had left (125,840 keys:
# 300 MB at the clusters, 441 at the index's dump), apart they start from the fork (the
# build's peak at 125,840 keys 633 -> 593 MB, at 225,785 992 -> 843). Below it, as before:
# the clustering's name caches make the index's words at no cost there (apart, a
# first build of 30,000 short articles, 49,000 keys: its end 0.2 s of CPU more of 7).
INDEX_APART_KEYS = 60_000

# Keys from which a first build's clustering process comes from the fork server rather than
# being a fork of the indexer (`ClusterProcess(fresh=True)`): a fork allocates into the
# free blocks of the indexer's heap, each page it touches a copy (225,785 keys: 466 MB,
# 400 alone); below it the fork's warm start is worth more (0.5 s of CPU of the fork
# server's process importing the modules and unpickling the dictionaries).
FRESH_KEYS = INDEX_APART_KEYS


class Indexed(NamedTuple):
    """The key index's parts, dumped (made in a process of its own, many keys': the file
    they were written to, key_index_store.spill, there till the ClusterProcess is closed),
    and the titles the corpus learns (`index_too`)."""
    index: bytes | Path
    titles: frozenset[str]


class Clustered(NamedTuple):
    keys: tuple[int, ...]  # the key stamp the stats were read at
    clusters: list[Cluster]
    # With `index_too`: waits for what the process makes after the clusters (`Indexed`,
    # of the same keys; None if it failed or died).
    indexed: Callable[[], Indexed | None] | None = None
    # The rules' faults the clustering contained (cluster_faults.py), said by the table.
    faults: tuple[str, ...] = ()


class ClusterProcess:
    """The clustering of the store at `path`, started at once: it reads the keys' stats and
    clusters them, its first look-up waiting for `go` (the rules ask the mentions' index by
    key, which a first build makes only now: storage/key_article_index.py), and with
    `index_too` the key index is built after it (past INDEX_APART_KEYS keys in a process of
    its own, started when the table, written, first waits for it); `take` waits for the
    clusters (None if it failed), `close` ends the process whether taken or not."""

    def __init__(self, path: Path, dictionaries: Dictionaries, index_too: bool = False,
                 fresh: bool = False) -> None:
        self._process: ServedProcess | None = None
        self._path, self._dictionaries = path, dictionaries
        try:
            # (`fresh`: from the fork server, not a fork of the indexer, whatever its threads:
            # see FRESH_KEYS.)
            self._process = ServedProcess(_serve, (str(path), dictionaries, index_too),
                                          "newsdesk-actor-clustering", "actor-clustering",
                                          CONTEXT if fresh else _context())
        except Exception:  # noqa: BLE001 - no process (cannot fork): cluster in the indexer
            self._process = None
        self._gone = False
        self._index_too = index_too
        self._spill: Path | None = None  # where the key index made apart is written
        self._index_keys: tuple[int, ...] | None = None  # of the key index still to start

    def go(self) -> None:
        """The store has its index by key: cluster (once the stats are read)."""
        if self._process is not None and not self._gone:
            self._gone = True
            with contextlib.suppress(OSError):
                self._process.send("go")

    def take(self) -> Clustered | None:
        if self._process is None:
            return None
        self.go()
        try:
            keys, packed, apart = self._process.result("the clusters")
            if not self._index_too or apart:
                # (Its work is done: ended at once, its memory with it, before the clusters
                # are unpacked here: ended after, its heap, as big as the clustering left
                # it, was there beside the clusters unpacked, the build's peak at 425,530
                # keys: 532 + 289 MB.)
                self._end()
            clusters, faults = marshal.loads(packed)
            del packed
            for i, row in enumerate(clusters):  # (in place: each row let go of as it is made)
                clusters[i] = Cluster(*row)
        except Exception:  # noqa: BLE001 - it failed or died: the table clusters itself
            self.close()
            return None
        if not self._index_too:
            return Clustered(keys, clusters, None, faults)
        if not apart:  # (the process makes the index after the clusters)
            return Clustered(keys, clusters, self._indexed, faults)
        # The key index and titles in a process of their own (INDEX_APART_KEYS), started
        # when they are first asked for: once the table is written and its clusters let go
        # of (ActorTable.rebuild). Started here, beside the clusters taken and the table
        # written, the two were the build's peak (425,530 keys: that process 532 MB, the
        # indexer 289); the table's writing is a few seconds of the other core's idling.
        self._index_keys = keys
        return Clustered(keys, clusters, self._indexed, faults)

    def _index_started(self) -> None:
        """The key index's process started (`take`'s, many keys')."""
        keys, self._index_keys = self._index_keys, None
        if keys is None or self._process is not None:
            return
        with contextlib.suppress(Exception):  # (none: the table builds the index itself)
            self._spill = _spill_path(self._path)
            # (From the fork server, not a fork of the indexer: the indexer's heap, left in
            # pieces by the clusters taken, was the fork's to allocate into, each page it
            # touched a copy: that process reached 450 MB at 225,785 keys, 290 alone.)
            self._process = ServedProcess(_serve_index, (str(self._path), self._dictionaries,
                                                         keys, str(self._spill)),
                                          "newsdesk-actor-key-index", "actor-key-index",
                                          CONTEXT)

    def _indexed(self) -> Indexed | None:
        """The key index and titles, made after the clusters (None if the process failed or
        died meanwhile: the table builds the index itself)."""
        self._index_started()
        if self._process is None:
            return None
        try:
            index, titles = self._process.result("the key index")
            return Indexed(Path(index) if isinstance(index, str) else index, titles)
        except Exception:  # noqa: BLE001
            return None
        finally:
            self._end()

    def close(self) -> None:
        """The process ended, and the key index it wrote to a file removed."""
        self._index_keys = None
        self._end()
        if self._spill is not None:
            spill, self._spill = self._spill, None
            spill.unlink(missing_ok=True)

    def _end(self) -> None:
        if self._process is not None:
            process, self._process = self._process, None
            process.kill()  # (done or not wanted: nothing of it is kept)


SPILL_PREFIX = ".key-index-spill-"


def _spill_path(store: Path) -> Path:
    """A new file beside the store for the key index made apart (the index folder: private,
    on the disk the index has room on), with what a killed build left there removed (the
    store's lock is held: no other build is making one)."""
    for stale in store.parent.glob(SPILL_PREFIX + "*"):
        stale.unlink(missing_ok=True)
    handle, name = tempfile.mkstemp(prefix=SPILL_PREFIX, dir=store.parent)
    os.close(handle)
    return Path(name)


def _serve(conn: Connection, path: str, dictionaries: Dictionaries, index_too: bool
           ) -> None:
    """The process: one clustering, sent back, then it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.umask(0o077)
    silence()
    try:
        _clustered(path, dictionaries, index_too, conn)
    except Exception as exc:  # noqa: BLE001 - reported to the indexer, which clusters itself
        with contextlib.suppress(OSError):
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))


def _clustered(path: str, dictionaries: Dictionaries, index_too: bool, conn: Connection
               ) -> None:
    """Sends what ActorTable.rebuild clusters (then, `index_too`, the key index it builds
    from the same stats, and the titles), of the keys of one stamp: the stats read from one
    snapshot of the store, the look-ups from one taken after `go`, with the keys
    unchanged."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with gc_paused():
            db.execute("BEGIN")
            keys, clustered = key_stamp(db), _clustered_at(db)
            stats, acronyms = read_key_stats(db)
            if index_too:
                # A first build's: the keys are all committed by now.
                after_go = _AfterGo(db, conn, keys)
                faults = ClusterFaults()
                clusters = cluster(stats, acronyms, dictionaries, after_go, faults=faults)
                after_go.wait()  # (not wanted, or the keys changed: nothing is sent)
                # (Many keys: the key index is made after this process, in one of its own,
                # `_serve_index`.)
                apart = len(stats) >= INDEX_APART_KEYS
                if apart:
                    # (Nothing but the clusters is wanted here any more: the stats and the
                    # names' caches let go of before they are packed, the process's share of
                    # the clusters' hand-off, 336 -> 224 MB at 225,755 keys.)
                    del stats, acronyms
                    clear_name_caches()
                    release_memory()
                    conn.send(("done", keys, _packed(clusters, faults), apart))
                    return
                conn.send(("done", keys, _packed(clusters, faults), apart))
                # (The clusters let go first: they and the index's parts held at once made
                # this process's peak.)
                del clusters
                # The index is built from what stats_keys copies of the stats: they are let
                # go of too (34 MB of 49,000 keys' stats, held through the index's making,
                # its dump and the titles, this process's peak: 264 MB at a first build of
                # 100,000 short articles).
                rows = stats_keys(keys, stats, acronyms)
                del stats, acronyms
                release_memory()
                conn.send(("done", *_index_and_titles(db, rows, dictionaries)))
                return
            db.execute("COMMIT")
            if conn.recv() != "go":
                raise RuntimeError("not wanted")
            db.execute("BEGIN")  # (a snapshot that has the index by key)
            now = key_stamp(db)
            if now != keys:
                # (Started before the run's last batch was committed: the keys it changed
                # read again; all of them where the table was clustered meanwhile, a
                # curation edit's rebuild: that let go of the keys changed, key_changes.)
                (stats, acronyms), keys = patched_key_stats(db, stats, acronyms) \
                    if _clustered_at(db) == clustered else read_key_stats(db), now
            faults = ClusterFaults()
            clusters = cluster(stats, acronyms, dictionaries, partial(together_in, db),
                               faults=faults)
            conn.send(("done", keys, _packed(clusters, faults), False))
    finally:
        db.close()


def _serve_index(conn: Connection, path: str, dictionaries: Dictionaries,
                 keys: tuple[int, ...], spill: str) -> None:
    """The key index's process (a first build's, after its clustering process): the key
    index of the keys of stamp `keys`, read from the store (reach.read_keys: what
    stats_keys copies of the stats a rebuild reads, in about the same time), written to the
    file `spill` a piece at a time (`_index_apart`), and the titles; it sends the file's
    name and the titles, and fails if the keys changed meanwhile."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.umask(0o077)
    silence()
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            with gc_paused():
                db.execute("BEGIN")
                rows = read_keys(db)
                if rows[0] != keys:
                    raise RuntimeError("the keys changed meanwhile")
                with open(spill, "wb") as to:
                    titles = _index_apart(db, rows, dictionaries, to)
                conn.send(("done", spill, titles))
        finally:
            db.close()
    except Exception as exc:  # noqa: BLE001 - reported to the indexer, which builds it itself
        with contextlib.suppress(OSError):
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))


def _context() -> Any:
    """A plain fork where this is the process's only thread (the command line's run): it
    has the modules and dictionaries already, where one from the fork server imported them
    and unpickled the dictionaries (0.5 s of processor time of 2.5). Not beside other
    threads (the dashboard's): a lock one of them held at the fork (SQLite's, the
    allocator's) would stay held in the child for good."""
    alone = threading.active_count() == 1 and "fork" in mp.get_all_start_methods()
    return mp.get_context("fork") if alone else CONTEXT


class _AfterGo:
    """The clustering's look-ups (key_stats.together_in), asked once `go` says the store
    has its mentions' index by key: the clustering starts on the stats' snapshot while the
    indexer builds that index (30,000 short articles: its first look-up came 0.29 s of
    processor time into it, the index took 0.3 s), and the first look-up waits for `go`
    and takes a snapshot that has the index, of the same keys."""

    def __init__(self, db: sqlite3.Connection, conn: Connection, keys: tuple[int, ...]
                 ) -> None:
        self._db, self._conn, self._keys = db, conn, keys
        self._gone = False

    def __call__(self, key_a: str, key_b: str) -> bool:
        self.wait()
        return together_in(self._db, key_a, key_b)

    def wait(self) -> None:
        if self._gone:
            return
        self._db.execute("COMMIT")
        if self._conn.recv() != "go":
            raise NotWanted("not wanted")
        self._db.execute("BEGIN")  # (a snapshot that has the index by key)
        if key_stamp(self._db) != self._keys:
            raise NotWanted("the keys changed meanwhile")
        self._gone = True


def _packed(clusters: list[Cluster], faults: ClusterFaults) -> bytes:
    return marshal.dumps(([(c.name, c.type, c.code, c.hidden, c.keys) for c in clusters],
                          faults.messages()))


def _clustered_at(db: sqlite3.Connection) -> str | None:
    """The key stamp the actor table was last clustered at (the actor table writes it
    wherever it lets go of key_changes)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'actor_keys'").fetchone()
    return row[0] if row is not None else None


def _index_and_titles(db: sqlite3.Connection, rows: KeyRows, dictionaries: Dictionaries
                      ) -> tuple[bytes, frozenset[str]]:
    """The key index a rebuild stores (from `rows`, reach.read_keys), dumped, and the
    titles read through it: the titles first, so that the index's lookups made for them
    are let go of before the dump is made."""
    parts = index_parts(*rows)
    titles = TitleFacts(db, KeyIndex.from_parts(parts)).titles(dictionaries)
    return key_index_store.dump(parts), titles


# The key index's parts `_index_apart` makes, dumps and lets go of together, a group at a
# time (reach.PARTS, all of them): the first those the titles are read through; the
# strings a part shares with another are one string read back only inside one group, but
# for the keys and the translit forms (interned).
APART_GROUPS = (("by_last_sig", "by_tail"),
                # (clips apart from them: the titles never read it, and with it they were
                # that process's peak once the group after was cut, 429 MB at 425,499 keys.)
                ("clips",),
                # (by_sig and by_gap each alone: together, with by_surname and singles, they
                # were that process's peak, 526 MB at 425,499 keys; their translit forms
                # are interned, reach.index_parts, so read back they are still shared.)
                ("by_sig",), ("by_gap",), ("by_surname", "singles"),
                ("by_start", "by_last"),
                ("by_initials", "by_head_of", "ends", "org_same", "org_inside"))


def _index_apart(db: sqlite3.Connection, rows: KeyRows, dictionaries: Dictionaries,
                 to: BinaryIO) -> frozenset[str]:
    """`_index_and_titles` for many keys, in the key index's own process: the same parts
    (written to `to` as key_index_store.join_dumped joins them) and titles (returned), but
    made a group of parts at a time (`APART_GROUPS`), each dumped, written and let go of
    before the next is made (all of them at once were that process's peak: 2.6 KB a
    distinct key, 430 MB at 125,840 keys; the pieces kept and joined, 3 copies of them at
    its end), without filling the names' caches (`index_parts(warm=False)`: each key is
    asked once a group). The keys are interned, so that the pieces read back share them
    (key_index_store.join_dumped)."""
    stamp, mentions, acronym, expansions, local = rows
    rows = stamp, {sys.intern(k): n for k, n in mentions.items()}, acronym, expansions, local
    del mentions
    base = index_parts(*rows, warm=False, only=())
    key_index_store.spill_parts(base, to)
    del base
    titles: frozenset[str] = frozenset()
    for group in APART_GROUPS:
        made = index_parts(*rows, warm=False, only=group)
        if group is APART_GROUPS[0]:  # (what TitleFacts reads; no part of another group)
            seen = KeyIndex.from_parts({**made, **dict.fromkeys(PARTS, {}),
                                        **{name: made[name] for name in group}})
            titles = TitleFacts(db, seen).titles(dictionaries)
            del seen
        key_index_store.spill_parts({name: made[name] for name in group}, to)
        del made
        # (The names' caches emptied too: their entries, made among the group's objects,
        # were nearly all that outlived it, and each kept its pages of the heap resident,
        # ~150 MB at 425,530 keys, under the next group's.)
        clear_name_caches()
        release_memory()
    return titles
