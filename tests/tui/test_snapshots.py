"""Snapshots of the main screen (pytest-textual-snapshot; Textual is pinned in pyproject)."""

from __future__ import annotations

import pytest
from textual import events

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.actors import ActorPane
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.kwic import KwicView
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.search_box import SearchBox
from tests.helpers.pilot import dashboard, footer_fitted, search, wait_for, wait_ready


class _FrozenClock:
    """Searches take "0 ms" in snapshots: timings would make every run differ."""

    @staticmethod
    def perf_counter() -> float:
        return 0.0


def _frozen(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> NewsdeskApp:
    monkeypatch.setattr("newsdesk.index.engine.time", _FrozenClock)
    monkeypatch.delenv("NO_COLOR", raising=False)  # snapshots in colour: highlights show
    app = NewsdeskApp(settings)
    app.call_after_refresh(_no_blink, app)
    return app


@pytest.fixture
def frozen_app(app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> NewsdeskApp:
    return _frozen(app_settings, monkeypatch)


@pytest.fixture
def frozen_wire_app(wire_settings: Settings,  # noqa: F811
                    monkeypatch: pytest.MonkeyPatch) -> NewsdeskApp:
    """120 dated articles from three sources: a timeline and facets worth looking at."""
    return _frozen(wire_settings, monkeypatch)


async def _actors_followed(pilot) -> None:  # type: ignore[no-untyped-def]
    """The actor pane lists the actors of the results shown (it counts them a moment
    after the results): wait for it, or the snapshot catches one list or the other."""
    main = dashboard(pilot.app)
    pane = pilot.app.query_one(ActorPane)
    await wait_for(pilot, lambda: pane.followed == main.effective_query().strip())


async def _views_shown(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await wait_ready(pilot)
    await wait_for(pilot, lambda: len(app.query_one(ActorPane).actors) > 0)
    await search(pilot, query)
    await _actors_followed(pilot)
    main = dashboard(app)
    await wait_for(pilot, lambda: main.views.timeline_query == main.effective_query())


def _no_blink(app: NewsdeskApp) -> None:
    # A blinking cursor is caught on or off at random.
    app.query_one(SearchBox).cursor_blink = False


def test_main_screen_with_results(snap_compare, frozen_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot)
        await wait_for(pilot, lambda: len(pilot.app.query_one(ActorPane).actors) > 0)
        await search(pilot, '"drone strike"')
        await _actors_followed(pilot)
        reader = pilot.app.query_one(ArticleView)
        await wait_for(pilot, lambda: reader.document is not None)  # the preview of hit 1
        await pilot.pause(0.3)

    assert snap_compare(frozen_app, terminal_size=(140, 36), run_before=run_before)


def test_reader_open_on_a_match(snap_compare, frozen_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot)
        await wait_for(pilot, lambda: len(pilot.app.query_one(ActorPane).actors) > 0)
        # Pasted, so searched once: the actor list keeps its highlighted actor through
        # each list it shows, and which prefixes of a typed query got their actors counted
        # depends on the machine's speed (the highlight was on one row or the next).
        box = pilot.app.query_one(SearchBox)
        box.focus()
        box.post_message(events.Paste("muhandis"))
        await wait_for(pilot, lambda: dashboard(pilot.app).results.shown_query == "muhandis")
        await _actors_followed(pilot)
        await pilot.press("down", "enter")
        reader = pilot.app.query_one(ArticleView)
        await wait_for(pilot, lambda: pilot.app.focused is reader)
        await pilot.press("n")
        # The reader scrolls to the match animated: a fixed pause caught it part way on a
        # busy machine (a fresh clone's full run, 2026-12-04).
        await wait_for(pilot, lambda: reader.current == 1)
        await pilot.wait_for_scheduled_animations()
        await wait_for(pilot, lambda: reader.visible_match_on_screen())
        await pilot.pause(0.2)

    assert snap_compare(frozen_app, terminal_size=(140, 36), run_before=run_before)


def test_narrow_terminal_with_results(snap_compare, frozen_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot)
        await wait_for(pilot, lambda: len(pilot.app.query_one(ActorPane).actors) > 0)
        await search(pilot, "pompeo")
        await _actors_followed(pilot)
        await pilot.pause(0.3)

    assert snap_compare(frozen_app, terminal_size=(80, 24), run_before=run_before)


def test_facets_and_timeline_shown(snap_compare, frozen_wire_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _views_shown(pilot, "oil")
        await pilot.press("down", "v")
        app = pilot.app
        await wait_for(pilot, lambda: isinstance(app.focused, FacetsView)
                       and dashboard(app).views.facets_query == dashboard(app).effective_query())
        await pilot.pause(0.3)

    assert snap_compare(frozen_wire_app, terminal_size=(140, 40), run_before=run_before)


def test_facets_narrow_terminal(snap_compare, frozen_wire_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _views_shown(pilot, "grain")
        await pilot.press("down", "v")
        app = pilot.app
        await wait_for(pilot, lambda: isinstance(app.focused, FacetsView)
                       and dashboard(app).views.facets_query == dashboard(app).effective_query())
        await pilot.pause(0.3)

    assert snap_compare(frozen_wire_app, terminal_size=(80, 24), run_before=run_before)


def test_concordance_sorted_by_right_context(snap_compare, frozen_wire_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _views_shown(pilot, "berg")
        await pilot.press("down", "c")
        kwic = pilot.app.query_one(KwicView)
        await wait_for(pilot, lambda: bool(kwic.lines) and pilot.app.focused is kwic)
        await pilot.press("s")
        await pilot.pause(0.3)

    assert snap_compare(frozen_wire_app, terminal_size=(140, 36), run_before=run_before)


def test_help_at_80_columns(snap_compare, frozen_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    """Keys as people write them (/, ?, Ctrl+R), in one column all the way down."""
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        from newsdesk.tui.dialogs.help import HelpScreen

        await wait_ready(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        await pilot.pause(0.3)

    assert snap_compare(frozen_app, terminal_size=(80, 24), run_before=run_before)


def test_history_search_narrowed(snap_compare, frozen_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        from newsdesk.tui.dialogs.history import HistoryDialog

        await wait_ready(pilot)
        for query in ("soleimani", "iran oil", "drone strike", "iraq militia"):
            await search(pilot, query)
            await pilot.press("enter")
        await pilot.press("slash", "ctrl+u")
        await footer_fitted(pilot, "f1")  # the box's keys, fitted: the dialog hides it
        await pilot.press("ctrl+r", *"ira")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HistoryDialog) and
                       len(pilot.app.screen.shown) == 2)
        pilot.app.screen.query_one("#history-filter").cursor_blink = False
        await pilot.pause(0.3)

    assert snap_compare(frozen_app, terminal_size=(80, 24), run_before=run_before)


def test_places_apart_at_80_columns(snap_compare, frozen_app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    """The actor pane switched to the places of a search's results (p), on a small
    terminal: the title says which list it is and the key that switches back."""
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot)
        pane = pilot.app.query_one(ActorPane)
        await wait_for(pilot, lambda: len(pane.actors) > 0)
        await search(pilot, "baghdad")
        await _actors_followed(pilot)
        await pilot.press("down", "a", "p")
        await wait_for(pilot, lambda: pane.places and pane.border_title == "Places in results")
        await pilot.pause(0.3)

    assert snap_compare(frozen_app, terminal_size=(80, 24), run_before=run_before)
