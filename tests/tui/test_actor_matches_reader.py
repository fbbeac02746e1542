"""An actor filter's mentions in the reader: the border counts them and n / N step through
them, as a word's matches; the results list the newest first, as the empty query does."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from tests.helpers.pilot import search, wait_for, wait_ready


async def test_reader_steps_through_an_actors_mentions(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, 'actor:"Mike Pompeo"')
        results = app.query_one(ResultsList)
        await wait_for(pilot, lambda: len(results.hits) >= 2)
        dates = [h.date for h in results.hits if h.date is not None]
        assert dates == sorted(dates, reverse=True)  # newest first, as the empty query
        assert all(h.snippet.spans for h in results.hits)  # each snippet shows a mention
        await pilot.press("down", "enter")
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: app.focused is reader and reader.document is not None)
        document = reader.document
        engine = reader.engine
        mentions = [m.span for m in document.mentions
                    if m.actor_id == engine.actors.resolve("Mike Pompeo").id]
        assert mentions and document.spans == mentions
        total = reader.match_count
        assert total == len(mentions)
        assert reader.current == 0 and reader.border_subtitle == f"match 1 of {total:,}"
        text = document.article.text
        assert all("pompeo" in text[s:e].lower() for s, e in document.spans)
        await pilot.press("n")
        assert reader.current == 1 % total
        assert reader.border_subtitle == f"match {reader.current + 1} of {total:,}"
        await pilot.press("N", "N")
        assert reader.current == (total - 1) % total
