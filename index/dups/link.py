"""Near-duplicate edges for the articles just signed, in bounded memory at any corpus size.

The articles to link are those in dup_unlinked (numbers from `first` up: every one is
signed after every article linked before). Their band keys are made again from their
stored signatures (a chunk at a time) and spilled to files, a file for each range of the
key space (a partition); each partition is then sorted alone, with the keys of the articles
linked before that fall in its range (looked up key by key in dup_bands, or read as a
range of it for an update about as big as the corpus). Candidate pairs (two owners of one
key, at least one of them new) are spilled again, a file for each block of new articles;
each block's pairs are made distinct and checked against the two signatures, compared a
slice at a time with numpy, the signatures read from one more spilled file a block at a
time. Nothing held grows with the corpus but arrays of a number an article: those of the
articles linked at once (at most PIECE) and of the articles linked before they meet.

A band key shared by more than MAX_RUN articles (a paragraph in thousands of articles,
boilerplate) would make pairs quadratic in its owners: its owners are compared each with
its first FEW owners only (the earliest signed, where the leaders of their groups are). A
near-duplicate pair shares most of its 42 keys, nearly all of them rarer than that. At 100
the million articles below lost 0.19% of their 6.5 million edges and 514 of 721,000 grouped
articles were placed otherwise; their busiest key has 907 owners, and at 1000 nothing
changes there (nor on tests/eval/dups at either). Each with the first MAX_RUN, as before
FEW, the 30,000 BBC articles of tests/bench/dup_cliff.py under one 190-word footer spilled
74.6 million pairs; 17.4 million now, nearly all under keys of the footer of at most
MAX_RUN owners, compared all with all (their 9.3 million edges are true by THRESHOLD: a
short article is mostly footer). MAX_RUN at 100 takes that only to 10.9 million.

Exact copies (new articles of one signature and size: every score of one is every
other's) are one owner of their keys, their first: 3,000 copies of one article under each of
its 42 keys spilled 105 million pairs (50 s), each against the first 1,000. A pair of
classes is spilled as the pairs of their first HEAD members (a corpus's own copies, a few
of a text, get every edge as before); within a class the head's members are paired, and
each later copy with the head. A copy past the head joins the leader its class's first
joined (the edge to it stored too: a regroup finds it), so copies stay one group, and one
group as the first ones go; the greedy over every edge could, rarely, have sent it to
another leader signed after the first copy. Copies linked by an earlier update are each
an owner of their own (compared all with all up to MAX_RUN of them, past it with FEW).

The new articles' keys are filed in dup_bands here, a partition at a time in key order
(filing them scattered over a table bigger than SQLite's page cache cost three times as
much). An update stopped part way leaves its articles in dup_unlinked: the next links them
again (edges and keys are stored idempotently, and those of articles numbered from `first`
up are never read as linked before).

Runs: an update small beside the corpus files its keys in a run of its own (dup_band_runs,
its rows appended in key order under a new run number), not in dup_bands. dup_bands is a
tree of a million articles' 42 million keys (650 MB): an update's 42,000 keys, spread over
it, rewrote a page each (170 MB written for 1,000 articles at a million; 2.3 s of 3 s of
linking 3,000 at 100,000 with the keys of a million). Runs are merged into one the way
segments are (storage/segment_merging.py): the smallest RUN_TIER or more whose rows
together are at most RUN_FACTOR times the update's, so no update copies more than that;
a large update (one read a key range at a time, or the first) files into dup_bands. Keys
are looked up in dup_bands and in each run (about 20 ms a run for 42,000 keys), in a run
only those its Bloom filter may hold (run_filter.py: a few percent of the rest).

A million generated articles (tests.bench.generate_corpus: shared paragraphs, 37 million
candidate pairs with repeats, 6.5 million edges) linked and grouped at once: 194 s (168 s
of CPU, 2 busy cores), 135 MB of peak memory above the process's; the linking before this
module grew past 6.4 GB in it (tests/bench/dup_relink.py). Past PIECE new articles, they
are linked a piece at a time (see PIECE), so not even those arrays grow with the corpus."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsdesk.index.dups import run_filter, sketch
from newsdesk.index.storage import json_rows

MAX_RUN = 1000  # owners of one band key compared all with all; past it, with the first ones
FEW = 64  # the first owners each owner of a key of more than MAX_RUN is compared with
HEAD = 8  # exact copies of one signature that take every edge of their first one
PART_ENTRIES = 1 << 21  # (key, owner) entries sorted at once (about 50 MB with the sort)
BLOCK = 1 << 14  # signatures of a block (8 MB)
SLICE = 1 << 15  # candidate pairs compared at once
READ = 5000  # signatures read from SQLite at a time
RUN_FACTOR = 10  # an update merges runs of at most this many times its own keys
RUN_TIER = 10  # runs merged at once, at least
# New articles linked at once. An update of more (a first build's end: every article of
# the build) links them a piece at a time in number order, each piece as an update after
# the one before (its keys read a key range at a time), so the arrays of a number or
# several an article (135 MB above the process at a million: the figure above) stay those
# of one piece, at any corpus size. A piece after the first is an update's linking as an
# add's is: exact copies across pieces and keys of more than MAX_RUN owners are linked as
# across updates. Not smaller: below a million the arrays are not what sets the peak, and
# each later piece reads the keys of those before (100,000 articles in pieces of 25,000:
# the same 65,269 edges and 17,714 groups, 11.3 s of CPU against 5.1, peak 191 MB
# against 159; BENCHMARKS.md, membound).
PIECE = 1_000_000
# New articles of a first update (none linked before) from which their band keys are filed
# by a thread of their own (_Filer) beside the making of pairs; fewer are filed in turn.
FILE_BESIDE = 20_000

_ENTRY = np.dtype([("k", "<u4"), ("n", "<i8")])
_LOW = np.int64(0xFFFFFFFF)


def _rows_in(db: sqlite3.Connection, sql: str, keys: Sequence[Any]) -> Iterator[tuple]:
    for start in range(0, len(keys), 500):
        part = keys[start:start + 500]
        yield from db.execute(sql.format(",".join("?" * len(part))), part)


def short_keys(sigs: np.ndarray) -> np.ndarray:
    """Band keys of 32 bits (a chance match costs one signature compared, no more)."""
    return (sketch.band_keys(sigs) >> 31).astype(np.uint32)


def distinct(keys: np.ndarray) -> np.ndarray:
    """np.unique(keys), sorted and flat, by a sort: numpy 2's np.unique of plain values goes
    through a hash table, ten times slower here (420,000 band keys: 0.31 s against 0.03)."""
    flat = np.sort(keys, axis=None)
    if len(flat) < 2:
        return flat
    return flat[np.concatenate(([True], flat[1:] != flat[:-1]))]


def _row_hashes(sigs: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each signature (a row) and its size: equal for exact copies."""
    mixed = sizes.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        for column in sigs.astype(np.uint64).T:
            mixed = (mixed ^ column) * np.uint64(0xFF51AFD7ED558CCD)
            mixed ^= mixed >> np.uint64(33)
    return mixed


