"""An add's clustering of every key done in a process of its own (actors/cluster_process.py)
gives the table a rebuild gives; clusters of keys that changed since are not taken, and a
process that cannot start or dies leaves the clustering to the table, with the same
result. An indexing run that adds to a large table clusters there, the same; so does a
first build, whose process builds the key index too."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import time
import weakref
from functools import partial
from pathlib import Path

import pytest

from newsdesk.index.actors import cluster_process, key_index_store
from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.cluster import cluster
from newsdesk.index.actors.cluster_process import ClusterProcess
from newsdesk.index.actors.key_stats import read_key_stats, together_in
from newsdesk.index.actors.reach import key_stamp
from newsdesk.index.actors.table import ActorTable
from newsdesk.index.config import Settings
from newsdesk.index.ingest import indexer as indexer_module
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import segment_process
from newsdesk.index.storage.article_store import Store
from tests.bench.generate_corpus import write as write_corpus
from tests.helpers.calls import count_calls
from tests.index.actors.test_actor_update import STAMP, Corpus, _wire
from tests.index.actors.test_patch_equals_rebuild import ARTICLES
from tests.index.ingest.test_actor_update_run import _same_as_rebuilt
from tests.index.ingest.test_indexer import article


@pytest.fixture
def clustered_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the table clustered every key itself; every update a rebuild whose
    key index is brought up to date (as an add's to a million articles is)."""
    monkeypatch.setattr(table_module, "UPDATE_SHARE", 10**9)
    monkeypatch.setattr(table_module, "INDEX_UPDATE_SHARE", 1)
    monkeypatch.setattr(table_module, "CLUSTER_APART_KEYS", 0)
    monkeypatch.setattr(table_module, "REBUILD_APART_KEYS", 0)
    return count_calls(monkeypatch, table_module, "cluster")


def _corpus(tmp_path: Path) -> Corpus:
    corpus = Corpus(tmp_path / "store.sqlite")
    corpus.commit(_wire(80, 1))
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True)
    return corpus


@pytest.mark.parametrize("threads", [1, 2])  # (forked; from the fork server)
def test_clusters_made_apart_are_taken_and_equal_a_rebuild(
        tmp_path: Path, clustered_here: list[int], monkeypatch: pytest.MonkeyPatch,
        threads: int) -> None:
    monkeypatch.setattr(cluster_process.threading, "active_count", lambda: threads)
    corpus = _corpus(tmp_path)
    for seed in (2, 3):
        corpus.commit(_wire(40, seed))
        assert corpus.table.reclusters_all(STAMP)
        clustered_here.clear()
        apart = ClusterProcess(corpus.store.path, corpus.dictionaries)
        corpus.table.update(corpus.dictionaries, STAMP, apart.take)
        assert clustered_here == []  # (taken from the process)
        corpus.updated_equals_rebuilt(incremental=False)  # (an update with nothing to do)
    corpus.close()


def test_clusters_of_keys_changed_since_are_not_taken(
        tmp_path: Path, clustered_here: list[int]) -> None:
    corpus = _corpus(tmp_path)
    corpus.commit(_wire(40, 2))
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries)
    found = apart.take()
    assert found is not None
    corpus.commit(_wire(40, 3))  # (after the process read the keys)
    clustered_here.clear()
    corpus.table.update(corpus.dictionaries, STAMP, lambda: found)
    assert clustered_here == [1]
    corpus.updated_equals_rebuilt(incremental=False)
    corpus.close()


def test_the_table_read_while_clustering_is_read_again_after_another_write(
        tmp_path: Path, clustered_here: list[int]) -> None:
    """The table the clusters replace is read before they come (table.py's _OldTable):
    renamed meanwhile by another connection (a curation edit's re-clustering), it is
    read again, and the name comes back as the rebuild gives it."""
    corpus = _corpus(tmp_path)
    corpus.commit(_wire(40, 2))
    other = sqlite3.connect(corpus.store.path)
    changed = {k for (k,) in other.execute("SELECT key FROM key_changes")}
    held = {}
    for key, actor in other.execute("SELECT key, actor FROM actor_keys"):
        held.setdefault(actor, set()).add(key)
    # (An actor whose keys' totals stayed: written again only if its row differs.)
    actor, name = next((a, n) for a, n in other.execute("SELECT id, name FROM actors "
                                                         "ORDER BY id")
                       if not held.get(a, set()) & changed)
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries)

    def take() -> cluster_process.Clustered | None:
        found = apart.take()
        with other:
            other.execute("UPDATE actors SET name = 'Renamed Meanwhile' WHERE id = ?",
                          (actor,))
        return found

    clustered_here.clear()
    corpus.table.update(corpus.dictionaries, STAMP, take)
    other.close()
    assert clustered_here == []
    assert corpus.store.db.execute("SELECT name FROM actors WHERE id = ?",
                                   (actor,)).fetchone() == (name,)
    corpus.updated_equals_rebuilt(incremental=False)
    corpus.close()


