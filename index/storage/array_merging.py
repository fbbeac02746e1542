"""A merge's postings moved as arrays: each term's postings read a block at a time from the
segments that have it, renumbered, and packed into the new segment's blocks by
storage/block_packing.py, a run of terms at a time.

segment_merging.merge gave Whoosh's field writer every posting in one Python call
(through a heap of all the segments' postings): 1.09 ms of CPU an article merged at 30,000
long articles, half of what building it had cost, and Whoosh's merge policy merges an
article several times over a large build. What is left a step in Python here is a term
of a segment and a block of 512 postings. Used for segments written with newsdesk's codec
(storage/codec.py), whose block format `pack` writes; the same postings, statistics and
term infos as Whoosh's field writer makes of them."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from itertools import groupby
from typing import Any

import numpy as np
from whoosh.system import pack_ushort

from newsdesk.index.storage.block_packing import TERM_INFO_SIZE, SortedPostings, pack
from newsdesk.index.storage.blocks import matcher_blocks
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.page_ahead import postings_extent
from newsdesk.index.storage.positions import WIDTH as POSITION_WIDTH
from newsdesk.index.storage.positions import ArrayPositions
from newsdesk.index.storage.posting_arrays import _decode, _headers

# Postings (or positions) packed at a time: the arrays of a part stay small.
PART_POSITIONS = 1 << 17


def usable(codec: Any) -> bool:
    """Whether a merge into a segment of this codec can move its postings as arrays."""
    return type(codec) is NewsdeskCodec


def write_postings(fieldwriter: Any, schema: Any, readers: list[Any],
                   numbering: list[np.ndarray], lengths: Any, doc_count: int) -> None:
    """Every live posting of `readers` into `fieldwriter` (a W3FieldWriter of the new
    segment), in (field, term) order; `numbering[i]` maps reader i's document numbers to
    the new segment's (-1: deleted); `lengths` is the new segment's per-document reader."""
    codec = fieldwriter._codec
    keys = heapq.merge(*(_keys(reader, i, schema) for i, reader in enumerate(readers)))
    part: _Part | None = None
    for fieldname, terms in groupby(keys, key=lambda key: key[0]):
        field = schema[fieldname]
        fieldwriter.start_field(fieldname, field)
        field_lengths = np.array([lengths.doc_field_length(d, fieldname, 0)
                                  for d in range(doc_count)], np.int64) \
            if lengths is not None and field.scorable else np.zeros(doc_count, np.int64)
        part = _Part(field, field_lengths)
        for text, found in groupby(terms, key=lambda key: key[1]):
            for _, _, i, info in found:
                part.add(fieldname, text, readers[i], info, numbering[i])
            part.end_term(text)
            if part.size >= PART_POSITIONS:
                part.write(fieldwriter, codec)
                part = _Part(field, field_lengths)
        part.write(fieldwriter, codec)
        fieldwriter.finish_field()


def _keys(reader: Any, index: int, schema: Any) -> Iterator[tuple[str, bytes, int, Any]]:
    for (fieldname, text), info in reader._terms.items():
        if fieldname in schema:
            yield fieldname, text, index, info


def _blocks(matcher: Any) -> Iterator[tuple[Any, Any, Any]]:
    """(ids, weights, values) of each block of a term's postings."""
    for block in matcher_blocks(matcher):
        block._read_weights()
        block._read_values()
        yield block._ids, block._weights, block._values


