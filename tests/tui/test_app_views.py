"""The views of a result set in the dashboard, driven with Pilot: the timeline strip, facets
that narrow, the concordance that opens the reader on a match, actors that appear together,
export, copy, pager and browser."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.choice import ChoiceDialog
from newsdesk.tui.dialogs.name import NameDialog
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.actors import ActorPane
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.kwic import KwicView
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.status import StatusLine
from newsdesk.tui.panes.timeline import TimelineStrip, sparkline
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready


def status(app: NewsdeskApp) -> str:
    return str(app.query_one(StatusLine).render())


async def views_ready(pilot, query: str) -> NewsdeskApp:  # type: ignore[no-untyped-def]
    app: NewsdeskApp = pilot.app
    await wait_ready(pilot)
    await search(pilot, query)
    main = dashboard(app)
    await wait_for(pilot, lambda: main.views.timeline_query == main.effective_query())
    return app


async def test_timeline_strip_follows_the_query(indexed_wire_settings: Settings) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        app = await views_ready(pilot, "oil")
        strip = app.query_one(TimelineStrip)
        assert strip.display and strip.timeline is not None
        oil = strip.timeline
        shown = str(strip.render())
        assert "hits by month" in shown and "2020-01" in shown and "undated" in shown
        assert sum(p.count for p in oil.periods) + oil.undated == dashboard(app).results.total
        await search(pilot, "grain")
        await wait_for(pilot, lambda: dashboard(app).views.timeline_query == "grain")
        total = dashboard(app).results.total
        assert strip.timeline is not None and strip.timeline.total == total != oil.total
        await search(pilot, "zzzzqqq")
        await wait_for(pilot, lambda: not str(strip.render()).strip())
        assert strip.display  # blank, but it keeps its line: the panes below do not move


def test_undated_hits_are_counted_in_plain_words() -> None:
    from newsdesk.index.models import Timeline

    one = TimelineStrip.line(Timeline("q", "month", [], 1, 1), 80).plain
    assert "the hit has no date" in one
    many = TimelineStrip.line(Timeline("q", "month", [], 3, 3), 80).plain
    assert "none of the 3 hits has a date" in many


def test_one_dated_period_is_said_not_drawn() -> None:
    from datetime import date

    from newsdesk.index.models import Period, Timeline

    day = Period(date(2020, 1, 4), "2020-01-04", 2, "date:2020-01-04")
    line = TimelineStrip.line(Timeline("q", "day", [day], 0, 2), 80).plain
    assert line == "hits by day  all 2 dated hits are on 2020-01-04"
    one = Period(date(2020, 1, 1), "2020-01", 1, "date:2020-01")
    line = TimelineStrip.line(Timeline("q", "month", [one], 3, 4), 80).plain
    assert line == "hits by month  the dated hit is in 2020-01 · 3 undated"
    two = TimelineStrip.line(Timeline("q", "day", [day, day], 4, 0), 80).plain
    assert "█" in two


def test_sparkline_keeps_gaps_and_peaks() -> None:
    assert sparkline([1, 0, 8], 3) == "▁ █"
    assert sparkline([1, 0, 8], 9) == "▁▁▁   ███"  # three cells a period when there is room
    assert len(sparkline(list(range(100)), 20)) == 20


async def test_facet_value_narrows_and_x_removes_it(indexed_wire_settings: Settings) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        app = await views_ready(pilot, "oil")
        before = dashboard(app).results.total
        await pilot.press("down", "v")
        facets = app.query_one(FacetsView)
        await wait_for(pilot, lambda: app.focused is facets and bool(facets.values))
        assert app.screen.has_class("-view-facets")
        value = facets.values[facets.highlighted_option.id]  # the top source
        await pilot.press("enter")
        await wait_for(pilot, lambda: dashboard(app).search.filters == [value.clause])
        main = dashboard(app)
        await wait_for(pilot, lambda: main.results.shown_query == main.effective_query())
        assert dashboard(app).results.total == value.count < before
        assert value.clause in status(app)
        assert {h.source for h in app.query_one(ResultsList).hits} == {value.label}
        await pilot.press("x")
        await wait_for(pilot, lambda: dashboard(app).results.total == before)
        assert dashboard(app).search.filters == [] and "filters: none" in status(app)


async def test_period_key_changes_the_timeline(indexed_wire_settings: Settings) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        app = await views_ready(pilot, "grain")
        strip = app.query_one(TimelineStrip)
        assert strip.timeline is not None and strip.timeline.by == "month"
        await pilot.press("down", "v")
        await wait_for(pilot, lambda: isinstance(app.focused, FacetsView))
        await pilot.press("p")  # automatic -> by day
        await wait_for(pilot, lambda: strip.timeline is not None and strip.timeline.by == "day")
        await pilot.press("p")
        await wait_for(pilot, lambda: strip.timeline is not None and
                       strip.timeline.by == "week")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.focused, ResultsList))
        assert not app.screen.has_class("-view-facets")


async def test_concordance_sorts_and_opens_the_article_on_the_match(
        indexed_wire_settings: Settings) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        app = await views_ready(pilot, "berg")
        await pilot.press("down", "c")
        kwic = app.query_one(KwicView)
        await wait_for(pilot, lambda: kwic.lines and app.focused is kwic)
        assert all(line.match.lower() == "berg" for line in kwic.lines)
        await pilot.press("s")  # by the word after the match
        assert kwic.order == "right"
        words = [line.right.split()[0].lower() for line in kwic.lines]
        assert words == sorted(words)
        await pilot.press("j", "j", "j")
        chosen = kwic.current
        assert chosen is not None
        await pilot.press("enter")
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: app.focused is reader and reader.document is not None
                       and reader.document.article.id == chosen.article_id)
        await pilot.pause(0.2)
        assert reader.current == chosen.match_index
        assert reader.visible_match_on_screen()
        await pilot.press("escape")  # back to the lines, where we were
        await wait_for(pilot, lambda: app.focused is kwic)
        assert kwic.current == chosen


async def test_actors_that_appear_with_one_filter_by_both(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        pane = app.query_one(ActorPane)
        await wait_for(pilot, lambda: len(pane.actors) > 0)
        await pilot.press("tab", "a")
        await wait_for(pilot, lambda: isinstance(app.focused, ActorList))
        await pilot.press("f", *"pompeo", "enter")
        await wait_for(pilot, lambda: pane.current is not None and "Pompeo" in pane.current.name)
        pompeo = pane.current
        await pilot.press("w")
        await wait_for(pilot, lambda: pane.with_actor is not None)
        assert pane.with_actor.id == pompeo.id
        partner = pane.shown[0]
        expected = dashboard(app).index_bar.engine.actors.cooccurring(pompeo.id, 5)
        assert pane.together[partner.id] == expected[0][1]
        assert app.focused is app.query_one(ActorList)
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(dashboard(app).search.filters) == 2)
        filters = dashboard(app).search.filters
        assert {f.split(":", 1)[1].strip('"') for f in filters} == {pompeo.name, partner.name}


async def test_export_from_the_dashboard(indexed_wire_settings: Settings, tmp_path: Path) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        app = await views_ready(pilot, "oil")
        await pilot.press("down", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        target = tmp_path / "oil.csv"
        await pilot.press(*str(target), "enter")  # the suggested name is selected: replaced
        await wait_for(pilot, lambda: target.exists())
        rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
        assert len(rows) == dashboard(app).results.total > len(app.query_one(ResultsList).hits)


@contextlib.contextmanager
def _no_suspend() -> Iterator[None]:
    yield


async def test_copy_pager_and_browser(indexed_wire_settings: Settings,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    paged: list[str] = []
    opened: list[str] = []
    monkeypatch.setattr("newsdesk.tui.screens.handoff.run_pager",
                        lambda command, text: paged.append(text) or 0)
    monkeypatch.setenv("PAGER", "cat")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        app = await views_ready(pilot, "oil")
        monkeypatch.setattr(app, "suspend", _no_suspend)
        monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
        await pilot.press("down")
        hit = app.query_one(ResultsList).current_hit
        assert hit is not None
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("t")
        await wait_for(pilot, lambda: app.clipboard == hit.title)
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("q")
        await wait_for(pilot, lambda: app.clipboard == "oil")
        await pilot.press("o")
        await wait_for(pilot, lambda: len(paged) == 1)
        assert paged[0].startswith(hit.title) and "Anna Berg" in paged[0]
        await pilot.press("O")  # no display here: the url goes to the clipboard instead
        await wait_for(pilot, lambda: app.clipboard == f"https://news.example/{hit.id}")
        assert opened == []
        monkeypatch.setenv("DISPLAY", ":0")
        await pilot.press("O")
        await wait_for(pilot, lambda: opened == [f"https://news.example/{hit.id}"])
