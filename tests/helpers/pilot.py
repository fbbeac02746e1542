"""Helpers to drive the real dashboard with Pilot."""

from __future__ import annotations

import asyncio
import time

from textual.app import App
from textual.pilot import Pilot

from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.footer import FittedFooter
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.screens.main import MainScreen


def dashboard(app: App) -> MainScreen:  # type: ignore[type-arg]
    """The dashboard's main screen (the first on the stack, under any dialog)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


async def wait_for(pilot: Pilot, condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)
        await asyncio.sleep(0)


async def footer_fitted(pilot: Pilot, showing: str) -> None:
    """Wait until the footer shows the key `showing` (its key or its description: the
    focused pane's keys) and has been fitted to its width: it is fitted a refresh or two
    after the keys change, and a dialog opened before that leaves it unfitted underneath,
    on a busy machine or not, so a snapshot caught either."""
    footer = pilot.app.screen.query_one(FittedFooter)
    await wait_for(pilot, lambda: not footer.pending and any(
        showing in (getattr(key, "key", None), getattr(key, "description", None))
        for key in footer.children))


async def wait_ready(pilot: Pilot) -> None:
    app: NewsdeskApp = pilot.app  # type: ignore[assignment]
    main = dashboard(app)
    await wait_for(pilot, lambda: main.index_bar.engine is not None and main.search.doc_count > 0)
    await pilot.pause()


async def search(pilot: Pilot, query: str) -> None:
    """Type a query as a person would and wait until its results are shown."""
    app: NewsdeskApp = pilot.app  # type: ignore[assignment]
    app.query_one(SearchBox).focus()
    app.query_one(SearchBox).value = ""
    await pilot.press(*query) if query else None
    await wait_for(pilot, lambda: dashboard(app).results.shown_query == query or
                   app.query_one("#status").message_kind == "error")
    await pilot.pause()


async def palette(pilot: Pilot, text: str) -> None:
    """Open the command palette (Ctrl+P), type `text` and run the first match."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause(0.5)
    await pilot.press("enter")
