"""The pause collector walks what is new at a pause, everything at a long idle or once the
frozen objects have grown by half, and frozen cyclic garbage is freed by that walk."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from newsdesk.tui.collector import GROWTH, PauseCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.fixture
def collector() -> Iterator[PauseCollector]:
    found = PauseCollector()
    found.start()
    yield found
    found.stop()


def test_a_pause_walks_only_what_is_new(collector: PauseCollector) -> None:
    collector.collect()  # the first: everything
    assert collector.full_collections == 1
    old = Node()
    gone = weakref.ref(old)
    collector.collect()  # frozen with what survived this pause
    assert collector.full_collections == 1
    del old
    collector.collect()  # frozen garbage is not walked at a pause ...
    assert gone() is not None
    collector.collect_all()  # ... only when everything is
    assert gone() is None
    new = Node()
    fresh = weakref.ref(new)
    del new
    collector.collect()  # garbage made since the last pause is freed at once
    assert fresh() is None


def test_growth_of_the_frozen_brings_a_walk_of_everything(collector: PauseCollector) -> None:
    collector.collect()
    walked = gc.get_freeze_count()
    kept = [Node() for _ in range(int(walked * GROWTH) + 10)]
    collector.collect()  # freezes the new ones: more than GROWTH times the last walk
    assert collector.full_collections == 1
    collector.collect()
    assert collector.full_collections == 2
    assert len(kept) > 0