def _sigs_of(rows: list[tuple[int, int, bytes]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    numbers = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    sizes = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
    sigs = np.frombuffer(b"".join(r[2] for r in rows), dtype="<u4").reshape(
        len(rows), sketch.NUM_PERM)
    return numbers, sizes, sigs


def _arrays(cursor: sqlite3.Cursor) -> tuple[np.ndarray, np.ndarray]:
    """(key, n) rows as two arrays, fetched a batch at a time (a list of a million tuples
    holds 100 MB)."""
    keys: list[np.ndarray] = [np.zeros(0, np.uint32)]
    owners: list[np.ndarray] = [np.zeros(0, np.int64)]
    while rows := cursor.fetchmany(100_000):
        keys.append(np.fromiter((k for k, _ in rows), dtype=np.uint32, count=len(rows)))
        owners.append(np.fromiter((n for _, n in rows), dtype=np.int64, count=len(rows)))
    return np.concatenate(keys), np.concatenate(owners)


def sorted_entries(keys: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(key, owner) entries (uint32, int64) sorted by key, then owner: as one array of
    key << 32 | owner, sorted alone, where every owner fits 32 bits (a partition's 1.26
    million entries: 0.27 s by np.lexsort, 0.08 s so)."""
    if len(owners) and (int(owners.min()) < 0 or int(owners.max()) >= 1 << 32):
        order = np.lexsort((owners, keys))
        return keys[order], owners[order]
    packed = (keys.astype(np.uint64) << np.uint64(32)) | owners.astype(np.uint64)
    packed.sort()
    return ((packed >> np.uint64(32)).astype(np.uint32),
            (packed & np.uint64(0xFFFFFFFF)).astype(np.int64))


def file_entries(db: sqlite3.Connection, table: str, keys: np.ndarray, owners: np.ndarray,
                 run: int | None = None) -> None:
    """(In a transaction.) INSERT OR IGNORE (key, owner) entries into dup_bands, or into
    dup_band_runs under `run`. Each chunk goes as one JSON array of owner << 32 | key, split
    again by json_each inside SQLite: executemany built and bound a tuple a row (a first
    build of 30,000 articles, 1.26 million entries: 1.0 -> 0.63 s of CPU)."""
    columns = "value & 4294967295, value >> 32" if run is None else \
        f"{int(run)}, value & 4294967295, value >> 32"
    packed_ok = not len(owners) or (int(owners.min()) >= 0 and int(owners.max()) < 1 << 31)
    for start in range(0, len(keys), 100_000):
        part_keys = keys[start:start + 100_000].astype(np.int64)
        part_owners = owners[start:start + 100_000]
        if packed_ok and json_rows.has_json_each(db):
            packed = (part_owners.astype(np.int64) << 32) | part_keys
            db.execute(f"INSERT OR IGNORE INTO {table} SELECT {columns} FROM json_each(?)",
                       (json.dumps(packed.tolist()),))
        else:  # (an SQLite built without JSON)
            marks = "?,?" if run is None else "?,?,?"
            rows = zip(part_keys.tolist(), part_owners.tolist(), strict=True)
            db.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})",
                           rows if run is None else ((run, k, n) for k, n in rows))


def file_run(db: sqlite3.Connection, run: int, keys: np.ndarray, owners: np.ndarray) -> None:
    """(In a transaction.) File (key, owner) entries, sorted, in `run` (appended: the run's
    number is the greatest, and a partition's keys follow the last one's)."""
    file_entries(db, "dup_band_runs", keys, owners, run)
    db.execute("INSERT INTO dup_runs VALUES (?, ?, ?, ?) ON CONFLICT (run) DO UPDATE SET "
               "size = size + excluded.size, low = min(low, excluded.low), "
               "high = max(high, excluded.high)",
               (run, len(keys), int(owners.min()), int(owners.max())))


def merge_runs(db: sqlite3.Connection, bound: int) -> None:
    """Merge the smallest runs into one, if RUN_TIER or more hold at most `bound` entries
    together (storage/segment_merging.py's rule for an add's segments)."""
    chosen: list[tuple[int, int, int, int]] = []
    total = 0
    for row in db.execute("SELECT run, size, low, high FROM dup_runs ORDER BY size, run"):
        if total + row[1] > bound:
            break
        chosen.append(row)
        total += row[1]
    if len(chosen) < RUN_TIER:
        return
    runs = [row[0] for row in chosen]
    marks = ",".join("?" * len(runs))
    with db:
        merged = db.execute("SELECT max(run) + 1 FROM dup_runs").fetchone()[0]
        db.execute(f"INSERT OR IGNORE INTO dup_band_runs SELECT ?, key, n FROM dup_band_runs "
                   f"WHERE run IN ({marks}) ORDER BY key, n", (merged, *runs))
        size = db.execute("SELECT changes()").fetchone()[0]
        db.execute(f"DELETE FROM dup_band_runs WHERE run IN ({marks})", runs)
        db.execute(f"DELETE FROM dup_runs WHERE run IN ({marks})", runs)
        db.execute(f"DELETE FROM dup_run_filters WHERE run IN ({marks})", runs)
        db.execute("INSERT INTO dup_runs VALUES (?, ?, ?, ?)",
                   (merged, size, min(r[2] for r in chosen), max(r[3] for r in chosen)))
        run_filter.remake(db, merged, size)


def _row_table(numbers: np.ndarray) -> np.ndarray | None:
    """Each number's row in `numbers` (sorted, distinct, all at least their first), by
    number less the first (-1: none), where they span at most twice their count (a
    piece of the unlinked: numbers given in order, those of short texts left out);
    else None."""
    if len(numbers) == 0:
        return None
    span = int(numbers[-1]) - int(numbers[0]) + 1
    if span > 2 * len(numbers) + 1024:
        return None
    table = np.full(span, -1, np.intp)
    table[numbers - numbers[0]] = np.arange(len(numbers))
    return table


class _Filer:
    """A first update's band keys filed in dup_bands by a thread of its own, a partition
    after another, while the linking makes the next partition's pairs: SQLite lets go of
    the interpreter's lock while it inserts (sqlite3_step), and nothing else reads or
    writes the store till every partition's keys are filed (`close`; an update with
    articles linked before reads dup_bands as it goes: it files them itself). The same
    keys are filed in the same order, in a transaction a partition, as the linking filed
    them itself. If the thread fails (a connection that refuses other threads, a full
    disk), what it had not filed is filed in the linking's thread (INSERT OR IGNORE: a
    partition's transaction is whole or nothing), whose error, if any, is raised. (A
    first build of 200,000 short articles: filing was a third of the linking's time, the
    other core idle.)"""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._todo: list[tuple[np.ndarray, np.ndarray] | None] = []
        self._ready = threading.Condition()
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="newsdesk-dup-bands",
                                        daemon=True)
        self._thread.start()

    def file(self, keys: np.ndarray, owners: np.ndarray) -> None:
        """File these entries (sorted), after those given before; waits while one
        partition's are still being filed (their arrays are held till then)."""
        with self._ready:
            while self._todo and not self._failed:
                self._ready.wait()
            if not self._failed:
                self._todo.append((keys, owners))
                self._ready.notify_all()
                return
        self._file_left([(keys, owners)])

    def close(self) -> None:
        """Wait for every entry given to be filed (by the thread, or here if it failed)."""
        with self._ready:
            self._todo.append(None)
            self._ready.notify_all()
        self._thread.join()
        self._file_left([])

    def _file_left(self, more: list[tuple[np.ndarray, np.ndarray]]) -> None:
        with self._ready:
            left, self._todo = [item for item in self._todo if item is not None], []
        for keys, owners in left + more:
            with self._db:
                file_entries(self._db, "dup_bands", keys, owners)

    def _run(self) -> None:
        while True:
            with self._ready:
                while not self._todo:
                    self._ready.wait()
                item = self._todo[0]
            if item is None:
                return
            try:
                with self._db:
                    file_entries(self._db, "dup_bands", *item)
            except Exception:  # noqa: BLE001 - filed again by the linking's thread
                with self._ready:
                    self._failed = True
                    self._ready.notify_all()
                return
            with self._ready:
                self._todo.pop(0)
                self._ready.notify_all()


class _Files:
    """Spill files of one record type, one for each bucket, appended to a chunk at a time."""

    def __init__(self, folder: Path, name: str, count: int, dtype: np.dtype) -> None:
        self.paths = [folder / f"{name}-{i}.bin" for i in range(count)]
        self.dtype = dtype
        self._open = [path.open("wb") for path in self.paths]

    def add(self, buckets: np.ndarray, records: np.ndarray) -> None:
        order = np.argsort(buckets, kind="stable")
        buckets, records = buckets[order], records[order]
        bounds = np.searchsorted(buckets, np.arange(len(self.paths) + 1))
        for i in np.flatnonzero(np.diff(bounds)).tolist():
            records[bounds[i]:bounds[i + 1]].tofile(self._open[i])

    def close(self) -> None:
        for handle in self._open:
            handle.close()

    def read(self, i: int) -> np.ndarray:
        return np.fromfile(self.paths[i], dtype=self.dtype)


def link(db: sqlite3.Connection, lookup_keys: int, folder: str | None = None,
         piece: int | None = None) -> int:
    """(Hold the store's lock.) Store the edges of the articles in dup_unlinked with every
    article signed, and file their band keys; the number of edges stored. `lookup_keys`:
    past this many distinct new keys, those of the articles linked before are read a key
    range at a time rather than looked up. The unlinked are linked PIECE (`piece`) at a
    time, in number order, each piece's as an update after the one before (its articles
    linked before: see PIECE)."""
    piece = max(1, piece or PIECE)
    folder = folder or _spill_folder(db)
    edges = 0
    after = -1
    while True:
        row = db.execute("SELECT min(n) FROM dup_unlinked WHERE n > ?", (after,)).fetchone()
        if row[0] is None:
            return edges
        first = int(row[0])
        end = db.execute("SELECT n FROM dup_unlinked WHERE n >= ? ORDER BY n LIMIT 1 "
                         "OFFSET ?", (first, piece - 1)).fetchone()
        last = int(end[0]) if end is not None else None
        with tempfile.TemporaryDirectory(prefix=SPILL_PREFIX, dir=folder) as work:
            edges += _Linking(db, first, Path(work), lookup_keys, last).run()
        if last is None:
            return edges
        after = last


SPILL_PREFIX = ".dups-spill-"


def _spill_folder(db: sqlite3.Connection) -> str | None:
    """Beside the store (the index folder, private, on the disk the index has room on),
    with what a killed update spilled there removed: the store's lock is held, so no other
    update is linking. None for a store in memory: the system's temporary folder."""
    for _, name, path in db.execute("PRAGMA database_list"):
        if name == "main" and path:
            folder = Path(path).parent
            for stale in folder.glob(SPILL_PREFIX + "*"):
                shutil.rmtree(stale, ignore_errors=True)
            return str(folder)
    return None


class _Linking:
    def __init__(self, db: sqlite3.Connection, first: int, work: Path, lookup_keys: int,
                 last: int | None = None) -> None:
        self.db, self.first, self.work, self.lookup_keys = db, first, work, lookup_keys
        # The unlinked numbered from `first` to `last` (None: all of them) are this piece's.
        self.last = (1 << 62) if last is None else last
        self.sig_path = work / "sigs.bin"  # new signatures in number order, then old ones
        self.spilled = 0  # candidate pairs spilled (repeats over keys counted)
        self.compared = 0  # distinct candidate pairs compared

    def run(self) -> int:
        new_count = self._spill_new()
        if new_count == 0:
            self.keys.close()
            return 0
        self.runs = [row[0] for row in self.db.execute("SELECT run FROM dup_runs ORDER BY run")]
        # A new run, but for a first update or one read a key range at a time (its keys
        # are many beside the corpus's): those file into dup_bands.
        self.run_number = (self.runs[-1] + 1 if self.runs else 1) \
            if self.any_old and not self.ranged else None
        self.pairs = _Files(self.work, "pairs", -(-new_count // BLOCK), np.dtype("<i8"))
        self.filed: list[np.ndarray] = []  # the keys filed in the new run
        self.filer = _Filer(self.db) if not self.any_old and new_count >= FILE_BESIDE \
            else None
        try:
            self._copy_pairs()
            old_wanted = [self._partition(p) for p in range(len(self.keys.paths))]
        finally:
            if self.filer is not None:
                self.filer.close()  # (every partition's keys filed: raises what it met)
        self.pairs.close()
        if self.run_number is not None:
            if self.filed:
                with self.db:
                    run_filter.keep(self.db, self.run_number, np.concatenate(self.filed))
            del self.filed
            merge_runs(self.db, RUN_FACTOR * new_count * sketch.BANDS)
        self._spill_old(distinct(np.concatenate(old_wanted)))
        self.joined = bytearray(new_count)  # new articles placed in a group (1)
        return sum(self._check(i) for i in range(len(self.pairs.paths)))

    # -- 1: the new signatures and their keys, spilled ------------------------------------

    def _spill_new(self) -> int:
        db, first = self.db, self.first
        # (CROSS JOIN: the unlinked first. SQLite's planner scanned all of dup_sigs, 600 MB
        # of signatures at a million, for none unlinked: 0.4 s an update.)
        count = db.execute("SELECT count(*) FROM dup_unlinked u CROSS JOIN dup_sigs s "
                           "ON s.n = u.n WHERE u.n BETWEEN ? AND ? AND s.size >= ?",
                           (first, self.last, sketch.MIN_SHINGLES)).fetchone()[0]
        entries = count * sketch.BANDS
        self.ranged = False
        self.any_old = db.execute("SELECT 1 FROM dup_sigs WHERE n < ? LIMIT 1",
                                  (first,)).fetchone() is not None
        if count and self.any_old:
            # A rough test of "about as big as the corpus": every new key distinct.
            self.ranged = entries > self.lookup_keys
            if self.ranged:
                old = db.execute("SELECT count(*) FROM dup_sigs WHERE n < ? AND size >= ?",
                                 (first, sketch.MIN_SHINGLES)).fetchone()[0]
                entries += old * sketch.BANDS
        bits = 0
        while entries > PART_ENTRIES << bits and bits < 16:
            bits += 1
        self.shift = 32 - bits
        self.keys = _Files(self.work, "keys", 1 << bits, _ENTRY)
        numbers: list[np.ndarray] = []
        sizes: list[np.ndarray] = []
        hashes: list[np.ndarray] = []
        last = first - 1
        with self.sig_path.open("wb") as out:
            while True:
                rows = db.execute(
                    "SELECT s.n, s.size, s.sig FROM dup_unlinked u CROSS JOIN dup_sigs s "
                    "ON s.n = u.n"
                    " WHERE u.n > ? AND u.n <= ? AND s.size >= ? ORDER BY u.n LIMIT ?",
                    (last, self.last, sketch.MIN_SHINGLES, READ)).fetchall()
                if not rows:
                    break
                chunk_numbers, chunk_sizes, sigs = _sigs_of(rows)
                last = int(chunk_numbers[-1])
                sigs.tofile(out)
                numbers.append(chunk_numbers)
                sizes.append(chunk_sizes)
                hashes.append(_row_hashes(sigs, chunk_sizes))
                keys = short_keys(sigs).ravel()
                records = np.empty(len(keys), dtype=_ENTRY)
                records["k"] = keys
                records["n"] = np.repeat(chunk_numbers, sketch.BANDS)
                self.keys.add((keys >> self.shift).astype(np.int64), records)
        self.keys.close()
        self.new_numbers = np.concatenate(numbers) if numbers else np.zeros(0, np.int64)
        self.new_sizes = np.concatenate(sizes) if sizes else np.zeros(0, np.int64)
        self._row_table = _row_table(self.new_numbers)
        self._copies(np.concatenate(hashes) if hashes else np.zeros(0, np.uint64))
        return len(self.new_numbers)

    def _copies(self, hashes: np.ndarray) -> None:
        """The new articles of one signature and size (exact copies: every score of one is
        every other's), as classes led by their first: `rep` each one's first (by row), and
        `head` each first's HEAD first members, by row (`head_start`, `head_len`). A hash
        met twice is checked against the signatures themselves."""
        count = len(hashes)
        order = np.lexsort((np.arange(count), hashes))
        ordered = hashes[order]
        starts = np.r_[True, ordered[1:] != ordered[:-1]] if count else np.zeros(0, bool)
        firsts = order[np.flatnonzero(starts)]
        rep = np.repeat(firsts, np.diff(np.r_[np.flatnonzero(starts), count]))
        self.rep = np.empty(count, np.int64)
        self.rep[order] = rep
        copied = np.flatnonzero(self.rep != np.arange(count))
        for start in range(0, len(copied), READ):
            rows = copied[start:start + READ]
            unlike = (self._signature_rows(rows) !=
                      self._signature_rows(self.rep[rows])).any(axis=1) | \
                (self.new_sizes[rows] != self.new_sizes[self.rep[rows]])
            self.rep[rows[unlike]] = rows[unlike]  # (a hash shared by chance)
        # Rank of each in its class, by row (rows ascend with numbers).
        by_class = np.lexsort((np.arange(count), self.rep))
        class_start = np.r_[True, self.rep[by_class][1:] != self.rep[by_class][:-1]] \
            if count else np.zeros(0, bool)
        firsts_at = np.flatnonzero(class_start)
        rank = np.arange(count) - np.repeat(firsts_at, np.diff(np.r_[firsts_at, count]))
        self.rank = np.empty(count, np.int64)
        self.rank[by_class] = rank
        self.head_len = np.zeros(count, np.int64)
        np.add.at(self.head_len, self.rep[self.rank < HEAD], 1)
        self.head_start = np.zeros(count, np.int64)
        in_head = by_class[self.rank[by_class] < HEAD]  # class after class, first first
        self.heads = in_head
        self.head_start[self.rep[in_head][self.rank[in_head] == 0]] = \
            np.flatnonzero(self.rank[in_head] == 0)
        self.copies = len(copied) > 0 and bool((self.rep != np.arange(count)).any())
        self.first_leader: dict[int, tuple[float, int]] = {}  # a class's first: its leader

    # -- 2: a partition of the key space: file its new keys, spill its candidate pairs ----

    def _old_entries(self, p: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The keys of partition `p` (its new `keys`, sorted) filed for articles linked
        before, and their owners."""
        if not self.any_old:
            return np.zeros(0, np.uint32), np.zeros(0, np.int64)
        tables = [("dup_bands WHERE", [])] + [("dup_band_runs WHERE run = ? AND", [run])
                                              for run in self.runs]
        if self.ranged:
            low = p << self.shift
            found = [_arrays(self.db.execute(
                f"SELECT key, n FROM {table} key BETWEEN ? AND ? AND n < ?",
                (*run, low, low + (1 << self.shift) - 1, self.first)))
                for table, run in tables]
        else:
            every = distinct(keys)
            found = []
            for table, run in tables:
                # (A run's filter says which keys it cannot hold: those are not sought.)
                bits = run_filter.of(self.db, run[0]) if run else None
                wanted = (every if bits is None else
                          every[run_filter.may_hold(bits, every)]).astype(np.int64).tolist()
                found.extend(_arrays(self.db.execute(
                    "SELECT key, n FROM {} key IN ({}) AND n < ?".format(
                        table, ",".join("?" * len(part))), [*run, *part, self.first]))
                    for part in (wanted[s:s + 500] for s in range(0, len(wanted), 500)))
        if not found:
            return np.zeros(0, np.uint32), np.zeros(0, np.int64)
        return (np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found]))

    def _file(self, keys: np.ndarray, owners: np.ndarray) -> None:
        """File a partition's new (key, owner) entries, sorted: in dup_bands, or in the
        new run."""
        with self.db:
            if self.run_number is None:
                file_entries(self.db, "dup_bands", keys, owners)
            elif len(keys):
                file_run(self.db, self.run_number, keys, owners)
                self.filed.append(keys)

    def _partition(self, p: int) -> np.ndarray:
        """The old articles met in partition `p`'s pairs."""
        records = self.keys.read(p)
        self.keys.paths[p].unlink()
        keys, owners = sorted_entries(records["k"], records["n"])
        del records
        if self.filer is not None:
            self.filer.file(keys, owners)
        else:
            self._file(keys, owners)
        old_keys, old_owners = self._old_entries(p, keys)
        if len(old_keys):
            keys = np.concatenate((keys, old_keys))
            owners = np.concatenate((owners, old_owners))
            keys, owners = sorted_entries(keys, owners)
        if len(keys) == 0:
            return np.zeros(0, np.int64)
        if self.copies:  # a class of exact copies is one owner, its first
            keys, owners = sorted_entries(keys, self._firsts(owners))
        # Distinct (key, owner): a key met twice in one signature is one key.
        keep = np.r_[True, (keys[1:] != keys[:-1]) | (owners[1:] != owners[:-1])]
        keys, owners = keys[keep], owners[keep]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        lengths = np.diff(np.r_[starts, len(keys)])
        del keys
        old_met: list[np.ndarray] = []
        shared = lengths > 1
        starts, lengths = starts[shared], lengths[shared]
        common = lengths <= MAX_RUN
        # Runs of at most MAX_RUN owners: every pair, made by distance d along the run.
        run_start = np.repeat(starts[common], lengths[common])
        run_len = np.repeat(lengths[common], lengths[common])
        at = np.arange(len(run_start)) - np.repeat(np.cumsum(lengths[common]) - lengths[common],
                                                   lengths[common]) + run_start
        rank = at - run_start
        left = rank + 1 < run_len
        at, rank, run_len = at[left], rank[left], run_len[left]
        d = 1
        while len(at):
            old_met.append(self._pairs(*self._expand(owners[at], owners[at + d])))
            d += 1
            left = rank + d < run_len
            at, rank, run_len = at[left], rank[left], run_len[left]
        # Runs of more: each owner against the first FEW (the earliest signed).
        for start, length in zip(starts[~common].tolist(), lengths[~common].tolist(),
                                 strict=True):
            run = owners[start:start + length]
            if run[-1] < self.first:
                continue
            reps = run[:FEW]
            step = max(1, SLICE * 8 // length)  # pairs spilled about 250,000 at a time
            for r in range(0, len(reps), step):
                a = np.repeat(reps[r:r + step], length)
                b = np.tile(run, len(reps[r:r + step]))
                old_met.append(self._pairs(*self._expand(a[b > a], b[b > a])))
        return distinct(np.concatenate(old_met)) if old_met else np.zeros(0, np.int64)

    def _signature_rows(self, rows: np.ndarray) -> np.ndarray:
        """Rows of the spilled signatures, read one by one. (A map of the file kept every
        page read in the process till it was unmapped: a million articles' copies, spread
        over its 512 MB, took the linking's peak from 175 to 624 MB for a moment.)"""
        width = sketch.NUM_PERM * 4
        found = np.empty((len(rows), sketch.NUM_PERM), "<u4")
        with self.sig_path.open("rb") as handle:
            fd = handle.fileno()
            for i, row in enumerate(rows.tolist()):
                found[i] = np.frombuffer(os.pread(fd, width, row * width), "<u4")
        return found

    def _new_rows(self, numbers: np.ndarray) -> np.ndarray:
        """The rows of new articles' `numbers` (each one of new_numbers): np.searchsorted,
        or where the new numbers are dense, a look-up in a table by number (a first build's
        200,000 articles: the binary searches of keys' owners, in key order, were 15% of
        the linking's time, the look-ups' cache misses on new_numbers)."""
        if self._row_table is None:
            return np.searchsorted(self.new_numbers, numbers)
        return self._row_table[numbers - self.new_numbers[0]]

    def _firsts(self, numbers: np.ndarray) -> np.ndarray:
        """The first of each one's class of exact copies (an old article: itself)."""
        new = numbers >= self.first
        found = numbers.copy()
        found[new] = self.new_numbers[self.rep[self._new_rows(numbers[new])]]
        return found

    def _head_of(self, numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each class first's head starts in `heads`, and its length (old: -1, 1)."""
        start = np.full(len(numbers), -1, np.int64)
        length = np.ones(len(numbers), np.int64)
        new = numbers >= self.first
        rows = self._new_rows(numbers[new])
        start[new], length[new] = self.head_start[rows], self.head_len[rows]
        return start, length

    def _expand(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pairs of class firsts as the pairs of their heads' members (earlier first)."""
        if not self.copies or len(a) == 0:
            return a, b
        start_a, len_a = self._head_of(a)
        start_b, len_b = self._head_of(b)
        many = len_a * len_b > 1
        if not many.any():
            return a, b
        n = (len_a * len_b)[many]
        at = np.repeat(np.arange(int(many.sum())), n)
        within = np.arange(len(at)) - np.repeat(np.cumsum(n) - n, n)
        i_a, i_b = within // len_b[many][at], within % len_b[many][at]
        x, y = a[many][at], b[many][at]
        from_a, from_b = start_a[many][at] >= 0, start_b[many][at] >= 0
        x[from_a] = self.new_numbers[self.heads[start_a[many][at][from_a] + i_a[from_a]]]
        y[from_b] = self.new_numbers[self.heads[start_b[many][at][from_b] + i_b[from_b]]]
        return (np.r_[a[~many], np.minimum(x, y)], np.r_[b[~many], np.maximum(x, y)])

    def _copy_pairs(self) -> None:
        """Spill the pairs within each class of exact copies: its head's, and each later
        copy with the head (edges enough to keep a class together as its members go)."""
        if not self.copies:
            return
        rows = np.flatnonzero(self.rank > 0)
        count = np.minimum(self.rank[rows], HEAD)
        at = np.repeat(rows, count)
        within = np.arange(len(at)) - np.repeat(np.cumsum(count) - count, count)
        partner = self.heads[self.head_start[self.rep[at]] + within]
        for s in range(0, len(at), SLICE * 8):
            self._pairs(self.new_numbers[partner[s:s + SLICE * 8]],
                        self.new_numbers[at[s:s + SLICE * 8]])

    def _pairs(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Spill the pairs (a < b) with b new, by b's block; the old a's among them."""
        new = b >= self.first
        a, b = a[new], b[new]
        if len(a) == 0:
            return np.zeros(0, np.int64)
        row_b = self._new_rows(b)
        self.spilled += len(a)
        self.pairs.add(row_b // BLOCK, (b << 32) | a)
        return a[a < self.first]

    # -- 3: the old signatures met, spilled after the new ---------------------------------

    def _spill_old(self, wanted: np.ndarray) -> None:
        numbers: list[np.ndarray] = []
        sizes: list[np.ndarray] = []
        with self.sig_path.open("ab") as out:
            for start in range(0, len(wanted), READ):
                part = wanted[start:start + READ].tolist()
                rows = sorted(_rows_in(self.db, "SELECT n, size, sig FROM dup_sigs "
                                       "WHERE n IN ({})", part))
                chunk_numbers, chunk_sizes, sigs = _sigs_of(rows)
                sigs.tofile(out)
                numbers.append(chunk_numbers)
                sizes.append(chunk_sizes)
        self.old_numbers = np.concatenate(numbers) if numbers else np.zeros(0, np.int64)
        self.sizes = np.concatenate([self.new_sizes, *sizes])
        del self.new_sizes

    def _row(self, numbers: np.ndarray) -> np.ndarray:
        """Rows in the spilled signatures (new ones first, then the old)."""
        new = numbers >= self.first
        rows = np.empty(len(numbers), np.intp)
        rows[new] = self._new_rows(numbers[new])
        rows[~new] = len(self.new_numbers) + np.searchsorted(self.old_numbers, numbers[~new])
        return rows

    def _block(self, j: int) -> np.ndarray:
        total = len(self.sizes)
        count = min(BLOCK, total - j * BLOCK)
        width = sketch.NUM_PERM * 4
        return np.fromfile(self.sig_path, dtype="<u4", count=count * sketch.NUM_PERM,
                           offset=j * BLOCK * width).reshape(count, sketch.NUM_PERM)

    # -- 4: a block of new articles' pairs checked against the signatures -----------------

    def _check(self, i: int) -> int:
        """Compare the pairs of block i's new articles (each pair's later one), and store
        the edges found; their number."""
        codes = distinct(self.pairs.read(i))  # (later << 32 | earlier)
        self.pairs.paths[i].unlink()
        self.compared += len(codes)
        if len(codes) == 0:
            return 0
        codes = (codes & _LOW) << 32 | (codes >> 32)  # earlier first: by the earlier's block
        codes.sort()
        blocks = self._row(codes >> 32) // BLOCK
        bounds = np.flatnonzero(np.r_[True, blocks[1:] != blocks[:-1], True]).tolist()
        mine = self._block(i)
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        with self.db:
            for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
                j = int(blocks[lo])
                theirs = mine if j == i else self._block(j)
                for s in range(lo, hi, SLICE):
                    part = codes[s:min(hi, s + SLICE)]
                    a, b = part >> 32, part & _LOW
                    rows_a, rows_b = self._row(a), self._row(b)
                    score = self._scores(mine[rows_b - i * BLOCK], theirs[rows_a - j * BLOCK],
                                         self.sizes[rows_b], self.sizes[rows_a])
                    kept = score >= sketch.THRESHOLD
                    if kept.any():
                        found.append((a[kept], b[kept], score[kept]))
                        self._store(*found[-1])
            late = self._place(*(np.concatenate(parts) for parts in zip(*found, strict=True))) \
                if found else 0
        return sum(len(f[0]) for f in found) + late

    def _place(self, a: np.ndarray, b: np.ndarray, score: np.ndarray) -> int:
        """(In a transaction.) Place block i's new articles in groups, in the order signed,
        from their edges `a`-`b` (b the later, `score`): each joins the leader among its
        earlier neighbours it is most like (the greater id on a tie), or leads its own
        group. A neighbour linked before leads if it is in no group or heads its own; one
        of this update, if it joined none (every edge of an article to an earlier one is
        one of its block's: the greedy runs block after block)."""
        order = np.lexsort((a, b))
        a, b, score = a[order], b[order], score[order]
        row_a = np.zeros(len(a), np.intp)  # (of the new ones; 0 for an old one, unread)
        row_a[a >= self.first] = self._new_rows(a[a >= self.first])
        row_a, row_b = row_a.tolist(), self._new_rows(b).tolist()
        a, b, score = a.tolist(), b.tolist(), score.tolist()
        joined = self.joined
        first = self.first
        old = sorted({y for y in a if y < first})
        leads_old: dict[int, bool] = {}
        leads_old.update(_rows_in(self.db, "SELECT s.n, g.grp IS NULL OR g.grp = s.article "
                                  "FROM dup_sigs s LEFT JOIN dup_groups g ON g.article = "
                                  "s.article WHERE s.n IN ({})", old))
        joins: list[tuple[int, int]] = []
        late: list[tuple[int, int, float]] = []  # edges of copies past a head to a leader
        k = 0
        while k < len(b):
            x, row_x = b[k], row_b[k]
            best: list[tuple[float, int]] = []
            while k < len(b) and b[k] == x:
                y = a[k]
                leads = leads_old[y] if y < first else not joined[row_a[k]]
                if leads:
                    best.append((score[k], y))
                k += 1
            if self.copies and self.rank[row_x] >= HEAD:
                # A copy past its class's head has edges to the head alone: it joins the
                # leader its class's first joined, with that edge (the same score) too.
                first_of = self.first_leader.get(int(self.rep[row_x]))
                if first_of is not None:
                    best.append(first_of)
                    late.append((first_of[1], x, first_of[0]))
            if not best:
                continue
            top = max(value for value, _ in best)
            tied = [y for value, y in best if value == top]
            leader = tied[0] if len(tied) == 1 else self._greatest_id(tied)
            joined[row_x] = 1
            joins.append((leader, x))
            if self.copies and self.rank[row_x] == 0 and self.head_len[row_x] >= HEAD:
                self.first_leader[row_x] = (top, leader)
        if late:
            self._store(*(np.array(column) for column in zip(*late, strict=True)))
        if not joins:
            return len(late)
        ids: dict[int, str] = dict(_rows_in(self.db, "SELECT n, article FROM dup_sigs "
                                            "WHERE n IN ({})", sorted({n for j in joins
                                                                       for n in j})))
        for leader, x in joins:
            self.db.execute("INSERT OR REPLACE INTO dup_groups VALUES (?,?)",
                            (ids[leader], ids[leader]))
            self.db.execute("INSERT OR REPLACE INTO dup_groups VALUES (?,?)",
                            (ids[x], ids[leader]))
        return len(late)

    def _greatest_id(self, numbers: list[int]) -> int:
        return max((article, n) for n, article in _rows_in(
            self.db, "SELECT n, article FROM dup_sigs WHERE n IN ({})", numbers))[1]

    def _store(self, a: np.ndarray, b: np.ndarray, score: np.ndarray) -> None:
        """(In a transaction.) Store the edges between articles numbered `a` and `b`."""
        ids: dict[int, str] = dict(_rows_in(self.db, "SELECT n, article FROM dup_sigs "
                                            "WHERE n IN ({})", distinct(np.r_[a, b]).tolist()))
        edges = []
        for x, y, value in zip(a.tolist(), b.tolist(), score.tolist(), strict=True):
            id_x, id_y = ids[x], ids[y]
            edges.append((min(id_x, id_y), max(id_x, id_y), value))
        self.db.executemany("INSERT OR REPLACE INTO dup_edges VALUES (?,?,?)", edges)

    @staticmethod
    def _scores(sig_a: np.ndarray, sig_b: np.ndarray, size_a: np.ndarray,
                size_b: np.ndarray) -> np.ndarray:
        """sketch.containment of each pair of rows, the same float for float."""
        j = np.count_nonzero(sig_a == sig_b, axis=1) / sketch.NUM_PERM
        smaller = np.minimum(size_a, size_b)
        with np.errstate(divide="ignore", invalid="ignore"):
            score = np.minimum(1.0, j * (size_a + size_b) / ((1 + j) * smaller))
        return np.where((smaller < sketch.MIN_SHINGLES) | (j < sketch.MIN_JACCARD), 0.0, score)
