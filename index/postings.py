"""Document numbers of a term, read a block at a time.

Whoosh's `all_ids()` walks a posting list one id at a time through Python method calls
(about 3 µs each); a block holds up to 128 ids that decode in one call. Counting a common
term's documents this way is several times faster."""

from __future__ import annotations

from whoosh.searching import Searcher


def term_docnums(searcher: Searcher, fieldname: str, text: str) -> set[int]:
    """Every live document (searcher-wide numbers) whose `fieldname` holds `text`."""
    found: set[int] = set()
    for reader, offset in searcher.reader().leaf_readers():
        if (fieldname, text) not in reader:
            continue
        raw = reader._text_to_bytes(fieldname, text)
        fmt = reader.schema[fieldname].format
        matcher = reader._terms.matcher(fieldname, raw, fmt)
        ids: list[int] = []
        while matcher.is_active():
            matcher._read_ids()
            ids.extend(matcher._ids)
            matcher._next_block()
        deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
        found.update(d + offset for d in ids if d not in deleted)
    return found
