"""A term's postings in one segment as two numpy arrays: document numbers and weights.

Ranking a word in half of 1,000,000 articles scores 500,000 postings. A Python step a
posting, however tight, costs about 0.5 µs: 260 ms for "dlrs". Read as arrays, the
arithmetic runs in C, and what is left in Python is one step a block of up to 512
postings (storage/codec.py).
For segments of storage/codec.py's format the term's postings are read in one piece and
walked here: each block's header (Whoosh's, pickled), then its ids' deltas and weights
straight from the bytes, without a matcher. Other segments (Whoosh's own codec, a term
held in the term table) go through storage/blocks.py."""

from __future__ import annotations

import io
import pickle
import struct
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.reading import TermNotFound

from newsdesk.index.storage.blocks import posting_blocks
from newsdesk.index.storage.codec import _ALL_ONE, _NONE, NewsdeskCodec, layout, stored_values
from newsdesk.index.storage.page_ahead import postings_ahead, postings_extent
from newsdesk.index.storage.positions import WIDTH as POSITION_WIDTH
from newsdesk.index.storage.positions import ArrayPositions

_BLOCK_SIZE = struct.Struct("!i")  # Whoosh's block length; negative for a term's last block
_DTYPES = {b"B": np.dtype("u1"), b"H": np.dtype("<u2"), b"I": np.dtype("<u4"),
           b"f": np.dtype("<f4")}
_ONES = np.ones(1024)
Wanted = list[int] | np.ndarray | None  # sorted segment document numbers


class Postings(NamedTuple):
    """A term's postings in one segment, in document order."""
    docnums: np.ndarray  # int64, segment numbers
    weights: np.ndarray  # float64
    counts: np.ndarray | None = None  # int64: each posting's number of positions
    positions: np.ndarray | None = None  # int64: each posting's positions in turn


def term_arrays(reader: Any, fieldname: str, text: str, wanted: Wanted = None,
                positions: bool = False) -> Postings:
    """The term's postings in one segment, deleted documents included; with `positions`,
    their positions too. With `wanted` (sorted segment document numbers), only the blocks
    that may hold one of them: a superset of theirs that the caller filters."""
    return TermBlocks(reader, fieldname, text).read(wanted, positions)


class TermBlocks:
    """A term's posting blocks in one segment, their headers read once for any number of
    reads (a phrase reads its words' documents, then their positions where candidates
    are)."""

    def __init__(self, reader: Any, fieldname: str, text: str) -> None:
        self._reader, self._fieldname, self._text = reader, fieldname, text
        self._postings = b""
        self._blocks: _Headers | None = None  # None: read through Whoosh's matchers
        terms = getattr(reader, "_terms", None)
        if terms is None:  # not a segment's reader (an index with none yet): Whoosh's way
            self.present = (fieldname, text) in reader
            self.doc_frequency = reader.doc_frequency(fieldname, text) if self.present else 0
            return
        try:  # (one look-up in the term table, not two with `in`)
            info = terms.term_info(fieldname, reader._text_to_bytes(fieldname, text))
        except TermNotFound:
            self.present, self.doc_frequency = False, 0
            return
        self.present, self.doc_frequency = True, info.doc_frequency()
        if isinstance(reader.codec(), NewsdeskCodec) and not info.is_inlined():
            offset, length = postings_extent(info)
            postings_ahead(reader, offset, length)
            self._postings = terms._postfile.get(offset, length)
            self._blocks = _headers(self._postings)

    def read(self, wanted: Wanted = None, positions: bool = False) -> Postings:
        """As `term_arrays`."""
        if not self.present:
            return _empty(positions)
        if self._blocks is None or positions and not isinstance(
                self._reader.schema[self._fieldname].format, ArrayPositions):
            return self._read_matchers(wanted, positions)
        counts, highs, starts, ends = self._blocks
        chosen: Iterable[int] = range(len(counts))
        if wanted is not None:  # the blocks whose range of documents holds a wanted one
            wanted_ = np.asarray(wanted, np.int64)
            tops = np.array(highs)
            at = np.searchsorted(wanted_, np.concatenate(([-1], tops[:-1])), "right")
            hit = at < len(wanted_)
            hit[hit] = wanted_[at[hit]] <= tops[hit]
            chosen = np.flatnonzero(hit).tolist()
        return _decode(self._postings,
                       [(counts[i], starts[i], ends[i], highs[i]) for i in chosen], positions)

    def _read_matchers(self, wanted: Wanted, positions: bool) -> Postings:
        fmt = self._reader.schema[self._fieldname].format
        ids: list[int] = []
        weights: list[float] = []
        decoded: list[list[int]] = []
        listed = wanted.tolist() if isinstance(wanted, np.ndarray) else wanted
        for block in posting_blocks(self._reader, self._fieldname, self._text, listed):
            block._read_weights()
            ids.extend(block._ids)
            weights.extend(block._weights)
            if positions:
                block._read_values()
                decoded.extend(map(fmt.decode_positions, block._values))
        found = Postings(np.array(ids, np.int64), np.array(weights, np.float64))
        if not positions:
            return found
        return found._replace(counts=np.array(list(map(len, decoded)), np.int64),
                              positions=np.array([p for one in decoded for p in one], np.int64))


