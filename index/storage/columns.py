"""A segment's per-document column read in one piece."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat

from whoosh.reading import IndexReader


def column_values(segment: IndexReader, name: str) -> Iterator[bytes]:
    """The values of column `name` in one segment's reader (a leaf reader), every
    document's in order (b"" where there is no column). The column's bytes are read in one
    piece and cut by its lengths array (Whoosh reads them one by one)."""
    count = segment.doc_count_all()
    if not segment.has_column(name):
        yield from repeat(b"", count)
        return
    column = segment.column_reader(name, translate=False)
    lengths = getattr(column, "_lengths", None)
    if lengths is None:  # not the layout we know: the slow, sure way
        yield from column
        return
    data = column._dbfile.get(column._basepos, sum(lengths))
    pos = 0
    for length in lengths:
        yield data[pos:pos + length]
        pos += length
