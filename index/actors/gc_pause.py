"""Python's cyclic garbage collector paused around a bulk computation.

Clustering a corpus's names builds hundreds of thousands of small containers (sets, lists,
tuples, Counters) and keeps most of them to the end; each of them counts toward the
collector's thresholds, and its full passes walk the whole heap (the store's totals, the
name caches) again and again: a third of clustering BBC's 15,000 keys. Nothing such a
computation builds needs the collector to be freed before it returns (reference counting
frees what it drops; what is left in cycles is collected once the collector runs again)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection inside the block; the collector as it was after it (a
    caller that had disabled it keeps it disabled)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
