"""Groups of near-duplicate articles, kept in the article store beside the articles, and
brought up to date incrementally after each ingest (`update`): signatures are made for the
articles new or changed since, dropped for those gone, and only the groups they touch are
worked out again. Reopening an index recomputes nothing.

Tables (in the store's SQLite file):
  dup_sigs    article -> content hash it was made from, shingle count, signature
  dup_edges   pairs of articles found near-duplicates (a < b), with their containment
  dup_groups  article -> its group (named by its leader), for groups of two or more

A group is a leader, the first signed of its story, and the articles with an edge to it
(_regroup says why not every connected set of edges). An article that goes or changes
takes its edges with it, and the groups of everything connected to it are worked out again
from the edges left (they may split, or change leader).

The LSH band keys (32 bits each) are filed in dup_bands, an indexed table: an update looks
up only the new articles' keys there and reads back only the signatures of the candidates
they meet, so its cost follows the new articles, not the corpus; the linking itself
(link.py) spills keys and candidate pairs to files, a key range and a block of articles
at a time, so its memory does not grow with the update either (a million articles at
once: a link.py docstring figure). Which articles are new, changed or gone the store itself
notes as it writes them (dup_changed, filled by triggers on its articles table)."""

from __future__ import annotations

import sqlite3
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsdesk.index.dups import link, sketch

_SCHEMA = """
CREATE TABLE IF NOT EXISTS dup_sigs (n INTEGER PRIMARY KEY, article TEXT NOT NULL UNIQUE,
                                     hash TEXT NOT NULL, size INTEGER NOT NULL,
                                     sig BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS dup_edges (a TEXT NOT NULL, b TEXT NOT NULL, score REAL NOT NULL,
                                      PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dup_edges_b ON dup_edges(b);
CREATE TABLE IF NOT EXISTS dup_groups (article TEXT PRIMARY KEY, grp TEXT NOT NULL)
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dup_groups_grp ON dup_groups(grp);
CREATE TABLE IF NOT EXISTS dup_bands (key INTEGER NOT NULL, n INTEGER NOT NULL,
                                      PRIMARY KEY (key, n)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dup_band_runs (run INTEGER NOT NULL, key INTEGER NOT NULL,
                                          n INTEGER NOT NULL, PRIMARY KEY (run, key, n))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dup_runs (run INTEGER PRIMARY KEY, size INTEGER NOT NULL,
                                     low INTEGER NOT NULL, high INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dup_run_filters (run INTEGER PRIMARY KEY, bits BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS dup_changed (article TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dup_unlinked (n INTEGER PRIMARY KEY);
"""
# dup_band_runs: band keys filed by updates small beside the corpus, a run each (link.py),
# listed in dup_runs with their entries and the lowest and highest article number in them,
# and in dup_run_filters with a Bloom filter of their keys (run_filter.py).
# dup_unlinked: the signatures stored but not yet linked and placed in groups, filled in the
# transaction that stores them and emptied in the one that places them: an update stopped
# at any point leaves there what the next must link.
# Every article added, replaced (INSERT OR REPLACE inserts) or deleted since the last update
# is noted by the store itself: an update looks at those, not at every article and signature
# (two joins over the whole store: 0.3 s of an update at 99,000 articles).
_TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS dup_changed_in AFTER INSERT ON articles
    BEGIN INSERT OR IGNORE INTO dup_changed VALUES (new.id); END;
CREATE TRIGGER IF NOT EXISTS dup_changed_out AFTER DELETE ON articles
    BEGIN INSERT OR IGNORE INTO dup_changed VALUES (old.id); END;
