"""The table of actions (tui/actions.py) is what the dashboard binds, the help screen lists
and the command palette offers: checked entry by entry, so an entry cannot drift."""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from newsdesk.index.config import Settings
from newsdesk.tui.actions import (
    ACTIONS,
    HELP_SECTIONS,
    PALETTE_ORDER,
    Action,
    key_label,
    keys_label,
)
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.commands import NewsdeskCommands
from newsdesk.tui.dialogs.help import HelpScreen
from newsdesk.tui.panes.actor_list import ActorFilter, ActorList
from newsdesk.tui.panes.chart import ChartView
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.keyness import KeynessView
from newsdesk.tui.panes.kwic import KwicView
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.saved import SavedPane
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.screens.main import MainScreen
from tests.helpers.pilot import dashboard, wait_for, wait_ready

OWNERS: dict[str, type[DOMNode]] = {
    "everywhere": MainScreen, "search": SearchBox, "results": ResultsList,
    "reader": ArticleView, "facets": FacetsView, "kwic": KwicView, "saved": SavedPane,
    "chart": ChartView, "keyness": KeynessView,
    "actors": ActorList, "actor-filter": ActorFilter,
}


def _target(action: str, where: type[DOMNode]) -> tuple[type[DOMNode], str]:
    """The class an action string runs on, and the action's name there."""
    namespace, _, name = action.rpartition(".")
    return {"app": NewsdeskApp, "screen": MainScreen, "": where}[namespace], name


def test_keys_are_shown_as_people_write_them() -> None:
    assert key_label("slash") == "/" and key_label("question_mark") == "?"
    assert key_label("ctrl+r") == "Ctrl+R" and key_label("shift+tab") == "Shift+Tab"
    assert key_label("f5") == "F5" and key_label("G") == "G" and key_label("n") == "n"
    assert keys_label("question_mark,f1") == "?, F1"
    for action in ACTIONS:  # no Textual key name left in anything shown
        for shown in keys_label(action.keys).split(", "):
            assert len(shown) <= 1 or shown[0].isupper() or shown in "↑↓", action.id


def test_ids_are_unique_and_every_entry_is_somewhere() -> None:
    assert len({a.id for a in ACTIONS}) == len(ACTIONS)
    sections = {where for where, _ in HELP_SECTIONS}
    for action in ACTIONS:
        assert action.where in OWNERS, action.id
        assert action.keys or action.palette, f"{action.id}: neither a key nor in the palette"
        if action.keys and action.where != "actor-filter":
            assert action.where in sections, action.id


@pytest.mark.parametrize("action", [a for a in ACTIONS if a.bound], ids=lambda a: a.id)
def test_every_bound_action_is_reachable_from_its_binding(action: Action) -> None:
    owner = OWNERS[action.where]
    [binding] = [b for b in owner.BINDINGS if isinstance(b, Binding) and b.id == action.id]
    assert (binding.key, binding.action, binding.description) == \
        (action.keys, action.action, action.footer or action.description)
    target, name = _target(action.action, owner)
    assert callable(getattr(target, f"action_{name}", None)), \
        f"{action.id}: {target.__name__} has no action_{name}"


@pytest.mark.parametrize("action", [a for a in ACTIONS if a.palette], ids=lambda a: a.id)
def test_every_palette_action_runs_on_the_main_screen(action: Action) -> None:
    assert action.id in PALETTE_ORDER
    target, name = _target(action.action, MainScreen)
    assert callable(getattr(target, f"action_{name}", None)), action.id
    hint = re.search(r"\(([^()]+)\)$", action.palette_help)
    if hint:  # the key the palette names is the key bound
        assert hint.group(1) == key_label(action.keys.split(",")[0]), action.id


def test_the_palette_order_names_only_palette_actions() -> None:
    offered = {a.id for a in ACTIONS if a.palette}
    assert len(PALETTE_ORDER) == len(set(PALETTE_ORDER)) and set(PALETTE_ORDER) == offered


async def test_every_action_is_in_help_and_the_palette(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        commands = NewsdeskCommands(dashboard(app))._commands()
        await pilot.press("f1")  # (? would be typed into the search box)
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.plain_text(width=200).splitlines()
    rows = [" ".join(line.split()) for line in lines]
    starts = set()  # the column every description starts at: one, all the way down
    for action in ACTIONS:
        if action.keys and action.where != "actor-filter":
            label = keys_label(action.keys)
            [line] = [li for li in lines if li.lstrip().startswith(label + " ") and
                      li.rstrip().endswith(action.description)][:1]
            starts.add(line.index(action.description, len(line) - len(line.lstrip()) +
                                  len(label)))
    assert len(starts) == 1, starts
    for action in ACTIONS:
        if action.keys and action.where != "actor-filter":
            assert f"{keys_label(action.keys)} {action.description}" in rows, action.id
    offered = [(name, help_text) for name, _, help_text in commands][:len(PALETTE_ORDER)]
    by_id = {a.id: a for a in ACTIONS}
    assert offered == [(by_id[i].palette, by_id[i].palette_help) for i in PALETTE_ORDER]
