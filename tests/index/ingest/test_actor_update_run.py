"""`newsdesk index` on a corpus that gained, changed or lost articles re-clusters its actors
from the keys that changed (ActorTable.update): the table equals a whole rebuild, and a run
stopped after its last commit, before its actors, leaves the changes for the next run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.table import ActorTable, settings_dictionaries, settings_stamp
from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.article_store import Store
from tests.index.actors.test_patch_equals_rebuild import ARTICLES, listing
from tests.index.ingest.test_indexer import article


def _same_as_rebuilt(settings: Settings) -> None:
    store = Store(index_paths(settings).store)
    try:
        table = ActorTable(store)
        assert not table.keys_changed()
        updated = listing(table)
        table.rebuild(settings_dictionaries(settings), settings_stamp(settings))
        assert updated == listing(table)
    finally:
        store.close()


def test_runs_that_add_change_and_delete_update_the_actors(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (A corpus this small: any region, else every update is a rebuild.)
    monkeypatch.setattr(table_module, "UPDATE_SHARE", 0.01)
    monkeypatch.setattr(table_module, "PATCH_SHARE", 0.01)
    for n, text in enumerate(ARTICLES[:3]):
        article(corpus_dir, f"{n}.txt", f"Story {n}", text)
    Indexer(corpus_settings).run()
    updates: list[bool] = []
    update = ActorTable.update

    def counted(self: ActorTable, *args: object) -> int:
        written = update(self, *args)  # type: ignore[arg-type]
        updates.append(self.last_patch is not None)
        return written

    monkeypatch.setattr(ActorTable, "update", counted)
    for n, text in enumerate(ARTICLES[3:], start=3):
        article(corpus_dir, f"{n}.txt", f"Story {n}", text)
        Indexer(corpus_settings).run()
        _same_as_rebuilt(corpus_settings)
    article(corpus_dir, "1.txt", "Story 1", "Gordon Brown met the US Anti-Doping Agency.")
    (corpus_dir / "2.txt").unlink()
    Indexer(corpus_settings).run()
    _same_as_rebuilt(corpus_settings)
    assert updates and all(updates)  # (each a region, not a rebuild)


def test_a_run_stopped_before_its_actors_leaves_them_to_the_next(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n, text in enumerate(ARTICLES[:3]):
        article(corpus_dir, f"{n}.txt", f"Story {n}", text)
    Indexer(corpus_settings).run()
    for n, text in enumerate(ARTICLES[3:], start=3):
        article(corpus_dir, f"{n}.txt", f"Story {n}", text)
    with monkeypatch.context() as patched:
        patched.setattr(Indexer, "_update_actors", lambda *args: None)  # (killed there)
        Indexer(corpus_settings).run()
    store = Store(index_paths(corpus_settings).store)
    assert ActorTable(store).keys_changed()
    assert ActorTable(store).resolve("Gordon Brown") is None  # (the table as it was)
    store.close()
    Indexer(corpus_settings).run()  # nothing new to read: the actors are caught up
    _same_as_rebuilt(corpus_settings)
    store = Store(index_paths(corpus_settings).store)
    assert ActorTable(store).resolve("Gordon Brown") is not None
    store.close()
