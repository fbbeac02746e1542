"""Actor names are shown whole when the terminal has room (they were cut at 30 columns of
sidebar even at 200 columns), and an 80- or 140-column layout keeps its sidebar."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.actors import ActorPane
from tests.helpers.pilot import wait_for, wait_ready

LONG_NAME = "Islamic Revolutionary Guard Corps"  # seeds/actors.yaml


def _rows(app: NewsdeskApp) -> list[str]:
    listing = app.query_one(ActorList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_whole_actor_names_at_200_columns(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_ready(pilot)
        # Whole, where 30 columns cut it; the rest of the width stays the results' (names
        # extracted from running text can be a sentence long: those are still cut).
        await wait_for(pilot, lambda: any(LONG_NAME in row for row in _rows(app)))
        assert 30 < app.query_one("#sidebar").size.width <= 200 * 28 // 100
        await pilot.resize_terminal(140, 40)
        await wait_for(pilot, lambda: app.query_one("#sidebar").size.width == 30)
        await wait_for(pilot, lambda: not any(LONG_NAME in row for row in _rows(app)))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        app.screen.action_focus_actors()  # the narrow layout: the actors take the whole width
        await wait_for(pilot, lambda: app.query_one(ActorPane).size.width > 70)
