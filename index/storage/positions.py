"""Word positions stored as arrays, for phrases and proximity.

Whoosh's Positions format stores a posting's positions as a 4-byte count and a pickled list
of deltas: one pickle call to write a posting and one to read it back. A phrase of two
common words reads tens of thousands of them ("last year" at 100,000 articles: 40,000
postings, 94 ms of a 136 ms query even with a block's pickles joined into one call).
ArrayPositions stores the positions themselves as 4-byte little-endian integers: written
with one array call, and, as storage/codec.py keeps a block's values end to end, read with
one array call for the whole block. Its class is named in every index's schema: keep the
name and module."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.formats import Positions

_LITTLE = sys.byteorder == "little"
WIDTH = 4  # bytes a position


class ArrayPositions(Positions):
    def word_values(self, value: str, analyzer: Any, **kwargs: Any
                    ) -> Iterator[tuple[str, int, float, bytes]]:
        """(term, frequency, weight, encoded positions) of each term of `value`, as
        Positions.word_values gives them; from the analyzer's `positions_of` where it has
        one (index/analysis.py) and is asked for nothing but indexing."""
        positions_of = getattr(analyzer, "positions_of", None)
        if positions_of is None or set(kwargs) - {"mode"}:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, found in positions_of(value).items():
            yield term, len(found), len(found) * boost, encode_positions(found)

    def encode(self, poslist: list[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_positions(valuestring).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // WIDTH


def encode_positions(positions: list[int]) -> bytes:
    return packed("I", positions)


def decode_positions(data: bytes) -> array:
    """Positions end to end (one posting's, or a block's) as one array."""
    return unpacked("I", data)


def packed(code: str, numbers: object) -> bytes:
    """Numbers as an array of type `code`, little-endian, whatever the machine."""
    found = array(code, numbers)  # type: ignore[call-overload]
    if not _LITTLE:
        found.byteswap()
    return found.tobytes()


def unpacked(code: str, data: bytes) -> array:
    """The array of type `code` that `packed` wrote."""
    found = array(code)
    found.frombytes(data)
    if not _LITTLE:
        found.byteswap()
    return found
