"""A field's postings, sorted by term then document, packed into storage/codec.py's posting
blocks with array operations: no Python step per posting, and one per block only to
pickle its header (Whoosh's readers unpickle it).

The bytes are those storage/codec.py's ArrayPostingsWriter writes for the same postings:
for each term, Whoosh's b"W3Bl", then each block of up to BLOCK_POSTINGS postings as

    [length, 4 bytes big-endian, negative for the term's last block]
    [Whoosh's block header: pickled (postings, last id, top weight, 0, min length byte,
     max length byte)]
    [codec.encode_block's data: its 8-byte header, the ids' deltas, the weights, the
     values' lengths, the positions, each in the narrowest of 1, 2 or 4 bytes a number
     that holds the block's largest]

and each term's W3TermInfo (Whoosh's term table value), computed for all terms at once."""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.util.numeric import _length_byte_cache

from newsdesk.index.storage.codec import (
    _ALL_ONE,
    _COMPRESSED,
    _FIXED,
    _NONE,
    _PLAIN,
    _SMALLEST_VALUES,
    BLOCK_POSTINGS,
)
from newsdesk.index.storage.positions import WIDTH as POSITION_WIDTH

_LENGTH_TABLE = np.array(_length_byte_cache, np.int64)
_WIDTH_CODES = {1: b"B", 2: b"H", 4: b"I"}
# W3TermInfo's struct ("!BfIBBfII"), then the extent: offset ("!q") and length ("!i").
_TERM_INFO = np.dtype([("flags", "u1"), ("weight", ">f4"), ("df", ">u4"), ("minlength", "u1"),
                       ("maxlength", "u1"), ("maxweight", ">f4"), ("minid", ">u4"),
                       ("maxid", ">u4"), ("offset", ">i8"), ("length", ">i4")])
assert _TERM_INFO.itemsize == W3TermInfo._struct.size + 12
_BLOCK_HEADER = np.dtype([("ids", "S1"), ("weights", "S1"), ("lengths", "S1"), ("kept", "S1"),
                          ("values", "<u4")])


def length_bytes(lengths: np.ndarray) -> np.ndarray:
    """whoosh.util.numeric.length_to_byte of each length (0 for 0)."""
    found = np.searchsorted(_LENGTH_TABLE, lengths, "left")
    return np.where(lengths >= 106374, 255, found).astype(np.int64)


def byte_lengths(codes: np.ndarray) -> np.ndarray:
    """whoosh.util.numeric.byte_to_length of each byte."""
    return _LENGTH_TABLE[codes]


@dataclass(slots=True)
class SortedPostings:
    """A field's postings sorted by term, then document."""
    term_starts: np.ndarray  # int64, each term's first posting, then the number of postings
    docs: np.ndarray  # int64 segment document numbers
    weights: np.ndarray  # float64
    doc_lengths: np.ndarray  # int64: the posting's document's field length as Whoosh
    # decodes it from its byte (0: none), for the blocks' length bounds
    counts: np.ndarray | None = None  # int64 positions of each posting (None: no values)
    positions: np.ndarray | None = None  # int64, each posting's in turn
    # Or values of another format (Whoosh's own encoding), one a posting, kept as the
    # codec keeps them: end to end, with their lengths unless all are of `fixed` size,
    # compressed a block at a time at `level` (as storage/codec.py's encode_block).
    values: list[bytes] | None = None
    fixed: int | None = None
    level: int = 0


@dataclass(slots=True)
class Packed:
    data: np.ndarray  # uint8: the postings file's bytes for these terms
    term_infos: bytes  # each term's W3TermInfo bytes, end to end, TERM_INFO_SIZE each
    term_at: np.ndarray | None = None  # int64: where each term's bytes start in `data`
    term_end: np.ndarray | None = None  # int64: and end


TERM_INFO_SIZE = _TERM_INFO.itemsize


def _width(top: np.ndarray) -> np.ndarray:
    return np.where(top < 1 << 8, 1, np.where(top < 1 << 16, 2, 4)).astype(np.int64)


def _codes(widths: np.ndarray) -> np.ndarray:
    return np.array([_WIDTH_CODES[w] for w in (1, 2, 4)], "S1")[
        np.searchsorted([1, 2, 4], widths)]


