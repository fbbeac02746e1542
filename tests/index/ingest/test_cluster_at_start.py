"""An add of one batch's text to a large table starts its clustering process as the run
starts (indexer.py's _cluster_at_start): the keys' stats are read before the batch is
committed, brought up to date at `go`, and the clusters taken give the table a rebuild
gives. A guess the batch's keys prove wrong ends the process unasked to cluster; an add of
more than one batch's text, or one whose articles would add too few key-article pairs,
starts none."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsdesk.index.actors import cluster_process
from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.cluster_process import ClusterProcess
from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.article_store import Store
from tests.bench.generate_corpus import write as write_corpus
from tests.helpers.calls import count_calls
from tests.index.actors.test_cluster_process import _mark_stats_read
from tests.index.ingest.test_actor_update_run import _same_as_rebuilt


@pytest.fixture
def apart(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every update of the table a rebuild whose key index is brought up to date (as an
    add's to a million articles is), on a table large enough to cluster apart; how many
    times the table clustered every key itself. Processes forked, as the command line's."""
    monkeypatch.setattr(table_module, "UPDATE_SHARE", 10**9)
    monkeypatch.setattr(table_module, "INDEX_UPDATE_SHARE", 1)
    monkeypatch.setattr(table_module, "CLUSTER_APART_KEYS", 0)
    monkeypatch.setattr(table_module, "REBUILD_APART_KEYS", 0)
    monkeypatch.setattr(cluster_process.threading, "active_count", lambda: 1)
    return count_calls(monkeypatch, table_module, "cluster")


def _started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each clustering process of a run was started: at the run's start or at its
    last batch's commit; "go" for each told to cluster, "closed" for each ended untold."""
    said: list[str] = []
    real_start, real_early = Indexer._cluster_at_start, Indexer._cluster_early

    def at_start(self: Indexer, *args: object) -> None:
        real_start(self, *args)  # type: ignore[arg-type]
        if self._early is not None:
            said.append("start")

    def early(self: Indexer, *args: object) -> None:
        was = self._early
        real_early(self, *args)  # type: ignore[arg-type]
        if was is None and self._early is not None:
            said.append("commit")

    real_go, real_close = ClusterProcess.go, ClusterProcess.close

    def go(self: ClusterProcess) -> None:
        if not self._gone:
            said.append("go")
        real_go(self)

    def close(self: ClusterProcess) -> None:
        if not self._gone and self._process is not None:
            said.append("closed")
        real_close(self)

    monkeypatch.setattr(Indexer, "_cluster_at_start", at_start)
    monkeypatch.setattr(Indexer, "_cluster_early", early)
    monkeypatch.setattr(ClusterProcess, "go", go)
    monkeypatch.setattr(ClusterProcess, "close", close)
    return said


def test_an_add_of_one_batch_reads_the_stats_before_its_commit(
        corpus_settings: Settings, corpus_dir: Path, apart: list[int],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    write_corpus(60, corpus_dir / "a.jsonl", seed=5)
    Indexer(corpus_settings).run()
    read_mark = _mark_stats_read(monkeypatch, tmp_path)
    committed_after_read: list[bool] = []
    real_done = Store.mark_done

    def done(self: Store, *args: object, **kwargs: object) -> None:
        for _ in range(500):  # (the process's read is given its time: a loaded machine)
            if read_mark.exists():
                break
            time.sleep(0.01)
        committed_after_read.append(read_mark.exists())
        real_done(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "mark_done", done)
    said = _started(monkeypatch)
    write_corpus(30, corpus_dir / "b.jsonl", seed=6, first=1000)
    apart.clear()
    Indexer(corpus_settings).run()
    assert said == ["start", "go"]
    assert committed_after_read == [True]  # (its stats read while the batch was made)
    assert apart == []  # (the clusters taken from the process)
    _same_as_rebuilt(corpus_settings)


def test_a_guess_the_batch_proves_wrong_ends_the_process_untold(
        corpus_settings: Settings, corpus_dir: Path, apart: list[int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(60, corpus_dir / "a.jsonl", seed=5)
    Indexer(corpus_settings).run()
    said = _started(monkeypatch)
    real = table_module.ActorTable.reclusters_all

    def far_only_at_the_start(self: table_module.ActorTable, stamp: str,
                              more: int = 0) -> bool:
        # (At the start, a guess of keys reaching far; from the commit on, what the table
        # says of the keys the batch names: a region, below.)
        return "start" not in said or real(self, stamp, more)

    monkeypatch.setattr(table_module.ActorTable, "reclusters_all", far_only_at_the_start)
    # (The region the update then patches: any size, on a corpus this small.)
    monkeypatch.setattr(table_module, "UPDATE_SHARE", 0.01)
    monkeypatch.setattr(table_module, "PATCH_SHARE", 0.01)
    write_corpus(30, corpus_dir / "b.jsonl", seed=6, first=1000)
    Indexer(corpus_settings).run()
    assert said == ["start", "closed"]
    _same_as_rebuilt(corpus_settings)


@pytest.mark.parametrize("why", ["more than a batch", "too few pairs"])
def test_no_process_at_the_start_where_the_add_is_large_or_small(
        corpus_settings: Settings, corpus_dir: Path, apart: list[int],
        monkeypatch: pytest.MonkeyPatch, why: str) -> None:
    write_corpus(60, corpus_dir / "a.jsonl", seed=5)
    Indexer(corpus_settings).run()
    write_corpus(30, corpus_dir / "b.jsonl", seed=6, first=1000)
    size = (corpus_dir / "b.jsonl").stat().st_size
    if why == "more than a batch":
        corpus_settings.index.batch_mb = (size - 1) / 2**20
    else:
        # (Files read before that gave no key-article pairs: the guess is no key changed.)
        monkeypatch.setattr(table_module.ActorTable, "key_articles", lambda self: 0)
    said = _started(monkeypatch)
    Indexer(corpus_settings).run()
    assert "start" not in said
    assert index_paths(corpus_settings).store.exists()
    _same_as_rebuilt(corpus_settings)
