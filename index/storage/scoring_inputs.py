"""What query/ranking.py needs from Whoosh to score as Whoosh's BM25F does, where Whoosh
keeps it in private attributes: a segment's field lengths, a field's B, the searcher's
idf cache."""

from __future__ import annotations

from typing import Any

from whoosh.reading import IndexReader
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from newsdesk.index.storage.whoosh_fixes import LENGTH_OF_BYTE, length_bytes

# A field length by its one-byte encoding, 1 for 0 (no length), which Whoosh's scorer reads
# as 1.
FIELD_LENGTH_OF_BYTE: list[int] = [length or 1 for length in LENGTH_OF_BYTE]


def field_length_bytes(segment: IndexReader, field: str) -> bytes:
    """Every document's length byte of `field` in one segment's reader (a leaf reader), 0
    where none is stored; kept for the segment, read once."""
    return length_bytes(segment._perdoc, field)  # type: ignore[attr-defined]


def bm25_field_b(weighting: BM25F, field: str) -> float:
    """The B (length normalisation) BM25F uses for `field`."""
    return weighting._field_B.get(field, weighting.B)


def idf_cache(searcher: Searcher) -> dict[tuple[str, str], Any]:
    """The searcher's cache of (field, text) -> idf, which searcher.idf() fills too."""
    return searcher._idf_cache
