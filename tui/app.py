"""The newsdesk dashboard, a Textual app: it shows the main screen (tui/screens/main.py),
turns a fault of newsdesk's own into one message and a crash report, and quits."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from newsdesk.index.config import Settings
from newsdesk.tui import crash
from newsdesk.tui import messages as msg
from newsdesk.tui.commands import NewsdeskCommands
from newsdesk.tui.exit_codes import EXIT_ERROR
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.screens.main import MainScreen


class NewsdeskApp(App[int]):
    CSS_PATH = "newsdesk.tcss"
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {NewsdeskCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.settings)

    async def _on_message(self, message: Message) -> None:
        if isinstance(message, msg.WorkerReport) and (self._exit or not self.is_running):
            return  # a worker finished as the app closed: its panes are gone
        await super()._on_message(message)

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
        and nothing in them reaches the terminal raw, whatever the caller asked."""
        super().notify(terminal_safe(message), title=terminal_safe(title, False),
                       severity=severity, timeout=timeout, markup=False)

    async def action_quit(self) -> None:
        self.exit(0)


def run_app(settings: Settings) -> int:
    app = NewsdeskApp(settings)
    result = app.run()
    if app.return_code:  # it stopped on an error (shown by _handle_exception)
        return EXIT_ERROR
    return result or 0
