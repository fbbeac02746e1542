"""The reader on an article with more matches than highlighting works out (MAX_MATCHES):
it opens on the first, steps through the first MAX_MATCHES with n / N, and says there are
more after them rather than giving a count that is not the article's. (A 12 MB article of
2,000,000 matches took 46 s and 1.3 GB to open; every match was a span and a style.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.query.highlight import MAX_MATCHES
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.reader import ArticleView
from tests.helpers.pilot import dashboard, wait_for, wait_ready

MATCHES = 3 * MAX_MATCHES


@pytest.fixture
def many_settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "many"
    corpus.mkdir()
    (corpus / "many.txt").write_text("Many\n\n" + "word0 " * MATCHES + "end\n",
                                     encoding="utf-8")
    (corpus / "few.txt").write_text("Few\n\nword0 once, and word0 twice.\n", encoding="utf-8")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    return settings


async def test_the_reader_steps_through_the_first_matches_and_says_there_are_more(
        many_settings: Settings) -> None:
    app = NewsdeskApp(many_settings)
    async with app.run_test(size=(100, 30)) as pilot:
        app.animation_level = "none"
        await wait_ready(pilot)
        reader = app.query_one(ArticleView)
        for article_id, count, complete in (("many", MAX_MATCHES, False), ("few", 2, True)):
            reader.document = None
            dashboard(app).views.reader.load(article_id, "word0", focus=True)
            await wait_for(pilot, lambda: reader.document is not None, timeout=60)
            await pilot.pause()
            assert reader.document.spans_complete is complete
            assert reader.match_count == count
            shown = str(reader.border_subtitle)
            if complete:
                assert shown == f"match 1 of {count}"
            else:
                assert shown == f"match 1 of the first {count:,}; more after them"
            await pilot.press("N")  # from the first back round to the last worked out
            await pilot.pause()
            assert reader.current == count - 1 and reader.visible_match_on_screen()
            await pilot.press("n")
            await pilot.pause()
            assert reader.current == 0 and reader.visible_match_on_screen()