def test_a_process_that_dies_or_cannot_start_leaves_the_clustering_here(
        tmp_path: Path, clustered_here: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path)
    corpus.commit(_wire(40, 2))
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries)
    assert apart._process is not None
    os.kill(apart._process._proc.pid, signal.SIGKILL)
    clustered_here.clear()
    corpus.table.update(corpus.dictionaries, STAMP, apart.take)
    assert clustered_here == [1]
    corpus.updated_equals_rebuilt(incremental=False)

    def no_fork(*args: object, **kwargs: object) -> None:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(cluster_process, "ServedProcess", no_fork)
    corpus.commit(_wire(40, 3))
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries)
    clustered_here.clear()
    corpus.table.update(corpus.dictionaries, STAMP, apart.take)
    assert clustered_here == [1]
    corpus.updated_equals_rebuilt(incremental=False)
    corpus.close()


def test_a_failure_in_the_process_leaves_the_clustering_here(
        tmp_path: Path, clustered_here: list[int]) -> None:
    corpus = _corpus(tmp_path)
    corpus.commit(_wire(40, 2))
    apart = ClusterProcess(tmp_path / "no-such-store.sqlite", corpus.dictionaries)
    assert apart.take() is None
    corpus.close()


def test_clusters_made_apart_are_taken_where_the_key_index_is_built_again(
        tmp_path: Path, clustered_here: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """An add that changed more keys than the stored key index is brought up to date for
    (INDEX_UPDATE_SHARE): the index is built again, from the store's keys, and the
    process's clusters are still taken (they were thrown away, every key clustered again
    here for the stats the index was built from)."""
    monkeypatch.setattr(table_module, "INDEX_UPDATE_SHARE", 10**9)  # (any change is past it)
    corpus = _corpus(tmp_path)
    for seed in (2, 3):
        corpus.commit(_wire(40, seed))
        db = corpus.store.db
        assert not key_index_store.current(db, key_stamp(db))
        clustered_here.clear()
        apart = ClusterProcess(corpus.store.path, corpus.dictionaries)
        corpus.table.update(corpus.dictionaries, STAMP, apart.take)
        assert clustered_here == []  # (taken from the process)
        assert key_index_store.current(db, key_stamp(db))
        # (The table a rebuild gives; the index stored equals one built from the keys.)
        corpus.updated_equals_rebuilt(incremental=False)
    corpus.close()


def test_only_a_large_table_whose_update_reaches_far_is_clustered_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path)
    assert not corpus.table.reclusters_all(STAMP)  # (nothing changed)
    corpus.commit(_wire(40, 2))
    assert not corpus.table.reclusters_all(STAMP)  # (a table this small)
    monkeypatch.setattr(table_module, "CLUSTER_APART_KEYS", 0)
    assert corpus.table.reclusters_all(STAMP)
    assert not corpus.table.reclusters_all("other dictionaries")
    monkeypatch.setattr(table_module, "UPDATE_SHARE", 0.01)  # (any region)
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True)
    corpus.commit([("w-x", "Sport", "The UCI met USADA.")])
    assert not corpus.table.reclusters_all(STAMP)  # (a region)
    corpus.close()


def test_an_add_to_a_large_table_clusters_apart_with_the_same_actors(
        corpus_settings: Settings, corpus_dir: Path, clustered_here: list[int]) -> None:
    for n, text in enumerate(ARTICLES[:3]):
        article(corpus_dir, f"{n}.txt", f"Story {n}", text)
    Indexer(corpus_settings).run()
    for n, text in enumerate(ARTICLES[3:], start=3):
        article(corpus_dir, f"{n}.txt", f"Story {n}", text)
    clustered_here.clear()
    Indexer(corpus_settings).run()
    assert clustered_here == []  # (in the process)
    _same_as_rebuilt(corpus_settings)


