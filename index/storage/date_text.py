"""Each article's date as the corpus wrote it ("2020-01-04T10:00:00+05:30", "…Z", a bare
date), beside the store's naive `date` (what searches, sorts and charts use, the offset
dropped). Exports carry it, so a date leaves newsdesk as it came in.

A store made before this column gets it the first time newsdesk opens the store for
writing, and every file's stamp is cleared: the next ingest reads each file again. An
article whose written date says more than its naive date (an offset, Z, a bare day) has a
new content hash (ingest/corpus.content_hash) and is stored again with it, and sent through
the Whoosh index again, once; the others are unchanged (their date_text stays empty: the
naive date is what they wrote). No schema bump: the index is not rebuilt. Until that ingest
exports give the naive date, as before."""

from __future__ import annotations

import sqlite3

COLUMN = "date_text"


def has_column(db: sqlite3.Connection) -> bool:
    return any(row[1] == COLUMN for row in db.execute("PRAGMA table_info(articles)"))


def ensure(db: sqlite3.Connection) -> None:
    """Add the column to a store made before it, and have every file read again."""
    if has_column(db):
        return
    try:
        with db:
            db.execute(f"ALTER TABLE articles ADD COLUMN {COLUMN} TEXT")
            db.execute("UPDATE files SET stamp=''")
    except sqlite3.OperationalError as exc:
        if "duplicate column" not in str(exc):  # another process added it first
            raise
