"""What the store says of each name key: its totals, surface forms and organisations
(kept per key, storage/key_totals.py), and the acronyms with their expansions. The whole
table's clustering, a patch's region and the titles' keys read them alike."""

from __future__ import annotations

import sqlite3
from collections import Counter

from newsdesk.index.actors.cluster import KeyStats


def read_key_stats(db: sqlite3.Connection, only_in: str = "", acronyms: bool = True
                   ) -> tuple[dict[str, KeyStats], dict[str, Counter[str]]]:
    """With `only_in`, of the keys in that temporary table (a column `key`) alone."""
    only = f" WHERE key IN (SELECT key FROM {only_in})" if only_in else ""
    stats: dict[str, KeyStats] = {}
    for key, articles, mentions, person, location, lower in db.execute(
            "SELECT key, articles, mentions, person, location, lower FROM key_totals" + only):
        stats[key] = KeyStats(key, Counter(), mentions, articles, person, location, lower)
    # (A key's surface or organisation is one row: its primary key. Set, not added to: a
    # fifth of reading 50,000 keys' stats.)
    for key, surface, n in db.execute("SELECT key, surface, n FROM key_surfaces" + only):
        stats[key].surfaces[surface] = n
    for key, org, n in db.execute("SELECT key, org, n FROM key_orgs" + only):
        stats[key].org[org] = n
    defined: dict[str, Counter[str]] = {}
    for acronym, expansion, n in db.execute(
            "SELECT acronym, expansion, count(*) FROM acronyms"
            + (f" WHERE acronym IN (SELECT key FROM {only_in})" if only_in else "")
            + " GROUP BY 1, 2") if acronyms else ():
        defined.setdefault(acronym, Counter())[expansion] += n
    return stats, defined


def together_in(db: sqlite3.Connection, key_a: str, key_b: str) -> bool:
    """Whether one article uses both keys. SQLite walks the mentions of the first key and
    looks up each article's for the second: the first is the one fewer articles use (the
    1,000 pairs clustering a million generated articles asks: 0.08 s of CPU as asked, 0.05
    so)."""
    used = dict(db.execute("SELECT key, articles FROM key_totals WHERE key IN (?, ?)",
                           (key_a, key_b)))
    if used.get(key_b, 0) < used.get(key_a, 0):
        key_a, key_b = key_b, key_a
    return db.execute(
        "SELECT 1 FROM mentions a JOIN mentions b ON b.article = a.article "
        "WHERE a.key = ? AND b.key = ? LIMIT 1", (key_a, key_b)).fetchone() is not None
