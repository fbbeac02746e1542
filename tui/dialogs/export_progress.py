"""An export under way: where it goes, how far it is, and Escape to stop it. The handoff
(tui/screens/handoff.py) feeds it the worker's reports and closes it when the export ends."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar

from newsdesk.tui.render import counted


class ExportProgress(ModalScreen[None]):
    BINDINGS = [Binding("escape,ctrl+c", "stop", "Stop the export", id="export.stop")]

    def __init__(self, path: str, total: int, stop: Callable[[], None]) -> None:
        super().__init__()
        self.path = path
        self.total = total
        self.written = 0
        self.stopping = False
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

    def advance(self, written: int) -> None:
        self.written = written
        self.query_one(ProgressBar).update(progress=min(written, self.total))

    def action_stop(self) -> None:
        if not self.stopping:
            self.stopping = True
            self._stop()
            self.query_one("#export-hint", Label).update(Text("Stopping…", style="bold"))
