"""Snapshots of the chart of queries over time and of the keywords pane (their own module,
so that their SVGs sit apart from the main screen's)."""

from __future__ import annotations

from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.chart import ChartView
from newsdesk.tui.panes.keyness import KeynessView
from tests.helpers.pilot import search, wait_for
from tests.tui.test_app_chart import drawn
from tests.tui.test_snapshots import _views_shown, frozen_wire_app  # noqa: F401 - a fixture


def test_chart_two_queries_at_80_columns(snap_compare, frozen_wire_app: NewsdeskApp) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _views_shown(pilot, "oil")
        await pilot.press("down", "C")
        chart = pilot.app.query_one(ChartView)
        await wait_for(pilot, lambda: chart.comparison is not None
                       and chart.shown_key == chart.key())
        await pilot.press("plus")
        await search(pilot, "grain")
        await pilot.press("down", "C")
        await wait_for(pilot, lambda: chart.comparison is not None
                       and len(chart.comparison.series) == 2
                       and chart.shown_key == chart.key() and drawn(chart))
        pilot.app.clear_notifications()  # "Kept on the chart" lasts 3 s: in or out by timing
        await pilot.pause(0.3)

    assert snap_compare(frozen_wire_app, terminal_size=(80, 24), run_before=run_before)


def test_keywords_of_the_results(snap_compare, frozen_wire_app: NewsdeskApp) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _views_shown(pilot, "oil")
        await pilot.press("down", "K")
        view = pilot.app.query_one(KeynessView)
        await wait_for(pilot, lambda: view.found is not None and view.shown_key == view.key()
                       and not view.found.phrases_pending)
        await pilot.pause(0.3)

    assert snap_compare(frozen_wire_app, terminal_size=(140, 40), run_before=run_before)
