"""An Input whose editing keys apply in the order they were typed."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from newsdesk.tui.paste_text import one_line
from newsdesk.tui.safe_text import terminal_safe


class OrderedInput(Input):
    """Textual inserts a typed character at once but runs a bound key (Backspace, Ctrl+U,
    Home, arrows) only after the key has bubbled up to the app. Keys that arrive in one
    read, from a fast typist or batched by a slow SSH link, then apply out of order: Ctrl+U
    followed by "oil" left the box empty (Textual issue #6605). This box runs its own
    bindings the moment their key arrives."""

    def validate_value(self, value: str) -> str:
        # A query or name put here from a file (history, a saved search) or pasted is shown
        # as text: same length, so the cursor stays true, and nothing the terminal acts on.
        return terminal_safe(value, False)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste of several lines (a headline that wrapped, two lines of an article) is
        one line of text here, its control characters and sequences spaces
        (tui/paste_text.py). Textual kept the first line and dropped the rest ("oil" of
        "oil\nprices")."""
        text = one_line(event.text)
        if text:
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)
        event.stop()
        event.prevent_default()  # Input's own handler would add the first line again

    async def _on_key(self, event: events.Key) -> None:
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            # Priority bindings were run by the app before the key reached the box.
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                self._restart_blink()
                return
        await super()._on_key(event)
