"""Postings packed in pieces (storage/piece_packing.py), terms cut between blocks, give
the bytes and term infos of packing them all at once."""

from __future__ import annotations

import io

import numpy as np
import pytest

from newsdesk.index.storage.block_packing import SortedPostings, pack
from newsdesk.index.storage.piece_packing import block_starts, pack_in_pieces


def _postings(rng: np.random.Generator, positions: bool) -> SortedPostings:
    df = rng.integers(1, 400, 40)
    df[[3, 17]] = [5000, 2600]  # (common terms, cut into several pieces)
    starts = np.concatenate(([0], np.cumsum(df)))
    docs = np.concatenate([np.sort(rng.choice(1 << 20, n, replace=False)) for n in df])
    counts = rng.integers(1, 6, len(docs))
    weights = counts * 1.5
    lengths = rng.integers(0, 900, len(docs))
    if not positions:
        return SortedPostings(starts, docs, weights, lengths)
    return SortedPostings(starts, docs, weights, lengths, counts,
                          rng.integers(0, 70000, int(counts.sum())).astype(np.uint32))


@pytest.mark.parametrize("positions", [True, False])
@pytest.mark.parametrize("load", [700, 3000, 1 << 20])
def test_pieces_are_packed_as_at_once(positions: bool, load: int) -> None:
    postings = _postings(np.random.default_rng(load), positions)
    whole = pack(postings, 100, 64)
    out = io.BytesIO(b"x" * 100)
    out.seek(100)
    infos = pack_in_pieces(postings, out, 64, load)
    assert out.getvalue()[100:] == whole.data.tobytes()
    assert infos == whole.term_infos


def test_block_starts_cut_each_term_in_blocks() -> None:
    found = block_starts(np.array([0, 3, 10, 11]), 4)
    assert found.tolist() == [0, 3, 7, 10]
