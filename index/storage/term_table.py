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
        buckets = self.buckets
        # (key_hash of each key: its MD5's last four bytes, read for all keys at once)
        digests = b"".join([md5(key, usedforsecurity=False).digest() for key in keys])
        hashes = np.frombuffer(digests, ">u4").reshape(count, 4)[:, 3].tolist()
        for hashed, position in zip(hashes, positions, strict=True):
            buckets[hashed & 255].append((hashed, position))
        # The ordered index of record positions, in the narrowest type that holds them,
        # as GrowableArray would widen itself appending them one at a time.
        index = self.index
        top = positions[-1]
        needed = "H" if top < 1 << 16 else "i" if top < 1 << 31 else "q"
        if _WIDENING.index(needed) > _WIDENING.index(index.typecode):
            index.array = array(needed, index.array)
        index.array.extend(positions)
        self.lastkey = keys[-1]

    def _write_hashes(self) -> None:
        """HashWriter._write_hashes, each bucket's hash table written in one call, not a
        struct and a call a slot (the same slots: linear probing from the same start, a
        slot empty while its position is 0, which no record's is)."""
        dbfile = self.dbfile
        for entries in self.buckets:
            numslots = 2 * len(entries)
            self.directory.append((dbfile.tell(), numslots))
            if not numslots:
                continue
            hashes = [0] * numslots
            positions = [0] * numslots
            for hashval, position in entries:
                slot = (hashval >> 8) % numslots
                while positions[slot]:
                    slot = (slot + 1) % numslots
                hashes[slot], positions[slot] = hashval, position
            table = np.empty(numslots, _POINTER)
            table["hash"], table["position"] = hashes, positions
            dbfile.write(table.tobytes())
