"""Totals per actor name key, kept up to date as mentions are written and deleted.

Clustering actors needs, for every name key, its articles, mentions, cue counts, surface
forms and organisation words. Reading them from the mention rows took five passes over all
of them (about 12 s of a 23 s update of 1,000 articles at 100,000); kept here, an update
touches only the rows of the articles it changes, and clustering reads one row per key."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

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
"""

# The mention columns these totals are made of, in this order.
COLUMNS = "article, key, surface, n, person, location, org, lower"
Row = tuple[str, str, str, int, int, int, str, int]

_FROM_MENTIONS = """
INSERT INTO key_totals
    SELECT key, count(DISTINCT article), sum(n), sum(person), sum(location),
           count(DISTINCT CASE WHEN lower THEN article END) FROM mentions GROUP BY key;
INSERT INTO key_surfaces SELECT key, surface, sum(n) FROM mentions GROUP BY key, surface;
INSERT INTO key_orgs SELECT key, org, sum(n) FROM mentions WHERE org != '' GROUP BY key, org;
"""


def ensure(db: sqlite3.Connection) -> None:
    """Create the tables; a store written before they existed gets them filled from its
    mentions once."""
    db.executescript(SCHEMA)
    if db.execute("SELECT 1 FROM meta WHERE key = 'key_totals'").fetchone() is None:
        with db:
            db.execute("DELETE FROM key_totals")
            db.execute("DELETE FROM key_surfaces")
            db.execute("DELETE FROM key_orgs")
            for statement in _FROM_MENTIONS.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT INTO meta VALUES ('key_totals', '1')")


def apply(db: sqlite3.Connection, rows: Iterable[Row], sign: int) -> None:
    """Add (sign 1) or take away (sign -1) the mention rows of whole articles. An article's
    rows are always written and deleted together, so its keys count it once each."""
    per_article: dict[tuple[str, str], list[int]] = {}
    surfaces: Counter[tuple[str, str]] = Counter()
    orgs: Counter[tuple[str, str]] = Counter()
    for article, key, surface, n, person, location, org, lower in rows:
        seen = per_article.setdefault((article, key), [0, 0, 0, 0])
        seen[0] += n
        seen[1] += person
        seen[2] += location
        seen[3] = seen[3] or int(bool(lower))
        surfaces[key, surface] += n
        if org:
            orgs[key, org] += n
    totals: dict[str, list[int]] = {}
    for (_, key), (n, person, location, lower) in per_article.items():
        total = totals.setdefault(key, [0, 0, 0, 0, 0])
        for i, value in enumerate((1, n, person, location, lower)):
            total[i] += value
    if not totals:
        return
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
