"""The article ids one indexing run has read, to report an id that comes twice.

A dict of them held about 100 MB of the parent process at a million articles (an id
string and a table slot each), the largest thing in it that grew with the corpus. Here
they are in a private SQLite database on disk (SQLite deletes it when it is closed), behind
a page cache of 2 MB: about 6 µs an article, 6 s of an hour's build at a million."""

from __future__ import annotations

import sqlite3


class RunIds:
    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)  # "": a temporary file
        self._db.execute("PRAGMA journal_mode=OFF")  # thrown away at the end: no journal
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE ids (id TEXT PRIMARY KEY, file TEXT) WITHOUT ROWID")
        self._db.execute("BEGIN")  # one transaction, never committed

    def first_in(self, article_id: str, file: str) -> str | None:
        """The file that held `article_id` earlier in this run; None if none did, and
        from now on `file` did."""
        if self._db.execute("INSERT OR IGNORE INTO ids VALUES (?, ?)",
                            (article_id, file)).rowcount:
            return None
        return self._db.execute("SELECT file FROM ids WHERE id = ?", (article_id,)).fetchone()[0]

    def close(self) -> None:
        self._db.close()