def _scatter(out: np.ndarray, dest: np.ndarray, values: np.ndarray,
             widths: np.ndarray) -> None:
    """Each of `values` little-endian, in its `widths` bytes (1, 2 or 4), at `dest`."""
    for width, dtype in ((1, "<u1"), (2, "<u2"), (4, "<u4")):
        chosen = widths == width
        if not chosen.any():
            continue
        raw = values[chosen].astype(dtype).view(np.uint8).reshape(-1, width)
        out[dest[chosen][:, None] + np.arange(width)] = raw


def put_rows(out: np.ndarray, dest: np.ndarray, rows: np.ndarray) -> None:
    """Fixed-size rows of bytes (a 2-D uint8 array) at `dest`."""
    out[dest[:, None] + np.arange(rows.shape[1])] = rows


def put_ragged(out: np.ndarray, dest: np.ndarray, pieces: list[bytes]) -> None:
    """Byte strings of any length at `dest`."""
    sizes = np.fromiter(map(len, pieces), np.int64, len(pieces))
    put_flat(out, dest, np.frombuffer(b"".join(pieces), np.uint8), sizes)


def put_flat(out: np.ndarray, dest: np.ndarray, source: np.ndarray, sizes: np.ndarray) -> None:
    """Pieces of `source` (uint8, end to end), `sizes` bytes each, at `dest`."""
    starts = np.cumsum(sizes) - sizes
    out[np.repeat(dest - starts, sizes) + np.arange(len(source))] = source


_PICKLE_HEAD = np.frombuffer(b"\x80\x02(", np.uint8)  # protocol 2, MARK
_PICKLE_TAIL = np.frombuffer(b"tq\x00.", np.uint8)  # TUPLE, BINPUT 0, STOP
_K, _M, _J, _G = b"K"[0], b"M"[0], b"J"[0], b"G"[0]


def pickled_rows(columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray] | None:
    """pickle.dumps(row, 2) of each row of `columns` (int64 columns of numbers from 0 to
    2**31 - 1, float64 columns), end to end, and each one's size; None where an int is out
    of that range (then pickle itself is asked). Protocol 2 writes such a tuple as MARK,
    each int as BININT1, BININT2 or BININT in the fewest bytes, each float as BINFLOAT
    (8 bytes, big-endian), then TUPLE, BINPUT 0 and STOP."""
    rows = len(columns[0])
    widths: list[np.ndarray | None] = []
    for column in columns:
        if column.dtype.kind == "f":
            widths.append(None)
            continue
        if rows and (column.min() < 0 or column.max() >= 1 << 31):
            return None
        widths.append(np.where(column < 1 << 8, 1, np.where(column < 1 << 16, 2, 4)))
    sizes = np.full(rows, len(_PICKLE_HEAD) + len(_PICKLE_TAIL), np.int64)
    for width in widths:
        sizes += 9 if width is None else 1 + width
    at = np.cumsum(sizes) - sizes
    out = np.zeros(int(sizes.sum()), np.uint8)
    put_rows(out, at, np.tile(_PICKLE_HEAD, (rows, 1)))
    cursor = at + len(_PICKLE_HEAD)
    for column, width in zip(columns, widths, strict=True):
        if width is None:
            out[cursor] = _G
            put_rows(out, cursor + 1, column.astype(">f8").view(np.uint8).reshape(rows, 8))
            cursor = cursor + 9
        else:
            out[cursor] = np.where(width == 1, _K, np.where(width == 2, _M, _J))
            _scatter(out, cursor + 1, column, width)
            cursor = cursor + 1 + width
    put_rows(out, cursor, np.tile(_PICKLE_TAIL, (rows, 1)))
    return out, sizes


