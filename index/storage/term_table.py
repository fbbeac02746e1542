"""Whoosh's term table (an ordered hash file, filetables.OrderedHashWriter) written a
field's terms at a time: their records laid out by array operations and written in one
call, where OrderedHashWriter.add takes four file calls, a struct and an append per term.
Each key is still hashed (MD5, the table's hash) one at a time; the hash tables, their
directory and the ordered index are OrderedHashWriter's own, written at `close`."""

from __future__ import annotations

from array import array
from hashlib import md5

import numpy as np
from whoosh.filedb.filetables import OrderedHashWriter

from newsdesk.index.storage.block_packing import put_ragged, put_rows

_WIDENING = ("B", "H", "i", "I", "q")
_LENGTHS = np.dtype([("key", ">i4"), ("value", ">i4")])  # filetables._lengths, "!ii"
_POINTER = np.dtype([("hash", ">u4"), ("position", ">i8")])  # filetables._pointer, "!Iq"


def key_hash(key: bytes) -> int:
    """filetables.md5_hash: the low 32 bits of the key's MD5."""
    return int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big")


class TermTableWriter(OrderedHashWriter):
    def add_all_fixed(self, keys: list[bytes], values: bytes, size: int) -> None:
        """Add `keys` (increasing, each greater than any added before) with their values,
        `size` bytes each, end to end in `values`."""
        count = len(keys)
        if not count:
            return
        if keys[0] <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{keys[0]!r}")
        key_sizes = np.fromiter(map(len, keys), np.int64, count)
        record = _LENGTHS.itemsize + key_sizes + size
        at = np.cumsum(record) - record
        data = np.empty(int(record.sum()), np.uint8)
        lengths = np.empty(count, _LENGTHS)
        lengths["key"], lengths["value"] = key_sizes, size
        put_rows(data, at, lengths.view(np.uint8).reshape(count, _LENGTHS.itemsize))
        put_ragged(data, at + _LENGTHS.itemsize, keys)
        put_rows(data, at + _LENGTHS.itemsize + key_sizes,
                 np.frombuffer(values, np.uint8).reshape(count, size))
        start = self.dbfile.tell()
        self.dbfile.write(data.tobytes())
        positions = (at + start).tolist()
        # (key_hash of each key: its MD5's last four bytes, read for all keys at once)
        digests = b"".join([md5(key, usedforsecurity=False).digest() for key in keys])
        hashes = np.frombuffer(digests, ">u4").reshape(count, 4)[:, 3].astype(np.uint32)
        # Kept as arrays, 12 bytes a term, till the hash tables are written: Whoosh's
        # buckets of (hash, position) tuples took 120 bytes a term, 135 MB for the 1.1
        # million terms of a merge at a million articles.
        chunks = self._hash_chunks()
        chunks.append((hashes, np.asarray(positions, np.int64)))
        # The ordered index of record positions, in the narrowest type that holds them,
        # as GrowableArray would widen itself appending them one at a time.
        index = self.index
        top = positions[-1]
        needed = "H" if top < 1 << 16 else "i" if top < 1 << 31 else "q"
        if _WIDENING.index(needed) > _WIDENING.index(index.typecode):
            index.array = array(needed, index.array)
        index.array.extend(positions)
        self.lastkey = keys[-1]

    def _hash_chunks(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """The (hashes, positions) arrays added so far, in order; what Whoosh's own `add`
        put in the buckets since the last call joins them first, so that each bucket's
        entries stay in the order they were added. (A writer made by Whoosh and given this
        class later has no list yet.)"""
        chunks: list[tuple[np.ndarray, np.ndarray]] | None = getattr(self, "_chunks", None)
        if chunks is None:
            chunks = self._chunks = []
        loose = [entry for bucket in self.buckets for entry in bucket]
        if loose:
            chunks.append((np.fromiter((h for h, _ in loose), np.uint32, len(loose)),
                           np.fromiter((p for _, p in loose), np.int64, len(loose))))
            for bucket in self.buckets:
                bucket.clear()
        return chunks

    def _write_hashes(self) -> None:
        """HashWriter._write_hashes, each bucket's hash table written in one call, not a
        struct and a call a slot (the same slots: linear probing from the same start, a
        slot empty while its position is 0, which no record's is)."""
        dbfile = self.dbfile
        chunks = self._hash_chunks()
        all_hashes = np.concatenate([h for h, _ in chunks]) if chunks else \
            np.zeros(0, np.uint32)
        all_places = np.concatenate([p for _, p in chunks]) if chunks else \
            np.zeros(0, np.int64)
        chunks.clear()
        # Each bucket's entries in the order they were added (a stable sort by bucket).
        order = np.argsort(all_hashes & 255, kind="stable")
        all_hashes, all_places = all_hashes[order], all_places[order]
        bounds = np.searchsorted(all_hashes & 255, np.arange(257), side="left").tolist()
        for b in range(256):
            low, high = bounds[b], bounds[b + 1]
            numslots = 2 * (high - low)
            self.directory.append((dbfile.tell(), numslots))
            if not numslots:
                continue
            hashes = [0] * numslots
            positions = [0] * numslots
            for hashval, position in zip(all_hashes[low:high].tolist(),
                                         all_places[low:high].tolist(), strict=True):
                slot = (hashval >> 8) % numslots
                while positions[slot]:
                    slot = (slot + 1) % numslots
                hashes[slot], positions[slot] = hashval, position
            table = np.empty(numslots, _POINTER)
            table["hash"], table["position"] = hashes, positions
            dbfile.write(table.tobytes())
