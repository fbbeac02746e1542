"""Dialogs that a single key answers (y deletes, h hides, a letter picks) take no key typed
before they were on the screen.

Typed ahead, the rest of a word went on to answer the dialog its first letters opened: "dye"
in the saved searches deleted the saved search (d asks, y said yes), "hyundai" in the actor
list hid an actor. A key carries when the terminal driver made it (Message.time, monotonic);
the app drops a key made before the dialog had painted (tui/app.py), so only a key pressed
once the question could be seen answers it."""

from __future__ import annotations

import math
from typing import TypeVar

from textual import events
from textual._time import get_time
from textual.screen import ModalScreen

from newsdesk.tui.key_order import KeyEvent

Answer = TypeVar("Answer")


class AnswersByKey(ModalScreen[Answer]):
    """A modal screen whose single keys answer it: keys made before it showed are dropped."""

    shown_at = math.inf  # monotonic time it was first painted; no key before it counts

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.shown_at == math.inf:
            self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self.shown_at = get_time()  # the clock Message.time is read from

    def typed_ahead(self, event: KeyEvent) -> bool:
        """A key made before this dialog was shown: not an answer to it."""
        return event.time < self.shown_at

