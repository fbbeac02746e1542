"""Merging segments as Whoosh's default policy chooses them, without its posting pool.

As an index grows, Whoosh merges its smaller segments at a commit (`MERGE_SMALL`). It
adds every posting of the merged segments to the committing writer's pool one Python call
at a time; the pool sorts them, spills them to disk in pickled runs when it fills, reads
the runs back and merges them, and only then writes the postings. But each segment's
postings are already in order, so a merge needs none of that: the segments' posting
streams are merged as they are read and written straight into a segment of their own.
The choice of what to merge is Whoosh's, unchanged, so a bulk build keeps the same shape;
a run that adds a little to a large index is held to merges near its own size
(`merge_within`).

Why: at a million articles, MERGE_SMALL's next merge after a build was 21 batches of 4,000
(84,000 documents: most of adding 1,000 articles, 23 s), and whichever add meets the next
Fibonacci bound pays for everything below it. A user adding 1,000 waits for every add, not
the average one.

Bounded merges alone would let segments pile up: ten adds make a segment of ten times an
add, and those were never merged by an add again (a segment more every ten adds, each
paid for by every query). So an index keeps fewer than TIER segments of a size class (a
power of TIER: 1,000-9,999 documents, 10,000-99,999, ...): a commit whose own choice is
nothing merges the smallest class that holds TIER of them (`_crowded`), and a bulk run
ends by merging what its last commits left crowded (`tidy`: at a million, the 21 batches
of 4,000 MERGE_SMALL had left for the next add). With adds of 1,000 that is a merge of
10,000 every tenth add and of 100,000 every hundredth; the segments stay about TIER a
power of ten."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.reading import SegmentReader
from whoosh.util import fib
from whoosh.writing import SegmentWriter

from newsdesk.index.storage import array_merging
from newsdesk.index.storage.blocks import matcher_blocks
from newsdesk.index.storage.fork_server import release_memory
from newsdesk.index.storage.per_doc_copy import write_per_doc
from newsdesk.index.storage.whoosh_fixes import NewsdeskFileStorage

Posting = tuple[str, bytes, int, float, Any]


# A run merges at most this many times the documents it has committed (its batch
# included); and small segments are merged TIER at a time, once that many fit in the bound.
ADD_FACTOR = 10
TIER = 10
# Segments of one size class, in TIERs, at which an add merges in its own commit again
# (its merges are otherwise left to the background, which keeps each class under TIER).
OVERDUE_TIERS = 2

MergePolicy = Callable[[SegmentWriter, list[Any]], list[Any]]


def merge_small(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """A merge policy for `commit(mergetype=...)`: the segments Whoosh's MERGE_SMALL would
    merge become one new segment; the list returned is what the commit keeps."""
    return _merged(writer, segments, _chosen(segments))


def merge_within(committed: int,
                 check: Callable[[list[Any]], None] = lambda chosen: None,
                 later: bool = False) -> MergePolicy:
    """A merge policy for a run that has committed `committed` documents (this batch
    included). A run whose bound, ADD_FACTOR times that, reaches the index's size (a bulk
    build: every segment is its own) merges as MERGE_SMALL chooses. A smaller one (an add)
    merges MERGE_SMALL's choice if it is within the bound, else the smallest TIER or more
    segments that are (none if fewer), so an add's merge grows with the add, not with the
    index, and its small segments do not pile up till MERGE_SMALL's Fibonacci bound (about
    20 of 1,000 beside the large ones) before they are merged. The larger merges wait for a
    run that adds more. `check(chosen)`
    runs before a merge (the indexer reads their files' sums: storage/integrity.py).

    With `later`, an add merges nothing: its merges are left to a process of their own
    after the run (storage/merge_process.py), out of the user's wait; unless that has
    fallen behind (a size class holds OVERDUE_TIERS * TIER segments: merges abandoned or
    killed again and again), when the add merges as above: that bounds the segments."""
    bound = ADD_FACTOR * max(1, committed)

    def policy(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
        chosen = _chosen(segments)
        if bound < _documents(segments) and later and not overdue(segments):
            chosen = []
        elif bound < _documents(segments) and not (chosen and
                                                    _documents(chosen) <= bound):
            chosen = _tiered(segments, bound) or _crowded(segments)
        if len(chosen) >= 2:
            check(chosen)
        return _merged(writer, segments, chosen)

    return policy


def bulk_run(committed: int, documents: int) -> bool:
    """Whether a run that committed `committed` documents to an index of `documents` is a
    bulk one (its merges are MERGE_SMALL's: `merge_within`)."""
    return ADD_FACTOR * max(1, committed) >= documents


def crowded(segments: list[Any]) -> bool:
    """Whether `tidy` would merge anything."""
    return bool(_crowded(segments))


def crowded_segments(segments: list[Any]) -> list[Any]:
    """What `tidy` would merge first (the background merges of adds take the same:
    storage/merge_process.py)."""
    return _crowded(segments)


def overdue(segments: list[Any]) -> bool:
    """Whether a size class holds OVERDUE_TIERS * TIER segments or more: the merges left
    to the background have not kept up, and the next add merges in its own commit."""
    counts: dict[int, int] = defaultdict(int)
    for segment in segments:
        counts[size_class(max(segment.doc_count_all(), 0))] += 1
    return any(count >= OVERDUE_TIERS * TIER for count in counts.values())


def tidy(check: Callable[[list[Any]], None] = lambda chosen: None) -> MergePolicy:
    """The merge policy of a commit that adds nothing, at the end of a bulk run: crowded
    size classes merged, the smallest first, until none is (a merge can crowd the next
    class)."""

    def policy(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
        while chosen := _crowded(segments):
            check(chosen)
            segments = _merged(writer, segments, chosen)
        return segments

    return policy


def size_class(documents: int) -> int:
    """The power of TIER a segment's size is in: 0 below TIER documents, 1 below TIER
    squared, ... (by integer division: a float logarithm put 1,000 below 10 cubed)."""
    size = 0
    while documents >= TIER:
        documents //= TIER
        size += 1
    return size


def _crowded(segments: list[Any]) -> list[Any]:
    """The TIER smallest segments of the smallest size class that holds TIER or more of
    them (merged, they make one of a larger class); none if no class does. TIER at a time,
    so that a merge is at most TIER times the class's largest."""
    classes: dict[int, list[Any]] = defaultdict(list)
    for segment in sorted(segments, key=lambda s: s.doc_count_all()):
        classes[size_class(max(segment.doc_count_all(), 0))].append(segment)
    for size in sorted(classes):
        if len(classes[size]) >= TIER:
            return classes[size][:TIER]
    return []


def _merged(writer: SegmentWriter, segments: list[Any], chosen: list[Any]) -> list[Any]:
    if len(chosen) < 2:
        return segments
    kept = [s for s in segments if s not in chosen]
    merged = merge(writer, chosen)
    # The merge's heap given back now: the writing process starts the next batch as the
    # commit ends, and the indexer held what the merge had freed (30 MB of a million's
    # peak, 157 MB with the writer's batch beside it) until the batch was marked done.
    release_memory()
    return [*kept, merged]


def small_choice(segments: list[Any]) -> list[Any]:
    """What MERGE_SMALL would merge of `segments` (storage/merge_ahead.py builds a bulk
    run's larger choices apart)."""
    return _chosen(segments)


def documents(segments: list[Any]) -> int:
    """The documents `segments` hold, deleted ones included."""
    return _documents(segments)


def _documents(segments: list[Any]) -> int:
    return sum(max(segment.doc_count_all(), 0) for segment in segments)


def _tiered(segments: list[Any], bound: int) -> list[Any]:
    """The smallest segments that together hold at most `bound` documents, if there are at
    least TIER of them: each merge is at most `bound`, and segments of one size are merged
    TIER at a time (a document is merged again only once its segment has TIER peers)."""
    chosen: list[Any] = []
    total = 0
    for segment in sorted(segments, key=lambda s: s.doc_count_all()):
        total += max(segment.doc_count_all(), 0)
        if total > bound:
            break
        chosen.append(segment)
    return chosen if len(chosen) >= TIER else []


def _chosen(segments: list[Any]) -> list[Any]:
    """MERGE_SMALL's choice: the smallest segments, up to the first point where there are
    more than four and they hold fewer documents than a Fibonacci bound."""
    chosen: list[Any] = []
    total = 0
    for i, segment in enumerate(sorted(segments, key=lambda s: s.doc_count_all())):
        total += max(segment.doc_count_all(), 0)
        chosen.append(segment)
        if i > 3 and total < fib(i + 5):
            return chosen
    return []


def merge(writer: SegmentWriter, segments: list[Any]) -> Any:
    """One new segment holding the live documents of `segments`, in their order."""
    # A writer of the new segment only (no lock: the committing writer holds it). It is
    # never finished: that would delete the temporary folder the committing writer uses.
    merged, _ = merge_apart(writer.storage, writer.storage, writer.schema, writer.indexname,
                            writer.codec, segments)
    return merged


def merge_apart(source: Any, target_storage: Any, schema: Any, indexname: str, codec: Any,
                segments: list[Any]) -> tuple[Any, list[np.ndarray]]:
    """One new segment in `target_storage` (a Whoosh index there: its writer reads its
    table of contents) holding the live documents of `segments` of the index in `source`,
    in their order; and each segment's document numbers in it (-1: deleted), by which a
    merge built beside the index maps deletions made meanwhile (storage/merge_swap.py)."""
    target = SegmentWriter(FileIndex(target_storage, schema, indexname), _lk=False,
                           codec=codec, limitmb=1)
    readers = [SegmentReader(_unmapped(source), schema, segment) for segment in segments]
    done = False
    try:
        fieldnames = set(schema.names())
        streams = []
        numbering = []
        for reader in readers:
            base = target.docnum
            docmap = write_per_doc(
                target, fieldnames | {f for f in reader.indexed_field_names() if f in schema},
                reader)
            streams.append(_renumbered(reader, base, docmap, schema))
            numbering.append(_numbering(reader.doc_count_all(), base, docmap))
        target.perdocwriter.close()
        lengths = target.per_document_reader() if target.codec.length_stats else None
        try:
            if array_merging.usable(target.codec):
                array_merging.write_postings(target.fieldwriter, schema, readers, numbering,
                                             lengths, target.docnum)
            else:
                # Tuples compare by field, term, then document: no two streams share a
                # document number, so the weights and values are never compared.
                target.fieldwriter.add_postings(schema, lengths, heapq.merge(*streams))
        finally:
            if lengths is not None:
                lengths.close()
        target.fieldwriter.close()
        target._close_segment()
        target._assemble_segment()
        done = True
        return target.get_segment(), numbering
    finally:
        for reader in readers:
            reader.close()
        if not done:  # its files are in no commit; the next one deletes them
            target._close_segment()


def _unmapped(storage: Any) -> Any:
    """The same folder, its files read rather than mapped: a merge reads every posting of
    its segments once, and mapped, each page read stays in the process's resident memory
    till the readers close (1.6 GB of a 2.0 GB peak merging a million articles' segments;
    380 MB of the process's own). Searching keeps its mapped files."""
    if isinstance(storage, FileStorage) and storage.supports_mmap:
        return NewsdeskFileStorage(storage.folder, supports_mmap=False, readonly=True)
    return storage


def _numbering(count: int, base: int, docmap: dict[int, int] | None) -> np.ndarray:
    """A segment's document numbers in the merged segment (-1: deleted)."""
    if docmap is None:
        return np.arange(base, base + count, dtype=np.int64)
    found = np.full(count, -1, np.int64)
    if docmap:
        found[np.fromiter(docmap.keys(), np.int64, len(docmap))] = np.fromiter(
            docmap.values(), np.int64, len(docmap))
    return found


def _renumbered(reader: SegmentReader, base: int, docmap: dict[int, int] | None,
                schema: Any) -> Iterator[Posting]:
    """The reader's live postings in (field, term, document) order, numbered as in the new
    segment (`docmap` when deletions leave gaps). Read a block at a time from the term
    table's own order: Whoosh's `iter_postings` looks each term up again and reads each
    posting through about four file calls (58% of a merge's time under cProfile)."""
    terms = reader._terms
    deleted = reader.deleted_docs_set if reader.has_deletions() else None
    for (fieldname, text), info in terms.items():
        if fieldname not in schema:
            continue
        if info.is_inlined():
            blocks: Iterator[tuple[Any, Any, Any]] = iter([info.inlined_postings()])
        else:
            blocks = _blocks(terms._codec.postings_reader(
                terms._postfile, info, schema[fieldname].format, term=(fieldname, text)))
        for ids, weights, values in blocks:
            if deleted is None:
                for docnum, weight, value in zip(ids, weights, values, strict=True):
                    yield fieldname, text, base + docnum, weight, value
            else:
                for docnum, weight, value in zip(ids, weights, values, strict=True):
                    if docnum not in deleted:
                        yield fieldname, text, docmap[docnum], weight, value  # type: ignore[index]


def _blocks(matcher: Any) -> Iterator[tuple[Any, Any, Any]]:
    """(ids, weights, values) of each block of a term's postings."""
    for block in matcher_blocks(matcher):
        block._read_weights()
        block._read_values()
        yield block._ids, block._weights, block._values
