"""A query run as written (Enter) stays so when a facet or a filter narrows it: the facet's
count and the results after choosing it agree (issue 23: "oil", Enter, 1,563 hits; the
facet read Reuters 1,453; choosing it showed 1,509, "oil… as a prefix")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready


@pytest.fixture
def oil_settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "oil"
    corpus.mkdir()
    with open(corpus / "oil.jsonl", "w", encoding="utf-8") as out:
        for i in range(40):
            word = "oil" if i % 2 else "oilfield"  # the prefix "oil" finds both
            out.write(json.dumps({
                "id": f"o{i:02d}", "title": f"Item {i}", "source": "Wire" if i % 3 else "Desk",
                "text": f"Item {i} number {i * 7919 % 1000} speaks of the {word} today."}) + "\n")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    return settings


async def test_a_facet_keeps_the_query_as_written(oil_settings: Settings) -> None:
    app = NewsdeskApp(oil_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await search(pilot, "oil")
        assert main.results.total == 40  # as typed: "oil" and "oilfield"
        await pilot.press("enter")
        await wait_for(pilot, lambda: main.results.total == 20 and app.focused is main.results)
        await pilot.press("v")
        facets = app.query_one(FacetsView)
        await wait_for(pilot, lambda: app.focused is facets and bool(facets.values)
                       and sum(v.count for v in facets.values.values()) == 20)
        value = facets.values[facets.highlighted_option.id]
        await pilot.press("enter")
        await wait_for(pilot, lambda: main.search.filters == [value.clause]
                       and main.results.shown_query == main.effective_query())
        assert main.results.total == value.count
        shown = str(app.query_one(StatusLine).render())
        assert "as a prefix" not in shown and value.clause in shown
        await pilot.press("x")  # removing the filter keeps it as written too
        await wait_for(pilot, lambda: main.search.filters == []
                       and main.results.shown_query == main.effective_query())
        assert main.results.total == 20
