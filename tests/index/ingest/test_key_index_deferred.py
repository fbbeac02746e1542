"""A first build inserts mention rows without the index by key and article and builds it
once before the actors are clustered (storage/key_article_index.py); every other run, a
store opened meanwhile, and a run after a first build killed half-way keep it right."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import key_article_index
from newsdesk.index.storage.article_store import Store

PEOPLE = ["Tony Blair", "Angela Merkel", "Vladimir Putin", "Gordon Brown", "Kofi Annan"]


def _write(corpus_dir: Path, first: int, count: int) -> None:
    for i in range(first, first + count):
        name, other = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 2) % len(PEOPLE)]
        (corpus_dir / f"{i:03}.txt").write_text(
            f"Talks number {i}\n\nOn Monday {name} met {other} in London. "
            f"Later {name} said the talks went well, and {other} agreed.\n")


def _has_index(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                      (key_article_index.NAME,)).fetchone() is not None


def _seen_at_each_batch(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the index was there each time a batch's mention rows went in."""
    seen: list[bool] = []
    mark_done = Store.mark_done

    def watched(self: Store, *args: object, **options: object) -> None:
        with self.lock:
            seen.append(_has_index(self.db))
        mark_done(self, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "mark_done", watched)
    return seen


def _store_path(settings: Settings) -> Path:
    return index_paths(settings).store


def test_a_first_build_goes_without_the_index_and_ends_with_it(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(corpus_dir, 0, 25)
    corpus_settings.index.batch_size = 5
    seen = _seen_at_each_batch(monkeypatch)
    Indexer(corpus_settings).run()
    assert len(seen) >= 5 and not any(seen)
    db = sqlite3.connect(_store_path(corpus_settings))
    assert _has_index(db) and not key_article_index.is_deferred(db)
    db.close()
    with Engine(corpus_settings) as engine:
        names = {a.name for a in engine.actors.list()}
        assert {"Tony Blair", "Angela Merkel"} <= names
        assert engine.count('actor:"Tony Blair"') == 10

    seen.clear()
    _write(corpus_dir, 25, 10)  # an add: the index kept up to date row by row
    Indexer(corpus_settings).run()
    assert seen and all(seen)
    with Engine(corpus_settings) as engine:
        assert engine.count('actor:"Tony Blair"') == 14


def test_a_store_opened_during_a_first_build_leaves_the_index_deferred(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    store = Store(path)
    store.defer_key_index()
    Store(path).close()  # another writable open meanwhile (the dashboard, a CLI command)
    assert not _has_index(store.db) and key_article_index.is_deferred(store.db)
    store.build_key_index()
    assert _has_index(store.db) and not key_article_index.is_deferred(store.db)
    store.close()


@pytest.mark.parametrize("killed_at", [1, 2, 3])
def test_a_first_build_killed_half_way_gets_the_index_from_the_next_run(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch,
        killed_at: int) -> None:
    _write(corpus_dir, 0, 20)
    corpus_settings.index.batch_size = 5
    calls = 0
    mark_done = Store.mark_done

    def killed(self: Store, *args: object, **options: object) -> None:
        nonlocal calls
        calls += 1
        if calls == killed_at:
            raise KeyboardInterrupt  # killed with the index deferred
        mark_done(self, *args, **options)  # type: ignore[arg-type]

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(Store, "mark_done", killed)
        Indexer(corpus_settings).run()
    db = sqlite3.connect(_store_path(corpus_settings))
    assert key_article_index.is_deferred(db) and not _has_index(db)
    db.close()
    report = Indexer(corpus_settings).run()
    assert report.total == 20
    db = sqlite3.connect(_store_path(corpus_settings))
    assert _has_index(db) and not key_article_index.is_deferred(db)
    db.close()
    with Engine(corpus_settings) as engine:
        assert engine.count('actor:"Angela Merkel"') == 8


def test_building_the_index_leaves_the_indexers_page_cache_as_it_was(tmp_path: Path) -> None:
    """The index is sorted in runs of a small page cache (key_article_index.SORT_CACHE);
    the indexer's own cache comes back after it."""
    store = Store(tmp_path / "store.sqlite").for_indexing()
    before = store.db.execute("PRAGMA cache_size").fetchone()[0]
    assert before != key_article_index.SORT_CACHE
    store.defer_key_index()
    store.build_key_index()
    assert _has_index(store.db)
    assert store.db.execute("PRAGMA cache_size").fetchone()[0] == before
    store.close()
