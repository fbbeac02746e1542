"""Totals per actor name key, kept up to date as mentions are written and deleted.

Clustering actors needs, for every name key, its articles, mentions, cue counts, surface
forms and organisation words. Reading them from the mention rows took five passes over all
of them (about 12 s of a 23 s update of 1,000 articles at 100,000); kept here, an update
touches only the rows of the articles it changes, and clustering reads one row per key."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from newsdesk.index.storage import json_rows

SCHEMA = """
CREATE TABLE IF NOT EXISTS key_totals (
    key TEXT PRIMARY KEY,
    articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    person INTEGER NOT NULL,
    location INTEGER NOT NULL,
    lower INTEGER NOT NULL  -- articles where the name was also seen in lower case
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS key_surfaces (key TEXT NOT NULL, surface TEXT NOT NULL,
                                         n INTEGER NOT NULL, PRIMARY KEY (key, surface))
                                         WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS key_orgs (key TEXT NOT NULL, org TEXT NOT NULL,
                                     n INTEGER NOT NULL, PRIMARY KEY (key, org)) WITHOUT ROWID;
-- The keys whose totals (or acronym definitions) changed since the actor table was last
-- clustered: an indexing run re-clusters only what they reach (actors/table.py, update).
CREATE TABLE IF NOT EXISTS key_changes (key TEXT PRIMARY KEY) WITHOUT ROWID;
"""

# meta: the last mention rowid when the actor table last took in the mentions (its
# key_changes cleared), kept while no mention row has been deleted since: the rows after
# it are then exactly the articles added since (rows are only appended, an article's all
# at once), and an actor of several keys counts its articles as it did plus those
# (actors/table.py), not again over every mention of its keys.
ROWS_SEEN = "actor_rows"

# How a mark of a repeated line or window starts (actors/repeated_lines.py, LINE: storage
# imports no actors): a mark counts the articles' rows that have it, a cue its mentions.
LINE = "line "

# The mention columns these totals are made of, in this order.
COLUMNS = "article, key, surface, n, person, location, org, lower"
Row = tuple[str, str, str, int, int, int, str, int]

_FROM_MENTIONS = """
INSERT INTO key_totals
    SELECT key, count(DISTINCT article), sum(n), sum(person), sum(location),
           count(DISTINCT CASE WHEN lower THEN article END) FROM mentions GROUP BY key;
INSERT INTO key_surfaces SELECT key, surface, sum(n) FROM mentions GROUP BY key, surface;
INSERT INTO key_orgs SELECT key, org, sum(CASE WHEN org LIKE 'line %' THEN 1 ELSE n END)
    FROM mentions WHERE org != '' GROUP BY key, org;
"""


def ensure(db: sqlite3.Connection) -> None:
    """Create the tables; a store written before they existed gets them filled from its
    mentions once."""
    db.executescript(SCHEMA)
    if db.execute("SELECT 1 FROM meta WHERE key = 'key_totals'").fetchone() is None:
        with db:
            _fill(db, _FROM_MENTIONS)
            db.execute("INSERT INTO meta VALUES ('key_totals', '1')")


def _fill(db: sqlite3.Connection, script: str) -> None:
    """The three tables emptied and made again from every mention row by `script`."""
    db.execute("DELETE FROM key_totals")
    db.execute("DELETE FROM key_surfaces")
    db.execute("DELETE FROM key_orgs")
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# A first build's totals made once at its end from all its mention rows (`defer`,
# `settle`), not brought up to date batch by batch: SQLite groups them in one pass of the
# table (NOT INDEXED: the rows in the table's order, not through the index by key),
# where each batch's grouping and upserts into the growing tables took 1.15 s of a first
# build of 30,000 short articles against 0.6-0.8 s once at the end. While deferred (a
# meta row says so, kept through a crash or a stop: the next run settles them), the
# tables are not read: every reader of them comes after the run's `settle`. A build
# whose mention rows pass DEFER_ROWS settles them there and adds batch by batch after: the
# sort of all of them grows faster than the rows, and would run alone at the run's end
# (before the clustering process can start), where a batch's runs beside the extraction.
DEFERRED = "key_totals_deferred"  # meta key
DEFER_ROWS = 1_000_000
_SETTLE = _FROM_MENTIONS.replace("FROM mentions", "FROM mentions NOT INDEXED")


def defer(db: sqlite3.Connection) -> None:
    """(A first build: the store empty, in the caller's transaction.) No totals added
    (`apply`, `add_inserted`) till `settle`."""
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (DEFERRED,))


def is_deferred(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM meta WHERE key = ?", (DEFERRED,)).fetchone() is not None


def settle(db: sqlite3.Connection) -> None:
    """(In the caller's transaction.) The totals of every mention row, if deferred, and
    their keys among the keys changed (as adding them batch by batch would have left
    them); nothing where they were not deferred."""
    if not is_deferred(db):
        return
    _fill(db, _SETTLE)
    db.execute("INSERT OR IGNORE INTO key_changes SELECT key FROM key_totals")
    db.execute("DELETE FROM meta WHERE key = ?", (DEFERRED,))


# The totals of the mention rows after rowid ? added, in SQL: SQLite groups the rows just
# inserted in C, where `apply` walked them in Python and bound every total back (5,000
# long articles in two batches: 0.33 -> 0.27 s of CPU). NOT INDEXED: else SQLite walks the
# whole (key, article) index for the GROUP BY's order and tests each row's rowid, every
# batch: at 960,000 articles that was 62% of the indexer's time, growing with the store.
# The keys come back from the first statement (RETURNING) and go to key_changes from
# there: a SELECT DISTINCT of the rows again took a sixth of the four statements' time.
_ADD_STORED = """
INSERT INTO key_totals
    SELECT key, count(DISTINCT article), sum(n), sum(person), sum(location),
           count(DISTINCT CASE WHEN lower THEN article END)
    FROM mentions NOT INDEXED WHERE rowid > :after GROUP BY key
    ON CONFLICT(key) DO UPDATE SET articles = articles + excluded.articles,
        mentions = mentions + excluded.mentions, person = person + excluded.person,
        location = location + excluded.location, lower = lower + excluded.lower
    RETURNING key;
INSERT INTO key_surfaces
    SELECT key, surface, sum(n) FROM mentions NOT INDEXED WHERE rowid > :after
    GROUP BY key, surface
    ON CONFLICT(key, surface) DO UPDATE SET n = n + excluded.n;
INSERT INTO key_orgs
    SELECT key, org, sum(CASE WHEN org LIKE 'line %' THEN 1 ELSE n END)
    FROM mentions NOT INDEXED WHERE rowid > :after AND org != '' GROUP BY key, org
    ON CONFLICT(key, org) DO UPDATE SET n = n + excluded.n
"""


def last_row(db: sqlite3.Connection) -> int:
    """The rowid of the last mention row (0 for none): rows inserted after it get higher
    ones (SQLite's rule without AUTOINCREMENT, below the largest rowid)."""
    return db.execute("SELECT coalesce(max(rowid), 0) FROM mentions").fetchone()[0]


def add_inserted(db: sqlite3.Connection, after: int) -> None:
    """(In the transaction that inserted them.) Add the mention rows inserted after rowid
    `after` (`last_row` before inserting them): what `apply(rows, 1)` adds for them."""
    totals, *others = _ADD_STORED.split(";")
    keys = db.execute(totals, {"after": after}).fetchall()
    for statement in others:
        db.execute(statement, {"after": after})
    json_rows.insert_or_ignore(db, "key_changes", [key for key, in keys])


def apply(db: sqlite3.Connection, rows: Iterable[Row], sign: int) -> None:
    """Add (sign 1) or take away (sign -1) the mention rows of whole articles. An article's
    rows are always written and deleted together, so its keys count it once each."""
    # One pass, plain dictionaries (a Counter's += on a new key goes through Python's
    # __missing__; a batch of 3,700 long articles, 90,000 rows: 0.27 -> 0.21 s with the
    # upserts).
    totals: dict[str, list[int]] = {}  # key -> [articles, mentions, person, location, lower]
    lowered: dict[tuple[str, str], bool] = {}  # (article, key) counted: lower yet?
    surfaces: dict[tuple[str, str], int] = {}
    orgs: dict[tuple[str, str], int] = {}
    for article, key, surface, n, person, location, org, lower in rows:
        total = totals.get(key)
        if total is None:
            total = totals[key] = [0, 0, 0, 0, 0]
        total[1] += n
        total[2] += person
        total[3] += location
        pair = (article, key)
        was = lowered.get(pair)
        if was is None:
            total[0] += 1
            lowered[pair] = bool(lower)
            if lower:
                total[4] += 1
        elif lower and not was:
            lowered[pair] = True
            total[4] += 1
        pair = (key, surface)
        surfaces[pair] = surfaces.get(pair, 0) + n
        if org:
            pair = (key, org)
            orgs[pair] = orgs.get(pair, 0) + (1 if org.startswith(LINE) else n)
    if not totals:
        return
    db.executemany("INSERT OR IGNORE INTO key_changes VALUES (?)", [(k,) for k in totals])
    db.executemany(
        "INSERT INTO key_totals VALUES (?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET "
        "articles = articles + excluded.articles, mentions = mentions + excluded.mentions, "
        "person = person + excluded.person, location = location + excluded.location, "
        "lower = lower + excluded.lower",
        [(key, *(sign * v for v in total)) for key, total in totals.items()])
    db.executemany(
        "INSERT INTO key_surfaces VALUES (?,?,?) ON CONFLICT(key, surface) DO UPDATE SET "
        "n = n + excluded.n", [(k, s, sign * n) for (k, s), n in surfaces.items()])
    db.executemany(
        "INSERT INTO key_orgs VALUES (?,?,?) ON CONFLICT(key, org) DO UPDATE SET "
        "n = n + excluded.n", [(k, o, sign * n) for (k, o), n in orgs.items()])
    if sign < 0:
        db.execute("DELETE FROM key_totals WHERE articles <= 0")
        db.execute("DELETE FROM key_surfaces WHERE n <= 0")
        db.execute("DELETE FROM key_orgs WHERE n <= 0")
