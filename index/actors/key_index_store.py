"""The store's key index (reach.KeyIndex, what a curation edit's patch looks keys up in)
kept in the store beside the actor table: written where the table is rebuilt (after an
indexing run, a re-cluster), read back by a session's first edit, or by the dashboard
before it. Built, it costs about a second of Python at 100,000 articles; read, 0.14 s.

The index's parts (reach.index_parts: dicts of keys by what a rule compares) are
`marshal` values (plain dicts, lists, sets and tuples of text and numbers: nothing in it is
run), each after its length: one value of them all, so that a key named in several parts
is one string when read back (read a part at a time, the copies took 114 MB at 100,000
articles, 80 as one), or, made a few parts at a time in a process of their own (many
keys: `join_dumped`), one value a few parts with the keys interned: marshal writes an
interned string as such and reads it back interned, so every piece's key is the one
string again. The row `label`
says which keys they index (reach.key_stamp), with the format's version and the Python
version that wrote them (marshal's format is Python's own): an index written under any
other, or unreadable, is not used, and is built again.

An indexing run that changed some keys need not read the index, bring it up to date and
write it all again (0.45 s of an add of 1,000 to a million: the index of every key read
and written for the 5,500 its articles changed): `add_pending` notes the keys changed
(the row `pending`) and stamps the index with the keys as they are now; whoever reads it
(`load`, `parse_current`) brings those keys up to date from the store as it is then
(key_index_update.updated_parts: a key changed in several runs goes from its entries in
the parts to its entries now, once). Past a bound, the caller brings the index up to date
and writes it whole (`add_pending` says so)."""

from __future__ import annotations

import marshal
import sqlite3
import sys
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from newsdesk.index.actors.gc_pause import gc_paused
from newsdesk.index.actors.key_index_update import ChangedKeys, updated_parts
from newsdesk.index.actors.reach import KeyIndex

FORMAT = 8  # (6: the parts in pieces, each after its length; 7: keys pending; 8: a part
# in several pieces, `spill_parts`)
_TABLE = "CREATE TABLE IF NOT EXISTS actor_key_index (part TEXT PRIMARY KEY, data BLOB NOT NULL)"
_LABEL = "label"
_PARTS = "parts"
_PENDING = "pending"  # the keys changed since the parts were made (marshal: a sorted list)


class Stored(NamedTuple):
    """The index as stored: its parts (`dump`'s bytes, of the keys of the stamp they hold),
    and the keys (`stamp`) it is of once the `pending` keys are brought up to date."""

    data: bytes
    stamp: tuple[int, ...]
    pending: frozenset[str]


def _label(stamp: tuple[int, ...]) -> bytes:
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{FORMAT}/{python}/{marshal.version}/{','.join(map(str, stamp))}".encode()


def save(db: sqlite3.Connection, index: KeyIndex) -> None:
    """Store `index` in place of the one stored (in the caller's transaction)."""
    save_dumped(db, index.stamp, dump(index.parts))


def save_dumped(db: sqlite3.Connection, stamp: tuple[int, ...], data: bytes) -> None:
    """Store the index of the keys of `stamp` whose parts `dump` gave (made in another
    process: actors/cluster_process.py), in place of the one stored."""
    db.execute(_TABLE)
    db.execute("DELETE FROM actor_key_index")  # (the keys pending too)
    db.executemany("INSERT INTO actor_key_index VALUES (?, ?)",
                   [(_LABEL, _label(stamp)), (_PARTS, data)])


def add_pending(db: sqlite3.Connection, stored: Stored, stamp: tuple[int, ...],
                changed: Iterable[str], bound: int) -> bool:
    """(In the caller's transaction, the one `stored` was read in.) The stored index made
    that of the keys of `stamp` by noting the `changed` keys as pending, its parts neither
    read nor written; False, and nothing written, if the keys pending would then be more
    than `bound` (the index is then to be brought up to date and saved whole)."""
    pending = stored.pending.union(changed)
    if len(pending) > bound:
        return False
    db.executemany("INSERT OR REPLACE INTO actor_key_index VALUES (?, ?)",
                   [(_LABEL, _label(stamp)), (_PENDING, marshal.dumps(sorted(pending)))])
    return True