"""
VERSION_KEY = "dups.version"
BEHIND_KEY = "dups.behind"  # "1" from the start of an update till it has signed everything
BANDS_KEY = "dups.bands"  # "1" once dup_bands holds the keys of every linked signature
# ("0": an update of the version before dup_unlinked stopped between signing and linking)
TRACKED_KEY = "dups.tracked"  # "1" once dup_changed notes every change since the last update
# An update with more distinct new keys than this reads the stored keys whole (one pass)
# rather than looking each up (about 5 us a key against 0.5 us a stored row).
LOOKUP_KEYS = 200_000
CHUNK = 2000  # articles signed at a time (their texts in memory together)


@dataclass(slots=True)
class DupReport:
    signed: int = 0  # articles given a signature
    dropped: int = 0  # signatures of articles gone or changed
    edges: int = 0  # near-duplicate pairs found
    seconds: float = 0.0


def ensure(db: sqlite3.Connection) -> None:
    """The tables, holding signatures of the current kind: those of another kind (another
    rensa, other parameters) are dropped, to be made anew."""
    version = sketch.version()
    with db:
        row = db.execute("SELECT value FROM meta WHERE key=?", (VERSION_KEY,)).fetchone()
        if row is None or row[0] != version:
            for table in ("dup_sigs", "dup_edges", "dup_groups", "dup_bands", "dup_changed",
                          "dup_unlinked", "dup_band_runs", "dup_runs", "dup_run_filters"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
            db.execute("DELETE FROM meta WHERE key IN (?, ?)", (BANDS_KEY, TRACKED_KEY))
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (VERSION_KEY, version))
    db.executescript(_SCHEMA)
    row = db.execute("SELECT value FROM meta WHERE key=?", (BANDS_KEY,)).fetchone()
    if row is not None and row[0] == "0":
        _link_all_again(db)
    elif row is None or row[0] != "1":
        _file_stored_bands(db)


def _link_all_again(db: sqlite3.Connection) -> None:
    """An update of the version before dup_unlinked stopped between signing and linking:
    which signatures it left unlinked is not known, so every one is linked again (edges
    and groups made anew, as by one update)."""
    with db:
        for table in ("dup_edges", "dup_groups", "dup_bands", "dup_unlinked",
                      "dup_band_runs", "dup_runs", "dup_run_filters"):
            db.execute(f"DELETE FROM {table}")
        db.execute("INSERT INTO dup_unlinked SELECT n FROM dup_sigs")
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (BEHIND_KEY, "1"))
    _bands_whole(db, "1")


def _file_stored_bands(db: sqlite3.Connection) -> None:
    """File the band keys of every linked signature anew: once for a store grouped before
    dup_bands existed (those of the unlinked are filed as they are linked)."""
    with db:
        for table in ("dup_bands", "dup_band_runs", "dup_runs", "dup_run_filters"):
            db.execute(f"DELETE FROM {table}")
        unlinked = {row[0] for row in db.execute("SELECT n FROM dup_unlinked")}
        for numbers, sigs in _stored(db, unlinked):
            _file_bands(db, numbers, _short_keys(sigs))
        _bands_whole(db, "1")


def _bands_whole(db: sqlite3.Connection, value: str) -> None:
    with db:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (BANDS_KEY, value))


def _file_bands(db: sqlite3.Connection, numbers: np.ndarray, keys: np.ndarray) -> None:
    """(In a transaction.) File the band `keys` (a row an article) of `numbers`, in key
    order (inserts along the table's order cost a third of those at random)."""
    flat = keys.ravel().astype(np.int64)
    owners = np.repeat(numbers, keys.shape[1])
    order = np.lexsort((owners, flat))
    db.executemany("INSERT OR IGNORE INTO dup_bands VALUES (?,?)",
                   zip(flat[order].tolist(), owners[order].tolist(), strict=True))


def needs_update(db: sqlite3.Connection) -> bool:
    """Whether an update has work without any article changed: never run on this store,
    signatures of another kind, or the last one stopped before the end."""
    rows = dict(db.execute("SELECT key, value FROM meta WHERE key IN (?, ?)",
                           (VERSION_KEY, BEHIND_KEY)))
    return rows.get(VERSION_KEY) != sketch.version() or rows.get(BEHIND_KEY) != "0"


def _behind(db: sqlite3.Connection, value: str) -> None:
    with db:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (BEHIND_KEY, value))