def test_an_add_handed_on_starts_its_clustering_as_its_last_batch_is_committed(
        corpus_settings: Settings, corpus_dir: Path, clustered_here: list[int],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An add whose last batch is handed on (ingest/overlap.py) starts its clustering
    process as that batch is committed: the stats it reads then (held here till they are
    read, before the commit) are brought up to date at `go` from the keys the commit
    changed, and the clusters are taken: the table a rebuild gives. `go` is sent once the
    batch's mentions are in, before the run closes its writers and index (_finish)."""
    monkeypatch.setattr(segment_process, "MIN_DOCUMENTS", 20)
    write_corpus(60, corpus_dir / "a.jsonl", seed=5)
    Indexer(corpus_settings).run()
    read_mark = _mark_stats_read(monkeypatch, tmp_path)
    patch_mark = tmp_path / "stats-patched"
    real_patch = cluster_process.patched_key_stats

    def patch_and_say(*args: object) -> object:  # (in the process)
        patch_mark.touch()
        return real_patch(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cluster_process, "patched_key_stats", patch_and_say)
    started: list[int] = []
    real_early = Indexer._cluster_early

    def early(self: Indexer, *args: object) -> None:
        real_early(self, *args)  # type: ignore[arg-type]
        started.append(int(self._early is not None))

    real_done = Store.mark_done

    def done_after_the_read(self: Store, *args: object, **kwargs: object) -> None:
        for _ in range(500):
            if not started or read_mark.exists():
                break
            time.sleep(0.01)
        real_done(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Indexer, "_cluster_early", early)
    monkeypatch.setattr(Store, "mark_done", done_after_the_read)
    monkeypatch.setattr(cluster_process.threading, "active_count", lambda: 1)  # (forked)
    events: list[str] = []
    real_go, real_finish = cluster_process.ClusterProcess.go, Indexer._finish

    def go(self: cluster_process.ClusterProcess) -> None:
        events.append("go" if not self._gone else "again")
        real_go(self)

    def finish(self: Indexer, *args: object) -> None:
        events.append("finish")
        real_finish(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(cluster_process.ClusterProcess, "go", go)
    monkeypatch.setattr(Indexer, "_finish", finish)
    write_corpus(30, corpus_dir / "b.jsonl", seed=6, first=1000)
    clustered_here.clear()
    Indexer(corpus_settings).run()
    assert started == [1] and read_mark.exists() and patch_mark.exists()
    assert events[:2] == ["go", "finish"]
    assert clustered_here == []  # (taken from the process)
    _same_as_rebuilt(corpus_settings)


def test_stats_read_before_a_commit_are_read_again_whole_if_clustered_since(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that read the stats before a commit brings them up to date from the keys
    that commit changed (key_changes), but where the table was clustered meanwhile (a
    curation edit's rebuild, which lets go of key_changes) it reads them all again: the
    clusters are those of the stats as they are."""
    corpus = _corpus(tmp_path)
    read_mark = _mark_stats_read(monkeypatch, tmp_path)
    monkeypatch.setattr(cluster_process.threading, "active_count", lambda: 1)  # (forked)
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries)
    for _ in range(500):
        if read_mark.exists():
            break
        time.sleep(0.01)
    corpus.commit(_wire(40, 2))
    ActorTable(corpus.store).rebuild(corpus.dictionaries, STAMP, titles_too=True)
    found = apart.take()
    assert found is not None
    db = corpus.store.db
    assert found.keys == key_stamp(db)
    stats, acronyms = read_key_stats(db)
    here = cluster(stats, acronyms, corpus.dictionaries, partial(together_in, db))
    assert [(c.name, c.type, c.code, c.hidden, c.keys) for c in found.clusters] == \
        [(c.name, c.type, c.code, c.hidden, c.keys) for c in here]
    corpus.close()


def _stored_state(store_path: Path) -> dict[str, object]:
    """What a rebuild leaves in the store: the actor table, its meta rows (keys, titles,
    dictionaries) and the key index, parsed (its bytes vary with how it was dumped)."""
    db = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        tables = {name: db.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall()
                  for name in ("actors", "actor_keys", "actor_aliases")}
        meta = db.execute("SELECT key, value FROM meta WHERE key IN ('actor_keys', "
                          "'actor_titles', 'actor_dictionaries') ORDER BY 1").fetchall()
        index = dict(db.execute("SELECT part, data FROM actor_key_index"))
    finally:
        db.close()
    return {**tables, "meta": meta, "label": index["label"],
            "parts": key_index_store.read_parts(index["parts"])}


@pytest.mark.parametrize(("threads", "index_apart"),
                         [(1, False), (2, False), (1, True)])  # (forked; from the fork server)
def test_a_rebuild_takes_the_clusters_and_key_index_made_apart(
        tmp_path: Path, clustered_here: list[int], monkeypatch: pytest.MonkeyPatch,
        threads: int, index_apart: bool) -> None:
    """(`index_apart`: the key index made in a process of its own after the clustering's,
    as past INDEX_APART_KEYS keys: the same index, stored.)"""
    monkeypatch.setattr(cluster_process.threading, "active_count", lambda: threads)
    if index_apart:
        monkeypatch.setattr(cluster_process, "INDEX_APART_KEYS", 1)
    built = count_calls(monkeypatch, table_module, "index_parts")
    count_calls(monkeypatch, table_module, "TitleFacts", built, mark=2)
    corpus = Corpus(tmp_path / "store.sqlite")
    corpus.commit(_wire(80, 1))
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries, index_too=True)
    running: list[bool] = []

    def take() -> cluster_process.Clustered | None:
        found = apart.take()
        running.append(apart._process is not None)  # noqa: SLF001 - what is running
        return found

    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True, clustered=take)
    assert clustered_here == [] and built == []  # (all taken from the process)
    # (Apart, the key index's process is started once the table is written, not beside
    # the clusters taken and written: the two were the build's peak.)
    assert running == [not index_apart]
    apart.close()  # (as the indexer does: the file the index made apart was written to gone)
    assert not list(tmp_path.glob(cluster_process.SPILL_PREFIX + "*"))
    taken = _stored_state(corpus.store.path)
    ActorTable(corpus.store).rebuild(corpus.dictionaries, STAMP, titles_too=True)
    assert _stored_state(corpus.store.path) == taken
    # Clusters without a key index, none stored: taken, and the index built here from the
    # store's keys (clustering every key again here for the stats cost several times the
    # index's read), the same as a rebuild's.
    corpus.commit(_wire(40, 2))
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries)
    clustered_here.clear()
    built.clear()
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True, clustered=apart.take)
    apart.close()
    assert clustered_here == [] and built[:1] == [1]
    taken = _stored_state(corpus.store.path)
    ActorTable(corpus.store).rebuild(corpus.dictionaries, STAMP, titles_too=True)
    assert _stored_state(corpus.store.path) == taken
    corpus.close()


@pytest.mark.parametrize("how", ["fails", "dies"])
@pytest.mark.parametrize(("titles_too", "index_apart"),
                         [(True, False), (False, False), (True, True)])
def test_a_process_lost_after_its_clusters_leaves_the_key_index_here(
        tmp_path: Path, clustered_here: list[int], monkeypatch: pytest.MonkeyPatch,
        how: str, titles_too: bool, index_apart: bool) -> None:
    """The clusters are sent before the key index and titles: a process that fails or dies
    between them (or the key index's own process, `index_apart`) leaves its clusters
    taken, and the index and titles made here, the same."""
    monkeypatch.setattr(cluster_process.threading, "active_count", lambda: 1)  # (forked)
    if index_apart:
        monkeypatch.setattr(cluster_process, "INDEX_APART_KEYS", 1)

    def lost(*args: object) -> None:
        if how == "dies":
            os._exit(1)
        raise RuntimeError("no key index")

    monkeypatch.setattr(cluster_process, "_index_and_titles", lost)
    monkeypatch.setattr(cluster_process, "_index_apart", lost)
    corpus = Corpus(tmp_path / "store.sqlite")
    corpus.commit(_wire(80, 1))
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries, index_too=True)
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=titles_too,
                         clustered=apart.take)
    assert clustered_here == []  # (its clusters taken)
    taken = _stored_state(corpus.store.path)
    ActorTable(corpus.store).rebuild(corpus.dictionaries, STAMP, titles_too=titles_too)
    assert _stored_state(corpus.store.path) == taken
    corpus.close()


def test_a_key_index_of_keys_changed_since_is_not_taken(
        tmp_path: Path, clustered_here: list[int]) -> None:
    corpus = Corpus(tmp_path / "store.sqlite")
    corpus.commit(_wire(80, 1))
    apart = ClusterProcess(corpus.store.path, corpus.dictionaries, index_too=True)
    found = apart.take()
    assert found is not None and found.indexed is not None
    corpus.commit(_wire(40, 2))  # (after the process read the keys)
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True, clustered=lambda: found)
    assert clustered_here == [1]
    taken = _stored_state(corpus.store.path)
    ActorTable(corpus.store).rebuild(corpus.dictionaries, STAMP, titles_too=True)
    assert _stored_state(corpus.store.path) == taken
    corpus.close()


def _first_build(settings: Settings, corpus_dir: Path) -> dict[str, object]:
    for n, text in enumerate(ARTICLES):
        article(corpus_dir, f"{n}.txt", f"Story {n}", text)
    index_folder = index_paths(settings).root
    if index_folder.exists():
        shutil.rmtree(index_folder)
    Indexer(settings).run()
    return _stored_state(index_paths(settings).store)


@pytest.mark.parametrize("fails", [False, True])
def test_a_first_build_clusters_apart_with_the_same_table_and_key_index(
        corpus_settings: Settings, corpus_dir: Path, clustered_here: list[int],
        monkeypatch: pytest.MonkeyPatch, fails: bool) -> None:
    """(`fails`: the process killed before it clusters: the table clusters itself.)"""
    started: list[bool] = []
    inner = indexer_module.ClusterProcess

    def counted(path: Path, dictionaries: object, index_too: bool = False,
                fresh: bool = False) -> object:
        started.append(index_too)
        apart = inner(path, dictionaries, index_too, fresh)  # type: ignore[arg-type]
        if fails and apart._process is not None:
            os.kill(apart._process._proc.pid, signal.SIGKILL)
        return apart

    monkeypatch.setattr(indexer_module, "ClusterProcess", counted)
    apart = _first_build(corpus_settings, corpus_dir)
    assert started == [True]
    assert clustered_here == ([1] if fails else [])
    monkeypatch.setattr(table_module, "REBUILD_APART_KEYS", 10**9)
    clustered_here.clear()
    here = _first_build(corpus_settings, corpus_dir)
    assert started == [True] and clustered_here == [1]  # (no process: all here)
    assert apart == here


def test_a_large_grouping_waits_for_the_rebuild_clustered_apart_and_its_table_let_go(
        corpus_settings: Settings, corpus_dir: Path, clustered_here: list[int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Past APART_GROUPING, the rebuild still clusters in its process, but the
    near-duplicates' grouping starts only once that process has ended and the indexer has
    let go of the actor table (its key index): clustered in the indexer, or kept through
    the grouping, they took a first build of 100,000 short articles from 308 to 394 MB.
    The table comes out as one clustered in the indexer."""
    monkeypatch.setattr(indexer_module, "APART_GROUPING", len(ARTICLES) - 1)
    processes: list[ClusterProcess] = []
    inner = indexer_module.ClusterProcess

    def tracked(path: Path, dictionaries: object, index_too: bool = False,
                fresh: bool = False) -> object:
        processes.append(inner(path, dictionaries, index_too, fresh))  # type: ignore[arg-type]
        return processes[-1]

    monkeypatch.setattr(indexer_module, "ClusterProcess", tracked)
    tables: weakref.WeakSet[ActorTable] = weakref.WeakSet()
    made_table = indexer_module.ActorTable

    def table(store: Store) -> ActorTable:
        made = made_table(store)
        tables.add(made)
        return made

    monkeypatch.setattr(indexer_module, "ActorTable", table)
    at_grouping: list[tuple[list[bool], int]] = []
    real_update = indexer_module.dup_groups.update

    def update(*args: object, **kwargs: object) -> object:
        at_grouping.append(([p._process is None for p in processes], len(tables)))
        return real_update(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(indexer_module.dup_groups, "update", update)
    apart = _first_build(corpus_settings, corpus_dir)
    assert clustered_here == []  # (clustered in the process)
    assert len(processes) == 1 and processes[0]._index_too
    assert at_grouping[-1] == ([True], 0)  # (the process ended, no table held)
    monkeypatch.setattr(table_module, "REBUILD_APART_KEYS", 10**9)
    here = _first_build(corpus_settings, corpus_dir)
    assert clustered_here == [1] and at_grouping[-1][1] == 0
    assert apart == here


def _mark_stats_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A file the clustering process touches once it has read the keys' stats."""
    read_mark = tmp_path / "stats-read"
    real_read = cluster_process.read_key_stats

    def read_and_say(*args: object, **kwargs: object) -> object:  # (in the process)
        found = real_read(*args, **kwargs)
        read_mark.touch()
        return found

    monkeypatch.setattr(cluster_process, "read_key_stats", read_and_say)
    return read_mark
