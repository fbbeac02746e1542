"""`np.argsort(values, kind="stable")` of non-negative integers, by sorting values and
positions packed into one uint64 each: numpy sorts plain 64-bit integers with its SIMD sort
(AVX2/AVX-512), where an argsort is a merge or radix sort of indices, two to four times
the time. A batch's writer sorts its words' hashes and its tokens' terms this way.

Where a value and its position fit in 64 bits together the packing is exact. Where they do
not (hashes of 64 bits), the value's low bits make room for the position: values equal in
their high bits then order by position, and if that puts two different values out of
order the stable argsort is taken instead (for hashes: two of a batch's distinct words
alike in their high 40-odd bits, about never). The order returned is the stable argsort's
in every case."""

from __future__ import annotations

import numpy as np


def stable_argsort(values: np.ndarray) -> np.ndarray:
    """np.argsort(values, kind="stable") (int64) of a 1-d array of non-negative integers."""
    n = len(values)
    if n < 2:
        return np.arange(n, dtype=np.int64)
    bits = (n - 1).bit_length()
    width = int(values.max()).bit_length()
    if width + bits <= 64:  # (exact: the value above, the position below)
        packed = values.astype(np.uint64) << np.uint64(bits)
        packed |= np.arange(n, dtype=np.uint64)
        packed.sort()
        packed &= np.uint64((1 << bits) - 1)
        return packed.view(np.int64)
    if bits > 32:  # (too few of the value's bits left to sort on)
        return np.argsort(values, kind="stable").astype(np.int64, copy=False)
    low = np.uint64((1 << bits) - 1)
    packed = values.astype(np.uint64) & ~low
    packed |= np.arange(n, dtype=np.uint64)
    packed.sort()
    packed &= low
    order = packed.view(np.int64)
    ordered = values[order]
    if (ordered[1:] < ordered[:-1]).any():  # (two values alike in their high bits)
        return np.argsort(values, kind="stable").astype(np.int64, copy=False)
    return order
