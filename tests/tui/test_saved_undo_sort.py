"""Saved searches in the dashboard: u takes back a delete or a rename (as the actor
pane's u does; a delete could be taken back only by copying saved.yaml.bak by hand), and s
sorts them as saved, by name, by count, newest first, the order kept in saved.yaml."""

from __future__ import annotations

import time

from newsdesk.index.config import Settings
from newsdesk.index.userdata.bookmarks import BookmarkStore, corpus_data_dir
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.confirm import ConfirmDialog
from newsdesk.tui.dialogs.name import NameDialog
from newsdesk.tui.panes.saved import SavedPane
from tests.helpers.pilot import dashboard, wait_for, wait_ready


def _shown(pane: SavedPane) -> list[str]:
    return [str(pane.get_option_at_index(i).id) for i in range(pane.option_count)
            if pane.get_option_at_index(i).id is not None]


async def test_undo_a_delete_and_a_rename_and_sort(indexed_app_settings: Settings) -> None:
    store = BookmarkStore(corpus_data_dir(indexed_app_settings))
    store.load()
    for name, query in (("zeta", "pompeo"), ("alpha", "soleimani"), ("mid", '"drone strike"')):
        store.put(name, query)
        time.sleep(0.01)  # (created one after the other: newest is mid)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        pane = app.query_one(SavedPane)
        await wait_for(pilot, lambda: len(pane.counts) == 3 and all(
            c.count is not None for c in pane.counts.values()))
        pane.focus()
        await pilot.pause()
        assert _shown(pane) == ["zeta", "alpha", "mid"]
        pane.highlighted = _shown(pane).index("alpha")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: _shown(pane) == ["zeta", "mid"])
        await pilot.press("u")
        await wait_for(pilot, lambda: _shown(pane) == ["zeta", "alpha", "mid"])
        assert store.load()[1].name == "alpha" and store.get("alpha").query == "soleimani"
        pane.highlighted = _shown(pane).index("zeta")
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.press(*"omega", "enter")
        await wait_for(pilot, lambda: "omega" in _shown(pane))
        await pilot.press("u")
        await wait_for(pilot, lambda: "zeta" in _shown(pane) and "omega" not in _shown(pane))
        await pilot.press("u")  # nothing left to undo: said, nothing changes
        await pilot.pause()
        assert _shown(pane) == ["zeta", "alpha", "mid"]

        counts = {n: pane.counts[n].count for n in ("zeta", "alpha", "mid")}
        for sort, expected in (
                ("name", ["alpha", "mid", "zeta"]),
                ("count", sorted(counts, key=lambda n: -(counts[n] or 0))),
                ("newest", ["mid", "alpha", "zeta"]),
                ("saved", ["zeta", "alpha", "mid"])):
            await pilot.press("s")
            await wait_for(pilot, lambda expected=expected: _shown(pane) == expected)
            assert store.load() and store.sort == sort  # kept in the file
        await pilot.press("s")
        await wait_for(pilot, lambda: _shown(pane) == ["alpha", "mid", "zeta"])
    again = NewsdeskApp(indexed_app_settings)  # remembered
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        pane = again.query_one(SavedPane)
        await wait_for(pilot, lambda: _shown(pane) == ["alpha", "mid", "zeta"])
        assert dashboard(again).saved.store.sort == "name"
