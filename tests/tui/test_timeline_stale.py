"""The timeline strip never passes an earlier query's figures for the query on show: the
moment new results are shown it is dimmed and marked "counting…" until its own figures
come (it showed "none of the 154 hits has a date" under "0 hits" for 1-2 s), and blank at
once when there are no hits."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.panes.timeline import TimelineStrip
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready


async def _shown(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    """The query put in the box at once (typed a key at a time, its prefixes' results
    come between) and its results shown."""
    app = pilot.app
    app.query_one(SearchBox).value = query
    await wait_for(pilot, lambda: dashboard(app).results.shown_query == query)


async def test_the_strip_is_marked_stale_at_once_and_blank_without_hits(
        indexed_wire_settings: Settings) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await search(pilot, "oil")
        await wait_for(pilot, lambda: main.views.timeline_query == "oil")
        strip = app.query_one(TimelineStrip)
        assert not strip.stale and "hits by" in str(strip.render())
        # The next query's figures never come: what shows is what the results' arrival did.
        main.views.compute = lambda *args, **kwargs: None  # type: ignore[method-assign]
        await _shown(pilot, "grain")
        shown = str(strip.render())
        assert strip.stale and shown.startswith("counting… hits by"), shown
        await _shown(pilot, "zzzzqqq")
        assert main.results.total == 0 and not str(strip.render()).strip()
        main.views.compute = type(main.views).compute.__get__(main.views)  # type: ignore[method-assign]
        await search(pilot, "oil")
        await wait_for(pilot, lambda: main.views.timeline_query == "oil")
        assert not strip.stale and str(strip.render()).startswith("hits by")
