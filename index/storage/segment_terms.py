"""A segment's term table read in bulk, a field and a chunk of terms at a time: their
texts and term infos as arrays, where Whoosh's `W3TermsReader.items` walks the table an
entry at a time (a `HashReader` range, two `StructFile.get` calls and a `W3TermInfo`
object a term: 17-20% of a merge's time at 400,000 articles, and another 35% to merge
those entries with `heapq`). Chunks keep a merge's memory bounded: a segment of 500,000
articles holds millions of terms (ids, addresses, dates).

The table is Whoosh's ordered hash file (filetables.OrderedHashWriter, written by
storage/term_table.py or Whoosh itself): records of ("!ii" key and value sizes, key,
value) end to end, and an ordered index of the records' positions (big-endian, of the
type its extras name). Keys are a field's number ("!H") then the term's bytes; values are
W3TermInfo's bytes: its struct, then the postings' extent ("!q" offset, "!i" length), or
for an inlined term (flags 1) its postings pickled."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

import numpy as np

_INFO = np.dtype([("flags", "u1"), ("weight", ">f4"), ("df", ">u4"), ("minlength", "u1"),
                  ("maxlength", "u1"), ("maxweight", ">f4"), ("minid", ">u4"),
                  ("maxid", ">u4")])  # W3TermInfo._struct, "!BfIBBfII"
_EXTENT = np.dtype([("offset", ">i8"), ("length", ">i4")])
_SIZES = np.dtype([("key", ">i4"), ("value", ">i4")])  # filetables._lengths, "!ii"
_FIELD_NUMBER = np.dtype(">u2")

# Terms read at a time: their arrays take about 300 bytes a term.
CHUNK_TERMS = 1 << 16


@dataclass(slots=True)
class FieldTerms:
    """Some of one field's terms in one segment, in order, with where their term infos
    are."""

    texts: list[bytes]
    inlined: np.ndarray  # bool: the term's postings are in its term info
    df: np.ndarray  # int64 document frequency (deleted documents included)
    offset: np.ndarray  # int64 postings extent (not inlined terms)
    length: np.ndarray  # int64
    value_at: np.ndarray  # int64: where each term info starts in `table`
    value_size: np.ndarray  # int64
    table: bytes  # the table's records, as read

    def info_bytes(self, k: int) -> bytes:
        """The k-th term's W3TermInfo bytes."""
        at = int(self.value_at[k])
        return self.table[at:at + int(self.value_size[k])]

    def part(self, start: int, end: int) -> FieldTerms:
        """Terms start..end-1."""
        return FieldTerms(self.texts[start:end], self.inlined[start:end], self.df[start:end],
                          self.offset[start:end], self.length[start:end],
                          self.value_at[start:end], self.value_size[start:end], self.table)


def _rows(buf: np.ndarray, at: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """The records of `dtype` at byte offsets `at` of `buf`."""
    if not len(at):
        return np.zeros(0, dtype)
    return buf[at[:, None] + np.arange(dtype.itemsize)].copy().view(dtype).reshape(-1)


class FieldCursor:
    """One field's terms in one segment's term table (a reader's, whoosh.reading's
    SegmentReader), read CHUNK_TERMS at a time."""

    def __init__(self, reader: Any, fieldname: str) -> None:
        terms = reader._terms
        self._tindex = tindex = terms._tindex
        self._file = tindex.dbfile
        self._size = tindex.indexsize
        self._type = np.dtype(tindex.extras["indextype"]).newbyteorder(">")
        number = terms._fieldmap.get(fieldname)
        count = tindex.indexlen
        if number is None or not count:
            self.next = self.end = 0
            return
        # Keys are in order, so the field's terms are one run of the index.
        self.next = bisect_left(range(count), number, key=self._field_at)
        self.end = bisect_left(range(count), number + 1, key=self._field_at)

    def _positions(self, start: int, end: int) -> np.ndarray:
        data = self._file.get(self._tindex.indexbase + start * self._size,
                              (end - start) * self._size)
        return np.frombuffer(data, self._type).astype(np.int64)

    def _field_at(self, k: int) -> int:
        position = int(self._positions(k, k + 1)[0])
        return int.from_bytes(self._file.get(position + _SIZES.itemsize, 2), "big")

    @property
    def done(self) -> bool:
        return self.next >= self.end

    def read(self, most: int = CHUNK_TERMS) -> FieldTerms:
        """The next `most` terms (fewer at the end)."""
        start, end = self.next, min(self.end, self.next + most)
        self.next = end
        if start >= end:
            return _parsed(b"", np.zeros(0, np.int64))
        positions = self._positions(start, end)
        last = int(positions[-1])
        key_size, value_size = np.frombuffer(self._file.get(last, _SIZES.itemsize), _SIZES)[0]
        first = int(positions[0])
        table = self._file.get(first, last + _SIZES.itemsize + int(key_size) + int(value_size)
                               - first)
        return _parsed(table, positions - first)


def _parsed(table: bytes, at: np.ndarray) -> FieldTerms:
    buf = np.frombuffer(table, np.uint8)
    count = len(at)
    sizes = _rows(buf, at, _SIZES)
    key_size = sizes["key"].astype(np.int64)
    value_size = sizes["value"].astype(np.int64)
    key_at = at + _SIZES.itemsize
    value_at = key_at + key_size
    infos = _rows(buf, value_at, _INFO)
    inlined = infos["flags"] != 0
    extents = np.zeros(count, _EXTENT)
    outside = np.flatnonzero(~inlined)
    extents[outside] = _rows(buf, value_at[outside] + _INFO.itemsize, _EXTENT)
    texts = [table[a:b] for a, b in zip((key_at + _FIELD_NUMBER.itemsize).tolist(),
                                        value_at.tolist(), strict=True)]
    return FieldTerms(texts, inlined, infos["df"].astype(np.int64),
                      extents["offset"].astype(np.int64), extents["length"].astype(np.int64),
                      value_at, value_size, table)
