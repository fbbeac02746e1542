"""The near-duplicates' grouping at a first build's end in a process of its own
(dups/group_process.py) leaves the store as grouping in the indexer does: the same
signatures, edges and groups, the same actor table and key index written beside it; the
signatures made ahead are taken there, none signed again. A process that fails leaves the
grouping to the indexer, with the same result."""

from __future__ import annotations

import shutil
import sqlite3
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from newsdesk.index.actors import table as table_module
from newsdesk.index.config import Settings
from newsdesk.index.dups import group_process, groups, presign, sketch
from newsdesk.index.dups.group_process import GroupProcess
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from tests.index.actors.test_cluster_process import _stored_state
from tests.index.dups.test_presign import _items, _left, _state, _store
from tests.index.ingest.test_indexer import article


def test_a_grouping_in_a_process_equals_one_here(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    items = _items()
    here, apart = _store(tmp_path / "a.sqlite", items), _store(tmp_path / "b.sqlite", items)
    try:
        signed = presign.sign(list(items), list(items.values()))
        for store in (here, apart):
            with store.db:
                presign.keep(store.db, signed)
        groups.update(here.db, here.lock, presigned=presign.taker(here.db))
        assert _left(here.db) == 0

        def no_signing(*args: object) -> object:  # (in the process too: a fork)
            raise AssertionError("signed again")

        monkeypatch.setattr(sketch, "word_pairs", no_signing)
        own = apart.db.execute("PRAGMA busy_timeout").fetchone()[0]
        process = GroupProcess(apart.path, apart.db)
        assert apart.db.execute("PRAGMA busy_timeout").fetchone()[0] > own  # (meanwhile)
        assert process.wait(lambda: False)
        assert apart.db.execute("PRAGMA busy_timeout").fetchone()[0] == own
        assert _left(apart.db) == 0  # (taken there: dropped here)
        assert _state(apart.db) == _state(here.db)
        assert groups.needs_update(apart.db) is False
        assert len({group for _, group in _state(here.db)[1]}) > 1
    finally:
        here.close()
        apart.close()


def test_a_grouping_told_to_stop_is_left_to_the_next(tmp_path: Path) -> None:
    store = _store(tmp_path / "a.sqlite", _items())
    try:
        assert not GroupProcess(store.path, store.db).wait(lambda: True)
        groups.update(store.db, store.lock)  # (the next run's: finishes what is left)
        assert groups.needs_update(store.db) is False
        assert store.db.execute("SELECT count(*) FROM dup_unlinked").fetchone()[0] == 0
    finally:
        store.close()


def _dup_state(store_path: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        return {name: db.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall()
                for name in ("dup_sigs", "dup_edges", "dup_groups")}
    finally:
        db.close()


def _first_build(settings: Settings, corpus_dir: Path) -> dict[str, object]:
    for n, (name, text) in enumerate(sorted(_items().items())):
        article(corpus_dir, f"{n}.txt", f"Story {name}", text)
    index_folder = index_paths(settings).root
    if index_folder.exists():
        shutil.rmtree(index_folder)
    Indexer(settings).run()
    store = index_paths(settings).store
    return {**_stored_state(store), **_dup_state(store)}


@pytest.mark.parametrize("fails", [False, True])
def test_a_first_build_groups_apart_as_in_the_indexer(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch,
        fails: bool) -> None:
    """(`fails`: the process fails before grouping: the indexer groups itself.)"""
    # A rebuild clustered apart (as a first build of thousands of articles is), the
    # grouping beside it, as under `newsdesk index` (its one thread: a plain fork).
    monkeypatch.setattr(table_module, "REBUILD_APART_KEYS", 0)
    monkeypatch.setattr(group_process.threading, "active_count", lambda: 1)
    waited: list[bool] = []
    real_wait = GroupProcess.wait

    def wait(self: GroupProcess, stop: object) -> bool:
        waited.append(real_wait(self, stop))  # type: ignore[arg-type]
        return waited[-1]

    monkeypatch.setattr(GroupProcess, "wait", wait)
    if fails:
        def failing(conn: Connection, *args: object) -> None:  # (in the process)
            conn.send(("failed", "RuntimeError: failed on purpose"))

        monkeypatch.setattr(group_process, "_serve", failing)
    apart = _first_build(corpus_settings, corpus_dir)
    assert waited == [not fails]
    monkeypatch.setattr(group_process, "can_fork", lambda: False)  # (grouped here)
    here = _first_build(corpus_settings, corpus_dir)
    assert apart == here
    assert here["dup_groups"]
