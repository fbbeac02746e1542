"""Helpers to drive the real dashboard with Pilot."""

from __future__ import annotations

import asyncio

from textual.app import App, ScreenStackError
from textual.command import CommandInput, CommandList, CommandPalette
from textual.notifications import Notification, Notifications
from textual.pilot import Pilot
from textual.screen import Screen

from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.confirm import ConfirmDialog
from newsdesk.tui.panes.actors import ActorPane
from newsdesk.tui.panes.footer import FittedFooter
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.screens.main import MainScreen
from tests.helpers.patience import Patience


class KeptNotifications(Notifications):
    """The app's notifications, keeping each one raised (till cleared) for the tests to
    see. Textual drops a notification once its timeout has passed since it was raised, by
    the wall clock: on a busy machine "Ctrl+Q quits" (3 s) was gone before the test looked,
    or was added already expired when the app got to its Notify message."""

    def __init__(self) -> None:
        super().__init__()
        self.raised: list[Notification] = []

    def add(self, notification: Notification) -> KeptNotifications:
        self.raised.append(notification)
        return super().add(notification)  # type: ignore[return-value]

    def clear(self) -> KeptNotifications:
        self.raised.clear()
        return super().clear()  # type: ignore[return-value]


def notices(app: App) -> list[str]:  # type: ignore[type-arg]
    """The messages of the notifications raised since the app started (or the last
    clear_notifications), expired or not: what a wait for a notice should look at."""
    kept = app._notifications
    raised = kept.raised if isinstance(kept, KeptNotifications) else list(kept)
    return [str(n.message) for n in raised]


def dashboard(app: App) -> MainScreen:  # type: ignore[type-arg]
    """The dashboard's main screen (the first on the stack, under any dialog)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


async def wait_for(pilot: Pilot, condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Until `condition()` holds, for `timeout` seconds in which the app could run: the time
    its threads queued for a core on a busy machine is not counted (tests/helpers/patience.py)."""
    patience = Patience(timeout)
    while not condition():
        if patience.expired():
            raise AssertionError(f"timed out waiting for the app ({patience.describe()})")
        await pilot.pause(0.02)
        await asyncio.sleep(0)


async def keys_done(pilot: Pilot, condition=lambda: True) -> None:  # type: ignore[no-untyped-def]
    """Until the keys pressed have left the app's key gate (tui/key_order.py: one at a time,
    some kept till the screen is ready for them) and `condition()` holds: pilot.press()
    returns once the app is idle, which a key kept for results or a focus move is not
    behind."""
    app: NewsdeskApp = pilot.app  # type: ignore[assignment]
    await wait_for(pilot, lambda: not app.keys.waiting and not app.keys.busy and condition())


def _screens_on_view(app: App) -> list[Screen]:  # type: ignore[type-arg]
    """The screens a frame draws: the top one and those seen through it (a dialog's)."""
    try:
        return [*app._background_screens, app.screen]
    except ScreenStackError:
        return []


def _undrawn(screen: Screen, top: bool) -> bool:  # type: ignore[type-arg]
    """Has the screen changes not yet laid out or drawn (what its next frame does)? A screen
    under a dialog draws into the top one's frame and asks for a repaint of its own each
    time (textual/screen.py _compositor_refresh): that flag says nothing left undone."""
    return bool(screen._layout_required or screen._scroll_required
                or (top and screen._repaint_required) or screen._recompose_required
                or screen._dirty_widgets or screen._callbacks)


async def drawn(pilot: Pilot, condition=lambda: True, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Until `condition()` holds and every screen on view has laid out and drawn what
    changed, its after-refresh callbacks run: what a test reads of regions, sizes or a
    screenshot is then what a user's frame shows. pilot.pause() draws the top screen's
    frame; a screen seen under a dialog drew only on its own timer (at the tests' 2 frames
    a second, up to half a second later), so its frame is drawn here the same way, then
    the top one's over it."""
    app = pilot.app

    def settled() -> bool:
        screens = _screens_on_view(app)
        if any(_undrawn(s, False) for s in screens[:-1]):
            for screen in screens:  # (the top last: it draws what is under it)
                screen._on_timer_update()  # its frame now, as pause() does the top's
        return condition() and not any(_undrawn(s, s is app.screen) for s in screens)

    await wait_for(pilot, settled, timeout)


async def footer_fitted(pilot: Pilot, showing: str) -> None:
    """Wait until the dashboard's footer shows the key `showing` (its key or its
    description: the focused pane's keys), has been fitted to its width and that is laid
    out: it is fitted a refresh or two after the keys change (a dialog's opening changes
    them too), and a snapshot or a test reading the keys' regions caught it either way."""
    footer = dashboard(pilot.app).query_one(FittedFooter)
    await drawn(pilot, lambda: not footer.pending and any(
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
    """Open the command palette (Ctrl+P), enter `text` and run the first match, once the
    palette has gathered the commands matching all of it (was: half a second after the
    last key, a guess: too long on an idle machine, maybe too short on a busy one).

    `text` goes into the palette's input at once, as a paste would: typed key by key, each
    key gathered and listed every command again (a fifth of the CPU of the actor pane's
    longest test). Typing into the palette key by key is test_app_markup's own test."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    screen = app.screen
    screen.query_one(CommandInput).insert_text_at_cursor(text)

    def gathered() -> bool:
        gathering = any(w.node is screen and w.group == CommandPalette._GATHER_COMMANDS_GROUP
                        and not w.is_finished for w in app.workers)
        return (not gathering and screen.query_one(CommandInput).value == text
                and screen.query_one(CommandList).option_count > 0)

    await wait_for(pilot, gathered)
    await pilot.press("enter")


async def hide_from_pane(pilot: Pilot, pane: ActorPane, typed: str, name: str) -> None:
    """In the focused actor pane: filter to `typed`, hide the actor `name` and confirm;
    until the pane lists it among the hidden."""
    await pilot.press("f", *typed, "enter")
    await wait_for(pilot, lambda: pane.current is not None and pane.current.name == name)
    await pilot.press("h")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
    await pilot.press("y")
    await wait_for(pilot, lambda: all(a.name != name for a in pane.actors)
                   and any(a.name == name for a in pane.hidden_actors))
