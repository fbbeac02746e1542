"""Many terms' postings in one segment of newsdesk's codec decoded at once, as arrays.

The inverse of storage/block_packing.py's `pack`: the blocks of every term are found and
decoded with array operations over all of them, where storage/posting_arrays.py's
`_decode` takes a few Python steps and numpy calls a block and some more a term (a merge
reads most terms in one block: 30% of a merge's time went to reading them a term at a
time). A block is Whoosh's length ("!i", negative for a term's last block), its header
pickled (protocol 2: MARK, six numbers, TUPLE, BINPUT 0, STOP), then storage/codec.py's
data. Blocks in another form (ints pickled as longs, values compressed, as old segments
may hold) make `decode_terms` answer None: the caller reads those terms its own way."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

from newsdesk.index.storage.positions import WIDTH as POSITION_WIDTH

_MAGIC = np.frombuffer(WHOOSH3_HEADER_MAGIC, np.uint8)
_PICKLE_HEAD = np.frombuffer(b"\x80\x02(", np.uint8)
_PICKLE_TAIL = np.frombuffer(b"tq\x00.", np.uint8)
# The width of a pickled number by its opcode: BININT1, BININT2, BININT, BINFLOAT.
_OPCODE_WIDTH = np.full(256, -1, np.int64)
for _code, _width in ((b"K", 1), (b"M", 2), (b"J", 4), (b"G", 8)):
    _OPCODE_WIDTH[_code[0]] = _width
# storage/codec.py's type codes: bytes a number (-1: not one this reader takes).
_CODE_WIDTH = np.full(256, -1, np.int64)
for _code, _width in ((b"B", 1), (b"H", 2), (b"I", 4)):
    _CODE_WIDTH[_code[0]] = _width
_ALL_ONE, _FLOAT, _NONE, _PLAIN = b"1"[0], b"f"[0], b"0"[0], b"-"[0]
_FIXED, _COMPRESSED = b"F"[0], b"z"[0]
_HEADER_SIZE = 8  # codec._HEADER: four type codes, then the number of values ("<I")


@dataclass(slots=True)
class TermPostings:
    """The postings of several terms of one segment, term after term, in document order."""

    term: np.ndarray  # int64: which of the terms asked for each posting is of
    docs: np.ndarray  # int64 segment document numbers
    weights: np.ndarray  # float64
    counts: np.ndarray | None = None  # int64 positions a posting (positional fields)
    positions: np.ndarray | None = None  # uint32, each posting's in turn
    values: list[bytes] | None = None  # each posting's value (fields with other values)


def read_span(postfile: Any, offsets: np.ndarray, lengths: np.ndarray
              ) -> tuple[bytes, np.ndarray]:
    """The postings of terms at `offsets` (`lengths` bytes each) of a segment's postings
    file, and where each starts in the bytes returned: one read when they lie close
    together (a field's terms are written in order), else one a term."""
    if not len(offsets):
        return b"", offsets
    low = int(offsets.min())
    high = int((offsets + lengths).max())
    if high - low <= 2 * int(lengths.sum()) + (1 << 16):
        return postfile.get(low, high - low), offsets - low
    pieces = [postfile.get(o, n) for o, n in zip(offsets.tolist(), lengths.tolist(),
                                                 strict=True)]
    starts = np.cumsum(lengths) - lengths
    return b"".join(pieces), starts


def _uints(buf: np.ndarray, at: np.ndarray, width: np.ndarray) -> np.ndarray:
    """The little-endian unsigned numbers at `at`, each `width` (1, 2 or 4) bytes."""
    found = np.zeros(len(at), np.int64)
    for size in (1, 2, 4):
        chosen = np.flatnonzero(width == size)
        if len(chosen):
            rows = buf[at[chosen][:, None] + np.arange(size)]
            found[chosen] = rows.view(f"<u{size}").reshape(-1)
    return found


def _ragged(sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For runs of `sizes` items: each item's run, and its place in the run."""
    run = np.repeat(np.arange(len(sizes)), sizes)
    place = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return run, place


NO_VALUES, POSITIONS, VALUES = "none", "positions", "values"
# Bytes of blocks decoded at a time.
GROUP_BYTES = 1 << 20


def decode_terms(data: bytes, starts: np.ndarray, kind: str) -> TermPostings | None:
    """The postings of the terms whose postings start at `starts` of `data` (as
    `read_span` gives them); None where a block is in a form this reader does not take.
    `kind`: what the field's postings hold besides weights: NO_VALUES, POSITIONS
    (storage/positions.py's), or VALUES (of another format: kept as bytes, one a
    posting)."""
    buf = np.frombuffer(data, np.uint8)
    terms = len(starts)
    if not terms:
        return None
    if (buf[starts[:, None] + np.arange(4)] != _MAGIC).any():
        raise ValueError("not a posting list: the segment is damaged")
    # Each term's blocks, found by their lengths: one step for all terms' n-th blocks.
    found_at: list[np.ndarray] = []
    found_term: list[np.ndarray] = []
    found_size: list[np.ndarray] = []
    at, which = starts + 4, np.arange(terms)
    while len(at):
        size = buf[at[:, None] + np.arange(4)].view(">i4").reshape(-1).astype(np.int64)
        found_at.append(at)
        found_term.append(which)
        found_size.append(np.abs(size))
        more = size > 0
        at, which = (at + 4 + np.abs(size))[more], which[more]
    order = np.argsort(np.concatenate(found_term), kind="stable")
    block_term = np.concatenate(found_term)[order]
    body = np.concatenate(found_at)[order] + 4
    body_end = body + np.concatenate(found_size)[order]
    # Whoosh's block header: (postings, last id, top weight, compression, min length byte,
    # max length byte), pickled.
    if (buf[body[:, None] + np.arange(3)] != _PICKLE_HEAD).any():
        return None
    cursor = body + 3
    numbers: list[np.ndarray] = []
    for item in range(6):
        width = _OPCODE_WIDTH[buf[cursor]]
        if (width < 0).any() or item < 2 and (width == 8).any():
            return None
        if item < 2:
            numbers.append(_uints(buf, cursor + 1, width))
        cursor = cursor + 1 + width
    if (buf[cursor[:, None] + np.arange(4)] != _PICKLE_TAIL).any():
        return None
    count, high = numbers
    head = cursor + 4
    # A group of blocks at a time (a common term's blocks are tens of MB at a million
    # articles, and decoding takes some ten arrays of eight bytes a position).
    load = np.cumsum(body_end - body)
    cuts = np.searchsorted(load, np.arange(GROUP_BYTES, int(load[-1]), GROUP_BYTES)) + 1
    bounds = np.unique(np.concatenate(([0], cuts, [len(body)])).clip(0, len(body))).tolist()
    pieces = []
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        piece = _decode_blocks(data, buf, kind, block_term[a:b], count[a:b], high[a:b],
                               head[a:b], body_end[a:b])
        if piece is None:
            return None
        pieces.append(piece)
    return pieces[0] if len(pieces) == 1 else _joined(pieces)


def _joined(pieces: list[TermPostings]) -> TermPostings:
    found = TermPostings(*(np.concatenate([getattr(p, name) for p in pieces])
                           for name in ("term", "docs", "weights")))
    if pieces[0].counts is not None:
        found.counts = np.concatenate([p.counts for p in pieces])  # type: ignore[misc]
        found.positions = np.concatenate([p.positions for p in pieces])  # type: ignore[misc]
    if pieces[0].values is not None:
        found.values = [value for p in pieces for value in p.values]  # type: ignore[union-attr]
    return found


def _decode_blocks(data: bytes, buf: np.ndarray, kind: str, block_term: np.ndarray,
                   count: np.ndarray, high: np.ndarray, head: np.ndarray,
                   body_end: np.ndarray) -> TermPostings | None:
    """The postings of these blocks (in order; each block's ids start whole)."""
    id_width = _CODE_WIDTH[buf[head]]
    weight_code = buf[head + 1]
    weight_width = np.where(weight_code == _ALL_ONE, 0,
                            np.where(weight_code == _FLOAT, 4, _CODE_WIDTH[weight_code]))
    if (id_width < 0).any() or (weight_width < 0).any():
        return None
    ids_at = head + _HEADER_SIZE
    weights_at = ids_at + count * id_width
    values_at = weights_at + count * weight_width

    block, place = _ragged(count)
    docs = _uints(buf, ids_at[block] + place * id_width[block], id_width[block])
    # A block's first delta is its first id: less the last id of the block before, one
    # running sum over all the blocks (of every term) gives every id.
    firsts = np.cumsum(count)[:-1]
    docs[firsts] -= high[:-1]
    np.cumsum(docs, out=docs)
    weights = np.ones(len(docs), np.float64)
    posting_width = weight_width[block]
    whole = np.flatnonzero((posting_width > 0) & (weight_code[block] != _FLOAT))
    where = weights_at[block] + place * posting_width
    weights[whole] = _uints(buf, where[whole], posting_width[whole])
    floats = np.flatnonzero(weight_code[block] == _FLOAT)
    if len(floats):
        weights[floats] = buf[where[floats][:, None] + np.arange(4)].view("<f4").reshape(-1)
    found = TermPostings(block_term[block], docs, weights)
    if kind == VALUES:
        return _with_values(data, buf, found, head, count, block, place, values_at, body_end)
    if kind == NO_VALUES:
        ends = values_at
    else:
        length_code, kept = buf[head + 2], buf[head + 3]
        number = buf[head[:, None] + np.arange(4, 8)].view("<u4").reshape(-1).astype(np.int64)
        none = length_code == _NONE
        length_width = np.where(none, 0, _CODE_WIDTH[length_code])
        position_width = np.where(kept == _PLAIN, 4, _CODE_WIDTH[kept])
        if (length_width < 0).any() or (position_width < 0).any() or \
                (~none & (number != count)).any():
            return None
        sizes = _uints(buf, values_at[block] + place * length_width[block],
                       np.where(none[block], 0, length_width[block]))
        counts = sizes // POSITION_WIDTH
        blob_at = values_at + number * length_width
        per_block = np.bincount(block, counts, len(count)).astype(np.int64)
        pos_block, pos_place = _ragged(per_block)
        positions = _uints(buf, blob_at[pos_block] + pos_place * position_width[pos_block],
                           position_width[pos_block])
        found.counts, found.positions = counts, positions.astype(np.uint32)
        ends = blob_at + per_block * position_width
    if (ends != body_end).any():  # (a block not as read: the data says otherwise)
        return None
    return found


def _with_values(data: bytes, buf: np.ndarray, found: TermPostings, head: np.ndarray,
                 count: np.ndarray, block: np.ndarray, place: np.ndarray,
                 values_at: np.ndarray, body_end: np.ndarray) -> TermPostings | None:
    """`found` with each posting's value: of the format's fixed size or of stored lengths,
    each block's kept plain or compressed (a Python step a block, for zlib)."""
    length_code, kept = buf[head + 2], buf[head + 3]
    number = buf[head[:, None] + np.arange(4, 8)].view("<u4").reshape(-1).astype(np.int64)
    if (number != count).any() or not np.isin(kept, [_PLAIN, _COMPRESSED]).all():
        return None
    fixed = length_code == _FIXED
    length_width = np.where(fixed, 0, _CODE_WIDTH[length_code])
    if (length_width < 0).any():
        return None
    sizes = _uints(buf, values_at[block] + place * length_width[block], length_width[block])
    blob_at = values_at + number * length_width
    blobs = [data[a:b] for a, b in zip(blob_at.tolist(), body_end.tolist(), strict=True)]
    for i in np.flatnonzero(kept == _COMPRESSED).tolist():
        blobs[i] = zlib.decompress(blobs[i])
    blob_sizes = np.fromiter(map(len, blobs), np.int64, len(blobs))
    if fixed.any():  # (each value the block's bytes shared out evenly)
        each = blob_sizes // np.maximum(count, 1)
        if (each * count != blob_sizes).any():
            return None
        sizes = np.where(fixed[block], each[block], sizes)
    if (np.bincount(block, sizes, len(count)).astype(np.int64) != blob_sizes).any():
        return None
    joined = b"".join(blobs)
    ends = np.cumsum(sizes)
    # One bytes object a distinct value: a field's values repeat (the source's positions,
    # the actor keys' frequencies), and a term of a merge at a million articles has
    # hundreds of thousands of postings, 37 bytes an object more.
    seen: dict[bytes, bytes] = {}
    found.values = [seen.setdefault(value, value) for value in
                    map(joined.__getitem__, map(slice, (ends - sizes).tolist(), ends.tolist()))]
    return found
