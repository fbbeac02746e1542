"""Pick one of a few things by its key."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from newsdesk.tui.dialogs.typeahead import AnswersByKey
from newsdesk.tui.render import plain


class ChoiceDialog(AnswersByKey[str | None]):
    """Pick one of a few things by its key (or with the arrows and Enter)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices  # (key, label)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield OptionList(*[Option(Text.assemble((f"{key}  ", "bold cyan"), plain(label)),
                                      id=key) for key, label in self.choices], id="choices")
            yield Label("Press a key, or Enter on a line; Escape cancels", classes="dialog-hint")

    def on_key(self, event: Key) -> None:
        if any(event.character == key for key, _ in self.choices):
            event.stop()
            self.dismiss(event.character)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
