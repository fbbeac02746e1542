"""An export under way: where it goes, how far it is, and Escape to stop it. The handoff
(tui/screens/handoff.py) feeds it the worker's reports and closes it when the export ends.

Keys typed meanwhile (but Escape and Ctrl+C, its own) wait and go on to the dashboard once
it closes, as keys typed ahead into the other dialogs reach them: "/wheat" typed during a
long export was dropped without a word. The dialog says that they wait."""

from __future__ import annotations

import math
from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar

from newsdesk.tui.key_order import KeyEvent
from newsdesk.tui.render import counted


class ExportProgress(ModalScreen[None]):
    BINDINGS = [Binding("escape,ctrl+c", "stop", "Stop the export", id="export.stop")]

    def __init__(self, path: str, total: int, stop: Callable[[], None]) -> None:
        super().__init__()
        self.path = path
        self.total = total
        self.written = 0
        self.stopping = False
        self.kept = False  # keys typed meanwhile wait for the export's end
        self._stop = stop

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-progress"):
            # Text, not a markup string: a path may hold [brackets].
            yield Label(Text(f"Exporting {counted(self.total, 'result')} to"),
                        classes="dialog-title")
            yield Label(Text(self.path), id="export-path")
            yield ProgressBar(total=max(1, self.total), show_eta=True, id="export-bar")
            yield Label(Text("Escape stops it (nothing is left under that name)",
                             style="dim"), id="export-hint")

    def key_waits(self, event: KeyEvent) -> float | None:
        """Its own keys now; any other waits till it closes (tui/key_order.py)."""
        if isinstance(event, events.Key) and event.key in self._bindings.key_to_bindings:
            return None
        if not self.kept and self.is_mounted and not self.stopping:
            self.kept = True
            self.query_one("#export-hint", Label).update(Text(
                "Escape stops it; the keys typed go on when it ends", style="dim"))
        return math.inf

    def advance(self, written: int) -> None:
        self.written = written
        self.query_one(ProgressBar).update(progress=min(written, self.total))

    def action_stop(self) -> None:
        if not self.stopping:
            self.stopping = True
            self._stop()
            self.query_one("#export-hint", Label).update(Text("Stopping…", style="bold"))
