"""A merge's postings moved as arrays: each segment's term table read whole
(storage/segment_terms.py), each field's terms merged as sorted lists, and the postings of
a run of terms (about PART_POSTINGS) read from each segment at once
(storage/segment_postings.py), renumbered, and packed into the new segment's blocks by
storage/block_packing.py; the run's term infos go to the term table in one call
(storage/term_table.py).

segment_merging.merge gave Whoosh's field writer every posting in one Python call: 1.09
ms of CPU an article merged at 30,000 long articles. Reading each segment's terms through
Whoosh's term table walk, merging them with `heapq` and decoding each term's blocks on
their own still took 400 µs an article merged at 20,000 generated articles (65% of the
indexer's CPU at 400,000 articles of a million-article build); now about 100. What is
left a step in Python is a block (its header's place), a term held in its term info
(df 1: the posting is pickled there) and, for segments of Whoosh's own codec or blocks in
an older form, a term of a segment. Used for segments written with newsdesk's codec
(storage/codec.py), whose block format `pack` writes; the same postings, statistics and
term infos as Whoosh's field writer makes of them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.system import pack_ushort

from newsdesk.index.storage.block_packing import (
    TERM_INFO_SIZE,
    SortedPostings,
    byte_lengths,
)
from newsdesk.index.storage.blocks import matcher_blocks
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.fork_server import release_memory
from newsdesk.index.storage.piece_packing import pack_in_pieces
from newsdesk.index.storage.positions import WIDTH as POSITION_WIDTH
from newsdesk.index.storage.positions import ArrayPositions
from newsdesk.index.storage.segment_postings import (
    NO_VALUES,
    POSITIONS,
    VALUES,
    TermPostings,
    decode_terms,
    read_span,
)
from newsdesk.index.storage.segment_terms import FieldCursor, FieldTerms
from newsdesk.index.storage.term_table import TermTableWriter
from newsdesk.index.storage.whoosh_fixes import length_bytes

# Postings read at a time (a run of terms; a term is never split, but packed in pieces).
PART_POSTINGS = 1 << 16
# Terms read at a time from all the segments merged together (about 300 bytes a term:
# at 1 << 17, the dates', ids' and urls' chunks held a merge of 584,000 articles of a
# million 30 MB higher, for no less CPU than this).
MERGE_TERMS = 1 << 15
# Postings and positions written between two returns of the C heap's free pages to the
# system (fork_server.release_memory). A run's arrays come and go in sizes that differ
# run to run, among small arrays that stay (the term table's hashes and places), so the
# heap's free part only grew: replaying a merge of 500,000 articles of the million,
# 40-100 MB of live arrays held 260 MB resident (mallinfo2: 127 MB of it free in the
# heap). Trimming every run re-faults each run's pages; this often, a few trims a second.
TRIM_EVERY = 1 << 23


def usable(codec: Any) -> bool:
    """Whether a merge into a segment of this codec can move its postings as arrays."""
    return type(codec) is NewsdeskCodec


def write_postings(fieldwriter: Any, schema: Any, readers: list[Any],
                   numbering: list[np.ndarray], lengths: Any, doc_count: int) -> None:
    """Every live posting of `readers` into `fieldwriter` (a W3FieldWriter of the new
    segment), in (field, term) order; `numbering[i]` maps reader i's document numbers to
    the new segment's (-1: deleted); `lengths` is the new segment's per-document reader
    (storage/whoosh_fixes.py's)."""
    codec = fieldwriter._codec
    if type(fieldwriter._tindex) is OrderedHashWriter:  # (the same file, written in runs)
        fieldwriter._tindex.__class__ = TermTableWriter
    names = {name for reader in readers for name in reader._terms._fieldmap if name in schema}
    trim = _Trim()
    for fieldname in sorted(names):
        cursors = [(reader, numbers, FieldCursor(reader, fieldname))
                   for reader, numbers in zip(readers, numbering, strict=True)]
        cursors = [found for found in cursors if not found[2].done]
        if not cursors:
            continue
        field = schema[fieldname]
        fieldwriter.start_field(fieldname, field)
        if lengths is not None and field.scorable:
            found = np.frombuffer(length_bytes(lengths, fieldname), np.uint8)[:doc_count]
            field_lengths = byte_lengths(found.astype(np.int64))
        else:
            field_lengths = np.zeros(doc_count, np.int64)
        _merge_field(fieldwriter, codec, fieldname, field, field_lengths, cursors, trim)
        fieldwriter.finish_field()
    # (before the term table's hash tables are made: the heap's free pages, all of the
    # merge's arrays, would be resident under them)
    release_memory()


class _Trim:
    """Counts what a merge has written; gives the heap's free pages back every
    TRIM_EVERY postings and positions."""

    def __init__(self) -> None:
        self.written = 0

    def add(self, load: int) -> None:
        self.written += load
        if self.written >= TRIM_EVERY:
            self.written = 0
            release_memory()


def _merge_field(fieldwriter: Any, codec: Any, fieldname: str, field: Any,
                 field_lengths: np.ndarray,
                 cursors: list[tuple[Any, np.ndarray, FieldCursor]], trim: _Trim) -> None:
    """A field's terms of every segment, read a chunk at a time from each: each step merges
    every segment's terms up to the least of the last terms read of the segments with more
    to read (no term after it is in a chunk not yet read)."""
    most = max(1, MERGE_TERMS // len(cursors))
    chunks: list[FieldTerms | None] = [None] * len(cursors)
    used = [0] * len(cursors)
    while True:
        for s, (_, _, cursor) in enumerate(cursors):
            chunk = chunks[s]
            if (chunk is None or used[s] == len(chunk.texts)) and not cursor.done:
                chunks[s], used[s] = cursor.read(most), 0
        live = [s for s, chunk in enumerate(chunks)
                if chunk is not None and used[s] < len(chunk.texts)]
        if not live:
            return
        more = [chunks[s].texts[-1] for s in live  # type: ignore[union-attr]
                if not cursors[s][2].done]
        bound = min(more) if more else None
        present = []
        for s in live:
            chunk = chunks[s]
            assert chunk is not None
            stop = len(chunk.texts) if bound is None else \
                bisect_right(chunk.texts, bound, used[s])
            if stop > used[s]:
                present.append((cursors[s][0], cursors[s][1], chunk.part(used[s], stop)))
            used[s] = stop
        texts, ranks = _merged_terms([terms.texts for _, _, terms in present])
        _write_field(fieldwriter, codec, fieldname, field, field_lengths, present, texts,
                     ranks, trim)


def _merged_terms(lists: list[list[bytes]]) -> tuple[list[bytes], list[np.ndarray]]:
    """The terms of all the (sorted) lists in order, and each list's terms' places in it."""
    if len(lists) == 1:
        return lists[0], [np.arange(len(lists[0]), dtype=np.int64)]
    texts = sorted(set().union(*lists))
    place = {text: k for k, text in enumerate(texts)}
    return texts, [np.fromiter(map(place.__getitem__, found), np.int64, len(found))
                   for found in lists]


def _kind(field: Any) -> str:
    if isinstance(field.format, ArrayPositions):
        return POSITIONS
    return NO_VALUES if field.format.fixed_value_size() == 0 else VALUES


def _write_field(fieldwriter: Any, codec: Any, fieldname: str, field: Any,
                 field_lengths: np.ndarray, present: list[tuple[Any, np.ndarray, FieldTerms]],
                 texts: list[bytes], ranks: list[np.ndarray], trim: _Trim) -> None:
    """A field's terms, a run of terms holding about PART_POSTINGS postings at a time, each
    segment's postings of the run read at once."""
    if not texts:
        return
    total = np.zeros(len(texts), np.int64)
    for (_, _, terms), rank in zip(present, ranks, strict=True):
        total += np.bincount(rank, terms.df, len(texts)).astype(np.int64)
    running = np.cumsum(total)
    cuts = np.searchsorted(running, np.arange(PART_POSTINGS, running[-1], PART_POSTINGS)) + 1
    # A term of more than PART_POSTINGS in a run of its own: no terms before it to be
    # sorted in with its postings (a copy of them all, and more of each position).
    big = np.flatnonzero(total > PART_POSTINGS)
    bounds = np.unique(np.concatenate(([0], cuts, big, big + 1, [len(texts)]))
                       .clip(0, len(texts)))
    for low, high in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        run = _Run(_kind(field))
        for (reader, numbering, terms), rank in zip(present, ranks, strict=True):
            first, end = np.searchsorted(rank, [low, high]).tolist()
            if first < end:
                run.add(reader, fieldname, field, terms, first, end, rank[first:end],
                        numbering)
        trim.add(run.write(fieldwriter, codec, texts, low, high, field_lengths))


class _Run:
    """A run of one field's terms, every segment's postings of them as arrays, renumbered
    and deleted ones left out, a segment after another."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.ranks: list[np.ndarray] = []
        self.docs: list[np.ndarray] = []
        self.weights: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []
        self.positions: list[np.ndarray] = []
        self.values: list[bytes] = []

    def add(self, reader: Any, fieldname: str, field: Any, terms: FieldTerms, first: int,
            end: int, rank: np.ndarray, numbering: np.ndarray) -> None:
        """The segment's postings of its terms first..end-1 (`rank`: their places in the
        merged terms)."""
        inlined = terms.inlined[first:end]
        ours = isinstance(reader.codec(), NewsdeskCodec)
        by_term = np.flatnonzero(inlined if ours else np.ones(len(inlined), bool))
        if ours and len(by_term) < len(inlined):
            read = np.flatnonzero(~inlined)
            data, starts = read_span(reader._terms._postfile, terms.offset[first:end][read],
                                     terms.length[first:end][read])
            found = decode_terms(data, starts, self.kind)
            if found is None:  # (blocks in an older form: a term at a time)
                by_term = np.arange(len(inlined))
            else:
                self._keep(rank[read][found.term], found, numbering)
        if len(by_term):
            found = _by_term(reader, fieldname, field, terms, first + by_term, self.kind)
            self._keep(rank[by_term][found.term], found, numbering)

    def _keep(self, rank: np.ndarray, found: TermPostings, numbering: np.ndarray) -> None:
        new = numbering[found.docs]
        live = new >= 0
        every = bool(live.all())
        self.ranks.append(rank if every else rank[live])
        self.docs.append(new if every else new[live])
        self.weights.append(found.weights if every else found.weights[live])
        if self.kind == POSITIONS:
            counts, positions = found.counts, found.positions
            assert counts is not None and positions is not None
            if not every:
                positions = positions[np.repeat(live, counts)]
                counts = counts[live]
            # (positions are 32-bit in the blocks: half the memory of a common term's)
            positions = positions.astype(np.uint32, copy=False)
            self.counts.append(counts)
            self.positions.append(positions)
        elif self.kind == VALUES:
            assert found.values is not None
            self.values.extend(found.values if every else
                               [found.values[k] for k in np.flatnonzero(live).tolist()])

    def write(self, fieldwriter: Any, codec: Any, texts: list[bytes], low: int, high: int,
              field_lengths: np.ndarray) -> int:
        """The run's terms written; how many postings and positions they had."""
        rank = np.concatenate(self.ranks) if self.ranks else np.zeros(0, np.int64)
        if not len(rank):
            return 0
        docs, weights = np.concatenate(self.docs), np.concatenate(self.weights)
        counts = positions = None
        values = self.values
        if self.kind == POSITIONS:
            counts, positions = np.concatenate(self.counts), np.concatenate(self.positions)
        # The segments' pieces, whole again above: let them go before the arrays are
        # reordered and packed (a common term's postings are all in one run, so at a
        # million articles a run's arrays are tens of MB, and each copy held counts).
        several = len(self.ranks) > 1
        self.ranks = self.docs = self.weights = self.counts = self.positions = []
        if several and (np.diff(rank) < 0).any():
            # Term by term; within a term, segment after segment (as added): in document
            # order, as the merged segment numbers its documents.
            order = np.argsort(rank, kind="stable")
            rank, docs, weights = rank[order], docs[order], weights[order]
            if counts is not None and positions is not None:
                starts = np.cumsum(counts) - counts
                counts = counts[order]
                place = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts,
                                                                 counts)
                positions = positions[np.repeat(starts[order], counts) + place]
            if values:
                values = [values[k] for k in order.tolist()]
        per_term = np.bincount(rank - low, minlength=high - low)
        kept = np.flatnonzero(per_term)  # (a term whose documents were all deleted goes)
        postings = SortedPostings(np.concatenate(([0], np.cumsum(per_term[kept]))), docs,
                                  weights, field_lengths[docs], counts, positions)
        if self.kind == VALUES:
            postings.values, postings.fixed = values, fieldwriter._format.fixed_value_size()
            postings.level = codec._compression
        term_infos = pack_in_pieces(postings, fieldwriter._postfile, codec._blocklimit)
        prefix = pack_ushort(fieldwriter._fieldid)
        fieldwriter._tindex.add_all_fixed([prefix + texts[low + k] for k in kept.tolist()],
                                          term_infos, TERM_INFO_SIZE)
        return len(docs) + (len(positions) if positions is not None else 0)