def save_spilled(db: sqlite3.Connection, stamp: tuple[int, ...], path: Path) -> None:
    """`save_dumped` of what `spill` wrote to `path` (a key index made in a process of its
    own, many keys': actors/cluster_process.py), copied into the row a megabyte at a time:
    sent whole, the index's bytes were held three times over by the process that made them
    and twice by the one that took them, the build's peak at 225,000 keys."""
    size = path.stat().st_size
    db.execute(_TABLE)
    db.execute("DELETE FROM actor_key_index")  # (the keys pending too)
    db.execute("INSERT INTO actor_key_index VALUES (?, ?)", (_LABEL, _label(stamp)))
    row = db.execute("INSERT INTO actor_key_index VALUES (?, zeroblob(?))",
                     (_PARTS, size)).lastrowid
    with path.open("rb") as spilled, db.blobopen("actor_key_index", "data", row) as blob:
        while chunk := spilled.read(_CHUNK):
            blob.write(chunk)


_CHUNK = 1 << 20


def spill(piece: bytes, to: BinaryIO) -> None:
    """One piece of parts (`join_dumped`'s) written to `to` after those before it: the
    pieces written one after another are what `join_dumped` gives of them."""
    to.write(len(piece).to_bytes(_LENGTH, "little"))
    to.write(piece)


# A dict part's entries a piece, where `spill_parts` writes a part in several.
SPILL_ENTRIES = 50_000


def spill_parts(parts: dict[str, Any], to: BinaryIO) -> None:
    """`spill` of `parts`, a piece of at most SPILL_ENTRIES entries of one part at a time:
    `marshal.dumps` of a part whole held its bytes and a table of every shared object in it
    beside the part (by_gap at 425,530 keys: 85 MB over the part's 1.8M objects, the key
    index's process's peak). `read_parts` joins a part's pieces again, in its order. (The
    keys are one string across pieces where they are interned: `join_dumped`.)"""
    for name, value in parts.items():
        if not isinstance(value, dict) or len(value) <= SPILL_ENTRIES:
            spill(marshal.dumps({name: value}), to)
            continue
        entries = iter(value.items())
        while piece := dict(islice(entries, SPILL_ENTRIES)):
            spill(marshal.dumps({name: piece}), to)
            del piece


def dump(parts: dict[str, Any]) -> bytes:
    """Index parts (reach.index_parts) as stored: what `parse` reads back."""
    return join_dumped([marshal.dumps(parts)])


def join_dumped(pieces: Iterable[bytes]) -> bytes:
    """Index parts made a few at a time, each piece a dict of parts `marshal.dumps` gave
    as it was made (so that it could be let go of before the next was made), as stored:
    what `parse` reads back, the pieces' parts together."""
    return b"".join(part for data in pieces
                    for part in (len(data).to_bytes(_LENGTH, "little"), data))


_LENGTH = 8  # bytes of each piece's length


def read_parts(data: bytes) -> dict[str, Any]:
    """The parts `dump`, `join_dumped` or `spill_parts` gave, together, a part written in
    several pieces (dicts of entries each) joined (ValueError or TypeError if `data` is not
    such)."""
    parts: dict[str, Any] = {}
    view, at = memoryview(data), 0
    while at < len(view):
        size = int.from_bytes(view[at:at + _LENGTH], "little")
        at += _LENGTH
        if size > len(view) - at:
            raise ValueError("a piece cut short")
        piece = marshal.loads(view[at:at + size])
        if not isinstance(piece, dict):
            raise TypeError("not index parts")
        for name, value in piece.items():
            held = parts.get(name)
            if isinstance(held, dict) and isinstance(value, dict):
                held.update(value)  # (a later piece of the part)
            else:
                parts[name] = value
        at += size
    return parts


