"""No false "Actors changed elsewhere": not while the dashboard's own first build is at
work (its list was loaded from a table not clustered yet, and the poll re-clustered that
table beside the build), and not when the index was built with another XDG_DATA_HOME.
A change made elsewhere is still said."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsdesk.index.actors import table
from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.actors import ActorPane
from tests.helpers.pilot import dashboard, notices, wait_for, wait_ready

ELSEWHERE = "Actors changed elsewhere"


@pytest.fixture
def counted_polls(monkeypatch: pytest.MonkeyPatch) -> tuple[list[bool], list[int]]:
    """(each poll: whether a build was at work, each check of the table), polling often."""
    monkeypatch.setattr("newsdesk.tui.panes.actors.POLL_SECONDS", 0.05)
    polls: list[bool] = []
    checks: list[int] = []
    poll, check = ActorPane.poll, table.recluster_if_changed

    def counted_poll(self: ActorPane):  # type: ignore[no-untyped-def]
        polls.append(self.building)
        return poll(self)

    def counted_check(settings: Settings, actors: table.ActorTable) -> bool:
        checks.append(1)
        return check(settings, actors)

    monkeypatch.setattr(ActorPane, "poll", counted_poll)
    monkeypatch.setattr(table, "recluster_if_changed", counted_check)
    return polls, checks


def _said(app: NewsdeskApp) -> bool:
    return any(ELSEWHERE in n for n in notices(app))


async def test_no_toast_while_and_after_the_first_build(
        app_settings: Settings, monkeypatch: pytest.MonkeyPatch,
        counted_polls: tuple[list[bool], list[int]]) -> None:
    polls, checks = counted_polls
    hold = threading.Event()
    update = Indexer._update_actors

    def held(self: Indexer, *args: object) -> None:  # the articles are in, not the actors
        hold.wait(30)
        update(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Indexer, "_update_actors", held)
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        try:
            await wait_for(pilot, lambda: sum(polls) >= 3)  # polled while building
            assert checks == []  # the unclustered table was left to the build
        finally:
            hold.set()
        await wait_ready(pilot)
        await wait_for(pilot, lambda: len(checks) >= 3)  # polled, and checked, after it
        assert not _said(app)
        assert dashboard(app).actors.actors  # the list, from the clustered table


async def test_another_data_home_is_no_change_and_a_change_is_said(
        app_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        counted_polls: tuple[list[bool], list[int]]) -> None:
    _, checks = counted_polls
    Indexer(app_settings).run()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another"))
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_ready(pilot)
        await wait_for(pilot, lambda: len(checks) >= 3)
        assert not _said(app)
        pane = dashboard(app).actors
        assert pane.engine is not None
        table.Curation(table.curation_path(app_settings)).hide(
            pane.engine.actors.resolve("Baghdad"))  # as `newsdesk actors hide` does
        await wait_for(pilot, lambda: _said(app))