class _Part:
    """A run of one field's terms, their postings gathered as arrays."""

    def __init__(self, field: Any, field_lengths: np.ndarray) -> None:
        self.positional = isinstance(field.format, ArrayPositions)
        self.fixed = field.format.fixed_value_size()
        self.with_values = not self.positional and self.fixed != 0
        self.field_lengths = field_lengths
        self.terms: list[bytes] = []
        self.per_term: list[int] = []
        self.docs: list[np.ndarray] = []
        self.weights: list[np.ndarray] = []
        self.values: list[bytes] = []
        self.counts: list[np.ndarray] = []
        self.blobs: list[bytes] = []
        self.size = 0
        self._term_postings = 0

    def add(self, fieldname: str, text: bytes, reader: Any, info: Any,
            numbering: np.ndarray) -> None:
        """Reader's postings of the term (`info`), renumbered, deleted ones left out."""
        terms = reader._terms
        if not (self.with_values or info.is_inlined()) and \
                isinstance(reader.codec(), NewsdeskCodec):
            self._add_read(terms, info, numbering)
            return
        if info.is_inlined():
            blocks: Iterator[tuple[Any, Any, Any]] = iter([info.inlined_postings()])
        else:
            blocks = _blocks(terms._codec.postings_reader(
                terms._postfile, info, reader.schema[fieldname].format,
                term=(fieldname, text)))
        for ids, weights, values in blocks:
            new = numbering[np.asarray(ids, np.int64)]
            live = new >= 0
            if not live.all():
                keep = np.flatnonzero(live).tolist()
                new = new[live]
                weights = [weights[k] for k in keep]
                values = [values[k] for k in keep] if values else values
            if not len(new):
                continue
            self.docs.append(new)
            self.weights.append(np.asarray(weights, np.float64))
            self._term_postings += len(new)
            if self.positional:
                lengths = np.fromiter(map(len, values), np.int64, len(new)) // POSITION_WIDTH
                self.counts.append(lengths)
                self.blobs.append(b"".join(values))
                self.size += int(lengths.sum())
            else:
                if self.with_values:
                    self.values.extend(values)
                self.size += len(new)

    def _add_read(self, terms: Any, info: Any, numbering: np.ndarray) -> None:
        """A term's postings in a segment of newsdesk's codec, read in one piece and decoded
        as arrays (storage/posting_arrays.py), without a matcher."""
        offset, length = postings_extent(info)
        data = terms._postfile.get(offset, length)
        blocks = _headers(data)
        found = _decode(data, list(zip(blocks.counts, blocks.starts, blocks.ends,
                                       blocks.highs, strict=True)), self.positional)
        new = numbering[found.docnums]
        live = new >= 0
        every = bool(live.all())
        if not every:
            new = new[live]
        if not len(new):
            return
        self.docs.append(new)
        self.weights.append(found.weights if every else found.weights[live])
        self._term_postings += len(new)
        if self.positional:
            counts, positions = found.counts, found.positions
            assert counts is not None and positions is not None
            if not every:
                positions = positions[np.repeat(live, counts)]
                counts = counts[live]
            self.counts.append(counts)
            self.blobs.append(positions.astype("<u4").tobytes())
            self.size += len(positions)
        else:
            self.size += len(new)

    def end_term(self, text: bytes) -> None:
        if self._term_postings:  # (a term whose documents were all deleted goes)
            self.terms.append(text)
            self.per_term.append(self._term_postings)
        self._term_postings = 0

    def write(self, fieldwriter: Any, codec: Any) -> None:
        if not self.terms:
            return
        docs = np.concatenate(self.docs)
        postings = SortedPostings(
            np.concatenate(([0], np.cumsum(self.per_term))), docs,
            np.concatenate(self.weights), self.field_lengths[docs])
        if self.positional:
            postings.counts = np.concatenate(self.counts)
            postings.positions = np.frombuffer(b"".join(self.blobs), "<u4").astype(np.int64)
        elif self.with_values:
            postings.values, postings.fixed = self.values, self.fixed
            postings.level = codec._compression
        postfile = fieldwriter._postfile
        packed = pack(postings, postfile.tell(), codec._blocklimit)
        postfile.write(packed.data.tobytes())
        prefix = pack_ushort(fieldwriter._fieldid)
        infos = packed.term_infos
        for k, text in enumerate(self.terms):
            fieldwriter._tindex.add(prefix + text,
                                    infos[k * TERM_INFO_SIZE:(k + 1) * TERM_INFO_SIZE])
