"""Clustering pauses Python's garbage collector and gives it back as it found it."""

from __future__ import annotations

import gc
from collections import Counter

import pytest

from newsdesk.index.actors import cluster as cluster_module
from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.gc_pause import gc_paused


@pytest.fixture
def gc_restored():  # noqa: ANN201
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


def test_paused_inside_and_restored_after_even_on_error(gc_restored: None) -> None:
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_a_caller_that_disabled_it_keeps_it_disabled(gc_restored: None) -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_clustering_runs_with_the_collector_paused(gc_restored: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    rules = cluster_module._cluster

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen.append(gc.isenabled())
        return rules(*args, **kwargs)

    monkeypatch.setattr(cluster_module, "_cluster", spy)
    gc.enable()
    stats = {"tony blair": KeyStats("tony blair", Counter({"Tony Blair": 3}), 3, 2, person=3)}
    found = cluster(stats, {}, load_dictionaries([]))
    assert seen == [False] and gc.isenabled()
    assert [c.name for c in found] == ["Tony Blair"]
