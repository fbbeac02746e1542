"""Postings packed and written a piece at a time, a piece cut at any block's start, so a
term of millions of postings (a common word at a million articles) is packed in pieces
too: storage/block_packing.py's `pack` holds a dozen arrays of eight bytes a posting or
position of what it packs, which at a merge's common term was about as much again as
the postings themselves. The bytes are those `pack` makes of all the postings at once:
a block is packed the same wherever it lies (its first id is whole, not a delta), only a
term's first block has the magic before it and only its last a negative length, and the
term infos are taken of all the postings (their extents added up across pieces)."""

from __future__ import annotations

from typing import Any

import numpy as np

from newsdesk.index.storage.block_packing import SortedPostings, pack, term_stats

# Postings and positions packed at a time (pack's arrays: about 100 bytes each).
PIECE_LOAD = 1 << 18


def block_starts(starts: np.ndarray, block_postings: int) -> np.ndarray:
    """Where each block starts, as `pack` cuts the terms starting at `starts` (each
    term's postings in blocks of `block_postings`, the last one shorter)."""
    df = np.diff(starts)
    blocks = -(-df // block_postings)
    term = np.repeat(np.arange(len(df)), blocks)
    place = np.arange(int(blocks.sum())) - np.repeat(np.cumsum(blocks) - blocks, blocks)
    return starts[:-1][term] + block_postings * place


def pack_in_pieces(postings: SortedPostings, postfile: Any, block_postings: int,
                   load: int | None = None) -> bytes:
    """Pack `postings` (every term with at least one posting) and write them to
    `postfile`, about `load` (PIECE_LOAD) postings and positions at a time; the terms'
    term infos."""
    load = load or PIECE_LOAD
    starts, counts, positions = postings.term_starts, postings.counts, postings.positions
    total = int(starts[-1])
    cuts = block_starts(starts, block_postings)
    if counts is not None and len(cuts):
        per_block = np.add.reduceat(counts, cuts)
        pos_at = np.concatenate(([0], np.cumsum(per_block)))
    else:
        pos_at = np.zeros(len(cuts) + 1, np.int64)
    weight = cuts + pos_at[:-1]
    chosen = np.searchsorted(weight, np.arange(load, total + int(pos_at[-1]), load))
    chosen = np.unique(np.concatenate(([0], chosen, [len(cuts)])).clip(0, len(cuts)))
    terms = len(starts) - 1
    offset = np.full(terms, -1, np.int64)
    end = np.zeros(terms, np.int64)
    for low, high in zip(chosen[:-1].tolist(), chosen[1:].tolist(), strict=True):
        a = int(cuts[low])
        b = int(cuts[high]) if high < len(cuts) else total
        t0 = int(np.searchsorted(starts, a, "right")) - 1
        t1 = int(np.searchsorted(starts, b, "left"))
        local = np.concatenate(([a], starts[t0 + 1:t1], [b])) - a
        pa, pb = int(pos_at[low]), int(pos_at[high])
        part = SortedPostings(
            local, postings.docs[a:b], postings.weights[a:b], postings.doc_lengths[a:b],
            counts[a:b] if counts is not None else None,
            positions[pa:pb] if positions is not None and counts is not None else None,
            postings.values[a:b] if postings.values is not None else None,
            postings.fixed, postings.level)
        base = postfile.tell()
        packed = pack(part, base, block_postings, continued=int(starts[t0]) != a,
                      continues=int(starts[t1]) != b)
        postfile.write(packed.data.tobytes())
        assert packed.term_at is not None and packed.term_end is not None
        span = slice(t0, t1)
        offset[span] = np.where(offset[span] < 0, base + packed.term_at, offset[span])
        end[span] = base + packed.term_end
    info = term_stats(postings)
    info["offset"] = offset
    info["length"] = end - offset
    return info.tobytes()
