"""A curation edit in the dashboard applies past a clustering rule's fault, and its notice
says the fault (tests/index/actors/test_cluster_faults.py has the rest)."""

from __future__ import annotations

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.actors import ActorPane
from tests.helpers.failing_rule import failing
from tests.helpers.pilot import hide_from_pane, notices, palette, wait_for, wait_ready


async def test_a_dashboard_edit_applies_past_a_faulty_rule_and_says_it(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard's hide (Pilot), its re-clustering's rule raising: the actor is hidden,
    the list follows, and the notice names the rule."""
    Indexer(indexed_app_settings).run()
    failing(monkeypatch, "_fuzzy", [])
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        pane = app.query_one(ActorPane)
        await wait_for(pilot, lambda: len(pane.actors) > 30)
        await palette(pilot, "Actors")
        await wait_for(pilot, lambda: isinstance(app.focused, ActorList))
        await hide_from_pane(pilot, pane, "trump", "Donald Trump")
        await wait_for(pilot, lambda: any(
            "actors: the rule of near spellings could not be applied" in n
            for n in notices(app)))
        assert any(n.startswith("Hid 'Donald Trump'.") for n in notices(app))


async def test_the_dashboards_build_says_a_contained_fault(
        app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard's own build (its worker) past a rule's fault: the search works, and a
    notice says the fault whole, not only a count of problems."""
    failing(monkeypatch, "_fuzzy", [])
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        await wait_for(pilot, lambda: any(
            n.startswith("actors: the rule of near spellings could not be applied")
            for n in notices(app)), timeout=60)
        pane = app.query_one(ActorPane)
        await wait_for(pilot, lambda: len(pane.actors) > 30)
