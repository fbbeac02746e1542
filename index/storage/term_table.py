"""Whoosh's term table (an ordered hash file, filetables.OrderedHashWriter) written a
field's terms at a time: their records laid out by array operations and written in one
call, where OrderedHashWriter.add takes four file calls, a struct and an append per term.
Each key is still hashed (MD5, the table's hash) one at a time; the hash tables, their
directory and the ordered index are OrderedHashWriter's own, written at `close`."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from hashlib import md5 as _openssl_md5
from typing import Any

import numpy as np
from whoosh.filedb.filetables import OrderedHashWriter

from newsdesk.index.storage.block_packing import put_ragged, put_rows

_WIDENING = ("B", "H", "i", "I", "q")
_LENGTHS = np.dtype([("key", ">i4"), ("value", ">i4")])  # filetables._lengths, "!ii"
_POINTER = np.dtype([("hash", ">u4"), ("position", ">i8")])  # filetables._pointer, "!Iq"
# The hash tables written 2**GROUP_SHIFT buckets (of 256) at a time.
GROUP_SHIFT = 4

# MD5 as CPython's own module makes it (the same digest as hashlib's, which is OpenSSL's:
# 0.30 us a short term's key against 0.50, where every key of every segment and merge is
# hashed); hashlib's where a Python is built without it.
md5: Callable[[bytes], Any]
try:
    from _md5 import md5
except ImportError:  # pragma: no cover - (a Python without its own MD5)
    def md5(key: bytes) -> Any:
        return _openssl_md5(key, usedforsecurity=False)


def key_hash(key: bytes) -> int:
    """filetables.md5_hash: the low 32 bits of the key's MD5."""
    return int.from_bytes(md5(key).digest()[12:], "big")


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
        digests = b"".join([md5(key).digest() for key in keys])
        hashes = np.frombuffer(digests, ">u4").reshape(count, 4)[:, 3].astype(np.uint32)
        # Kept as arrays, 4 bytes a term, till the hash tables are written (Whoosh's
        # buckets of (hash, position) tuples took 120 bytes a term, 135 MB for the 1.1
        # million terms of a merge at a million articles); each term's position is the
        # ordered index's, below, in the same order.
        self._hash_chunks().append(hashes)
        # The ordered index of record positions, in the narrowest type that holds them,
        # as GrowableArray would widen itself appending them one at a time.
        index = self.index
        top = positions[-1]
        needed = "H" if top < 1 << 16 else "i" if top < 1 << 31 else "q"
        if _WIDENING.index(needed) > _WIDENING.index(index.typecode):
            index.array = array(needed, index.array)
        index.array.extend(positions)
        self.lastkey = keys[-1]

    def _hash_chunks(self) -> list[np.ndarray]:
        """The hashes of the keys added so far, in the order they were added, as the
        ordered index holds their positions; what Whoosh's own `add` put in the buckets
        since the last call joins them first (in the order added: by position). (A
        writer made by Whoosh and given this class later has no list yet.)"""
        chunks: list[np.ndarray] | None = getattr(self, "_chunks", None)
        if chunks is None:
            chunks = self._chunks = []
        loose = sorted((entry for bucket in self.buckets for entry in bucket),
                       key=lambda entry: entry[1])
        if loose:
            chunks.append(np.fromiter((h for h, _ in loose), np.uint32, len(loose)))
            for bucket in self.buckets:
                bucket.clear()
        return chunks

    def _write_hashes(self) -> None:
        """HashWriter._write_hashes, each bucket's hash table written in one call, not a
        struct and a call a slot (the same slots: linear probing from the same start, a
        slot empty while its position is 0, which no record's is). Each key's position is
        read from the ordered index, and the keys are put in order of bucket 2**GROUP_SHIFT
        buckets at a time: a sort of all of them at once took 30 bytes a term more (100
        MB at the 3.9 million terms of a merge of 584,000 articles)."""
        dbfile = self.dbfile
        chunks = self._hash_chunks()
        all_hashes = np.empty(sum(len(h) for h in chunks), np.uint32)
        done = 0
        while chunks:  # (each chunk let go as it is copied)
            hashes = chunks.pop(0)
            all_hashes[done:done + len(hashes)] = hashes
            done += len(hashes)
        index = self.index.array
        all_places = np.frombuffer(index, index.typecode) if isinstance(index, array) \
            and len(index) else np.asarray(index, np.int64)
        assert len(all_places) == len(all_hashes)
        bucket = (all_hashes & 255).astype(np.uint8)
        sizes = np.bincount(bucket, minlength=256)
        group = (bucket >> GROUP_SHIFT).astype(np.uint8)
        for first in range(0, 256, 1 << GROUP_SHIFT):
            # The group's keys, bucket after bucket, each bucket's in the order added.
            chosen = np.flatnonzero(group == first >> GROUP_SHIFT)
            chosen = chosen[np.argsort(bucket[chosen], kind="stable")]
            at = 0
            for b in range(first, first + (1 << GROUP_SHIFT)):
                size = int(sizes[b])
                numslots = 2 * size
                self.directory.append((dbfile.tell(), numslots))
                if not numslots:
                    continue
                hashes = [0] * numslots
                positions = [0] * numslots
                keys = chosen[at:at + size]
                for hashval, position in zip(all_hashes[keys].tolist(),
                                             all_places[keys].tolist(), strict=True):
                    slot = (hashval >> 8) % numslots
                    while positions[slot]:
                        slot = (slot + 1) % numslots
                    hashes[slot], positions[slot] = hashval, position
                at += size
                table = np.empty(numslots, _POINTER)
                table["hash"], table["position"] = hashes, positions
                dbfile.write(table.tobytes())
        del all_places  # (the index's buffer, before it is written out)
