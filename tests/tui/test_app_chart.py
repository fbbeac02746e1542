"""The chart of queries over time (C) and the keywords of the results (K), driven with Pilot:
lines kept and taken off, counts and shares, a saved search added, a line searched, a
keyword that narrows the search, help and palette entries."""

from __future__ import annotations

import pytest

from newsdesk.index.config import Settings
from newsdesk.tui.actions import help_sections, palette_actions
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.choice import ChoiceDialog
from newsdesk.tui.panes.chart import ChartView
from newsdesk.tui.panes.chart_axes import MARKERS
from newsdesk.tui.panes.keyness import KeynessView
from newsdesk.tui.panes.search_box import SearchBox
from tests.helpers import pilot as pilot_helpers
from tests.helpers.pilot import dashboard, palette, search, wait_for, wait_ready


def charted(chart: ChartView, *queries: str) -> bool:
    found = chart.comparison
    return found is not None and [s.query for s in found.series] == list(queries) \
        and chart.shown_key == chart.key() and drawn(chart)


def drawn(chart: ChartView) -> bool:
    """The chart on show is drawn from the lines counted, as they are shown now."""
    key = chart.plot.key
    return key is not None and key[0] == chart.shown_key and key[1] == chart.share


async def test_chart_compares_kept_queries_and_saved_searches(indexed_wire_settings: Settings
                                                              ) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "oil")
        await pilot.press("down", "C")
        chart = app.query_one(ChartView)
        await wait_for(pilot, lambda: charted(chart, "oil"))
        assert chart.display and app.focused is chart.legend
        await pilot.press("plus")  # keep oil on the chart
        assert chart.pinned == [("oil", "oil")]
        await search(pilot, "grain")
        await pilot.press("down", "C")
        await wait_for(pilot, lambda: charted(chart, "oil", "grain"))
        engine = dashboard(app).index_bar.engine
        assert engine is not None
        expected = engine.compare([("oil", "oil"), ("grain", "grain")])
        assert [s.counts for s in chart.comparison.series] == \
            [s.counts for s in expected.series]
        legend = [str(chart.legend.get_option_at_index(i).prompt) for i in range(2)]
        assert "oil" in legend[0] and "grain" in legend[1] and "the results" in legend[1]
        plot = chart.plot.built.plain
        assert "2020-01" in plot and "hits by month" in plot
        await pilot.press("percent_sign")
        await wait_for(pilot, lambda: chart.share and drawn(chart))
        assert "% of all articles" in chart.plot.built.plain
        await pilot.press("d")  # the highlighted (first) line, oil, comes off
        await wait_for(pilot, lambda: charted(chart, "grain"))
        assert chart.pinned == []
        await pilot.press("p")  # by day
        await wait_for(pilot, lambda: chart.comparison is not None
                       and chart.comparison.by == "day" and chart.shown_key == chart.key()
                       and drawn(chart))
        # A saved search added from the dialog; Enter searches the highlighted line's query.
        main = dashboard(app)
        main.saved.store.put("oily", "oil")
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("1")
        await wait_for(pilot, lambda: charted(chart, "oil", "grain"))
        assert chart.comparison.series[0].label == "oily"
        await pilot.press("enter")
        await wait_for(pilot, lambda: main.results.shown_query == "oil")
        assert app.query_one(SearchBox).value == "oil"


async def test_keywords_follow_the_results_and_narrow(indexed_wire_settings: Settings) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "oil")
        await pilot.press("down")
        await palette(pilot, "Keywords, phrases")  # as K does
        view = app.query_one(KeynessView)
        main = dashboard(app)
        await wait_for(pilot, lambda: view.found is not None and view.shown_key == view.key())
        assert app.focused is view and view.found.query == "oil"
        words = [k.text for k in view.found.words]
        assert "price" in words and "oil" not in words
        before = main.results.total
        first = view.terms[view.highlighted_option.id]  # the best keyword
        await pilot.press("enter")
        assert first.clause in main.search.filters
        await wait_for(pilot, lambda: main.results.total != before
                       and first.clause in main.results.shown_query)
        assert 0 < main.results.total < before
        # The view stays open and follows the narrowed results.
        await wait_for(pilot, lambda: view.found is not None
                       and view.found.query == main.results.shown_query)
        main.search.filters = []
        await search(pilot, "zzzzqqq")
        await wait_for(pilot, lambda: view.found is None)


