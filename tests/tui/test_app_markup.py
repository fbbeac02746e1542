"""Corpus and user text is never markup in the dashboard, driven with Pilot: a source named
"[/]" chosen in the facets, saved searches named "[/b] weekly" in the palette, Ctrl+S with
the name "[/]", actors named "[/i] ..." from the corpus's actors.yaml, notifications and
dialogs quoting any of the catalogue. Each once crashed the dashboard or became a live
action or link; each must be shown exactly as typed (terminal-safe) and do nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from textual.command import CommandList, CommandPalette
from textual.widgets import Label
from textual.widgets._toast import Toast

from newsdesk.index.config import Settings
from newsdesk.index.userdata.bookmarks import BookmarkStore, corpus_data_dir
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.choice import ChoiceDialog
from newsdesk.tui.dialogs.confirm import ConfirmDialog
from newsdesk.tui.dialogs.name import NameDialog
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.actors import ActorPane
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.saved import SavedPane
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.panes.status import StatusLine
from newsdesk.tui.safe_text import terminal_safe
from tests.faults.hostile_places import letters
from tests.faults.hostile_texts import CATALOGUE, MARKUP
from tests.helpers.built_once import BuiltOnce
from tests.helpers.pilot import dashboard, notices, search, wait_for, wait_ready

NAMES = ["[/]", "[/b] weekly", "[@click=app.quit]x[/]", "[link=http://x]y[/link]", "[b", "]",
         "[/i] Walrus", "\\[b]", "x[/"]


def _actor_name(i: int, markup: str) -> str:
    return f"{markup} Guild {letters(i)}"


def _write_markup_corpus(corpus: Path) -> None:
    """A corpus whose sources, titles and actors (its actors.yaml) are markup."""
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i, markup in enumerate(MARKUP):
            out.write(json.dumps({
                "id": f"m{i} {markup}", "title": f"Walrus {i} {markup}", "source": markup,
                "date": f"2021-03-{1 + i % 28:02d}",
                "text": f"walrus {i}: the Walrus Guild {letters(i)} met. {markup}"}) + "\n")
    actors = [{"name": _actor_name(i, m), "type": "organisation",
               "aliases": [f"Walrus Guild {letters(i)}"]} for i, m in enumerate(MARKUP)]
    (corpus / "actors.yaml").write_text(yaml.safe_dump({"version": 1, "actors": actors}),
                                        encoding="utf-8")


@pytest.fixture(scope="session")
def _indexed_markup(tmp_path_factory: pytest.TempPathFactory) -> BuiltOnce:
    return BuiltOnce(tmp_path_factory.getbasetemp(), "markup", _write_markup_corpus)


@pytest.fixture
def markup_settings(_indexed_markup: BuiltOnce) -> Settings:
    """The markup corpus, indexed once a test process (what the dashboard shows of it is
    tested here, not building it), laid anew for each test: a test may write to it."""
    return _indexed_markup.settings()


def _running(app: NewsdeskApp) -> bool:
    return app.is_running and app.return_code is None


def _notes(app: NewsdeskApp) -> list[str]:
    """The notices raised since the last clear, kept (helpers/pilot.notices): the live ones
    expire by the wall clock, and on a busy machine were gone before the test looked."""
    return notices(app)


def _status(app: NewsdeskApp) -> str:
    return str(app.query_one(StatusLine).render())


async def test_facet_sources_that_are_markup_narrow_and_show_as_typed(
        markup_settings: Settings) -> None:
    app = NewsdeskApp(markup_settings)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await wait_ready(pilot)
        await search(pilot, "walrus")
        await pilot.press("down", "v")
        facets = app.query_one(FacetsView)
        await wait_for(pilot, lambda: app.focused is facets and bool(facets.values))
        sources = [k for k in facets.values if k.startswith("source:")]
        rows = " ".join(str(o.prompt) for o in facets.options)
        # A source of symbols alone ("[/]", "]") is listed but cannot be chosen: no
        # source: query names it (its clause matched every hit).
        assert len(sources) >= 5
        assert all(re.search(r"\w", facets.values[k].label) for k in sources)
        chosen = 0
        for key in sources:
            value = facets.values[key]
            assert terminal_safe(value.label, False) in rows
            facets.highlighted = facets.get_option_index(key)
            await pilot.press("enter")
            await wait_for(pilot, lambda v=value: dashboard(app).search.filters == [v.clause])
            await wait_for(pilot, lambda v=value: v.clause in _status(app))
            assert f"Narrowed to {value.label}; x removes the filter." in _notes(app)
            assert _running(app)
            chosen += 1
            await pilot.press("x")
            await wait_for(pilot, lambda: dashboard(app).search.filters == [])
            await pilot.press("v")
            await wait_for(pilot, lambda: app.focused is facets and bool(facets.values))
        assert chosen == len(sources)
        assert _running(app)


async def test_palette_lists_saved_searches_named_in_markup_as_typed(
        markup_settings: Settings) -> None:
    store = BookmarkStore(corpus_data_dir(markup_settings))
    for name in NAMES:
        store.put(name, f"walrus {name}")
    app = NewsdeskApp(markup_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Saved")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count >= len(NAMES))
        prompts = [str(o.prompt) for o in commands.options]
        for name in NAMES:
            assert any(f"Saved: {name}\nwalrus {name}" == p for p in prompts), (name, prompts)
        # Choose the one whose name is a quit action: it opens the search, nothing more.
        target = next(i for i, p in enumerate(prompts) if "[@click=app.quit]" in p)
        commands.highlighted = target
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.query_one(SearchBox).value ==
                       "walrus [@click=app.quit]x[/]")
        await pilot.pause(0.2)
        assert _running(app)


async def test_ctrl_s_saves_names_that_are_markup(markup_settings: Settings) -> None:
    app = NewsdeskApp(markup_settings)
    # Toasts kept up till the test has looked: one lasts 5 s of the wall clock, gone before
    # a busy machine let the test look (it timed out so at load 45).
    app.NOTIFICATION_TIMEOUT = 600
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await wait_ready(pilot)
        await search(pilot, "walrus")
        for name in NAMES:
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
            await pilot.press(*name, "enter")
            await wait_for(pilot, lambda n=name: f"Saved '{n}'." in _notes(app))
            # Its toast shows the name as typed, looked at while it is up (on a busy
            # machine the first toasts have timed out by the end of the loop).
            await wait_for(pilot, lambda n=name: any(f"Saved '{n}'" in str(t.render())
                                                     for t in app.screen.query(Toast)))
            assert _running(app)
        pane = app.query_one(SavedPane)
        await wait_for(pilot, lambda: sorted(b.name for b in pane.bookmarks) == sorted(NAMES))
        shown = " ".join(str(o.prompt) for o in pane.options)
        assert all(name[:8] in shown for name in NAMES), shown  # long ones are cut
    assert sorted(b.name for b in BookmarkStore(corpus_data_dir(markup_settings)).load()) == \
        sorted(NAMES)


async def test_actors_from_the_corpus_dictionary_named_in_markup(
        markup_settings: Settings) -> None:
    app = NewsdeskApp(markup_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        pane = app.query_one(ActorPane)
        names = {_actor_name(i, m).strip() for i, m in enumerate(MARKUP)}
        await wait_for(pilot, lambda: names <= {a.name for a in pane.actors}, timeout=20)
        listing = app.query_one(ActorList)
        shown = " ".join(str(o.prompt) for o in listing.options)
        assert all(name[:10] in shown for name in names), shown  # long ones are cut
        quit_actor = next(a for a in pane.actors if a.name.startswith("[@click=app.quit]"))
        pane.show_with(quit_actor, [])
        await pilot.pause()
        assert pane._border_title is not None  # as Textual keeps it: the plain text shown
        assert pane._border_title.plain == f"Actors with {quit_actor.name}"
        pane.show_all()
        pane.query_one(ActorList).focus()
        # By id: the list may have been loaded again meanwhile (the build's last commit).
        listing.highlighted = next(i for i, a in enumerate(pane.shown)
                                   if a.id == quit_actor.id)
        await pilot.press("enter")
        await wait_for(pilot, lambda: dashboard(app).search.filters ==
                       [f'actor:"{quit_actor.name}"'])
        await wait_for(pilot, lambda: quit_actor.name in _status(app))
        assert _running(app)


async def test_notifications_and_dialogs_show_the_catalogue_inert(
        markup_settings: Settings) -> None:
    app = NewsdeskApp(markup_settings)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await wait_ready(pilot)
        # Packed a dozen to a message, so that every payload is shown without 288 toasts.
        packs = [" | ".join(p for _, p in CATALOGUE[i:i + 36])
                 for i in range(0, len(CATALOGUE), 36)]
        for pack in packs:
            app.clear_notifications()
            # As panes do: an f-string quoting data, markup asked for (Textual's default).
            dashboard(app).notify(f"Saved '{pack}'.", title=pack[:40])
            expected = terminal_safe(f"Saved '{pack}'.")
            await wait_for(pilot, lambda e=expected: _notes(app) == [e])
            assert all(not n.markup for n in app._notifications)
            await wait_for(pilot, lambda e=expected: any(  # under its title
                str(t.render()).endswith("\n" + e) for t in app.screen.query(Toast)))
        app.clear_notifications()
        for pack in [" | ".join(packs[i:i + 2]) for i in range(0, len(packs), 2)]:
            for dialog in (ConfirmDialog(f"Delete '{pack}'?"),
                           NameDialog(f"Rename '{pack}'", pack, hint=pack),
                           ChoiceDialog(pack, [("a", pack), ("b", "plain")])):
                await app.push_screen(dialog)
                await pilot.pause()
                labels = [str(label.render()) for label in dialog.query(Label)]
                assert terminal_safe(pack, False) in " ".join(labels), pack
                await pilot.press("escape")
                await wait_for(pilot, lambda: not isinstance(
                    app.screen, (ConfirmDialog, NameDialog, ChoiceDialog)))
                assert _running(app), pack
