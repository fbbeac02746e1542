"""The newsdesk dashboard, a Textual app: it shows the main screen (tui/screens/main.py),
turns a fault of newsdesk's own into one message and a crash report, and quits."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import App
from textual.command import Provider
from textual.driver import Driver
from textual.message import Message
from textual.message_pump import MessagePump
from textual.notifications import SeverityLevel
from textual.screen import Screen

from newsdesk.index.config import Settings
from newsdesk.tui import crash
from newsdesk.tui import messages as msg
from newsdesk.tui.exit_codes import EXIT_ERROR
from newsdesk.tui.key_order import KeyEvent, KeyGate
from newsdesk.tui.quitting import leave_now, quick_driver
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.screens.main import MainScreen


def _newsdesk_commands() -> type[Provider]:
    """The palette's provider, loaded when the palette first opens (not at start)."""
    from newsdesk.tui.commands import NewsdeskCommands

    return NewsdeskCommands


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
        self.keys = KeyGate(self, self._send_key)  # one key at a time (tui/key_order.py)

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.settings)

    async def _on_message(self, message: Message) -> None:
        if isinstance(message, msg.WorkerReport) and (self._exit or not self.is_running):
            return  # a worker finished as the app closed: its panes are gone
        await super()._on_message(message)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            await self.keys.offer(event)
            return
        await super().on_event(event)

    async def _send_key(self, event: KeyEvent) -> MessagePump | None:
        """Dispatch a key (or paste) as Textual does; where it went, when it was forwarded
        to a widget rather than run by a priority binding."""
        target = self.focused or self.screen
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

    async def action_quit(self) -> None:
        self.exit(0)


def run_app(settings: Settings) -> int:
    app = NewsdeskApp(settings, driver_class=quick_driver(), leave_at_once=True)
    result = app.run()
    if app.return_code:  # it stopped on an error (shown by _handle_exception)
        return EXIT_ERROR
    return result or 0
