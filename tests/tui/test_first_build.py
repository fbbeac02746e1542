"""The first build of a corpus is searchable as its batches are committed: the dashboard opens
search on the committed part, says it is partial, and its counts grow with each commit."""

from __future__ import annotations

import time

import pytest
from textual.widgets import Static

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from tests.helpers.pilot import dashboard, search, wait_for


async def test_first_build_is_searchable_before_it_ends(
        wire_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    wire_settings.index.batch_size = 30  # 120 articles: 4 batches
    commit = Indexer._commit_pending

    def slow_commit(self, *args, **kwargs) -> int:  # type: ignore[no-untyped-def]
        count = commit(self, *args, **kwargs)
        time.sleep(0.6)  # a long build: the dashboard is searched meanwhile
        return count

    monkeypatch.setattr(Indexer, "_commit_pending", slow_commit)
    app = NewsdeskApp(wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        bar = dashboard(app).index_bar
        await wait_for(pilot, lambda: bar.engine is not None, timeout=20)
        assert bar.indexing.is_set()  # opened while the build goes on
        first_count = bar.doc_count
        assert 0 < first_count < 120
        label = app.query_one("#indexing-label", Static)
        await wait_for(pilot, lambda: "partial index" in str(label.render()))
        await search(pilot, "oil")
        assert dashboard(app).results.total > 0
        partial_total = dashboard(app).results.total
        # Later commits are picked up at once, and the search runs again on them.
        await wait_for(pilot, lambda: not bar.indexing.is_set() and bar.doc_count == 120,
                       timeout=30)
        await wait_for(pilot, lambda: dashboard(app).results.total >= partial_total)
        await wait_for(pilot, lambda: not bar.display)
