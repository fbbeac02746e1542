"""Keys that act on the results wait for the results of the text typed before them (issue 23,
tui/screens/main.py `key_waits`), driven with Pilot; a stuck search keeps them only so long;
a line feed typed before the terminal was raw is Enter (tui/key_order.py)."""

from __future__ import annotations

import pytest
from textual import events

from newsdesk.index.config import Settings
from newsdesk.tui import key_order
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.screens import main as main_module
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready
from tests.tui.test_app_keys import hold_searches
from tests.tui.test_typeahead import burst


async def test_down_and_enter_wait_for_the_results_of_the_query(
        indexed_app_settings: Settings) -> None:
    """"kassem", Down, Enter in one burst while the newest articles are listed: nothing
    opens while kassem is searched, then its hit does (the newest article opened)."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await wait_for(pilot, lambda: len(main.results.hits) == 5)  # the newest articles
        assert not main.results.hits[0].id.startswith("001")
        gate, started = hold_searches(main)
        burst(app, "kassem")
        for key in ("down", "enter"):
            app.post_message(events.Key(key, None))
        await wait_for(pilot, lambda: main.box.value == "kassem" and started.is_set())
        await pilot.pause(0.2)
        reader = app.query_one(ArticleView)
        assert main.box.has_focus and app.keys.waiting, "Down went on before the results"
        gate.set()
        await wait_for(pilot, lambda: reader.has_focus)
        assert reader.document is not None and reader.document.article.id.startswith("001")


async def test_a_stuck_search_keeps_the_keys_only_so_long(indexed_app_settings: Settings,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_module, "RESULTS_WAIT", 0.3)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await wait_for(pilot, lambda: len(main.results.hits) == 5)
        gate, started = hold_searches(main)
        burst(app, "kassem")
        app.post_message(events.Key("down", None))
        await wait_for(pilot, lambda: main.results.has_focus)  # the search still held
        assert started.is_set() and not gate.is_set()
        gate.set()


async def test_a_line_feed_read_at_launch_is_enter(indexed_app_settings: Settings) -> None:
    """Keys typed before the terminal was raw come in one read, Enter as a line feed
    (Ctrl+J): it is Enter."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        sent: list[str] = []

        async def send(event: key_order.KeyEvent) -> None:
            assert isinstance(event, events.Key)
            sent.append(event.key)

        gate = key_order.KeyGate(app, send)  # closed, as at launch
        read = [events.Key(c, c) for c in "oi"] + [events.Key("ctrl+j", "\n")]
        for event in read:
            event.time = read[0].time
        for event in read:
            await gate.offer(event)
        assert sent == []
        gate.start()
        await wait_for(pilot, lambda: len(sent) == 3)
        assert sent == ["o", "i", "enter"]
        later = events.Key("ctrl+j", "\n")  # pressed once it is up: Ctrl+J
        await gate.offer(later)
        assert sent[-1] == "ctrl+j"


async def test_keys_in_the_results_wait_for_the_results_they_asked_for(
        indexed_app_settings: Settings) -> None:
    """In the list, "s" (sort newest first) and Enter in one burst: Enter opens the top hit
    of the new order, not the one the list showed when Enter came."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await search(pilot, "soleimani")
        main.action_focus_results()
        await pilot.pause()
        engine = main.index_bar.engine
        assert engine is not None
        newest = engine.search("soleimani", 20, "newest", fold=True).hits[0].id
        assert main.results.hits[0].id != newest  # else the test could not fail
        gate, started = hold_searches(main)
        burst(app, "s\r")
        await wait_for(pilot, started.is_set)
        await pilot.pause(0.2)
        reader = app.query_one(ArticleView)
        assert main.results.has_focus and app.keys.waiting, "Enter went on before the results"
        gate.set()
        await wait_for(pilot, lambda: reader.has_focus)
        assert reader.document is not None and reader.document.article.id == newest
