"""Whoosh's codec with posting blocks that read in a few C calls.

Whoosh 3 writes each block of postings as one pickled tuple (ids, weights, values),
compressed with zlib. To read a block's ids it decompresses and unpickles all of
it, the positions of every posting included: for a block of "said" at 100,000 articles,
16 µs of zlib and 46 µs of pickle, about half of what ranking "said" costs. This codec
keeps Whoosh's files, term table and block headers, and stores a block's data as arrays:

- the ids' deltas as packed unsigned integers of the smallest width that holds them;
- the weights likewise when they are whole numbers (word counts, as here), else as 32-bit
  floats, the width Whoosh keeps them in; nothing when all are 1;
- the values' lengths, then the values themselves. Word positions (storage/positions.py) are
  packed as unsigned integers of the narrowest width that holds the block's largest
  (2 bytes in nearly every article), and read with one array call: zlib took 44 of the
  200 ms of "last year" at 1,000,000 articles, for about the same size. Other values
  are compressed with zlib, as Whoosh does.

Ids and weights read with one array call each; the values are read only when asked for
(phrases, merges). Blocks written before positions were packed this way (their values
compressed, b"z", or 4 bytes a position, b"-") stay readable. Each segment records the
codec that wrote it, so segments written by Whoosh's own codec stay readable, and merge
into segments of this one."""

from __future__ import annotations

import struct
import zlib
from array import array
from itertools import accumulate
from operator import sub
from typing import Any

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.compat import dumps
from whoosh.system import emptybytes
from whoosh.util.numeric import length_to_byte

from newsdesk.index.storage.positions import ArrayPositions, packed, unpacked
from newsdesk.index.storage.whoosh_fixes import FixedPerDocReader, FixedSegment

# ids' type, weights' type, values' lengths' type, how the values are kept (_COMPRESSED,
# _PLAIN, or the type code of packed positions); the number of values.
_HEADER = struct.Struct("<ccccI")
_ALL_ONE = b"1"  # every weight is 1.0: none stored
_NONE = b"0"  # no values
_FIXED = b"F"  # values of the format's fixed size, end to end
_COMPRESSED = b"z"
_PLAIN = b"-"  # values as given (positions: 4 bytes each)
_SMALLEST_VALUES = 20  # below this, compression costs more than it saves (Whoosh's rule)
assert array("I").itemsize == 4 and array("H").itemsize == 2, "unsupported platform"


BLOCK_POSTINGS = 512


class NewsdeskCodec(W3Codec):
    """W3Codec writing and reading postings as this module describes, in blocks of up to
    BLOCK_POSTINGS postings, not Whoosh's 128: reading arrays costs a few Python steps a
    block, and a phrase of two common words at 1,000,000 articles reads 12,000 blocks of
    128 (about 50 ms of "last year"). Skipping needs no finer blocks here, as ranking
    reads whole terms. Term vectors (whose ids are words) keep Whoosh's format. Its segments
and per-document readers carry newsdesk's fixes to Whoosh (storage/whoosh_fixes.py)."""

    def __init__(self, blocklimit: int = BLOCK_POSTINGS, compression: int = 3,
                 inlinelimit: int = 1) -> None:
        super().__init__(blocklimit, compression, inlinelimit)

    def per_document_reader(self, storage: Any, segment: Any) -> FixedPerDocReader:
        return FixedPerDocReader(storage, segment)

    def new_segment(self, storage: Any, indexname: str) -> FixedSegment:
        return FixedSegment(self, indexname)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        if byteids:
            return super().postings_writer(dbfile, byteids)
        return ArrayPostingsWriter(dbfile, blocklimit=self._blocklimit,
                                   compression=self._compression,
                                   inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None,
                        scorer: Any = None) -> Any:
        if terminfo.is_inlined():  # a term's only posting, kept in the term table
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class ArrayPostingsWriter(W3PostingsWriter):
    def _write_block(self, last: bool = False) -> None:
        # W3PostingsWriter._write_block with the data encoded by encode_block.
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        databytes, compressed = encode_block(self._ids, self._weights, self._values,
                                             self._format.fixed_value_size(),
                                             self._compression,
                                             isinstance(self._format, ArrayPositions))
        ids = self._ids
        infobytes = dumps((len(ids), ids[-1], self._maxweight,
                                   self._compression if compressed else 0,
                                   length_to_byte(self._minlength),
                                   length_to_byte(self._maxlength)), 2)
        length = len(infobytes) + len(databytes)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):
    """W3LeafMatcher reading blocks written by ArrayPostingsWriter. `_data` holds the
    block's raw bytes; ids, weights and values are each decoded when first asked for."""

    def _read_data(self) -> None:
        self._data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        id_code, ids_at, *_ = layout(self._data, 0, self._blocklength)
        deltas, _ = _unpacked(id_code, self._data, ids_at, self._blocklength)
        self._ids = tuple(accumulate(deltas))

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        self._weights = decode_weights(self._data, self._blocklength)

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        self._values = decode_values(self._data, self._blocklength, self._fixedsize)


