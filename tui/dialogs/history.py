"""Search the query history (Ctrl+R, as in shells and fzf): a box that narrows the list of
past queries, newest first; Enter runs the highlighted one, Escape leaves things as they were."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from newsdesk.tui.ordered_input import OrderedInput
from newsdesk.tui.safe_text import terminal_safe


def narrowed(queries: list[str], text: str) -> list[str]:
    """The queries holding every word of `text` (any case, any order), newest first as
    given; the ones holding it as typed come first."""
    words = text.lower().split()
    found = [q for q in queries if all(w in q.lower() for w in words)]
    whole = text.strip().lower()
    return sorted(found, key=lambda q: whole not in q.lower()) if whole else found


class HistoryDialog(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="history.cancel"),
        Binding("down,ctrl+r,ctrl+n", "move(1)", "Older", id="history.older", priority=True),
        Binding("up,ctrl+p", "move(-1)", "Newer", id="history.newer", priority=True),
    ]

    def __init__(self, queries: list[str], text: str = "") -> None:
        super().__init__()
        self.queries = queries  # newest first
        # The box's query narrows the list only if a past query holds it; else the list
        # opened saying "no past query matches" and the box had to be cleared first.
        self.text = text if narrowed(queries, text) else ""
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="history-dialog"):
            yield Label("Search the history (Ctrl+R):", classes="dialog-title")
            yield OrderedInput(value=self.text, id="history-filter",
                               placeholder="type to narrow the past queries")
            yield OptionList(id="history-list")
            yield Label("Enter runs it · Up/Down or Ctrl+R move · Escape cancels",
                        classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill(self.text)
        self.query_one("#history-filter", Input).focus()

    @on(Input.Changed, "#history-filter")
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, text: str) -> None:
        self.shown = narrowed(self.queries, text)
        options = self.query_one("#history-list", OptionList)
        options.clear_options()
        if self.shown:
            options.add_options([Option(Text(terminal_safe(q, False))) for q in self.shown])
            options.highlighted = 0
        else:
            options.add_option(Option(Text("no past query matches", style="dim"),
                                      disabled=True))

    def action_move(self, step: int) -> None:
        options = self.query_one("#history-list", OptionList)
        if self.shown:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self.shown) - 1, current + step))

    @on(Input.Submitted, "#history-filter")
    def _submitted(self) -> None:
        self._run(self.query_one("#history-list", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#history-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._run(event.option_index)

    def _run(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.shown):
            self.dismiss(self.shown[index])

    def action_cancel(self) -> None:
        self.dismiss(None)