def current(db: sqlite3.Connection, stamp: tuple[int, ...]) -> bool:
    """Whether the index stored is of the keys as they are (`stamp`), without reading it."""
    try:
        row = db.execute("SELECT data FROM actor_key_index WHERE part = ?",
                         (_LABEL,)).fetchone()
    except sqlite3.OperationalError:  # no index stored yet (a store older than this)
        return False
    return row is not None and bytes(row[0]) == _label(stamp)


def read(db: sqlite3.Connection, stamp: tuple[int, ...]) -> Stored | None:
    """The stored index, unparsed, if it is of the keys as they are (`stamp`); else None.
    (Quick: the parsing, `parse_current`, can be left till after the store's lock is let
    go, with the pending keys, `changed_keys`, read under it.)"""
    return read_any(db) if current(db, stamp) else None


def read_any(db: sqlite3.Connection) -> Stored | None:
    """The stored index, unparsed, whatever keys it is of (its `stamp` says), if this
    newsdesk and Python can read it; else None. (An indexing run's actor update brings the
    index of the keys before the run up to date: key_index_update.py.)"""
    try:
        row = db.execute("SELECT data FROM actor_key_index WHERE part = ?",
                         (_LABEL,)).fetchone()
    except sqlite3.OperationalError:
        return None
    prefix = _label(()).rstrip(b"/") + b"/"
    if row is None or not bytes(row[0]).startswith(prefix):
        return None
    try:
        stamp = tuple(int(n) for n in bytes(row[0])[len(prefix):].split(b","))
    except ValueError:
        return None
    found = dict(db.execute("SELECT part, data FROM actor_key_index WHERE part IN (?, ?)",
                            (_PARTS, _PENDING)))
    if _PARTS not in found:
        return None
    try:
        pending = frozenset(marshal.loads(found[_PENDING])) if _PENDING in found \
            else frozenset()
    except (ValueError, EOFError, TypeError):
        return None
    return Stored(bytes(found[_PARTS]), stamp, pending)


def changed_keys(db: sqlite3.Connection, stored: Stored, more: Iterable[str] = ()
                 ) -> ChangedKeys | None:
    """(In a snapshot of the store whose keys are those of `stored.stamp`, or of later keys
    whose changes are `more`.) What `parse_current` brings up to date: the keys pending and
    `more`, as the store has them; None if there are none."""
    keys = stored.pending.union(more)
    return ChangedKeys(db, keys) if keys else None


def parse(data: bytes) -> KeyIndex | None:
    """The index of the parts `dump` gave, as they are; None if it cannot be read."""
    try:
        with gc_paused():  # (its passes over what is read cost five times the reading)
            parts = read_parts(data)
        return KeyIndex.from_parts(parts)
    except (ValueError, EOFError, TypeError, KeyError):
        return None


def parse_current(stored: Stored, changed: ChangedKeys | None,
                  stamp: tuple[int, ...] | None = None) -> KeyIndex | None:
    """The index `read` gave, its parts brought up to date from `changed` (`changed_keys`)
    and stamped `stamp` (by default the keys `stored` is of); None if it cannot be read."""
    if changed is None and stamp is None:
        return parse(stored.data)
    try:
        with gc_paused():
            parts = read_parts(stored.data)
            if changed is not None:
                parts = updated_parts(parts, stamp if stamp is not None else stored.stamp,
                                      changed, in_place=True)
            else:
                parts["stamp"] = list(stamp) if stamp is not None else list(stored.stamp)
            return KeyIndex.from_parts(parts)
    except (ValueError, EOFError, TypeError, KeyError):
        return None


def load(db: sqlite3.Connection, stamp: tuple[int, ...]) -> KeyIndex | None:
    """The stored index, if it is of the keys as they are (`stamp`), its pending keys brought
    up to date; else None."""
    stored = read(db, stamp)
    return parse_current(stored, changed_keys(db, stored)) if stored is not None else None
