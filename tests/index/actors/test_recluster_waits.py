"""A re-clustering that waited for the curation's lock while another newsdesk applied the same
files (a dashboard's poll saw a command's edit written, the command then re-clustered)
leaves the table that one built: it rebuilt every actor again, and the next command waited
for that too."""

from __future__ import annotations

import threading
import time

import pytest

from newsdesk.index.actors.opened import actor_table
from newsdesk.index.actors.table import (
    ActorTable,
    Curation,
    curation_path,
    recluster,
    recluster_if_changed,
    table_is_current,
)
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer


@pytest.fixture
def own_seeds(app_settings: Settings) -> Settings:
    Indexer(app_settings).run()
    return app_settings


@pytest.mark.parametrize("edit", [pytest.param("hide", marks=pytest.mark.slow),
                                  pytest.param("rename", marks=pytest.mark.slow), "merge"])
def test_a_table_made_current_meanwhile_is_not_built_again(
        own_seeds: Settings, monkeypatch: pytest.MonkeyPatch, edit: str) -> None:
    with Engine(own_seeds) as engine:
        table = engine.actors
        curation = Curation(curation_path(own_seeds))
        baghdad, trump = table.resolve("Baghdad"), table.resolve("Trump")
        if edit == "hide":
            curation.hide(baghdad)
        elif edit == "rename":
            curation.rename(trump, "President Trump")
        else:
            curation.merge(baghdad, table.resolve("Iraq"))
        built: list[str] = []
        answered: list[bool] = []
        polls: list[threading.Thread] = []

        def poll() -> None:  # (the dashboard: a table of its own, as a process has)
            with actor_table(own_seeds) as mine:
                answered.append(recluster_if_changed(own_seeds, mine))

        real_rebuild, real_patch = ActorTable.rebuild, ActorTable.patch

        def rebuild(self: ActorTable, *args: object, **kwargs: object) -> object:
            built.append(threading.current_thread().name)
            return real_rebuild(self, *args, **kwargs)

        def patch(self: ActorTable, *args: object, **kwargs: object) -> object:
            built.append(threading.current_thread().name)
            if not polls:  # the poll sees the edit written, not applied: it waits
                polls.append(threading.Thread(target=poll))
                polls[0].start()
                time.sleep(0.3)
            return real_patch(self, *args, **kwargs)

        monkeypatch.setattr(ActorTable, "rebuild", rebuild)
        monkeypatch.setattr(ActorTable, "patch", patch)
        recluster(own_seeds, table, curation.applied)  # the command's, under the lock
        polls[0].join(60)
        assert answered == [True]  # (changed, by another: the dashboard reads it again)
        # The command's patch alone (or the rebuild a patch gives way to): no rebuild by
        # the poll after it.
        assert set(built) == {threading.main_thread().name}
        assert table_is_current(own_seeds, table)