def update(db: sqlite3.Connection, lock: object,
           texts: Callable[[list[str]], dict[str, str]] | None = None,
           stop: Callable[[], bool] = lambda: False,
           presigned: Callable[[list[tuple[str, int | None]]],
                               tuple[np.ndarray, np.ndarray] | None] | None = None
           ) -> DupReport:
    """Bring the groups level with the articles the index holds (pending = 0): sign the new
    and changed ones, drop the gone. `lock` is the store's lock (held a step at a time);
    `texts(ids)` reads articles' texts (the store's, by default). `stop` is asked between
    chunks of articles: those signed by then are grouped, the rest wait for the next run.
    `presigned(rows)` gives a chunk's signatures made ahead (dups/presign.py) for its
    (id, stored text's check) rows, or None: then the texts are read and signed here (with
    `texts` given, they are always)."""
    started = time.perf_counter()
    report = DupReport()
    with lock:  # type: ignore[attr-defined]
        ensure(db)
        _behind(db, "1")
        stale, todo = _changes(db)
        touched = _drop(db, stale)
        report.dropped = len(stale)
    read = texts or _store_texts(db, lock)
    stopped = False
    for start in range(0, len(todo), CHUNK):
        if stop():
            stopped = True
            break
        with lock:  # type: ignore[attr-defined]
            chunk = [(a, h) for _, a, h in sorted(_rows_in(
                db, "SELECT rowid, id, hash FROM articles WHERE rowid IN ({}) AND pending = 0",
                todo[start:start + CHUNK].tolist()))]
        made = None
        if presigned is not None and texts is None:
            checks = _stored_checks(db, lock, [article for article, _ in chunk])
            with lock:  # type: ignore[attr-defined]
                made = presigned([(a, checks[a]) for a, _ in chunk if a in checks])
            if made is not None:  # (its texts are not needed: not read, not unpacked)
                rows = [(a, h, "") for a, h in chunk if a in checks]
        if made is not None:
            with lock:  # type: ignore[attr-defined]
                _sign(db, rows, made)
            report.signed += len(rows)
            continue
        hashes = dict(chunk)
        for part in _parts_by_size(db, lock, [article for article, _ in chunk]):
            # (Read and signed a part of at most READ_BYTES stored at a time: a chunk of
            # long articles' texts were hundreds of MB at once.)
            found = read(part)
            rows = [(a, hashes[a], found[a]) for a in part if a in found]
            del found
            with lock:  # type: ignore[attr-defined]
                _sign(db, rows)
            report.signed += len(rows)
            del rows
    del todo
    with lock:  # type: ignore[attr-defined]
        # Every signature not linked yet: this update's, and any an update stopped part
        # way left (each signed after every one linked before). Each joins or leads a
        # group as it is linked (link._place); nothing signed before changes.
        report.edges = link.link(db, LOOKUP_KEYS)
        _fail_point("linked")
    with lock, db:  # type: ignore[attr-defined]
        # What the articles gone or changed were connected to is worked out again whole
        # (the new articles among them placed again).
        _regroup(db, touched)
        db.execute("DELETE FROM dup_unlinked")
        if not stopped:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (BEHIND_KEY, "0"))
    report.seconds = time.perf_counter() - started
    return report


def group_count(db: sqlite3.Connection) -> int:
    """Groups of two or more (read from every grouped article: 0.1 s at a million, so not
    part of an update's report)."""
    return db.execute("SELECT count(DISTINCT grp) FROM dup_groups").fetchone()[0]


def _fail_point(name: str) -> None:
    """Where tests stop an update as a kill would (monkeypatched); nothing otherwise."""


