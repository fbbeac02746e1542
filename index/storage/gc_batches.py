"""Python's cyclic garbage collector in the indexer's processes (the indexer, the segment
writer, the actor extraction), which make and drop millions of small objects a batch.

With Python's thresholds (700, 10, 10) a young collection came every 700 containers made,
and a full one every hundred of those, each walking every object the process holds: its
modules, the actor dictionaries and the extractor's tables, hundreds of thousands of
objects that live for the whole run. On 5,000 long articles the collector took 2.6% of the
CPU of the three processes (perf), most of it walking those. Inside `collect_less`, what
the process holds on entering is frozen (`gc.freeze`: never walked by the collections that
follow, still freed by reference counting when dropped), and young collections come
YOUNG_EVERY containers apart: a batch's cyclic garbage is still collected, by the walks of
what the batch made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_EVERY = 20_000


@contextmanager
def collect_less() -> Iterator[None]:
    """Python's thresholds and nothing frozen again on leaving (the indexer also runs inside
    the dashboard's process, and the tests')."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(YOUNG_EVERY, threshold[0]), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
