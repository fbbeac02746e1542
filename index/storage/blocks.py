"""A term's postings in one segment, a block (up to 512 postings) at a time.

Whoosh's matchers hand out one posting per Python call; reading a block's ids, weights and
values takes one call each. With `wanted`, blocks that cannot hold any of those documents
are skipped before they are decoded: a block's header says its highest document number."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from newsdesk.index.storage.codec import ArrayLeafMatcher


def posting_blocks(reader: Any, fieldname: str, text: str,
                   wanted: list[int] | None = None) -> Iterator[Any]:
    """The term's matcher positioned at each block in turn, its ids read (`matcher._ids`;
    `_read_weights()` / `_read_values()` fill `_weights` / `_values`). `wanted`: sorted
    segment document numbers. Nothing if the segment lacks the term."""
    if (fieldname, text) not in reader:
        return
    raw = reader._text_to_bytes(fieldname, text)
    yield from matcher_blocks(
        reader._terms.matcher(fieldname, raw, reader.schema[fieldname].format), wanted)


def matcher_blocks(matcher: Any, wanted: list[int] | None = None) -> Iterator[Any]:
    """A block matcher positioned at each of its blocks in turn, ids read, as
    `posting_blocks` hands them out."""
    last = -1  # the highest document number of the blocks before this one
    while matcher.is_active():
        high = matcher._maxid
        if wanted is None or (
                (i := bisect_right(wanted, last)) < len(wanted) and wanted[i] <= high):
            _read_ids(matcher)
            yield matcher
        last = high
        matcher._next_block()


def _read_ids(matcher: Any) -> None:
    """The block's ids into `matcher._ids`. For Whoosh's own codec, its `_read_ids()` with
    the ids' deltas summed in C (`accumulate`) rather than by its generator: 6 of 87 ms for
    a word in 89% of 100,000 articles."""
    if isinstance(matcher, ArrayLeafMatcher):
        matcher._read_ids()
        return
    if matcher._data is None:
        matcher._read_data()
    ids = matcher._data[0]
    matcher._ids = ids if matcher._byteids else tuple(accumulate(ids))
