"""A segment's whole term table read in bulk: each field's terms and their term infos as
arrays, where Whoosh's `W3TermsReader.items` walks the table an entry at a time (a
`HashReader` range, two `StructFile.get` calls and a `W3TermInfo` object a term: 17-20% of
a merge's time at 400,000 articles, and another 35% to merge those entries with `heapq`).

The table is Whoosh's ordered hash file (filetables.OrderedHashWriter, written by
storage/term_table.py or Whoosh itself): records of ("!ii" key and value sizes, key,
value) end to end, and an ordered index of the records' positions (big-endian, of the
type its extras name). Keys are a field's number ("!H") then the term's bytes; values are
W3TermInfo's bytes: its struct, then the postings' extent ("!q" offset, "!i" length), or
for an inlined term (flags 1) its postings pickled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

_INFO = np.dtype([("flags", "u1"), ("weight", ">f4"), ("df", ">u4"), ("minlength", "u1"),
                  ("maxlength", "u1"), ("maxweight", ">f4"), ("minid", ">u4"),
                  ("maxid", ">u4")])  # W3TermInfo._struct, "!BfIBBfII"
_EXTENT = np.dtype([("offset", ">i8"), ("length", ">i4")])
_SIZES = np.dtype([("key", ">i4"), ("value", ">i4")])  # filetables._lengths, "!ii"


@dataclass(slots=True)
class FieldTerms:
    """One field's terms in one segment, in order, with where their term infos are."""

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


def _rows(buf: np.ndarray, at: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """The records of `dtype` at byte offsets `at` of `buf`."""
    if not len(at):
        return np.zeros(0, dtype)
    return buf[at[:, None] + np.arange(dtype.itemsize)].copy().view(dtype).reshape(-1)


def read_terms(reader: Any) -> dict[str, FieldTerms]:
    """Every term of a segment's reader (whoosh.reading.SegmentReader), by field name."""
    terms = reader._terms
    tindex = terms._tindex
    dbfile = tindex.dbfile
    count = tindex.indexlen
    if not count:
        return {}
    code = tindex.extras["indextype"]
    positions = np.frombuffer(dbfile.get(tindex.indexbase, count * tindex.indexsize),
                              np.dtype(code).newbyteorder(">")).astype(np.int64)
    start = tindex.startofdata
    table = dbfile.get(start, tindex.endofdata - start)
    buf = np.frombuffer(table, np.uint8)
    at = positions - start
    sizes = _rows(buf, at, _SIZES)
    key_size = sizes["key"].astype(np.int64)
    value_size = sizes["value"].astype(np.int64)
    key_at = at + _SIZES.itemsize
    value_at = key_at + key_size
    field_numbers = (buf[key_at].astype(np.int64) << 8) | buf[key_at + 1]
    infos = _rows(buf, value_at, _INFO)
    inlined = infos["flags"] != 0
    extents = np.zeros(count, _EXTENT)
    outside = np.flatnonzero(~inlined)
    extents[outside] = _rows(buf, value_at[outside] + _INFO.itemsize, _EXTENT)
    texts = [table[a:b] for a, b in zip((key_at + 2).tolist(), value_at.tolist(), strict=True)]
    found: dict[str, FieldTerms] = {}
    # Keys are in order, so each field's terms are one run.
    bounds = np.flatnonzero(np.diff(field_numbers)) + 1
    for lo, hi in zip([0, *bounds.tolist()], [*bounds.tolist(), count], strict=True):
        name = terms._fieldunmap[int(field_numbers[lo])]
        run = slice(lo, hi)
        found[name] = FieldTerms(texts[run], inlined[run], infos["df"][run].astype(np.int64),
                                 extents["offset"][run].astype(np.int64),
                                 extents["length"][run].astype(np.int64), value_at[run],
                                 value_size[run], table)
    return found
