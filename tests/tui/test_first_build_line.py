"""A first build says what it does from the dashboard's first frame: the worker loads the
engine and the indexer (Whoosh, numpy) and opens the new store before the indexer's first
progress, seconds on a busy machine, and "Opening the index…" stood alone meanwhile (15 s
on a 30,000-article corpus). The line says the build is starting, its seconds going by,
then the reading by bytes, in that order; the status line says a build, not an opening."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Static

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes import indexing
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import dashboard, wait_for


async def test_a_first_build_is_said_before_the_indexers_first_progress(
        wire_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []  # the lines, in order: "starting", then the progress phases
    starting, progress = indexing.starting_line, indexing.progress_line

    def starting_line(*args: object, **kwargs: object) -> str:
        shown.append("starting")
        return starting(*args, **kwargs)  # type: ignore[arg-type]

    def progress_line(p: object, *args: object, **kwargs: object) -> str:
        shown.append(getattr(p, "phase", ""))
        return progress(p, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(indexing, "starting_line", starting_line)
    monkeypatch.setattr(indexing, "progress_line", progress_line)
    # The indexer held before its first progress (its start on a busy machine), till the
    # starting line has been looked at.
    go = threading.Event()
    run = Indexer.run

    def held_run(self: Indexer, *args: object, **kwargs: object) -> object:
        go.wait(20)
        return run(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Indexer, "run", held_run)
    app = NewsdeskApp(wire_settings)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            bar = dashboard(app).index_bar
            label = app.query_one("#indexing-label", Static)
            await wait_for(pilot, lambda: bar.display and "first build" in str(label.render()))
            assert "Opening" not in str(app.query_one(StatusLine).render())
            assert "Building the index" in str(app.query_one(StatusLine).render())
            assert set(shown) == {"starting"}  # (no progress from the indexer yet)
            go.set()
            await wait_for(pilot, lambda: bar.engine is not None and not bar.indexing.is_set(),
                           timeout=30)
    finally:
        go.set()
    first_progress = next(i for i, phase in enumerate(shown) if phase != "starting")
    assert first_progress > 0 and "starting" not in shown[first_progress:]
    assert "indexing" in shown[first_progress:]


async def test_an_index_there_is_opened_with_no_starting_line(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(indexing, "starting_line",
                        lambda *args, **kwargs: said.append("starting") or "")
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        bar = dashboard(app).index_bar
        await wait_for(pilot, lambda: bar.engine is not None)
        assert not said and not bar.display
