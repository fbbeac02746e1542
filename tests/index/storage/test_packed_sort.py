"""packed_sort.stable_argsort is np.argsort(kind="stable") of non-negative integers: keys
narrow enough to pack whole, 64-bit hashes, many equal values, and values alike in their
high bits out of order at their low bits (where it must fall back to the argsort)."""

from __future__ import annotations

import numpy as np
import pytest

from newsdesk.index.storage.packed_sort import stable_argsort


def _same(values: np.ndarray) -> None:
    order = stable_argsort(values)
    assert order.dtype == np.int64
    assert np.array_equal(order, np.argsort(values, kind="stable"))


@pytest.mark.parametrize("n", [0, 1, 2, 3, 17, 1000, 70_000])
def test_narrow_keys_and_hashes(n: int) -> None:
    rng = np.random.default_rng(n)
    _same(rng.integers(0, 2**32, n).astype(np.int64))
    _same(rng.integers(0, 50, n).astype(np.int64))  # (many equal)
    _same(rng.integers(0, 2**64, n, dtype=np.uint64))
    distinct = rng.integers(0, 2**64, max(n // 10, 1), dtype=np.uint64)
    _same(distinct[rng.integers(0, len(distinct), n)] if n else distinct[:0])


def test_values_alike_in_their_high_bits() -> None:
    # Equal but for their lowest bits, where the positions go: packed, they would sort by
    # position, 5 before 4 here.
    high = np.uint64(0xABCD_0000_0000_0000)
    values = np.array([high | np.uint64(5), high | np.uint64(4), np.uint64(7), high],
                      dtype=np.uint64)
    _same(values)
    _same(np.tile(values, 1000))


def test_the_widest_narrow_keys() -> None:
    # 2**32 - 1 with 2**20 positions: 52 bits, packed whole.
    rng = np.random.default_rng(7)
    values = rng.integers(2**32 - 3, 2**32, 1 << 20).astype(np.int64)
    _same(values)
