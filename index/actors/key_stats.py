"""What the store says of each name key: its totals, surface forms and organisations
(kept per key, storage/key_totals.py), and the acronyms with their expansions. The whole
table's clustering, a patch's region and the titles' keys read them alike."""

from __future__ import annotations

import sqlite3
from collections import Counter

from newsdesk.index.actors.cluster import NO_CUES, KeyStats, OneSurface
from newsdesk.index.actors.repeated_lines import LINE, marks_count

# (A key's surfaces before its first is read.)
NO_SURFACES = OneSurface("", 0)


def read_key_stats(db: sqlite3.Connection, only_in: str = "", acronyms: bool = True
                   ) -> tuple[dict[str, KeyStats], dict[str, Counter[str]]]:
    """With `only_in`, of the keys in that temporary table (a column `key`) alone."""
    only = f" WHERE key IN (SELECT key FROM {only_in})" if only_in else ""
    stats: dict[str, KeyStats] = {}
    for key, articles, mentions, person, location, lower in db.execute(
            "SELECT key, articles, mentions, person, location, lower FROM key_totals" + only):
        stats[key] = KeyStats(key, NO_SURFACES, mentions, articles, person, location,
                              lower, NO_CUES)
    # (A key's surface or organisation is one row: its primary key. Set, not added to: a
    # fifth of reading 50,000 keys' stats. A key's first surface is a OneSurface, its
    # second makes it a Counter: most keys of a corpus of many names have one.)
    for key, surface, n in db.execute("SELECT key, surface, n FROM key_surfaces" + only):
        s = stats[key]
        held = s.surfaces
        if held is NO_SURFACES:
            s.surfaces = OneSurface(surface, n)
        elif isinstance(held, OneSurface):
            s.surfaces = Counter({held.surface: held.n, surface: n})
        else:
            held[surface] = n
    for s in stats.values():  # (a key of no surface: a Counter of its own, as before)
        if s.surfaces is NO_SURFACES:
            s.surfaces = Counter()
    # (A key's cues start as NO_CUES, shared; a key of a cue gets a Counter of its own.)
    # (A line's marks are no cues: their commonest's count is kept apart, repeated_lines.py,
    # as `split_marks` does, but never put in: most keys of a corpus of many names have
    # marks only, and a cue table emptied of them kept its room, 120 bytes a key.)
    marks: dict[str, int] = {}
    last: KeyStats | None = None
    for key, org, n in db.execute("SELECT key, org, n FROM key_orgs" + only):
        s = stats[key]
        if s is not last:  # (a key's rows come together: its primary key's order)
            if marks:
                last.line = marks_count(marks)  # type: ignore[union-attr]
                marks.clear()
            last = s
        if org.startswith(LINE):
            marks[org] = n
        else:
            if s.org is NO_CUES:  # (shared by the keys of no cue: one of its own)
                s.org = Counter()
            s.org[org] = n
    if marks:
        last.line = marks_count(marks)  # type: ignore[union-attr]
    return stats, read_acronyms(db, only_in) if acronyms else {}


def read_acronyms(db: sqlite3.Connection, only_in: str = "") -> dict[str, Counter[str]]:
    """The acronyms with their expansions (`read_key_stats`')."""
    defined: dict[str, Counter[str]] = {}
    for acronym, expansion, n in db.execute(
            "SELECT acronym, expansion, count(*) FROM acronyms"
            + (f" WHERE acronym IN (SELECT key FROM {only_in})" if only_in else "")
            + " GROUP BY 1, 2"):
        defined.setdefault(acronym, Counter())[expansion] += n
    return defined


def patched_key_stats(db: sqlite3.Connection, stats: dict[str, KeyStats],
                      acronyms: dict[str, Counter[str]]
                      ) -> tuple[dict[str, KeyStats], dict[str, Counter[str]]]:
    """`read_key_stats`' stats and acronyms of an earlier snapshot taken since the actor
    table was last clustered, brought to the store as it is now: the keys whose totals
    changed since, and the acronyms defined or undefined since (key_changes), read again,
    the others kept (their changes make key_changes rows, which stay till the table is
    clustered). What read_key_stats reads now, in its orders (by key: SQLite's and
    Python's orders of text agree); `stats` and `acronyms` are changed."""
    return _patched(db, stats, read_key_stats(db, "key_changes", acronyms=False)[0]), \
        _patched(db, acronyms, read_acronyms(db, "key_changes"))


def _patched(db: sqlite3.Connection, held: dict, fresh: dict) -> dict:
    added = False
    for (key,) in db.execute("SELECT key FROM key_changes"):
        now = fresh.get(key)
        if now is None:
            held.pop(key, None)  # (gone; or of no totals, or no acronym)
        else:
            added = added or key not in held
            held[key] = now
    return dict(sorted(held.items())) if added else held


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
