"""Keys typed ahead (a burst, as fast typing on a busy machine or a slow link delivers them)
go where the person meant, driven with Pilot (issue 23): a dialog that one key answers takes
no key typed before it showed; keys in the same burst as an Enter in the search box act on
what the Enter opened (they are keys, not a paste); a paste outside a text box goes to the
search box."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.confirm import ConfirmDialog
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.actors import ActorPane
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.saved import SavedPane
from newsdesk.tui.panes.search_box import SearchBox
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready

NAMES = {"\r": "enter", " ": "space"}
Dispatch = Callable[[MessagePump, Message], Awaitable[None]]


def burst(app: App, text: str) -> None:  # type: ignore[type-arg]
    """`text` as the terminal driver delivers one read: every key posted before any is
    handled (each made at once, microseconds apart)."""
    for char in text:
        app.post_message(events.Key(NAMES.get(char, char), char))


async def keys_done(pilot, dialog: ConfirmDialog) -> None:  # type: ignore[no-untyped-def]
    """Every key posted before the dialog opened handled by it or dropped."""
    app: NewsdeskApp = pilot.app
    await wait_for(pilot, lambda: not app.keys.waiting and not app.keys.busy)
    await pilot.pause()


async def _with_saved_search(pilot):  # type: ignore[no-untyped-def]
    """The dashboard with one saved search, "Pompeo", listed."""
    app: NewsdeskApp = pilot.app
    main = dashboard(app)
    main.saved.store.put("Pompeo", "pompeo")
    main.saved.load()
    saved = app.query_one(SavedPane)
    await wait_for(pilot, lambda: [b.name for b in saved.bookmarks] == ["Pompeo"])
    return main, saved


async def test_keys_typed_ahead_answer_no_dialog(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        main, saved = await _with_saved_search(pilot)
        main.action_focus_saved()
        await pilot.pause()
        burst(app, "dye")  # "d" asks; "y" and "e" were typed before the question showed
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        await keys_done(pilot, dialog)
        assert app.screen is dialog, "a key typed ahead answered the dialog"
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is main)
        assert [b.name for b in saved.store.bookmarks] == ["Pompeo"]

        actors = app.query_one(ActorPane)
        await wait_for(pilot, lambda: len(actors.actors) > 3)
        main.action_focus_actors()
        await wait_for(pilot, lambda: actors.current is not None)
        name = actors.current.name  # type: ignore[union-attr]
        burst(app, "hyundai")  # "h" asks to hide; "y" must not say yes, "n" not no
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        await keys_done(pilot, dialog)
        assert app.screen is dialog, "a key typed ahead answered the dialog"
        assert name in {a.name for a in actors.actors}
        # A key pressed once the question shows answers it.
        await pilot.press("y")
        await wait_for(pilot, lambda: name not in {a.name for a in actors.actors})
        assert isinstance(app.focused, ActorList)


async def test_keys_in_the_burst_of_an_enter_act_and_pastes_go_to_the_box(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        box = app.query_one(SearchBox)
        # "soleimani", Enter, "j", Enter typed ahead, read at once (a busy machine, a link
        # that batches keys): the Enter goes to the results, j moves down, Enter opens the
        # second hit. (Taken for an unbracketed paste, j went into the query.)
        await search(pilot, "soleimani")
        second = main.results.hits[1].id
        reader = app.query_one(ArticleView)
        burst(app, "\rj\r")
        await wait_for(pilot, lambda: not app.keys.waiting and not app.keys.busy
                       and reader.document is not None and reader.document.article.id == second)
        assert box.value == "soleimani"

        # Typed after the Enter's results are shown, a key is a command there.
        await search(pilot, "soleimani")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.focused is main.results)
        await pilot.press("v")
        await wait_for(pilot, lambda: main.views.view == "facets")
        assert box.value == "soleimani"

        # A paste outside a text box (the lists dropped it) goes to the search box.
        main.action_focus_results()
        await pilot.pause()
        assert isinstance(app.focused, ResultsList)
        app.post_message(events.Paste("pompeo"))
        await wait_for(pilot, lambda: box.value == "pompeo")  # over the query, as after "/"
        assert app.focused is box



def _held_in_the_list(dispatch: Dispatch) -> Dispatch:
    async def held_up(self: MessagePump, message: Message) -> None:
        if isinstance(self, SavedPane) and isinstance(message, events.Key) \
                and message.key == "r":
            await asyncio.sleep(1.5)  # starved, or waiting on the disk
        await dispatch(self, message)
    return held_up


async def test_keys_wait_for_a_key_still_on_its_way(
        indexed_app_settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A key's step can sit in a widget for over a second while newsdesk is starved or
    waits on the disk (in CI "b", "r" and a name renamed nothing: after a second the
    gate gave up on "r", and the name's letters went to the list and to the dialog not yet
    built). The next keys still wait for it and go to the focus it moved."""
    dispatch = MessagePump._dispatch_message
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        main, saved = await _with_saved_search(pilot)
        main.action_focus_results()
        await pilot.pause()
        monkeypatch.setattr(MessagePump, "_dispatch_message", _held_in_the_list(dispatch))
        sent = len(app.keys.delays)
        burst(app, "brRenamed\r")
        await wait_for(pilot, lambda: len(app.keys.delays) == sent + 10 and not app.keys.busy,
                       timeout=30)
        monkeypatch.setattr(MessagePump, "_dispatch_message", dispatch)
        await wait_for(pilot, lambda: [b.name for b in saved.store.bookmarks] == ["Renamed"])
        await wait_for(pilot, lambda: app.screen is main)


async def test_keys_wait_for_a_dialog_being_built(
        indexed_app_settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A dialog's screen is built in its own task: keys that come before it has its box
    wait for it, or they went to the bare screen and were lost."""
    from newsdesk.tui.dialogs.name import NameDialog

    built = NameDialog._compose

    async def slow_build(self: NameDialog) -> None:
        await asyncio.sleep(0.5)  # the core taken by others while the dialog is built
        await built(self)

    monkeypatch.setattr(NameDialog, "_compose", slow_build)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        main, saved = await _with_saved_search(pilot)
        main.action_focus_saved()
        await pilot.pause()
        saved.action_rename()
        burst(app, "Renamed\r")
        await wait_for(pilot, lambda: [b.name for b in saved.store.bookmarks] == ["Renamed"])
        await wait_for(pilot, lambda: app.screen is main)