def encode_block(ids: array, weights: array, values: list[bytes], fixedsize: int | None,
                 level: int, positions: bool = False) -> tuple[bytes, bool]:
    """A block's data, and whether its values are compressed. With `positions`, the values
    are ArrayPositions' and are packed, not compressed."""
    id_code, id_bytes = _packed([ids[0], *map(sub, ids[1:], ids[:-1])])
    weight_code, weight_bytes = _packed_weights(weights)
    kept = _PLAIN
    if not values or fixedsize == 0:
        length_code, length_bytes, blob = _NONE, emptybytes, emptybytes
    else:
        if fixedsize is not None and fixedsize > 0:
            length_code, length_bytes = _FIXED, emptybytes
        else:
            length_code, length_bytes = _packed(list(map(len, values)))
        blob = emptybytes.join(values)
        if positions:
            kept, blob = _packed(unpacked("I", blob))
        elif level and len(blob) >= _SMALLEST_VALUES:
            blob, kept = zlib.compress(blob, level), _COMPRESSED
    header = _HEADER.pack(id_code, weight_code, length_code, kept, len(values))
    return (emptybytes.join((header, id_bytes, weight_bytes, length_bytes, blob)),
            kept == _COMPRESSED)


def decode_weights(data: bytes, count: int) -> Any:
    """A block's weights: ints where they are whole (the same scores: BM25 takes them as
    floats), else floats."""
    _, _, weight_code, weights_at, *_ = layout(data, 0, count)
    if weight_code == _ALL_ONE:
        return (1.0,) * count
    return _unpacked(weight_code, data, weights_at, count)[0]


def decode_values(data: bytes, count: int, fixedsize: int | None) -> tuple[Any, ...]:
    """A block's values, as Whoosh's reader returns them."""
    lengths, blob = value_parts(data, count)
    if lengths is None:
        if fixedsize == 0 or not blob:
            return (None,) * count if fixedsize == 0 else ()
        size = fixedsize or 0
        return tuple(blob[i:i + size] for i in range(0, len(blob), size))
    ends = list(accumulate(lengths))
    return tuple(map(blob.__getitem__, map(slice, [0, *ends[:-1]], ends)))


def value_parts(data: bytes, count: int) -> tuple[array | None, bytes]:
    """A block's values end to end, and their lengths (None: all of the format's fixed
    size, or no values)."""
    *_, length_code, lengths_at, number, blob_at, kept = layout(data, 0, count)
    if length_code == _NONE:
        return None, emptybytes
    lengths = None if length_code == _FIXED else \
        _unpacked(length_code, data, lengths_at, number)[0]
    blob, code = stored_values(data, kept, blob_at, len(data))
    if code != "I":  # packed positions: back to ArrayPositions' own 4 bytes each
        blob = packed("I", unpacked(code, blob))
    return lengths, bytes(blob)


def stored_values(data: bytes, kept: bytes, start: int, end: int
                  ) -> tuple[bytes | memoryview, str]:
    """A block's values (`data[start:end]`, kept as `kept` says), decompressed if they are,
    and the array type they are in: that of packed positions, else "I" (values as given,
    positions 4 bytes each). Not copied unless decompressed."""
    if kept == _COMPRESSED:
        return zlib.decompress(data[start:end]), "I"
    return memoryview(data)[start:end], "I" if kept == _PLAIN else kept.decode()


def layout(data: bytes, at: int, count: int
           ) -> tuple[bytes, int, bytes, int, bytes, int, int, int, bytes]:
    """Where the parts of the block of `count` postings whose data starts at `at` are, and
    their types: (ids' type, where its ids' deltas start, weights' type, where they
    start, values' lengths' type, where they start, the number of values, where the
    values start, how they are kept: _COMPRESSED, _PLAIN or packed positions' type).
    The one reading of the format, for this module and storage/posting_arrays.py. A plain
    tuple: it is read once a block."""
    id_code, weight_code, length_code, kept, number = _HEADER.unpack_from(data, at)
    ids_at = at + _HEADER.size
    weights_at = ids_at + count * _WIDTHS[id_code]
    lengths_at = weights_at + count * _WIDTHS[weight_code]
    blob_at = lengths_at + number * _WIDTHS.get(length_code, 0)  # (_NONE, _FIXED: none)
    return (id_code, ids_at, weight_code, weights_at, length_code, lengths_at, number,
            blob_at, kept)


def _packed(numbers: list[int] | array) -> tuple[bytes, bytes]:
    """(type code, little-endian bytes) of unsigned integers, in the narrowest array type."""
    top = max(numbers, default=0)
    code = "B" if top < 1 << 8 else "H" if top < 1 << 16 else "I"
    return code.encode(), packed(code, numbers)


def _packed_weights(weights: array) -> tuple[bytes, bytes]:
    if all(w == 1.0 for w in weights):
        return _ALL_ONE, emptybytes
    if all(map(float.is_integer, weights)) and min(weights) >= 0 and max(weights) < 1 << 32:
        return _packed([int(w) for w in weights])
    return b"f", packed("f", weights)


_WIDTHS = {_ALL_ONE: 0, b"B": 1, b"H": 2, b"I": 4, b"f": 4}


def _unpacked(code: bytes, data: bytes, start: int, count: int) -> tuple[array, int]:
    """The `count` numbers of type `code` at `start`, and where they end."""
    end = start + count * _WIDTHS[code]
    return unpacked(code.decode(), data[start:end]), end
