"""Ask for a name: of a saved search, an actor, a file."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from newsdesk.tui.ordered_input import OrderedInput
from newsdesk.tui.render import plain


class NameDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield OrderedInput(value=self.value, id="dialog-name", select_on_focus=True)
            yield Label(plain(self.hint or "Enter to confirm, Escape to cancel"),
                        classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if name:
            self.dismiss(name)
        else:
            self.query_one(".dialog-hint", Label).update("A name cannot be empty.")

    def action_cancel(self) -> None:
        self.dismiss(None)