def _changes(db: sqlite3.Connection) -> tuple[list[str], np.ndarray]:
    """(Hold the lock.) The signatures to drop (articles gone, to go or changed) and the
    articles to sign, by rowid (the order the store added them; an array, not a million
    tuples of ids and hashes, read a chunk at a time as they are signed): from the changes the
    store noted (dup_changed) since the last update. Where it has noted none yet (a store
    grouped before, or whose articles table was made anew), every article and signature is
    compared once, and the noting starts; the ids settled here leave dup_changed (those
    still pending stay for the next update, those to sign as they are signed)."""
    triggers = {row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'dup_changed_%'")}
    tracked = db.execute("SELECT value FROM meta WHERE key=?", (TRACKED_KEY,)).fetchone()
    if tracked is None or tracked[0] != "1" or len(triggers) < 2:
        with db:
            db.executescript(_TRIGGERS)  # (commits: from here on every change is noted)
            db.execute("DELETE FROM dup_changed")
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (TRACKED_KEY, "1"))
        stale = [row[0] for row in db.execute(
            "SELECT s.article FROM dup_sigs s LEFT JOIN articles a ON a.id = s.article "
            "WHERE a.id IS NULL OR a.pending = 2 OR a.hash != s.hash")]
        unsigned = ("FROM articles a LEFT JOIN dup_sigs s ON s.article = a.id "
                    "WHERE a.pending = 0 AND s.article IS NULL")
        todo = np.fromiter((row[0] for row in db.execute(
            f"SELECT a.rowid {unsigned} ORDER BY a.rowid")), dtype=np.int64)
        with db:  # noted as changed till signed (an update stopped before the end)
            db.execute(f"INSERT OR IGNORE INTO dup_changed SELECT a.id {unsigned}")
        return stale, todo
    stale: list[str] = []
    settled: list[tuple[str]] = []
    rowids = array("q")
    for article, rowid, pending, now, signed in db.execute(
            "SELECT c.article, a.rowid, a.pending, a.hash, s.hash FROM dup_changed c "
            "LEFT JOIN articles a ON a.id = c.article "
            "LEFT JOIN dup_sigs s ON s.article = c.article"):
        if signed is not None and (rowid is None or pending == 2 or now != signed):
            stale.append(article)
        if rowid is not None and pending == 0 and (signed is None or now != signed):
            rowids.append(rowid)
        elif rowid is None or pending != 1:
            settled.append((article,))  # gone, or signed as it is: nothing left to do
    with db:
        db.executemany("DELETE FROM dup_changed WHERE article=?", settled)
    return stale, np.sort(np.frombuffer(rowids, dtype=np.int64))


def noting(db: sqlite3.Connection) -> bool:
    """(Hold the lock.) Whether the store notes its changes for the next update
    (dup_changed); an empty one starts noting them now. An update is then right while
    rows are pending (a build's batches still on their way): the first update of a store
    starts the noting, and the rows staged before it were never noted, so an update run
    before a store's first batches were all done would not sign their articles."""
    if db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
        ensure(db)
        with db:
            db.executescript(_TRIGGERS)
            db.execute("DELETE FROM dup_changed")
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (TRACKED_KEY, "1"))
        return True
    triggers = db.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger' AND "
                          "name LIKE 'dup_changed_%'").fetchone()[0]
    tracked = db.execute("SELECT value FROM meta WHERE key=?", (TRACKED_KEY,)).fetchone()
    return triggers >= 2 and tracked is not None and tracked[0] == "1"


# Stored bytes of texts read and signed at once where no signature was made ahead (as
# stored: compressed texts about a third of their characters).
READ_BYTES = 4 << 20


def _parts_by_size(db: sqlite3.Connection, lock: object, ids: list[str]) -> Iterator[list[str]]:
    """`ids` in order, cut into parts of at most READ_BYTES of stored text (an article
    past it alone)."""
    with lock:  # type: ignore[attr-defined]
        sizes = dict(_rows_in(db, "SELECT id, length(text) FROM articles WHERE id IN ({})",
                              ids))
    part: list[str] = []
    held = 0
    for article in ids:
        size = sizes.get(article, 0) or 0
        if part and held + size > READ_BYTES:
            yield part
            part, held = [], 0
        part.append(article)
        held += size
    if part:
        yield part