def pack(postings: SortedPostings, base: int, block_postings: int = BLOCK_POSTINGS,
         continued: bool = False, continues: bool = False) -> Packed:
    """The postings file's bytes for `postings`, to be written at file offset `base`, in
    blocks of up to `block_postings`. A piece of the postings cut at a block's start
    (storage/piece_packing.py): `continued`, its first term began in the piece before (no
    magic before its first block); `continues`, its last term goes on in the next (its
    last block here is not its last). The term infos are then of the piece's part of
    those terms."""
    starts = postings.term_starts
    docs, weights, plens = postings.docs, postings.weights, postings.doc_lengths
    total = len(docs)
    terms = len(starts) - 1
    df = np.diff(starts)
    term_of = np.repeat(np.arange(terms), df)
    within = np.arange(total) - starts[term_of]
    opens = within % block_postings == 0
    bstarts = np.flatnonzero(opens)
    blocks = len(bstarts)
    bends = np.append(bstarts[1:], total)
    bcount = bends - bstarts
    block_of = np.cumsum(opens) - 1
    term_open = within[bstarts] == 0  # a term's first block, and its last
    term_close = np.append(term_open[1:], True)
    first, last = term_open.copy(), term_close.copy()
    first[0] &= not continued
    last[-1] &= not continues

    deltas = docs - np.concatenate(([0], docs[:-1]))
    deltas[bstarts] = docs[bstarts]
    id_width = _width(np.maximum.reduceat(deltas, bstarts))
    last_id = docs[bends - 1]
    top_weight = np.maximum.reduceat(weights, bstarts)
    low_weight = np.minimum.reduceat(weights, bstarts)
    whole = np.minimum.reduceat((weights == np.floor(weights)).astype(np.int8), bstarts) == 1
    all_one = (top_weight == 1.0) & (low_weight == 1.0)
    as_ints = whole & (low_weight >= 0) & (top_weight < 1 << 32)
    as_floats = ~as_ints & ~all_one
    weight_width = np.where(all_one, 0, np.where(as_floats, 4, _width(top_weight)))
    weight_code = np.where(all_one, _ALL_ONE, np.where(as_floats, b"f",
                                                       _codes(np.maximum(weight_width, 1))))
    has_length = plens > 0
    big = np.iinfo(np.int64).max
    min_length = np.minimum.reduceat(np.where(has_length, plens, big), bstarts)
    min_length_byte = np.where(min_length == big, 0, length_bytes(min_length))
    max_length = np.maximum.reduceat(plens, bstarts)
    max_length_byte = length_bytes(max_length)

    counts, positions = postings.counts, postings.positions
    blobs: list[bytes] | None = None
    compressed = np.zeros(blocks, bool)
    if postings.values is not None:
        found = postings.values
        sizes = np.fromiter(map(len, found), np.int64, len(found))
        if postings.fixed:
            value_width = np.zeros(blocks, np.int64)
            value_code = np.full(blocks, _FIXED, "S1")
        else:
            value_width = _width(np.maximum.reduceat(sizes, bstarts))
            value_code = _codes(value_width)
        blobs = [b"".join(found[a:b]) for a, b in zip(bstarts.tolist(), bends.tolist(),
                                                       strict=True)]
        if postings.level:
            for i, blob in enumerate(blobs):
                if len(blob) >= _SMALLEST_VALUES:
                    blobs[i] = zlib.compress(blob, postings.level)
                    compressed[i] = True
        kept = np.where(compressed, _COMPRESSED, _PLAIN).astype("S1")
        pos_width = np.ones(blocks, np.int64)
        block_positions = np.fromiter(map(len, blobs), np.int64, blocks)
        values = bcount
    elif counts is not None and positions is not None:
        value_width = _width(np.maximum.reduceat(counts * POSITION_WIDTH, bstarts))
        value_code = _codes(value_width)
        pos_starts = np.concatenate(([0], np.cumsum(counts)))
        pos_bstarts = pos_starts[bstarts]
        block_positions = pos_starts[bends] - pos_bstarts
        pos_width = _width(np.maximum.reduceat(positions, pos_bstarts))
        kept = _codes(pos_width)
        values = bcount
    else:
        value_width = pos_width = block_positions = np.zeros(blocks, np.int64)
        value_code = np.full(blocks, _NONE, "S1")
        kept = np.full(blocks, _PLAIN, "S1")
        values = np.zeros(blocks, np.int64)

    level = np.where(compressed, postings.level, 0)
    # Whoosh's block header, pickled: made as arrays, pickle asked only where they cannot
    info_columns = [bcount, last_id, top_weight.astype(np.float64), level.astype(np.int64),
                    min_length_byte, max_length_byte]
    made = pickled_rows([c.astype(np.float64) if c.dtype.kind == "f" else c.astype(np.int64)
                         for c in info_columns])
    if made is None:
        infos = list(map(pickle.dumps, zip(*(c.tolist() for c in info_columns), strict=True),
                         [2] * blocks))
        made = (np.frombuffer(b"".join(infos), np.uint8),
                np.fromiter(map(len, infos), np.int64, blocks))
    info_bytes, info_size = made
    body = (info_size + _BLOCK_HEADER.itemsize + bcount * (id_width + weight_width + value_width)
            + block_positions * pos_width)
    size = np.where(first, 4, 0) + 4 + body
    at = np.cumsum(size) - size  # each block's offset in `data`
    data = np.zeros(int(size.sum()), np.uint8)

    magic = at[first]
    put_rows(data, magic, np.tile(np.frombuffer(WHOOSH3_HEADER_MAGIC, np.uint8),
                                   (len(magic), 1)))
    length_at = at + np.where(first, 4, 0)
    signed = np.where(last, -body, body).astype(">i4")
    put_rows(data, length_at, signed.view(np.uint8).reshape(-1, 4))
    info_at = length_at + 4
    put_flat(data, info_at, info_bytes, info_size)
    header_at = info_at + info_size
    header = np.empty(blocks, _BLOCK_HEADER)
    header["ids"], header["weights"], header["lengths"] = _codes(id_width), weight_code, \
        value_code
    header["kept"], header["values"] = kept, values
    put_rows(data, header_at, header.view(np.uint8).reshape(-1, _BLOCK_HEADER.itemsize))

    ids_at = header_at + _BLOCK_HEADER.itemsize
    index = np.arange(total) - bstarts[block_of]  # a posting's place in its block
    _scatter(data, ids_at[block_of] + index * id_width[block_of], deltas, id_width[block_of])
    weights_at = ids_at + bcount * id_width
    per_posting = weight_width[block_of]
    packed_weight = per_posting > 0
    floats = as_floats[block_of]
    _scatter(data, (weights_at[block_of] + index * per_posting)[packed_weight & ~floats],
             weights[packed_weight & ~floats], per_posting[packed_weight & ~floats])
    if floats.any():
        raw = weights[floats].astype("<f4").view(np.uint8).reshape(-1, 4)
        put_rows(data, (weights_at[block_of] + index * 4)[floats], raw)
    if blobs is not None:
        lengths_at = weights_at + bcount * weight_width
        if not postings.fixed:
            _scatter(data, lengths_at[block_of] + index * value_width[block_of], sizes,
                     value_width[block_of])
        put_ragged(data, lengths_at + bcount * value_width, blobs)
    elif counts is not None and positions is not None:
        lengths_at = weights_at + bcount * weight_width
        _scatter(data, lengths_at[block_of] + index * value_width[block_of],
                 counts * POSITION_WIDTH, value_width[block_of])
        blob_at = lengths_at + bcount * value_width
        pos_block = np.repeat(block_of, counts)
        pos_index = np.arange(len(positions)) - pos_bstarts[pos_block]
        _scatter(data, blob_at[pos_block] + pos_index * pos_width[pos_block], positions,
                 pos_width[pos_block])

    info = term_stats(postings)
    term_first = np.flatnonzero(term_open)
    term_last = np.flatnonzero(term_close)
    term_at = at[term_first]
    term_end = at[term_last] + size[term_last]
    info["offset"] = base + term_at
    info["length"] = term_end - term_at
    return Packed(data, info.tobytes(), term_at, term_end)


def term_stats(postings: SortedPostings) -> np.ndarray:
    """Each term's W3TermInfo of `postings` but for its extent (offset and length)."""
    starts = postings.term_starts
    docs, weights, plens = postings.docs, postings.weights, postings.doc_lengths
    terms = len(starts) - 1
    has_length = plens > 0
    big = np.iinfo(np.int64).max
    info = np.zeros(terms, _TERM_INFO)
    tstarts = starts[:-1]
    info["weight"] = np.add.reduceat(weights, tstarts)
    term_min = np.minimum.reduceat(np.where(has_length, plens, big), tstarts)
    info["minlength"] = np.where(term_min == big, 0, length_bytes(term_min))
    info["maxlength"] = length_bytes(np.maximum.reduceat(plens, tstarts))
    info["maxweight"] = np.maximum.reduceat(weights, tstarts)
    info["minid"] = docs[tstarts]
    info["maxid"] = docs[starts[1:] - 1]
    info["df"] = np.diff(starts)
    return info