def _by_term(reader: Any, fieldname: str, field: Any, terms: FieldTerms,
             chosen: np.ndarray, kind: str) -> TermPostings:
    """The postings of the chosen terms a term at a time: those held in their term infos,
    and those of segments of Whoosh's own codec (through its matchers)."""
    which: list[int] = []
    docs: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    table = reader._terms
    for n, k in enumerate(chosen.tolist()):
        info = W3TermInfo.from_bytes(terms.info_bytes(k))
        if info.is_inlined():
            blocks: Iterator[tuple[Any, Any, Any]] = iter([info.inlined_postings()])
        else:
            blocks = _blocks(table._codec.postings_reader(
                table._postfile, info, field.format, term=(fieldname, terms.texts[k])))
        for ids, found_weights, found_values in blocks:
            which.extend([n] * len(ids))
            docs.extend(ids)
            weights.extend(found_weights)
            if kind != NO_VALUES:
                values.extend(found_values)
    found = TermPostings(np.array(which, np.int64), np.array(docs, np.int64),
                         np.array(weights, np.float64))
    if kind == POSITIONS:
        found.counts = np.fromiter(map(len, values), np.int64, len(values)) // POSITION_WIDTH
        found.positions = np.frombuffer(b"".join(values), "<u4").astype(np.int64)
    elif kind == VALUES:
        found.values = values
    return found


def _blocks(matcher: Any) -> Iterator[tuple[Any, Any, Any]]:
    """(ids, weights, values) of each block of a term's postings."""
    for block in matcher_blocks(matcher):
        block._read_weights()
        block._read_values()
        yield block._ids, block._weights, block._values
