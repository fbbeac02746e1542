"""Dialogs that a single key answers (y deletes, h hides, a letter picks) take no key typed
before they were on the screen.

Typed ahead, the rest of a word went on to answer the dialog its first letters opened: "dye"
in the saved searches deleted the saved search (d asks, y said yes), "hyundai" in the actor
list hid an actor. A key carries when the terminal driver made it (Message.time, monotonic);
the app drops a key made before the dialog was opened (tui/app.py): the rest of a burst was
read with its first letters, before the dialog existed. A key made after it opened answers it
(Pilot's keys, a person's): timed from its first paint instead, a test's key pressed as soon
as the dialog was there could be dropped on a busy machine."""

from __future__ import annotations

from typing import Any, TypeVar

from textual._time import get_time
from textual.screen import ModalScreen

from newsdesk.tui.key_order import KeyEvent

Answer = TypeVar("Answer")


class AnswersByKey(ModalScreen[Answer]):
    """A modal screen whose single keys answer it: keys made before it showed are dropped."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opened_at = get_time()  # the clock Message.time is read from

    def typed_ahead(self, event: KeyEvent) -> bool:
        """A key made before this dialog was opened: not an answer to it."""
        return event.time < self.opened_at

