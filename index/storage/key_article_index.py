"""The mentions' index by key and article, and its deferral during a first build.

The actor table counts an actor's distinct articles from this index alone (at a million
articles 29 s read through an index of keys, 2 s this way). Kept up to date while mention
rows go in, it costs: each row lands at a place of its own in it, and a first build of
30,000 long articles (733,000 rows) spent 4.5 s of CPU inserting them, against 1.5 s
without it and 0.5 s to build it once at the end from the rows sorted. So a first build
(the store empty) drops it and builds it once before the actors are clustered; a meta row
says it is deferred, so that a store opened meanwhile does not build it half-way, and any
later run (after a crash or a stop) builds it first.

SQLite sorts an index's entries in runs of at most its page cache's size, each sorted in
memory, then merges them: in runs of its default 2 MB (each sorted within the CPU's
caches), building the index of 733,000 rows took 0.5 s of CPU, in runs of the indexer's
16 MB (Store.for_indexing) 0.8 s; 30,000 short articles 0.19 -> 0.34 s."""

from __future__ import annotations

import sqlite3

NAME = "mentions_key_article"
_CREATE = f"CREATE INDEX IF NOT EXISTS {NAME} ON mentions(key, article)"
DEFERRED = "key_article_index_deferred"  # meta key
SORT_CACHE = -2000  # the page cache (and so the sort's runs) while building: 2 MB


def is_deferred(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM meta WHERE key = ?", (DEFERRED,)).fetchone() is not None


def ensure_unless_deferred(db: sqlite3.Connection) -> None:
    """(At a writable open.) The index, unless a first build in progress defers it; a store
    made before the index gets it here (11 s at a million)."""
    if not is_deferred(db):
        with db:
            db.execute(_CREATE)


def defer(db: sqlite3.Connection) -> None:
    """(A first build, the store empty.) No index until `build`."""
    with db:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (DEFERRED,))
        db.execute(f"DROP INDEX IF EXISTS {NAME}")


def build(db: sqlite3.Connection) -> None:
    """The index, if deferred or missing, and deferral over (no write where neither: every
    run asks, most of them with nothing to do)."""
    present = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                         (NAME,)).fetchone() is not None
    if present and not is_deferred(db):
        return
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size={SORT_CACHE}")
    try:
        with db:
            db.execute(_CREATE)
            db.execute("DELETE FROM meta WHERE key = ?", (DEFERRED,))
    finally:
        db.execute(f"PRAGMA cache_size={int(cache)}")