class _Headers(NamedTuple):
    """Each block's number of postings, highest document number, and where its data
    starts and ends."""
    counts: list[int]
    highs: list[int]
    starts: list[int]
    ends: list[int]


def _headers(postings: bytes) -> _Headers:
    """The block headers of one term's postings (storage/codec.py's ArrayPostingsWriter)."""
    if postings[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not a posting list: the segment is damaged")
    stream = io.BytesIO(postings)
    header = pickle.Unpickler(stream)  # one for every block: 0.6 µs a header, not 0.9
    size_at = _BLOCK_SIZE.unpack_from
    found = _Headers([], [], [], [])
    position, more = 4, True
    while more:
        (size,) = size_at(postings, position)
        more = size > 0
        position += 4
        stream.seek(position)
        count, high = header.load()[:2]  # Whoosh's block header: a pickled tuple
        position += abs(size)
        found.counts.append(count)
        found.highs.append(high)
        found.starts.append(stream.tell())
        found.ends.append(position)
    return found


def live(reader: Any, docnums: np.ndarray) -> np.ndarray:
    """Whether each of a segment's `docnums` is a live document (not deleted)."""
    if not reader.has_deletions():
        return np.ones(len(docnums), bool)
    deleted = reader.deleted_docs_set
    return ~np.isin(docnums, np.fromiter(deleted, np.int64, len(deleted)))


def _empty(positions: bool) -> Postings:
    none = np.zeros(0, np.int64)
    return Postings(none, np.zeros(0), none, none) if positions else Postings(none, np.zeros(0))


def _decode(postings: bytes, blocks: list[tuple[int, int, int, int]],
            positions: bool) -> Postings:
    """The postings of the blocks given as (postings, data start, data end, last id)."""
    if not blocks:
        return _empty(positions)
    deltas: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    found_positions: list[np.ndarray] = []
    for count, at, end, _ in blocks:
        (id_code, ids_at, weight_code, weights_at, length_code, lengths_at, number, blob_at,
         kept) = layout(postings, at, count)
        deltas.append(np.frombuffer(postings, _DTYPES[id_code], count, ids_at))
        weights.append(_ONES[:count] if weight_code == _ALL_ONE else
                       np.frombuffer(postings, _DTYPES[weight_code], count, weights_at))
        if not positions:
            continue
        if length_code == _NONE:
            lengths.append(np.zeros(count, np.uint8))
        else:  # (not _FIXED: positions vary in number)
            lengths.append(np.frombuffer(postings, _DTYPES[length_code], number, lengths_at))
            found_positions.append(_positions(postings, kept, blob_at, end))
    # A block's first delta is its first id: less the last id of the block before, one
    # running sum over all the blocks gives every id.
    docnums = _joined(deltas).astype(np.int64)
    if len(blocks) > 1:
        firsts = np.cumsum([count for count, *_ in blocks[:-1]])
        docnums[firsts] -= [high for *_, high in blocks[:-1]]
    np.cumsum(docnums, out=docnums)
    found = Postings(docnums, _joined(weights).astype(np.float64))
    if not positions:
        return found
    return found._replace(
        counts=_joined(lengths).astype(np.int64) // POSITION_WIDTH,
        positions=(_joined(found_positions) if found_positions else
                   np.zeros(0, np.int64)).astype(np.int64))


def _positions(postings: bytes, kept: bytes, start: int, end: int) -> np.ndarray:
    """A block's positions, end to end, however the block keeps them."""
    blob, code = stored_values(postings, kept, start, end)
    return np.frombuffer(blob, _DTYPES[code.encode()])


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    """The arrays end to end (most terms are one block: no copy for them)."""
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)
