"""G fetches every story but builds (reads, highlights, snips) only those on screen: the
others are bare hits (Hit.built False), built as they come into view (ux: G built all of
`said`'s 11,340 stories at bbc-30000, 2.4 s of CPU). What is shown is what a full build
shows."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.results import ResultsList
from tests.helpers.pilot import search, wait_for, wait_ready


def test_bare_hits_build_as_a_full_search_does(distinct_settings: Settings) -> None:
    Indexer(distinct_settings).run()
    with Engine(distinct_settings) as engine:
        for query, head, tail in (("story", 7, 5), ("says w1x OR w2x OR story", 0, 3),
                                  ("story", 0, 0), ("story", 60, 60)):
            full = engine.search(query, 120, fold=True)
            part = engine.search(query, 120, fold=True, build=(head, tail))
            assert [h.id for h in part.hits] == [h.id for h in full.hits]
            assert part.total == full.total and part.copies == full.copies
            n = len(full.hits)
            built = [h.built for h in part.hits]
            assert built == [i < head or i >= n - tail or head + tail >= n for i in range(n)]
            bare = [(h.id, h.score) for h in part.hits if not h.built]
            assert engine.copy_hits(query, bare) == [h for h in full.hits if
                                                     (h.id, h.score) in set(bare)]


async def test_G_builds_only_what_is_shown(distinct_settings: Settings) -> None:
    distinct_settings.ui.page_size = 7
    app = NewsdeskApp(distinct_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "story")
        results = app.query_one(ResultsList)
        results.focus()
        await pilot.press("G")
        await wait_for(pilot, lambda: len(results.hits) == 120, timeout=60)
        assert results.highlighted == 119
        assert sum(h.built for h in results.hits) < 40  # the first page and the last screen

        def shown_built() -> bool:
            first = int(results.scroll_offset.y) // 4
            return all(h.built for h in results.hits[first:first + results._page()])

        await wait_for(pilot, shown_built)
        await pilot.press("pageup", "pageup", "pageup")  # new rows come into view: built
        await wait_for(pilot, shown_built)
        assert sum(h.built for h in results.hits) < 60
        first = int(results.scroll_offset.y) // 4
        for index in range(first, first + results._page()):  # painted as a full build
            hit = results.hits[index]
            assert results._hit_strips(index)[0].text.strip() == f"Story {int(hit.id[1:])}"
