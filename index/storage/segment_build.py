"""A batch of documents into one finished segment, and finished segments into the index.

The two halves of every build: `write_segment` turns documents into a segment of an index's
folder, in whichever process (or machine) runs it, without the index's lock and without
touching the table of contents; `commit_segments` is the only step that needs the lock: it
applies a batch's deletions, merges older segments as the local build does, and writes a
new table of contents that lists the finished segments. The local build's sub-processes
(storage/parallel_writer.py) and the cluster build's workers (ingest/cluster.py) both write
through `write_segment`, so whichever writer sits behind it serves both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from whoosh.index import Index
from whoosh.writing import SegmentWriter

from newsdesk.index.storage import bulk_segment
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.term_ids import Vocabulary

# A worker's posting buffer (Whoosh spills it to disk when full).
SEGMENT_LIMIT_MB = 48


@dataclass(slots=True)
class BuiltSegment:
    """A finished segment (None when it got no document) and the words tokenized for it
    (the vocabulary prefix and fuzzy terms expand against)."""

    segment: Any | None
    words: set[str] = field(default_factory=set)


def set_word_collector(writer: SegmentWriter, fields: Iterable[str],
                       collect: set[str] | None) -> None:
    """Every word the analyzers of `fields` tokenize goes into `collect` (None: stop)."""
    for name in fields:
        writer.schema[name].analyzer.collect = collect


def segment_writer(ix: Index, limitmb: int = SEGMENT_LIMIT_MB) -> SegmentWriter:
    """A writer of one new segment of `ix` that takes no lock: many may write at once, and
    only `commit_segments` makes their segments part of the index."""
    return SegmentWriter(ix, _lk=False, limitmb=limitmb, codec=NewsdeskCodec())


def finish_segment(writer: SegmentWriter) -> Any | None:
    """Close the writer's segment: the segment, or None (and no files) when it is empty."""
    if writer.docnum == 0:
        writer._close_segment()
        return None
    return writer._finalize_segment()


def write_segment(ix: Index, documents: Iterable[dict[str, Any]], fields: Iterable[str],
                  limitmb: int = SEGMENT_LIMIT_MB) -> BuiltSegment:
    """Write `documents` (Whoosh field dicts) as one new segment of `ix`, through the
    bulk segment writer (storage/bulk_segment.py)."""
    writer = segment_writer(ix, limitmb)
    words: set[str] = set()
    try:
        segment = bulk_segment.write_segment(writer, list(documents), Vocabulary(), words)
    finally:
        writer._close_segment()  # the writer's own segment stays empty: no commit lists it
    return BuiltSegment(segment, words)


class _SegmentCommitter(SegmentWriter):
    """A writer that adds no documents of its own: it deletes, merges, and commits segments
    written elsewhere (Whoosh's MpWriter commits its sub-processes' segments the same way)."""

    def commit_with(self, segments: list[Any], mergetype: Callable[..., list[Any]]) -> None:
        self._check_state()
        try:
            kept = self._merge_segments(mergetype, False, True)
            self._close_segment()
            self._commit_toc([*kept, *segments])
        finally:
            self._finish()


def commit_segments(ix: Index, segments: list[Any], deleted_ids: Iterable[str],
                    mergetype: Callable[..., list[Any]]) -> None:
    """Make finished `segments` part of `ix`, after deleting the documents whose id is in
    `deleted_ids` (articles removed, or replaced by a version in one of the segments).
    Takes the index's lock; a failure leaves the index as it was."""
    writer = _SegmentCommitter(ix, codec=NewsdeskCodec())
    try:
        for article_id in deleted_ids:
            writer.delete_by_term("id", article_id)
    except BaseException:
        writer.cancel()
        raise
    writer.commit_with(segments, mergetype)
