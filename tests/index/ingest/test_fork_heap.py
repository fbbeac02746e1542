"""A rebuild's clustering is not forked from an indexer whose heap a huge article's batch left
large (Indexer._cluster_apart): the fork's allocations into the heap's free blocks were each
a page copied (an article of 20 MB: the indexer 340 MB, the clustering process 325, the two
665 at once; clustered in the indexer, 507 in all)."""

from __future__ import annotations

import pytest

from newsdesk.index.ingest import indexer
from newsdesk.index.ingest.indexer import Indexer


class _Table:
    def __init__(self) -> None:
        self.asked = 0

    def reclusters_all(self, stamp: str) -> bool:
        self.asked += 1
        return False

    def rebuilds_apart(self) -> tuple[bool, bool]:
        self.asked += 1
        return True, False  # (worth a process; a key index stored: no fresh one)


class _Early:
    closed = False

    def close(self) -> None:
        self.closed = True


def test_resident_memory_is_read() -> None:
    assert 1 < indexer._resident_mb() < 100_000


@pytest.mark.parametrize("resident", [100.0, 600.0])
def test_a_large_heap_clusters_in_the_indexer(monkeypatch: pytest.MonkeyPatch,
                                               resident: float) -> None:
    monkeypatch.setattr(indexer, "_resident_mb", lambda: resident)
    monkeypatch.setattr(indexer, "ClusterProcess", lambda *args, **kwargs: "process")
    run = Indexer.__new__(Indexer)
    run._early, run._committed = _Early(), True  # type: ignore[assignment]
    run.dictionaries = None  # type: ignore[assignment]
    early, table = run._early, _Table()
    found = run._cluster_apart(_Store(), table, False, "stamp")  # type: ignore[arg-type]
    assert early.closed  # (a guess made early: not wanted either way here)
    assert found == (None if resident > indexer.FORK_HEAP_MB else "process")


class _ManyKeys(_Table):
    def __init__(self, keys: int) -> None:
        super().__init__()
        self.keys = keys

    def rebuilds_apart(self) -> tuple[bool, bool]:
        return True, True

    def key_count(self) -> int:
        return self.keys


class _Store:
    path = "store.sqlite"


@pytest.mark.parametrize("keys", [100, indexer.FRESH_KEYS])
def test_many_keys_cluster_in_a_process_from_the_fork_server(
        monkeypatch: pytest.MonkeyPatch, keys: int) -> None:
    """Past FRESH_KEYS keys a first build's clustering process comes from the fork server:
    forked from the indexer, it allocated into the indexer's free blocks, each page it
    touched a copy (225,785 keys: 466 MB, 400 in a process of its own)."""
    started: list[dict[str, object]] = []
    monkeypatch.setattr(indexer, "_resident_mb", lambda: 100.0)
    monkeypatch.setattr(indexer, "ClusterProcess",
                        lambda *args, **kwargs: started.append(kwargs) or "process")
    run = Indexer.__new__(Indexer)
    run._early, run._committed = None, True
    run.dictionaries = None  # type: ignore[assignment]
    assert run._cluster_apart(_Store(), _ManyKeys(keys), False, "stamp") == "process"  # type: ignore[arg-type]
    assert started == [{"fresh": keys >= indexer.FRESH_KEYS}]


@pytest.mark.parametrize("keys", [100, indexer.FRESH_KEYS])
def test_the_names_caches_go_where_the_clustering_process_is_fresh(
        monkeypatch: pytest.MonkeyPatch, keys: int) -> None:
    """A clustering process from the fork server starts without the indexer's names'
    caches (its share of the extraction's), so the indexer lets go of them and of its
    extractor; a fork's clustering starts warm with them, so they stay."""
    from newsdesk.index.actors.names import name_key, significant

    monkeypatch.setattr(indexer, "_resident_mb", lambda: 100.0)
    monkeypatch.setattr(indexer, "ClusterProcess", lambda *args, **kwargs: "process")
    run = Indexer.__new__(Indexer)
    run._early, run._committed = None, True
    run.dictionaries = None  # type: ignore[assignment]
    run.__dict__["extractor"] = "an extractor"
    name_key("Cached Name")
    significant("cached name")
    assert run._cluster_apart(_Store(), _ManyKeys(keys), False, "stamp") == "process"  # type: ignore[arg-type]
    fresh = keys >= indexer.FRESH_KEYS
    assert (name_key.cache_info().currsize == 0) == fresh
    assert (significant.cache_info().currsize == 0) == fresh
    assert ("extractor" in run.__dict__) != fresh


def test_the_heap_is_weighed_after_the_caches_go(monkeypatch: pytest.MonkeyPatch) -> None:
    """An indexer past FORK_HEAP_MB only by its names' caches starts the fresh process (it
    weighs its heap once they are let go of), rather than clustering itself beside them."""
    from newsdesk.index.actors.names import name_key

    name_key("Cached Name")
    monkeypatch.setattr(indexer, "_resident_mb",
                        lambda: 600.0 if name_key.cache_info().currsize else 100.0)
    monkeypatch.setattr(indexer, "ClusterProcess", lambda *args, **kwargs: "process")
    run = Indexer.__new__(Indexer)
    run._early, run._committed = None, True
    run.dictionaries = None  # type: ignore[assignment]
    assert run._cluster_apart(_Store(), _ManyKeys(indexer.FRESH_KEYS), False, "stamp") \
        == "process"  # type: ignore[arg-type]
