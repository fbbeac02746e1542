"""G in the results goes to the last hit of all, not to the end of the page fetched (the
bottom of `said`'s 25,470 hits took some 1,270 presses, one page each), and g back to the
top; keys pressed meanwhile do not pull the cursor back to a page's end."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.results import ResultsList
from tests.helpers.pilot import search, wait_for, wait_ready


async def test_G_goes_to_the_last_hit_of_all_and_g_to_the_first(
        distinct_settings: Settings) -> None:
    distinct_settings.ui.page_size = 7
    app = NewsdeskApp(distinct_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "story")
        results = app.query_one(ResultsList)
        assert results.total == 120 and len(results.hits) == 7
        results.focus()
        await pilot.press("G")
        await wait_for(pilot, lambda: len(results.hits) == 120, timeout=60)
        await pilot.pause()
        assert results.highlighted == 119 and results.current_hit is not None
        assert results.current_hit.id == results.fetched[-1].id
        await pilot.press("g")
        assert results.highlighted == 0
        await pilot.press("G")  # all fetched: at once
        assert results.highlighted == 119
        await search(pilot, "says")  # another query: its first page, the cursor on top
        assert len(results.hits) == 7 and results.highlighted == 0
