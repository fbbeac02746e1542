"""The newsdesk dashboard, a Textual app: it shows the main screen (tui/screens/main.py),
turns a fault of newsdesk's own into one message and a crash report, and quits."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import App, ScreenStackError, UnknownModeError
from textual.command import Provider
from textual.driver import Driver
from textual.message import Message
from textual.message_pump import MessagePump
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.widgets import Input
from textual.widgets._toast import ToastHolder

from newsdesk.index.config import Settings
from newsdesk.tui import crash
from newsdesk.tui import messages as msg
from newsdesk.tui.dialogs.typeahead import AnswersByKey
from newsdesk.tui.early_keys import EarlyKeys
from newsdesk.tui.exit_codes import EXIT_ERROR
from newsdesk.tui.key_order import KeyEvent, KeyGate
from newsdesk.tui.quitting import leave_now, quick_driver
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.screens.main import MainScreen


def _newsdesk_commands() -> type[Provider]:
    """The palette's provider, loaded when the palette first opens (not at start)."""
    from newsdesk.tui.commands import NewsdeskCommands

    return NewsdeskCommands


QUIT_KEY = "ctrl+q"


class NewsdeskApp(App[int]):
    CSS_PATH = "newsdesk.tcss"
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {_newsdesk_commands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, settings: Settings, driver_class: type[Driver] | None = None,
                 leave_at_once: bool = False) -> None:
        super().__init__(driver_class=driver_class)
        self.leave_at_once = leave_at_once  # the process ends with the app (tui/quitting.py)
        self.settings = settings
        # One key at a time, some kept till the screen is ready for them (tui/key_order.py).
        self.keys = KeyGate(self, self._send_key, self._key_waits)
        self.early_keys = EarlyKeys()  # typed before newsdesk had the terminal

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.settings)

    def on_mount(self) -> None:
        for note in self.settings.notes:  # a newer config's keys, or misspelt ones
            self.notify(note, title="Config", severity="warning", timeout=15)

    async def _on_message(self, message: Message) -> None:
        if isinstance(message, msg.WorkerReport) and (self._exit or not self.is_running):
            return  # a worker finished as the app closed: its panes are gone
        await super()._on_message(message)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self.keys.quitting():
                return  # read after the quit (a second Ctrl+Q): no screen left to take it
            if isinstance(event, events.Key) and event.key == QUIT_KEY:
                # Never behind the keys the gate keeps (up to 10 s for results, a dialog's
                # keys till it ends): Ctrl+Q quits at once, whatever was typed before it.
                await super().on_event(event)
                return
            await self.keys.offer(event)
            return
        await super().on_event(event)

    def _key_waits(self, event: KeyEvent) -> float | None:
        """How long the screen on top keeps `event` at most (None: not at all). A key of a
        binding that runs before any other (Ctrl+Q) is never kept."""
        if isinstance(event, events.Key) and any(
                binding.priority for node in (self, self.screen)
                for binding in node._bindings.key_to_bindings.get(event.key, ())):
            return None
        waits = getattr(self.screen, "key_waits", None)
        return waits(event) if waits is not None else None

    async def _send_key(self, event: KeyEvent) -> MessagePump | None:
        """Dispatch a key (or paste) as Textual does; where it went, when it was forwarded
        to a widget rather than run by a priority binding."""
        screen = self.screen
        if isinstance(screen, AnswersByKey) and screen.typed_ahead(event):
            return None  # typed before the question showed: no answer (tui/dialogs/typeahead.py)
        if self.early_keys.refused(event, screen):
            if self.early_keys.notice_due():
                self.notify(self.early_keys.notice(), severity="warning", timeout=15)
            return None  # typed before newsdesk had the terminal (tui/early_keys.py)
        if isinstance(event, events.Paste) and not isinstance(self.focused, Input):
            # A paste is text: into the search box (was dropped by the lists), as after "/".
            paste_to = getattr(screen, "paste_target", None)
            if paste_to is not None:
                paste_to()
        target = self.focused or screen
        await super().on_event(event)
        return target if event.is_forwarded else None

    async def _shutdown(self) -> None:
        await super()._shutdown()  # the terminal is restored here
        if self.leave_at_once and not self.return_code:
            # Not after asyncio.run's end, which waits for worker threads still running.
            leave_now(self.return_value or 0)

    def _handle_exception(self, error: Exception) -> None:
        """A fault of newsdesk's own: Textual exits as it does for any (and tests still see
        the error), but the terminal is left one message instead of a traceback, which goes
        to a report file (tui/crash.py)."""
        super()._handle_exception(error)
        self._exit_renderables[:] = [Text(crash.message(error, crash.write_report(error)))]

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification (Widget.notify and Screen.notify come here) is plain text:
        messages quote names, paths, queries and errors, so markup is never parsed from them
        and nothing in them reaches the terminal raw, whatever the caller asked. Narrower
        than the wide layout a toast is one line (newsdesk.tcss): a title goes in front of
        the message there, or the line showed the title alone ("Saved searches not loaded",
        never which file or why)."""
        if title and self.size.width < self.HORIZONTAL_BREAKPOINTS[-1][0]:
            message, title = f"{title}: {message}", ""
        super().notify(terminal_safe(message), title=terminal_safe(title, False),
                       severity=severity, timeout=timeout, markup=False)

    async def _on_notify(self, event: Notify) -> None:
        """(Before Textual's own handler, which adds the notification and shows the toasts.)
        Narrower than the wide layout the toasts are one line (newsdesk.tcss), which shows
        the oldest: a new message was hidden behind one still showing ("Narrowed to" behind
        "Kept on the chart"), and stayed hidden when that one went until something else
        was drawn. There, the newest replaces the others: theirs are removed before it is
        mounted (mounted beside them, it was laid out below the one line and left there)."""
        if self.size.width < self.HORIZONTAL_BREAKPOINTS[-1][0] and self._notifications:
            self._notifications.clear()
            try:
                screen = self.screen
            except (ScreenStackError, UnknownModeError):
                return  # the app is closing: no toast shown to remove
            await screen.query(ToastHolder).remove()

    async def action_quit(self) -> None:
        self.exit(0)


def run_app(settings: Settings) -> int:
    app = NewsdeskApp(settings, driver_class=quick_driver(), leave_at_once=True)
    result = app.run()
    if app.return_code:  # it stopped on an error (shown by _handle_exception)
        return EXIT_ERROR
    return result or 0
