"""The footer shows the keys of what has the focus, at 80x24 too: at start the search box,
where letters are text (an outside tester's `a` `f` typed "af" into it), says how to leave
it; the results say that Enter opens a hit (cut off at 80 columns, it was never said); the
actor filter box says what Enter, Down and Escape do there (it showed none)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.actor_list import ActorFilter
from newsdesk.tui.panes.footer import FittedFooter
from newsdesk.tui.panes.search_box import SearchBox
from tests.helpers.pilot import dashboard, footer_fitted, wait_for, wait_ready


def _shown(app: NewsdeskApp) -> list[str]:
    """The footer's keys on show, as "key description"."""
    footer = dashboard(app).query_one(FittedFooter)
    return [f"{k.key} {k.description}" for k in footer.query(FooterKey)
            if k.display and not k.has_class("-command-palette")]


async def test_footer_shows_how_to_leave_the_search_box_and_the_filter_keys(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        assert isinstance(app.focused, SearchBox)
        await footer_fitted(pilot, "Results")
        assert {"enter Results", "tab Next pane"} <= set(_shown(app))
        await pilot.press("down")  # the results: how to open a hit, first
        await wait_for(pilot, lambda: app.focused is dashboard(app).results)
        await footer_fitted(pilot, "Open")
        assert _shown(app)[0] == "enter Open"
        await pilot.press("a", "f")  # the actors, their filter
        await wait_for(pilot, lambda: isinstance(app.focused, ActorFilter))
        await footer_fitted(pilot, "Filter by actor")
        assert {"enter Filter by actor", "down To the list", "escape Clear filter"} <= \
            set(_shown(app))
        await pilot.press("s", "o")  # letters are the filter's text, as the footer implies
        await wait_for(pilot, lambda: app.query_one(ActorFilter).value == "so")
        await pilot.press("enter")  # filters the search by the top actor, as the footer says
        await wait_for(pilot, lambda: bool(dashboard(app).search.filters))
