"""Once focused and the dashboard quiet, the actor pane readies in a worker what a curation
edit's re-clustering looks keys up in (ActorTable.prepare: the store's key index, stored by
the table's build, and the titles' facts): the session's first edit then reads and builds
none of it, runs in its worker, and the pane shows it when done. A session that never
focuses the pane never holds the index."""

from __future__ import annotations

import pytest

from newsdesk.index.actors import key_index_store, reach
from newsdesk.index.actors import table as table_module
from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.actors import ActorPane
from tests.helpers.pilot import hide_from_pane, palette, wait_for, wait_ready


def _refused(*args: object, **kwargs: object) -> None:
    raise AssertionError("a first edit read or built what the warm-up readies")


async def _loaded_pane(pilot) -> ActorPane:  # type: ignore[no-untyped-def]
    """The dashboard ready and its actor pane filled from an engine."""
    await wait_ready(pilot)
    pane = pilot.app.query_one(ActorPane)
    await wait_for(pilot, lambda: len(pane.actors) > 30)
    assert pane.engine is not None
    return pane


async def test_the_first_edit_finds_the_key_index_ready(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    Indexer(indexed_app_settings).run()
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        pane = await _loaded_pane(pilot)
        actors = pane.engine.actors
        await pilot.pause()
        assert actors._keys is None  # not held by a session that never edits actors
        await palette(pilot, "Actors")
        await wait_for(pilot, lambda: isinstance(app.focused, ActorList))
        await wait_for(pilot, lambda: actors._keys is not None and actors._titles is not None)
        for module, name in ((key_index_store, "read"), (reach, "index_parts"),
                             (table_module, "index_parts"), (table_module, "TitleFacts")):
            monkeypatch.setattr(module, name, _refused)

        await hide_from_pane(pilot, pane, "trump", "Donald Trump")


async def test_a_patched_edit_updates_the_list_in_place_as_a_reload_would(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A patched edit puts the few actors it wrote in place in the pane's list (no reload of
    every actor); the list is then the one a reload gives. A rebuilt one reloads all."""
    monkeypatch.setattr(table_module, "PATCH_SHARE", 1)  # a corpus this small: any region
    Indexer(indexed_app_settings).run()
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        pane = await _loaded_pane(pilot)
        table = pane.engine.actors
        loads: list[int] = []
        load = ActorPane.load
        monkeypatch.setattr(ActorPane, "load", lambda self: loads.append(1) or load(self))

        def listed() -> list[tuple]:
            return sorted((a.id, a.name, a.type, a.hidden, a.articles, a.mentions,
                           tuple(a.aliases)) for a in (*pane.actors, *pane.hidden_actors))

        def reloaded() -> list[tuple]:
            return sorted((a.id, a.name, a.type, a.hidden, a.articles, a.mentions,
                           tuple(a.aliases)) for a in table.list(hidden=True))

        edits = [("hide", "Donald Trump", None), ("rename", "Mike Pompeo", "M. Pompeo"),
                 ("merge", "M. Pompeo", "Popular Mobilization Forces"), ("undo", None, None),
                 ("undo", None, None), ("undo", None, None)]
        for action, name, value in edits:
            before = listed()
            pane.curate(action, table.resolve(name) if name else None, value)
            await wait_for(pilot, lambda b=before: listed() != b)  # noqa: B023
            await pilot.pause()
            assert listed() == reloaded(), action
        assert table.last_patch is not None  # (patched, not rebuilt)
        assert loads == []  # never all again
