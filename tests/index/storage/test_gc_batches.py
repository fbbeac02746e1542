"""collect_less: what is alive on entering is frozen and young collections are rarer
inside; cyclic garbage made inside is still collected; Python's settings come back after."""

from __future__ import annotations

import gc
import weakref

from newsdesk.index.storage.gc_batches import YOUNG_EVERY, collect_less


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_frozen_inside_and_restored_after() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    with collect_less():
        assert gc.get_threshold()[0] >= YOUNG_EVERY
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() > frozen
        node = _Node()
        gone = weakref.ref(node)
        del node
        gc.collect()
        assert gone() is None  # made inside: not frozen, collected
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
