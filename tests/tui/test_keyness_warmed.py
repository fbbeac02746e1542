"""The dashboard looks up the first keywords' corpus totals in the background once the
index is open (Engine.warm_keyness), before the keywords pane is ever opened."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.views import keyness as keys
from newsdesk.tui.app import NewsdeskApp
from tests.helpers.pilot import dashboard, wait_for, wait_ready


async def test_the_keywords_corpus_totals_are_looked_up_at_start(app_settings: Settings
                                                                 ) -> None:
    Indexer(app_settings).run()
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        engine = dashboard(app).index_bar.engine
        assert engine is not None

        def looked_up() -> int:
            side = engine._side
            with side.lock:
                return len(side.kept(keys.CorpusTerms)._terms)

        await wait_for(pilot, lambda: looked_up() > 0)
        assert dashboard(app).views.view != "keyness"  # never opened
