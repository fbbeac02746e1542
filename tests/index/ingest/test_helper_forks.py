"""A small command-line build's segment writer and extraction processes are plain forks of
the indexer (storage/fork_server.helper_context): not beside another thread, not on a run
of more than FORK_BYTES, not in the dashboard's `run`; and what they make is what the fork
server's processes make."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from newsdesk.index.ingest import indexer
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.storage import fork_server
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
