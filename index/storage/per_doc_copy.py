"""A merge's per-document data (stored fields, field lengths, columns) copied from a segment
into the merging writer, as Whoosh's `SegmentWriter.write_per_doc` copies it, with the
field lengths' bytes read once a field and written as they are.

Once a merge's postings moved as arrays (storage/array_merging.py), Whoosh's
`write_per_doc` was 40% of what was left: for every document and every field of the
schema it asks the reader for the field's length (decoded from its byte), and the writer
encodes it back to that byte. Here a document costs its stored fields, the bytes of the
fields it has a length in, and its column values. Segments whose per-document reader is
not newsdesk's (storage/whoosh_fixes.py), or schemas with term vectors, go through
Whoosh's own."""

from __future__ import annotations

from typing import Any

from whoosh import columns
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

from newsdesk.index.storage.whoosh_fixes import LENGTH_OF_BYTE, FixedPerDocReader, length_bytes


def write_per_doc(target: Any, fieldnames: set[str], reader: Any) -> dict[int, int] | None:
    """As `target.write_per_doc(fieldnames, reader)`: the reader's live documents appended
    to the writer `target`; the map of their old numbers to new ones when the reader has
    deletions (else None)."""
    schema = target.schema
    perdoc = getattr(reader, "_perdoc", None)
    if not isinstance(perdoc, FixedPerDocReader) or any(
            schema[name].vector for name in fieldnames):
        return target.write_per_doc(fieldnames, reader)
    docmap: dict[int, int] | None = {} if reader.has_deletions() else None
    writer = target.perdocwriter
    names = sorted(fieldnames)
    lengths = []  # (field, its lengths' column, each document's length byte)
    for name in names:
        found = length_bytes(perdoc, name)
        if found.count(0) < len(found):
            lengths.append((name, _lenfield(name), found))
    found_columns = []
    for name in names:
        kind = schema[name].column_type
        if kind and reader.has_column(name):
            column = reader.column_reader(name, kind)
            if isinstance(column, columns.TranslatingColumnReader):
                column = column.raw_column()
            found_columns.append((name, kind, column))
    totals = writer._fieldlengths
    for docnum, stored in reader.iter_docs():
        if docmap is not None:
            docmap[docnum] = target.docnum
        writer.start_doc(target.docnum)
        kept = writer._storedfields
        for name, value in stored.items():
            if value is not None and name in schema:
                kept[name] = value
        for name, column_name, found in lengths:
            byte = found[docnum]
            if byte:
                writer.add_column_value(column_name, LENGTHS_COLUMN, byte)
                totals[name] += LENGTH_OF_BYTE[byte]
        for name, kind, column in found_columns:
            writer.add_column_value(name, kind, column[docnum])
        writer.finish_doc()
        target.docnum += 1
    return docmap
