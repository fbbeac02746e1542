"""link.distinct: the sorted distinct band keys, as np.unique gives them."""

from __future__ import annotations

import numpy as np

from newsdesk.index.dups.link import distinct as _distinct


def test_distinct_is_np_unique() -> None:
    rng = np.random.default_rng(3)
    cases = [np.zeros((0, 42), np.uint32), np.array([[5]], np.uint32),
             rng.integers(0, 50, size=(30, 42)).astype(np.uint32),
             rng.integers(0, 2**32, size=(200, 42), dtype=np.uint64).astype(np.uint32)]
    for keys in cases:
        found = _distinct(keys)
        assert found.dtype == keys.dtype
        assert found.tolist() == np.unique(keys).tolist()
