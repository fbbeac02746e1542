"""Places apart from actors wherever actors are listed (issue 24): the facets keep a top of
each kind and the facets pane shows them under their own heading (the actor pane's footer:
tests/tui/test_app_actors.py)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from newsdesk.index.models import Actor, Facets, Timeline
from newsdesk.index.views.facets import actor_values
from newsdesk.tui.panes.facets import FacetsView


def actor(n: int, name: str, kind: str) -> tuple[Actor, int]:
    return Actor(n, name, kind, None, 100 - n, 100 - n), 100 - n


def test_cities_never_push_an_actor_out_of_the_facets() -> None:
    places = [actor(i, f"City {i}", "location") for i in range(12)]
    actors = [actor(20 + i, f"Body {i}", "organisation") for i in range(12)]
    values = actor_values(places + actors, 10)
    assert [v.label for v in values] == [f"Body {i}" for i in range(10)] + \
        [f"City {i}" for i in range(10)]


class _FacetsApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FacetsView()


async def test_the_facets_pane_lists_places_under_their_own_heading() -> None:
    values = actor_values([actor(0, "Baghdad", "location"), actor(1, "Iran", "country"),
                           actor(2, "Qassem Soleimani", "person")], 10)
    found = Facets("q", 10, [], Timeline("q", "month", [], 0, 10), values, 10)
    app = _FacetsApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(FacetsView)
        view.show(found)
        await pilot.pause()
        rows = [str(o.prompt) for o in view.options]
        actors_at, places_at = rows.index("Actors"), rows.index("Places")
        listed = {str(view.values[o.id].label): i for i, o in enumerate(view.options)
                  if o.id in view.values}
        assert actors_at < listed["Iran"] < listed["Qassem Soleimani"] < places_at \
            < listed["Baghdad"]