def _store_texts(db: sqlite3.Connection, lock: object) -> Callable[[list[str]], dict[str, str]]:
    from newsdesk.index.storage.article_store import unpack_text

    def read(ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        with lock:  # type: ignore[attr-defined]
            found.update((i, unpack_text(t)) for i, t in _rows_in(
                db, "SELECT id, text FROM articles WHERE id IN ({})", ids))
        return found

    return read


def _stored_checks(db: sqlite3.Connection, lock: object, ids: list[str]
                   ) -> dict[str, int | None]:
    """Each stored article's text check (article_store.stored_check), its text unpacked
    not."""
    # (The check's four bytes cut out by SQLite, as stored_check cuts them: the texts
    # were made Python bytes, 30,000 short articles' 28 MB, to read four bytes of each.)
    with lock:  # type: ignore[attr-defined]
        return {i: None if end is None else int.from_bytes(end, "big") for i, end in _rows_in(
            db, "SELECT id, CASE WHEN typeof(text) = 'blob' AND length(text) >= 6 "
                "THEN substr(text, -4) END FROM articles WHERE id IN ({})", ids)}


def _drop(db: sqlite3.Connection, articles: list[str]) -> set[str]:
    """Forget the signatures and edges of `articles`; the articles whose groups may change
    (they and everything in a group with them)."""
    touched: set[str] = set(articles)
    with db:
        for start in range(0, len(articles), 500):
            part = articles[start:start + 500]
            marks = ",".join("?" * len(part))
            touched.update(row[0] for row in db.execute(
                f"SELECT g2.article FROM dup_groups g1 JOIN dup_groups g2 ON g2.grp = g1.grp "
                f"WHERE g1.article IN ({marks})", part))
            gone = db.execute(f"SELECT n, sig FROM dup_sigs WHERE article IN ({marks})",
                              part).fetchall()
            if gone:
                numbers = np.fromiter((n for n, _ in gone), dtype=np.int64, count=len(gone))
                keys = _short_keys(np.frombuffer(b"".join(blob for _, blob in gone),
                                                 dtype="<u4").reshape(len(gone), sketch.NUM_PERM))
                flat = keys.ravel().astype(np.int64).tolist()
                owners = np.repeat(numbers, keys.shape[1]).tolist()
                db.executemany("DELETE FROM dup_bands WHERE key=? AND n=?",
                               zip(flat, owners, strict=True))
                for run, low, high in db.execute("SELECT run, low, high FROM dup_runs "
                                                 "WHERE low <= ? AND high >= ?",
                                                 (int(numbers.max()), int(numbers.min()))
                                                 ).fetchall():
                    db.executemany("DELETE FROM dup_band_runs WHERE run=? AND key=? AND n=?",
                                   [(run, k, n) for k, n in zip(flat, owners, strict=True)
                                    if low <= n <= high])
                db.executemany("DELETE FROM dup_unlinked WHERE n=?",
                               [(n,) for n in numbers.tolist()])
            db.execute(f"DELETE FROM dup_sigs WHERE article IN ({marks})", part)
            db.execute(f"DELETE FROM dup_edges WHERE a IN ({marks})", part)
            db.execute(f"DELETE FROM dup_edges WHERE b IN ({marks})", part)
    return touched


def _sign(db: sqlite3.Connection, rows: list[tuple[str, str, str]],
          made: tuple[np.ndarray, np.ndarray] | None = None) -> None:
    """Sign (id, hash, text) rows (or take `made`, their signatures and distinct pair
    counts made ahead) and store the signatures, noted as not linked yet."""
    if made is None:
        pairs, offsets, distinct = sketch.word_pairs([text for _, _, text in rows])
        sigs = sketch.signatures(pairs, offsets)
    else:
        sigs, distinct = made
    sizes = distinct.tolist()
    # Each row's sketch.to_blob, cut from the bytes of all of them (a numpy call a row
    # cost more than the insert).
    blobs = sketch.to_blob(sigs)
    width = sketch.NUM_PERM * 4
    assert len(blobs) == width * len(rows)
    with db:
        first = db.execute("SELECT coalesce(max(n), 0) + 1 FROM dup_sigs").fetchone()[0]
        db.executemany("INSERT INTO dup_sigs VALUES (?,?,?,?,?)",
                       [(first + i, a, h, size, blobs[i * width:(i + 1) * width])
                        for i, ((a, h, _), size) in enumerate(zip(rows, sizes, strict=True))])
        db.executemany("INSERT INTO dup_unlinked VALUES (?)",
                       [(first + i,) for i in range(len(rows))])
        db.executemany("DELETE FROM dup_changed WHERE article=?", [(a,) for a, _, _ in rows])
    _fail_point("signed")


_short_keys = link.short_keys


def _stored(db: sqlite3.Connection, leave_out: set[int], batch: int = 20000
            ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The stored signatures long enough to compare, but those in `leave_out`, a batch at
    a time: (numbers, signatures)."""
    cursor = db.execute("SELECT n, sig FROM dup_sigs WHERE size >= ?", (sketch.MIN_SHINGLES,))
    while rows := cursor.fetchmany(batch):
        rows = [row for row in rows if row[0] not in leave_out]
        if rows:
            yield (np.fromiter((n for n, _ in rows), dtype=np.int64, count=len(rows)),
                   np.frombuffer(b"".join(blob for _, blob in rows), dtype="<u4")
                   .reshape(len(rows), sketch.NUM_PERM))


def _regroup(db: sqlite3.Connection, touched: set[str]) -> set[str]:
    """(In a transaction.) Work out again the groups of the `touched` articles: in each
    connected set of edges, articles are taken in the order they were signed; one with an
    edge to an earlier group's first article (its leader) joins the leader it is most like,
    any other leads a group of its own. A group is named by its leader; groups of one are
    not stored.

    Not every connected set as one group: a short article that repeats a paragraph of two
    long ones is in both, and would join two different stories (on 30,000 articles made of
    BBC paragraphs drawn at random, one such chain held 26,564 of them). The articles worked
    out again."""
    seen: set[str] = set()
    for start_article in sorted(touched):
        if start_article in seen:
            continue
        component = {start_article}
        edges: dict[str, dict[str, float]] = {}
        frontier = [start_article]
        while frontier:
            article = frontier.pop()
            for a, b, score in db.execute(
                    "SELECT a, b, score FROM dup_edges WHERE a=? UNION ALL "
                    "SELECT a, b, score FROM dup_edges WHERE b=?", (article, article)):
                edges.setdefault(a, {})[b] = score
                edges.setdefault(b, {})[a] = score
                other = b if a == article else a
                if other not in component:
                    component.add(other)
                    frontier.append(other)
        seen |= component
        members = sorted(component)
        db.executemany("DELETE FROM dup_groups WHERE article=?", [(a,) for a in members])
        if len(members) < 2:
            continue
        order: dict[str, int] = {}
        order.update(_rows_in(db, "SELECT article, n FROM dup_sigs WHERE article IN ({})",
                              members))
        leader_of: dict[str, str] = {}
        for article in sorted(members, key=lambda a: (order.get(a, 0), a)):
            leaders = [(score, other) for other, score in edges.get(article, {}).items()
                       if leader_of.get(other) == other]
            leader_of[article] = max(leaders)[1] if leaders else article
        size: dict[str, int] = {}
        for leader in leader_of.values():
            size[leader] = size.get(leader, 0) + 1
        db.executemany("INSERT INTO dup_groups VALUES (?,?)",
                       [(a, leader) for a, leader in leader_of.items() if size[leader] > 1])
    return seen


def _rows_in(db: sqlite3.Connection, sql: str, keys: Sequence[Any]) -> Iterator[tuple]:
    """The rows of `sql`, whose "{}" is an IN list, for `keys`: 500 at a time, under
    SQLite's bound on a statement's parameters."""
    for start in range(0, len(keys), 500):
        part = keys[start:start + 500]
        yield from db.execute(sql.format(",".join("?" * len(part))), part)


# -- reading -----------------------------------------------------------------------------------

def _has_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name='dup_groups'").fetchone() \
        is not None


def groups_of(db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """article -> its group, for those of `ids` in a group of two or more."""
    ids = list(ids)
    if not ids or not _has_tables(db):
        return {}
    found: dict[str, str] = {}
    found.update(_rows_in(db, "SELECT article, grp FROM dup_groups WHERE article IN ({})", ids))
    return found


def members(db: sqlite3.Connection, article: str) -> list[str]:
    """Every article of `article`'s group, itself included, by id ([article] alone when
    it has no copies)."""
    if not _has_tables(db):
        return [article]
    rows = db.execute("SELECT g2.article FROM dup_groups g1 JOIN dup_groups g2 "
                      "ON g2.grp = g1.grp WHERE g1.article = ? ORDER BY g2.article",
                      (article,)).fetchall()
    return [row[0] for row in rows] or [article]


def group_sizes(db: sqlite3.Connection, groups: Iterable[str]) -> dict[str, int]:
    """group -> its number of articles."""
    groups = list(set(groups))
    if not groups or not _has_tables(db):
        return {}
    found: dict[str, int] = {}
    found.update(_rows_in(
        db, "SELECT grp, count(*) FROM dup_groups WHERE grp IN ({}) GROUP BY grp", groups))
    return found
