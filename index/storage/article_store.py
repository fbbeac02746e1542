"""The article store: SQLite holding each article's text and metadata, the stamps of the files
they came from, and which articles still have to reach the Whoosh index.

SQLite commits are atomic and WAL lets the dashboard read while an indexer writes. An article
row is written (pending) before its Whoosh commit and marked done after it, so a crash between
the two is finished at the next start from the store alone.
"""

from __future__ import annotations

import sqlite3
import threading
import zlib
from collections.abc import Iterable
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from isal import isal_zlib

from newsdesk.index.folding import fold
from newsdesk.index.locations import owner_only
from newsdesk.index.models import Article, IndexDamagedError
from newsdesk.index.storage import date_text, json_rows, key_article_index, key_totals
from newsdesk.index.storage.integrity import first_problem, store_damaged_message

DONE, TO_ADD, TO_DELETE = 0, 1, 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    hash TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    text BLOB NOT NULL,
    indexed_at REAL NOT NULL,
    pending INTEGER NOT NULL DEFAULT 1,
    date_text TEXT  -- the date as the corpus wrote it, offset and all (storage/date_text.py)
);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE INDEX IF NOT EXISTS articles_pending ON articles(pending) WHERE pending != 0;
-- Actor mentions: one row per article, name key and surface form; spans as "s-e s-e".
CREATE TABLE IF NOT EXISTS mentions (
    article TEXT NOT NULL,
    key TEXT NOT NULL,
    surface TEXT NOT NULL,
    n INTEGER NOT NULL,
    spans TEXT NOT NULL,
    title_spans TEXT NOT NULL,
    person INTEGER NOT NULL,
    location INTEGER NOT NULL,
    org TEXT NOT NULL,
    lower INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
-- (The index by key and article: storage/key_article_index.py.)
DROP INDEX IF EXISTS mentions_key;
-- Every word indexed, folded, unstemmed: what prefix and fuzzy terms expand against. Never
-- shrinks (a word of a deleted article stays; expansions keep only words still indexed).
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS acronyms (article TEXT NOT NULL, acronym TEXT NOT NULL,
                                     expansion TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS acronyms_article ON acronyms(article);
-- The actor table, rebuilt from the mentions and the dictionaries (never from the corpus).
CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    code TEXT,
    hidden INTEGER NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS actor_keys (key TEXT PRIMARY KEY, actor INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS actor_keys_actor ON actor_keys(actor);
CREATE TABLE IF NOT EXISTS actor_aliases (actor INTEGER NOT NULL, surface TEXT NOT NULL,
                                          n INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS actor_aliases_actor ON actor_aliases(actor);
-- An `actor:` name's actors by their names and surfaces, case aside (ActorTable.resolution):
-- scanned, a million articles' aliases took every keystroke's query tens of ms.
CREATE INDEX IF NOT EXISTS actors_name ON actors(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS actor_aliases_surface ON actor_aliases(surface COLLATE NOCASE);
"""

# The few rows still to reach Whoosh, through their partial index. Left to itself SQLite
# scans the whole table for them (ORDER BY rowid, or a rowid range): 0.6 s a statement at
# a million articles, and several such statements a batch.
_PENDING = "INDEXED BY articles_pending"

# The indexer's page cache (Store.for_indexing), in MB.
INDEXING_CACHE_MB = 16

MentionRow = tuple[str, str, str, int, str, str, int, int, str, int]


def _pack(text: str) -> bytes:
    # ISA-L's deflate, level 1: a zlib stream as zlib's own level 1 makes one (zlib reads
    # it back, Adler-32 and all), about as small, in a third of the CPU (30,000 long
    # articles: 1.27 -> 0.4 s of the indexer's, which packs every text it stores).
    return isal_zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _unpack(blob: bytes) -> str:
    try:
        return zlib.decompress(blob).decode("utf-8", "surrogatepass")
    except (zlib.error, UnicodeDecodeError, TypeError) as exc:
        # SQLite checks its pages, not what is in them: zlib's own checksum finds a
        # damaged text. (The message names no folder: the engine's diagnosis does.)
        raise StoreContentError(f"an article's stored text is damaged ({exc})") from None


_by_key_and_article = itemgetter(1, 0)  # a mention row's (key, article)


class StoreContentError(ValueError):
    """A stored value that does not decode: the store is damaged."""


class Pending(NamedTuple):
    """Rows for the Whoosh index: (TO_ADD, article) or (TO_DELETE, id), and the position
    of the last in the store (for `Store.mark_done(upto=...)`)."""
    items: list[tuple[int, Article | str]]
    last: int


def is_damage(exc: BaseException) -> bool:
    """SQLite's word for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB): DatabaseError
    itself. Its OperationalError (locked, read-only, full, cannot open) is not damage."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(
        exc, sqlite3.OperationalError | sqlite3.IntegrityError | sqlite3.ProgrammingError)


class Store:
    """`check`: run SQLite's quick_check first (the indexer; the engine checks on a thread,
    storage/integrity.py). `fallback`: where the store cannot be opened for writing (a full
    disk, a read-only folder), open it read-only, then as immutable, for searching.
    A damaged file raises IndexDamagedError("store")."""

    def __init__(self, path: Path, readonly: bool = False, check: bool = False,
                 fallback: bool = False) -> None:
        self.path = path
        self._lock = threading.Lock()
        self.readonly = readonly
        try:
            self._db = self._open(readonly)
            if check:
                problem = store_problem_here(self._db)
                if problem is not None:
                    self._db.close()
                    raise IndexDamagedError(store_damaged_message(path.parent, problem),
                                            "store")
        except sqlite3.OperationalError:
            if not fallback or readonly:
                raise
            self.readonly = True
            self._db = self._open_for_reading()
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            raise IndexDamagedError(store_damaged_message(path.parent, str(exc)),
                                    "store") from None
        # A store made before the column, opened read-only, has none to read.
        with self._lock:
            self._date_text = (date_text.COLUMN if date_text.has_column(self._db)
                               else "NULL")

    def _open(self, readonly: bool) -> sqlite3.Connection:
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
        with owner_only():  # the database, its journal and shared memory: the user's only
            db = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)
            try:
                # The actor list's order by name (actors/sort_orders.py) compares names folded.
                db.create_function("fold", 1, fold, deterministic=True)
                if not readonly:
                    db.execute("PRAGMA journal_mode=WAL")
                    db.execute("PRAGMA synchronous=NORMAL")
                    db.executescript(_SCHEMA)
                    db.commit()
                    key_article_index.ensure_unless_deferred(db)
                    key_totals.ensure(db)
                    date_text.ensure(db)
                else:
                    db.execute("SELECT count(*) FROM meta").fetchone()  # fail here, not later
            except BaseException:
                db.close()
                raise
        return db

    def _open_for_reading(self) -> sqlite3.Connection:
        """Read-only; if even that needs a write (WAL's shared memory on a full disk or in a
        read-only folder), immutable: nobody can be writing it then."""
        try:
            return self._open(readonly=True)
        except sqlite3.OperationalError:
            db = sqlite3.connect(f"file:{self.path}?immutable=1", uri=True,
                                 check_same_thread=False)
            db.create_function("fold", 1, fold, deterministic=True)
            return db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def defer_key_index(self) -> None:
        """(A first build: the store empty.) Mention rows go in without the index by key
        and article until `build_key_index` (storage/key_article_index.py)."""
        with self._lock:
            key_article_index.defer(self._db)
            with self._db:
                key_totals.defer(self._db)

    def build_key_index(self) -> None:
        """The index by key and article, if a first build deferred it (before the actors
        are clustered: they count articles from it)."""
        with self._lock:
            self._settle_key_totals()
            key_article_index.build(self._db)

    def settle_key_totals(self) -> None:
        """The key totals a first build deferred (storage/key_totals.py), made from every
        mention row: before anything reads them."""
        with self._lock:
            self._settle_key_totals()

    def _settle_key_totals(self, in_transaction: bool = False) -> None:
        if not key_totals.is_deferred(self._db):
            return
        # (SQLite sorts the groups in runs of its page cache's size: those of the
        # indexer's INDEXING_CACHE_MB sorted slower, as the key index's do.)
        cache = self._db.execute("PRAGMA cache_size").fetchone()[0]
        self._db.execute(f"PRAGMA cache_size={key_article_index.SORT_CACHE}")
        try:
            if in_transaction:
                key_totals.settle(self._db)
            else:
                with self._db:
                    key_totals.settle(self._db)
        finally:
            self._db.execute(f"PRAGMA cache_size={int(cache)}")

    def for_indexing(self) -> Store:
        """Give the indexer's connection a page cache of INDEXING_CACHE_MB (SQLite's
        default is 2 MB): marking a batch done inserts its mention rows into two indexes
        of the mentions table, a row of each at a place of its own, and with the default
        cache most of those places were read again from the file each batch (10,000 long
        articles: 0.51 s of CPU a batch's 90,000 rows at 2 MB, 0.33 s at 16 MB). The
        cache grows only as pages are read, up to this; readers keep the default."""
        if not self.readonly:
            with self._lock:
                self._db.execute(f"PRAGMA cache_size=-{INDEXING_CACHE_MB * 1024}")
        return self

    # -- metadata ---------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None


    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- what is indexed ----------------------------------------------------------------------

    def file_stamps(self) -> dict[str, str]:
        with self._lock:
            return dict(self._db.execute("SELECT path, stamp FROM files"))

    def hashes_of_file(self, path: str) -> dict[str, str]:
        with self._lock:
            rows = self._db.execute("SELECT id, hash FROM articles WHERE file=? AND pending!=2",
                                    (path,))
            return dict(rows)

    def count_of_file(self, path: str) -> int:
        """A file's articles but those to delete: its rows counted in the file index alone,
        less its rows to delete (in the pending index). Testing each row's pending read
        every row of the file (0.1 s a run for an unchanged file of 100,000 articles)."""
        with self._lock:
            every = self._db.execute("SELECT count(*) FROM articles WHERE file=?",
                                     (path,)).fetchone()[0]
            return every - self._db.execute(
                f"SELECT count(*) FROM articles {_PENDING} WHERE pending!=0 AND pending=2 "
                "AND file=?", (path,)).fetchone()[0]

    def has_line_ids(self, path: str, relative: str) -> bool:
        """Whether a file holds an article whose id is `relative#LINE` (a record without an
        id, as newsdesk named those before content ids): the ids just past `relative#`
        up to `relative#:` (the digits' range), through the primary key."""
        low, high = f"{relative}#0", f"{relative}#:"
        with self._lock:
            rows = self._db.execute(
                "SELECT id FROM articles WHERE id >= ? AND id < ? AND file = ? "
                "AND substr(id, ?) NOT GLOB '*[^0-9]*' LIMIT 1",
                (low, high, path, len(relative) + 2))
            return rows.fetchone() is not None

    def owner_of(self, article_id: str) -> tuple[str, str] | None:
        """(file, hash) of an article id already stored."""
        with self._lock:
            row = self._db.execute("SELECT file, hash FROM articles WHERE id=?",
                                   (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def count(self) -> int:
        """Articles the Whoosh index holds (not those still pending: a stopped rebuild
        leaves most of the store so)."""
        with self._lock:
            every = self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
            return every - self._db.execute(
                f"SELECT count(*) FROM articles {_PENDING} WHERE pending!=0").fetchone()[0]

    # -- writing a batch ----------------------------------------------------------------------

    def stage(self, upserts: Iterable[tuple[Article, str, str]], deletes: Iterable[str],
              delete_files: Iterable[str], file_stamps: dict[str, str], now: float,
              moves: Iterable[tuple[str, str]] = (),
              stamps: dict[str, str] | None = None) -> None:
        """Write one batch as pending, in one transaction: (article, hash, file) rows to add,
        ids and whole files to delete, and the stamps of files now fully read; `moves`,
        (id, file) of articles found unchanged in another file, get that file (the index
        holds them as they are). `stamps`, new id -> id of a stored article: the new row
        keeps that one's indexed_at (its "new since" stamp: the same article, another id)."""
        kept = self.indexed_at(list(stamps.values())) if stamps else {}
        with self._lock, self._db:
            self._db.executemany("UPDATE articles SET file=? WHERE id=?",
                                 [(path, article_id) for article_id, path in moves])
            self._db.executemany(
                "INSERT OR REPLACE INTO articles (id, file, hash, title, date, source, url, "
                "text, indexed_at, pending, date_text) VALUES (?,?,?,?,?,?,?,?,?,1,?)",
                [(a.id, f, h, a.title, a.date.isoformat() if a.date else None, a.source, a.url,
                  _pack(a.text), now, a.date_text if a.date else None)
                 for a, h, f in upserts])
            if stamps:
                self._db.executemany("UPDATE articles SET indexed_at=? WHERE id=?",
                                     [(kept[old], new) for new, old in stamps.items()
                                      if old in kept])
            self._db.executemany("UPDATE articles SET pending=2 WHERE id=?",
                                 [(i,) for i in deletes])
            for path in delete_files:
                self._db.execute("UPDATE articles SET pending=2 WHERE file=?", (path,))
                self._db.execute("DELETE FROM files WHERE path=?", (path,))
            self._db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?)",
                                 list(file_stamps.items()))

    def pending(self, limit: int | None = None, max_chars: int | None = None,
                after: int = 0) -> Pending:
        """What the Whoosh index still has to receive, in the order stored: (TO_ADD,
        article) or (TO_DELETE, id); with `limit`, the first `limit` of it, and with
        `max_chars`, no more of it than holds that many characters of titles and texts
        (one at least). With `after` (a `Pending.last`), only rows stored after those:
        a batch staged while the one before it is still on its way to Whoosh."""
        with self._lock:
            rows = self._db.execute(
                "SELECT rowid, pending, id, file, title, date, source, url, text, "
                f"{self._date_text} FROM articles {_PENDING} "
                "WHERE pending!=0 AND rowid>? ORDER BY rowid LIMIT ?",
                (after, -1 if limit is None else limit)).fetchall()
        if max_chars is not None:
            held = 0
            for end, row in enumerate(rows):
                held += len(row[4] or "") + len(row[8] or "")
                if held > max_chars and end:
                    rows = rows[:end]
                    break
        items = [(state, _article(row) if state == TO_ADD else row[0])
                 for _, state, *row in rows]
        return Pending(items, rows[-1][0] if rows else 0)

    def pending_staged(self, staged: dict[str, Article], after: int = 0) -> Pending:
        """`pending(after=after)`, where the rows of `staged` (the articles just staged, by
        id) are given as these articles, as they were stored, without reading and unpacking
        their texts again (a batch's texts coming back took 2% of an ingest's CPU)."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT rowid, pending, id FROM articles {_PENDING} "
                "WHERE pending!=0 AND rowid>? ORDER BY rowid", (after,)).fetchall()
        items: list[tuple[int, Article | str]] = [
            (state, staged.get(article_id) or article_id) if state == TO_ADD
            else (state, article_id) for _, state, article_id in rows]
        unknown = [item for state, item in items if state == TO_ADD and isinstance(item, str)]
        if unknown:  # (rows staged before: read as stored)
            found = self.articles(unknown)
            items = [(state, found[item]) if state == TO_ADD and isinstance(item, str)
                     else (state, item) for state, item in items]
        return Pending(items, rows[-1][0] if rows else 0)

    def is_empty(self) -> bool:
        """No article stored, pending or not (count() reads every row's key: 0.2 s at a
        million)."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def has_pending(self) -> bool:
        with self._lock:
            return self._db.execute(
                "SELECT 1 FROM articles WHERE pending!=0 LIMIT 1").fetchone() is not None

    def mark_done(self, mentions: list[MentionRow] | None = None,
                  acronyms: list[tuple[str, str, str]] | None = None,
                  words: set[str] | None = None, upto: int | None = None) -> None:
        """The pending batch reached Whoosh: its deletions go, its additions are done, the
        actor mentions extracted from it replace those of the same articles, and its words
        join the vocabulary. With `upto` (a `Pending.last`), only the pending rows up to
        it reached Whoosh."""
        part = "" if upto is None else f" AND rowid<={int(upto)}"
        with self._lock, self._db:
            json_rows.insert_or_ignore(self._db, "words", sorted(words or ()))
            gone = f"SELECT id FROM articles {_PENDING} WHERE pending!=0{part}"
            deferred = key_totals.is_deferred(self._db)  # (a first build's: made at its end)
            if not deferred:
                key_totals.apply(self._db, self._db.execute(
                    f"SELECT {key_totals.COLUMNS} FROM mentions WHERE article IN ({gone})"),
                    -1)
            if self._db.execute(f"DELETE FROM mentions WHERE article IN ({gone})").rowcount:
                # The actor table's counts can no longer be brought up to date from the
                # rows added since it last took in the mentions (key_totals.ROWS_SEEN).
                self._db.execute("DELETE FROM meta WHERE key = ?", (key_totals.ROWS_SEEN,))
            self._db.execute("INSERT OR IGNORE INTO key_changes SELECT acronym FROM acronyms "
                             f"WHERE article IN ({gone})")
            self._db.execute(f"DELETE FROM acronyms WHERE article IN ({gone})")
            if mentions:
                after = key_totals.last_row(self._db) if not deferred else 0
                if not key_article_index.is_deferred(self._db):
                    # In the key index's order: its entries land page after page, each
                    # read once. In the batch's order (article by article) they went all
                    # over an index bigger than the page cache, a page read again as its
                    # key came back (an add of 1,000 to a million, index 350 MB: this
                    # call read 128 MB of the store, 80 MB in this order).
                    mentions = sorted(mentions, key=_by_key_and_article)
                self._db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)",
                                     mentions)
                if not deferred:
                    key_totals.add_inserted(self._db, after)
                elif key_totals.last_row(self._db) > key_totals.DEFER_ROWS:
                    # (A large first build: settled here, beside the other processes, and
                    # added batch by batch from here on; not one sort of them all, alone
                    # at the run's end.)
                    self._settle_key_totals(in_transaction=True)
            self._db.executemany("INSERT INTO acronyms VALUES (?,?,?)", acronyms or [])
            self._db.executemany("INSERT OR IGNORE INTO key_changes VALUES (?)",
                                 [(a[1],) for a in acronyms or []])
            self._db.execute(f"DELETE FROM articles {_PENDING} WHERE pending!=0 AND pending=2"
                             f"{part}")
            self._db.execute(f"UPDATE articles {_PENDING} SET pending=0 WHERE pending!=0 AND "
                             f"pending=1{part}")

    def mark_all_pending(self) -> None:
        """The Whoosh index is gone or unreadable: every stored article goes to it again."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM articles WHERE pending=2")
            self._db.execute("UPDATE articles SET pending=1")

    # -- reading --------------------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, for the actor table (hold `lock` while using it)."""
        return self._db

    @property
    def lock(self) -> threading.Lock:
        return self._lock

    def articles(self, ids: list[str]) -> dict[str, Article]:
        found: dict[str, Article] = {}
        with self._lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for row in self._db.execute(
                        f"SELECT id, file, title, date, source, url, text, {self._date_text} "
                        f"FROM articles WHERE id IN ({marks})", chunk):
                    found[row[0]] = _article(row)
        return found

    def field_texts(self, ids: list[str], fields: tuple[str, ...]) -> dict[str, list[str]]:
        """Each article's texts of the index's `fields` ("title", "body"), in that order,
        by id: only those columns read and unpacked (a quoted word's matches are read for
        it as written, thousands of them: Engine._confirmed)."""
        columns = ", ".join("title" if name == "title" else "text" for name in fields)
        unpack = [name != "title" for name in fields]
        found: dict[str, list[str]] = {}
        with self._lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for row in self._db.execute(
                        f"SELECT id, {columns} FROM articles WHERE id IN ({marks})", chunk):
                    found[row[0]] = [_unpack(value) if packed else value
                                     for value, packed in zip(row[1:], unpack, strict=True)]
        return found

    def vocabulary(self) -> list[str]:
        """Every word indexed, sorted."""
        with self._lock:
            return [row[0] for row in self._db.execute("SELECT word FROM words ORDER BY word")]

    def indexed_at(self, ids: list[str]) -> dict[str, float]:
        """When each article was first stored as it is now (seconds since the epoch)."""
        found: dict[str, float] = {}
        with self._lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                found.update(self._db.execute(
                    f"SELECT id, indexed_at FROM articles WHERE id IN "
                    f"({','.join('?' * len(chunk))})", chunk))
        return found


def store_problem_here(db: sqlite3.Connection, full: bool = False) -> str | None:
    """What quick_check (integrity_check with `full`) finds wrong; None if nothing."""
    pragma = "integrity_check" if full else "quick_check"
    found = [str(r[0]) for r in db.execute(f"PRAGMA {pragma}(20)").fetchall()]
    return None if found == ["ok"] else first_problem("\n".join(found))


def _article(row: tuple) -> Article:
    article_id, path, title, date, source, url, text, written = row
    return Article(id=article_id, path=path, title=title, text=_unpack(text),
                   date=datetime.fromisoformat(date) if date else None, source=source, url=url,
                   date_text=written if date else None)


def text_check(text: str) -> int:
    """A check of a text that its stored form carries: the Adler-32 of its bytes, which
    zlib ends each stored text with (`stored_check`)."""
    return zlib.adler32(text.encode("utf-8", "surrogatepass"))


def stored_check(blob: bytes) -> int | None:
    """`text_check` of a stored text, read from its stored form without unpacking it (the
    last four bytes of a zlib stream); None for what is no stored text."""
    if not isinstance(blob, bytes) or len(blob) < 6:
        return None
    return int.from_bytes(blob[-4:], "big")


def unpack_text(blob: bytes) -> str:
    """A stored text as a string (index/dups reads texts without making Articles)."""
    return _unpack(blob)
