"""A Bloom filter of the band keys of one run of dup_band_runs (link.py), kept beside it.

An update looks each of its new band keys up in dup_bands and in every run: a B-tree seek
a key and a table (30,000 long articles grouped a batch at a time: 3.9 million seeks,
2 s of the indexer's CPU, most of them finding nothing). A key the run's filter says it
does not hold is not looked up there: a Bloom filter has no false negatives, so the
entries found are the same, and with 8 bits a key and 3 probes about 3% of the keys absent
from a run are still looked up in it.

Kept in dup_run_filters (run -> bits). A run with none (filed before filters were kept,
or an update stopped between filing the run and its filter) is looked up key by key, as
before. Deleting entries from a run leaves its filter right (it may then say "maybe" of
more keys); merged runs get a filter made from their keys."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

import numpy as np

BITS_PER_KEY = 8
PROBES = 3
_SMALLEST = 1 << 10  # bits
# Keys probed at a time: the probes' arrays of a whole run (a merged one holds up to
# 2 million keys) would take 50 MB beside the indexer's batch.
SLICE = 1 << 16
# Odd constants: two independent multiplicative hashes of a key, probes by double hashing
# (the keys are themselves hashes, so any bits of them are as good as any others).
_FIRST = np.uint64(0x9E3779B97F4A7C15)
_SECOND = np.uint64(0xC2B2AE3D27D4EB4F)


def _probes(keys: np.ndarray, bits: int) -> list[np.ndarray]:
    """The PROBES bit positions (in a filter of `bits`, a power of two) of each key."""
    shift = np.uint64(64 - (bits.bit_length() - 1))
    wide = keys.astype(np.uint64)
    with np.errstate(over="ignore"):
        first = (wide * _FIRST) >> shift
        step = ((wide * _SECOND) >> shift) | np.uint64(1)
        mask = np.uint64(bits - 1)
        return [(first + np.uint64(i) * step) & mask for i in range(PROBES)]


def make(chunks: Iterable[np.ndarray], count: int) -> bytes:
    """The filter of `count` keys (band keys, any order, repeats allowed), given in
    chunks."""
    bits = _SMALLEST
    while bits < BITS_PER_KEY * count:
        bits <<= 1
    table = np.zeros(bits >> 3, np.uint8)
    for chunk in chunks:
        for start in range(0, len(chunk), SLICE):
            for at in _probes(chunk[start:start + SLICE], bits):
                np.bitwise_or.at(table, (at >> np.uint64(3)).astype(np.int64),
                                 np.uint8(1) << (at & np.uint64(7)).astype(np.uint8))
    return table.tobytes()


def may_hold(blob: bytes, keys: np.ndarray) -> np.ndarray:
    """For each of `keys`, whether the filter `blob` may hold it (False: it does not)."""
    table = np.frombuffer(blob, np.uint8)
    found = np.ones(len(keys), bool)
    for start in range(0, len(keys), SLICE):
        part = found[start:start + SLICE]
        for at in _probes(keys[start:start + SLICE], len(table) << 3):
            part &= (table[(at >> np.uint64(3)).astype(np.int64)]
                     >> (at & np.uint64(7)).astype(np.uint8)) & 1 == 1
    return found


def keep(db: sqlite3.Connection, run: int, keys: np.ndarray) -> None:
    """(In a transaction.) `keys` are every key of `run`: its filter."""
    db.execute("INSERT OR REPLACE INTO dup_run_filters VALUES (?, ?)",
               (run, make([keys], len(keys))))


def remake(db: sqlite3.Connection, run: int, count: int) -> None:
    """(In a transaction.) The filter of `run` (of `count` entries: a merged one), made from
    its keys read a slice at a time."""
    def chunks() -> Iterator[np.ndarray]:
        cursor = db.execute("SELECT key FROM dup_band_runs WHERE run = ?", (run,))
        while rows := cursor.fetchmany(SLICE):
            yield np.fromiter((k for k, in rows), np.uint32, len(rows))

    db.execute("INSERT OR REPLACE INTO dup_run_filters VALUES (?, ?)",
               (run, make(chunks(), count)))


def of(db: sqlite3.Connection, run: int) -> bytes | None:
    row = db.execute("SELECT bits FROM dup_run_filters WHERE run = ?", (run,)).fetchone()
    return row[0] if row else None
