"""A small command-line build's segment writer and extraction processes are plain forks of
the indexer (storage/fork_server.helper_context): not beside another thread, not on a run
of more than FORK_BYTES, not in the dashboard's `run`; and what they make is what the fork
server's processes make. A command-line run of one batch (ONE_PROCESS_BYTES at most) has no
helper at all, and makes the same."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.dups import presign
from newsdesk.index.ingest import indexer
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import fork_server
from tests.helpers.paths import write_config
from tests.index.ingest.test_overlap import _index, _settings, _small, _store


def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process's only thread, as far as the check sees: a test worker may hold threads
    other tests left (the whole suite failed here where the file alone passed)."""
    monkeypatch.setattr(fork_server.threading, "active_count", lambda: 1)


def test_a_fork_only_where_asked_and_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fork_server.helper_context(False) is fork_server.CONTEXT
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert fork_server.helper_context(True) is fork_server.CONTEXT
    finally:
        stop.set()
        other.join()
    _alone(monkeypatch)
    assert fork_server.helper_context(True).get_start_method() == "fork"


def _started_by(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(process name, start method) of each helper process started."""
    started: list[tuple[str, str]] = []
    real = fork_server.ServedProcess.__init__

    def spy(self: fork_server.ServedProcess, target: Any, args: tuple[Any, ...], name: str,
            what: str, context: Any = fork_server.CONTEXT) -> None:
        started.append((name, context.get_start_method()))
        real(self, target, args, name, what, context)

    monkeypatch.setattr(fork_server.ServedProcess, "__init__", spy)
    return started


def _helpers(started: list[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(name, how) for name, how in started
            if name in ("newsdesk-segment-writer", "newsdesk-actor-extraction")}


def test_a_small_run_alone_forks_its_helpers_and_builds_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    started = _started_by(monkeypatch)
    forked = _settings(tmp_path, "forked", folder, monkeypatch)
    _alone(monkeypatch)
    Indexer(forked).run_alone()
    assert _helpers(started) == {("newsdesk-segment-writer", "fork"),
                                 ("newsdesk-actor-extraction", "fork")}
    started.clear()
    served = _settings(tmp_path, "served", folder, monkeypatch)
    Indexer(served).run()  # (the dashboard's way: other threads may run)
    assert _helpers(started) == {("newsdesk-segment-writer", "forkserver"),
                                 ("newsdesk-actor-extraction", "forkserver")}
    assert _index(forked) == _index(served)
    assert _store(forked) == _store(served)


def test_a_large_run_alone_keeps_the_fork_server(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    monkeypatch.setattr(indexer, "FORK_BYTES", 1000)  # (the corpus is 120 articles)
    started = _started_by(monkeypatch)
    Indexer(_settings(tmp_path, "large", folder, monkeypatch)).run_alone()
    assert _helpers(started) == {("newsdesk-segment-writer", "forkserver"),
                                 ("newsdesk-actor-extraction", "forkserver")}


def _one_batch(tmp_path: Path, name: str, corpus: Path,
               monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings whose batches hold the whole corpus: a run of one batch."""
    cfg = write_config(tmp_path / f"{name}.yaml", [corpus],
                       f"index:\n  dir: {tmp_path / name}\n  batch_size: 1000\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return load_settings()


def _groups(settings: Settings) -> dict[str, list[tuple]]:
    db = sqlite3.connect(index_paths(settings).store)
    try:
        return {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall())
                for table in ("dup_groups", "dup_edges")}
    finally:
        db.close()


def test_a_run_alone_of_one_batch_has_no_helper_and_builds_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)  # (120 articles: one batch of 1,000, handed on from 20)
    for i in range(6):  # (near-duplicates for the grouping: copies of three articles)
        line = (folder / "a.jsonl").read_text(encoding="utf-8").splitlines()[i % 3]
        (folder / f"copy{i}.jsonl").write_text(line.replace('"id": "', f'"id": "c{i}-'),
                                               encoding="utf-8")
    started = _started_by(monkeypatch)
    kept: list[int] = []
    real_keep = presign.keep
    monkeypatch.setattr(presign, "keep", lambda db, signed: (kept.append(len(signed)),
                                                             real_keep(db, signed)))
    one = _one_batch(tmp_path, "one", folder, monkeypatch)
    _alone(monkeypatch)
    Indexer(one).run_alone()
    assert _helpers(started) == set()
    assert kept == [126]  # (signed as written, not again by the end's grouping)
    served = _one_batch(tmp_path, "served", folder, monkeypatch)
    Indexer(served).run()  # (the dashboard's way: the batch handed on to the helpers)
    assert _helpers(started) == {("newsdesk-segment-writer", "forkserver"),
                                 ("newsdesk-actor-extraction", "forkserver")}
    assert _index(one) == _index(served)
    assert _store(one) == _store(served)
    assert _groups(one) == _groups(served) and _groups(one)["dup_edges"]
    # More than ONE_PROCESS_BYTES to read: its helpers, forked.
    started.clear()
    monkeypatch.setattr(indexer, "ONE_PROCESS_BYTES", 1000)
    Indexer(_one_batch(tmp_path, "more", folder, monkeypatch)).run_alone()
    assert _helpers(started) == {("newsdesk-segment-writer", "fork"),
                                 ("newsdesk-actor-extraction", "fork")}
