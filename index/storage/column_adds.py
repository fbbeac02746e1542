"""A column's values for a whole batch given to Whoosh's column writer at once.

Whoosh's column writers take a document's value at a time: for each, a write through the
column file's StructFile and the compound file's SubStream, and for byte columns a length
and an offset appended to growable arrays. For a batch's per-document columns (the stored
fields, the field lengths, the date and facet columns: six a document) those calls were
most of the columns' time on short articles. `add_all` gives the writers Whoosh ships the
same values, leaves them in the same state and writes the same bytes (one write a column,
where the file's bytes were the same writes end to end); any other writer gets its values
one at a time, as before."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

from whoosh.columns import (
    CompressedBytesColumn,
    FixedBytesColumn,
    NumericColumn,
    PickleColumn,
    VarBytesColumn,
)
from whoosh.compat import dumps
from whoosh.util.numlists import GrowableArray

# (docnum, value) of the documents that have one, in increasing order of docnum.
Values = Sequence[tuple[int, Any]]


def add_all(writer: Any, values: Values) -> None:
    """`writer.add(docnum, value)` for each of `values`, in order."""
    kind = type(writer)
    if kind is PickleColumn.Writer and type(writer._child) is CompressedBytesColumn.Writer:
        child = writer._child
        compress, level = child._compress, child._level
        _var_bytes(child, [(docnum, compress(b"" if value is None else dumps(value, 2), level))
                           for docnum, value in values])
    elif kind is CompressedBytesColumn.Writer:
        compress, level = writer._compress, writer._level
        _var_bytes(writer, [(docnum, compress(value, level)) for docnum, value in values])
    elif kind is VarBytesColumn.Writer:
        _var_bytes(writer, values)
    elif kind is NumericColumn.Writer:
        _fixed(writer, values, writer._pack)
    else:
        add = writer.add
        for docnum, value in values:
            add(docnum, value)


def _var_bytes(writer: Any, values: Values) -> None:
    """VarBytesColumn.Writer.add of each: the documents without a value before one get a
    length of 0 at the offset so far (its `fill`)."""
    if not values:
        return
    lengths: list[int] = []
    offsets: list[int] = []
    count, base = writer._count, writer._offset_base
    for docnum, value in values:
        if docnum > count:
            gap = docnum - count
            lengths.extend([0] * gap)
            offsets.extend([base] * gap)
        size = len(value)
        lengths.append(size)
        offsets.append(base)
        base += size
        count = docnum + 1
    writer._dbfile.write(b"".join([value for _, value in values]))
    _extend(writer._lengths, lengths)
    _extend(writer._offsets, offsets)
    writer._count, writer._offset_base = count, base


def _fixed(writer: FixedBytesColumn.Writer, values: Values, pack: Any) -> None:
    """NumericColumn.Writer.add of each: a value equal to the default is not written (nor
    counted); the documents before a written one that have none get the default's bytes."""
    default, default_bytes = writer._default, writer._defaultbytes
    count = writer._count
    parts: list[bytes] = []
    for docnum, value in values:
        if value == default:
            continue
        if docnum > count:
            parts.append(default_bytes * (docnum - count))
        parts.append(pack(value))
        count = docnum + 1
    if parts:
        writer._dbfile.write(b"".join(parts))
    writer._count = count


def _extend(grown: GrowableArray, numbers: list[int]) -> None:
    """`grown.extend(numbers)`: in one step where its type holds them all, else a number
    at a time (its retyping as each append would meet it)."""
    held = grown.array
    if isinstance(held, array):
        try:
            more = array(held.typecode, numbers)
        except OverflowError:
            pass
        else:
            held.extend(more)
            return
    grown.extend(numbers)
