"""Whoosh's pickled block headers made as arrays (block_packing.pickled_rows) are
pickle.dumps's bytes, and a field's packed postings are the same either way."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from newsdesk.index.storage import block_packing
from newsdesk.index.storage.block_packing import SortedPostings, pack, pickled_rows

EDGES = [0, 1, 255, 256, 65535, 65536, (1 << 31) - 1]


def test_rows_are_pickles_bytes() -> None:
    rng = np.random.default_rng(4)
    ints = np.array(EDGES + rng.integers(0, 1 << 31, 200).tolist(), np.int64)
    floats = np.array([0.0, 1.0, -2.5, 1e300, 3.0, 0.1] * 40, np.float64)[:len(ints)]
    columns = [ints, ints[::-1].copy(), floats, rng.integers(0, 10, len(ints)),
               rng.integers(0, 256, len(ints))]
    made = pickled_rows(columns)
    assert made is not None
    flat, sizes = made
    expected = [pickle.dumps(row, 2) for row in zip(*(c.tolist() for c in columns),
                                                         strict=True)]
    assert sizes.tolist() == [len(p) for p in expected]
    assert flat.tobytes() == b"".join(expected)
    assert pickled_rows([np.array([1 << 31], np.int64)]) is None
    assert pickled_rows([np.array([-1], np.int64)]) is None
    empty = pickled_rows([np.zeros(0, np.int64), np.zeros(0)])
    assert empty is not None and len(empty[0]) == 0


def _postings(rng: np.random.Generator) -> SortedPostings:
    terms = 300
    df = rng.integers(1, 1500, terms)
    starts = np.concatenate(([0], np.cumsum(df)))
    docs = np.concatenate([np.sort(rng.choice(1 << 20, n, replace=False)) for n in df])
    counts = rng.integers(1, 6, len(docs))
    positions = rng.integers(0, 70000, int(counts.sum()))
    weights = counts * 2.0
    return SortedPostings(starts, docs, weights, rng.integers(0, 900, len(docs)), counts,
                          positions)


def test_packed_postings_are_the_same_as_with_pickle(monkeypatch: pytest.MonkeyPatch) -> None:
    postings = _postings(np.random.default_rng(9))
    ours = pack(postings, 4096)
    monkeypatch.setattr(block_packing, "pickled_rows", lambda columns: None)
    theirs = pack(postings, 4096)
    assert ours.data.tobytes() == theirs.data.tobytes()
    assert ours.term_infos == theirs.term_infos