def test_help_and_palette_list_the_chart_and_keywords() -> None:
    titles = [title for title, _ in help_sections()]
    assert any(t.startswith("Chart (C)") for t in titles)
    assert any(t.startswith("Keywords (K)") for t in titles)
    names = [a.palette for a in palette_actions()]
    assert "Chart: queries compared over time" in names
    assert "Keywords, phrases and collocates of the results" in names


def test_shares_leave_periods_without_articles_as_gaps() -> None:
    from newsdesk.tui.panes.chart_axes import runs, x_ticks, y_ticks

    assert runs([0, 1, 2, 3, 4], [True, True, False, True, True]) == [[0, 1], [3, 4]]
    assert runs([0, 1, 2], None) == [[0, 1, 2]]
    assert y_ticks(843, share=False) == [0, 200, 400, 600, 800, 1000]
    assert y_ticks(3, share=False) == [0, 1, 2, 3]  # whole numbers for counts
    assert y_ticks(0.5, share=True)[-1] == 0.5
    where, shown = x_ticks([f"2020-{m:02d}" for m in range(1, 13)], 40)
    assert where[0] == 0 and where[-1] == 11 and len(shown) <= 40 // 9 + 1


def test_the_pane_allows_as_many_lines_as_the_engine_compares() -> None:
    from newsdesk.index.views import compare
    from newsdesk.tui.panes import chart

    assert chart.MAX_SERIES == compare.MAX_SERIES


async def test_keywords_say_what_their_figures_are(indexed_wire_settings: Settings) -> None:
    """Under each heading a line names the figures (in the results / in the rest, the
    log-likelihood), in words that fit the pane at 80 columns."""
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "oil")
        await pilot.press("down")
        await palette(pilot, "Keywords, phrases")
        view = app.query_one(KeynessView)
        # (Drawn: the pane's width is read, laid out at the tests' 2 frames a second.)
        await pilot_helpers.drawn(pilot, lambda: view.found is not None
                                  and view.shown_key == view.key()
                                  and view.scrollable_content_region.width > 0)
        prompts = [str(o.prompt) for o in view.options]
        header = prompts[prompts.index(next(p for p in prompts if p.startswith("Keywords")))
                         + 1]
        assert "results / " in header and "rest" in header and "LL" in header
        assert len(header) <= view.scrollable_content_region.width
    for width in range(30, 61):
        for kind in ("word", "colloc"):
            said = str(KeynessView.columns(kind, width))
            assert len(said) <= width and "LL" in said


async def test_without_colour_the_lines_have_their_own_marks(
        indexed_wire_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR: every line is drawn with a mark of its own, the legend's swatch that mark
    (in colour they share braille dots and a square, told apart by colour alone)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = NewsdeskApp(indexed_wire_settings)
    assert app.no_color
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "oil")
        await pilot.press("down", "C")
        chart = app.query_one(ChartView)
        await wait_for(pilot, lambda: charted(chart, "oil"))
        await pilot.press("plus")
        await search(pilot, "grain")
        await pilot.press("down", "C")
        await wait_for(pilot, lambda: charted(chart, "oil", "grain"))
        legend = [str(chart.legend.get_option_at_index(i).prompt)[0] for i in range(2)]
        assert legend == list(MARKERS[:2])
        plot = chart.plot.built.plain
        assert all(mark in plot for mark in MARKERS[:2])
        assert not any("\u2800" <= c <= "\u28ff" for c in plot)  # no braille dots
