"""The actor pane in the dashboard, driven with Pilot as a person would."""

from __future__ import annotations

from newsdesk.index.actors.table import curation_path
from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.confirm import ConfirmDialog
from newsdesk.tui.dialogs.name import NameDialog
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.actors import ActorPane
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import dashboard, palette, search, wait_for, wait_ready


async def actors_ready(pilot) -> ActorPane:  # type: ignore[no-untyped-def]
    await wait_ready(pilot)
    pane = pilot.app.query_one(ActorPane)
    await wait_for(pilot, lambda: len(pane.actors) > 30)
    return pane


def status_text(app: NewsdeskApp) -> str:
    return str(app.query_one(StatusLine).render())


async def test_actor_pane_filters_the_search(app_settings: Settings) -> None:
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        pane = await actors_ready(pilot)
        assert pane.shown[0].articles >= pane.shown[-1].articles  # by article count

        await search(pilot, "pompeo")
        assert {h.id[:3] for h in app.query_one(ResultsList).hits} == {"003", "004"}
        await pilot.press("down", "a")  # leave the search box, then the actor list
        assert isinstance(app.focused, ActorList)
        await pilot.press("f", *"hashd")  # filter as you type, by any alias
        await wait_for(pilot, lambda: [a.name for a in pane.shown] ==
                       ["Popular Mobilization Forces"])
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: dashboard(app).search.filters ==
                       ['actor:"Popular Mobilization Forces"'])
        await wait_for(pilot, lambda: 'actor:"Popular Mobilization Forces"' in status_text(app))
        assert {h.id[:3] for h in app.query_one(ResultsList).hits} == {"003", "004"}

        await pilot.press("x")  # drops the filter
        await wait_for(pilot, lambda: "filters: none" in status_text(app))
        assert dashboard(app).search.filters == []


async def test_sort_and_curation_from_the_pane(app_settings: Settings) -> None:
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        pane = await actors_ready(pilot)
        await palette(pilot, "Actors")
        await wait_for(pilot, lambda: isinstance(app.focused, ActorList))
        await pilot.press("s")  # by mentions
        assert pane.sort == "mentions"
        assert pane.shown[0].mentions >= pane.shown[1].mentions
        await pilot.press("s")  # by name
        assert [a.name.lower() for a in pane.shown[:5]] == \
            sorted(a.name.lower() for a in pane.shown[:5])

        await pilot.press("f", *"trump", "enter")
        await wait_for(pilot, lambda: pane.current is not None
                       and pane.current.name == "Donald Trump")
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.press(*"President Trump", "enter")  # the old name is selected: replaced
        await wait_for(pilot, lambda: any(a.name == "President Trump" for a in pane.actors))

        await pilot.press("s")  # back to article counts: Baghdad leads its namesakes
        assert pane.sort == "articles"
        app.query_one("#actor-filter").value = "baghdad"
        await wait_for(pilot, lambda: pane.current is not None and pane.current.name == "Baghdad")
        app.query_one(ActorList).focus()
        await pilot.press("h")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: all(a.name != "Baghdad" for a in pane.actors))
    saved = curation_path(app_settings).read_text()
    assert "President Trump" in saved and "hidden: true" in saved


async def test_reader_marks_actor_mentions(app_settings: Settings) -> None:
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "pompeo")
        await pilot.press("down", "enter")
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: reader.document is not None)
        names = {m.actor for m in reader.document.mentions}
        assert {"Mike Pompeo", "Qassem Soleimani"} <= names
        # Mentions are styled, and differently from the query's matches.
        styles = {str(span.style) for span in reader._spans}
        assert any("underline" in s for s in styles)
