"""A term's postings in one segment as two numpy arrays: document numbers and weights.

Ranking a word in half of 1,000,000 articles scores 500,000 postings. A Python step a
posting, however tight, costs about 0.5 µs: 260 ms for "dlrs". Read as arrays, the
arithmetic runs in C, and what is left in Python is one step a block of 128 postings.
For segments of index/codec.py's format the term's postings are read in one piece and
walked here: each block's header (Whoosh's, pickled), then its ids' deltas and weights
straight from the bytes, without a matcher. Other segments (Whoosh's own codec, a term
held in the term table) go through index/blocks.py."""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from bisect import bisect_right
from typing import Any, NamedTuple

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

from index.blocks import posting_blocks
from index.codec import _ALL_ONE, _COMPRESSED, _HEADER, _NONE, NewsdeskCodec
from index.positions import WIDTH as POSITION_WIDTH
from index.positions import ArrayPositions

_BLOCK_SIZE = struct.Struct("!i")  # Whoosh's block length; negative for a term's last block
_DTYPES = {b"B": np.dtype("u1"), b"H": np.dtype("<u2"), b"I": np.dtype("<u4"),
           b"f": np.dtype("<f4")}
_POSITION = np.dtype("<u4")
_ONES = np.ones(1024)


class Postings(NamedTuple):
    """A term's postings in one segment, in document order."""
    docnums: np.ndarray  # int64, segment numbers
    weights: np.ndarray  # float64
    counts: np.ndarray | None = None  # int64: each posting's number of positions
    positions: np.ndarray | None = None  # int64: each posting's positions in turn


def term_arrays(reader: Any, fieldname: str, text: str, wanted: list[int] | None = None,
                positions: bool = False) -> Postings:
    """The term's postings in one segment, deleted documents included; with `positions`,
    their positions too. With `wanted` (sorted segment document numbers), only the blocks
    that may hold one of them: a superset of theirs that the caller filters."""
    if (fieldname, text) not in reader:
        return _empty(positions)
    terms = reader._terms
    raw = reader._text_to_bytes(fieldname, text)
    info = terms.term_info(fieldname, raw)
    fmt = reader.schema[fieldname].format
    if isinstance(reader.codec(), NewsdeskCodec) and not info.is_inlined() and \
            (not positions or isinstance(fmt, ArrayPositions)):
        offset, length = info.extent()
        if isinstance(length, tuple):  # as Whoosh reads it back from the term table
            (length,) = length
        return _walk(terms._postfile.get(offset, length), wanted, positions)
    ids: list[int] = []
    weights: list[float] = []
    decoded: list[list[int]] = []
    for block in posting_blocks(reader, fieldname, text, wanted):
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


def live(reader: Any, docnums: np.ndarray) -> np.ndarray:
    """Whether each of a segment's `docnums` is a live document (not deleted)."""
    if not reader.has_deletions():
        return np.ones(len(docnums), bool)
    deleted = reader.deleted_docs_set
    return ~np.isin(docnums, np.fromiter(deleted, np.int64, len(deleted)))


def _empty(positions: bool) -> Postings:
    none = np.zeros(0, np.int64)
    return Postings(none, np.zeros(0), none, none) if positions else Postings(none, np.zeros(0))


def _walk(postings: bytes, wanted: list[int] | None, positions: bool) -> Postings:
    """The blocks of one term's postings (index/codec.py's ArrayPostingsWriter)."""
    if postings[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not a posting list: the segment is damaged")
    stream = io.BytesIO(postings)
    header = pickle.Unpickler(stream)  # one for every block: 0.6 µs a header, not 0.9
    size_at, codes_at = _BLOCK_SIZE.unpack_from, _HEADER.unpack_from
    deltas: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    blobs: list[bytes] = []
    counts: list[int] = []
    position, last, more = 4, -1, True
    while more:
        (size,) = size_at(postings, position)
        more = size > 0
        position += 4
        end = position + abs(size)
        stream.seek(position)
        count, high = header.load()[:2]  # Whoosh's block header: a pickled tuple
        if wanted is None or (
                (i := bisect_right(wanted, last)) < len(wanted) and wanted[i] <= high):
            at = stream.tell()
            id_code, weight_code, length_code, flag, number = codes_at(postings, at)
            at += _HEADER.size
            kind = _DTYPES[id_code]
            deltas.append(np.frombuffer(postings, kind, count, at))
            at += count * kind.itemsize
            if weight_code == _ALL_ONE:
                weights.append(_ONES[:count])
            else:
                kind = _DTYPES[weight_code]
                weights.append(np.frombuffer(postings, kind, count, at))
                at += count * kind.itemsize
            if positions:
                if length_code == _NONE:
                    lengths.append(np.zeros(count, np.uint8))
                    blobs.append(b"")
                else:
                    kind = _DTYPES[length_code]  # (not _FIXED: positions vary in number)
                    lengths.append(np.frombuffer(postings, kind, number, at))
                    blob = postings[at + number * kind.itemsize:end]
                    blobs.append(zlib.decompress(blob) if flag == _COMPRESSED else blob)
            counts.append(count)
        last = high
        position = end
    if not counts:
        return _empty(positions)
    # A block's first delta is its first id: running sums restart at each block.
    sums = np.cumsum(np.concatenate(deltas), dtype=np.int64)
    sizes = np.array(counts)
    ends = np.cumsum(sizes)
    before = np.concatenate(([0], sums[ends[:-1] - 1]))
    found = Postings(sums - np.repeat(before, sizes), np.concatenate(weights).astype(np.float64))
    if not positions:
        return found
    return found._replace(
        counts=np.concatenate(lengths).astype(np.int64) // POSITION_WIDTH,
        positions=np.frombuffer(b"".join(blobs), _POSITION).astype(np.int64))
