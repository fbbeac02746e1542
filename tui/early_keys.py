"""Keys typed before newsdesk had the terminal: run as they would be once it is up, but
none that opens a dialog or another program or changes what newsdesk keeps.

Until newsdesk takes the terminal (tui/early_terminal.py: as its process starts, but the
shell and the interpreter come first) the terminal itself takes a Ctrl+Q or Ctrl+S typed
(XON/XOFF flow control): newsdesk never sees them. A person who typed a query, Down, Enter,
Ctrl+Q and went on typing for the shell had those letters run as commands: `e` opened the
export dialog and the rest went into its file name (an outside tester). Keys typed that
early that move, search or show (Action.early in tui/actions.py) run as always; the first
that would run any other action is not run, nor is any key typed that early after it (they
were typed for what it would have opened), and a notice says so."""

from __future__ import annotations

from textual import events
from textual.screen import Screen

from newsdesk.tui.actions import ACTIONS, Action, key_label
from newsdesk.tui.early_terminal import typed_early
from newsdesk.tui.key_order import KeyEvent

_BY_ID = {action.id: action for action in ACTIONS if action.keys}
# Actions the table lists for help but Textual binds itself (Tab, the palette's Ctrl+P).
_BY_NAME = {action.action: action for action in ACTIONS if not action.bound}


class EarlyKeys:
    def __init__(self) -> None:
        self.stopped_at: str | None = None  # the key from which early keys are dropped
        self._told = False

    def refused(self, event: KeyEvent, screen: Screen[object]) -> bool:
        """Whether `event` is a key typed early that is not run (the first such key is
        remembered for the notice, `stopped_at`)."""
        if not typed_early(event.time):
            return False
        if self.stopped_at is not None:
            return True
        if isinstance(event, events.Paste):
            return False  # text, for the search box
        action = _bound_action(event, screen)
        if action is None or action.early:
            return False
        self.stopped_at = key_label(event.key)
        return True

    def notice_due(self) -> bool:
        """True once: the first key refused."""
        due, self._told = not self._told, True
        return due

    def notice(self) -> str:
        return (f"Not run: {self.stopped_at} and the keys after it, typed while newsdesk "
                "started (the terminal takes a Ctrl+Q typed then)")


def _bound_action(event: events.Key, screen: Screen[object]) -> Action | None:
    """The action of newsdesk's table the key would run where the focus is now; None for a
    key that is text for a box, or one bound by Textual's own widgets (arrows in a list,
    editing keys in a box)."""
    bindings = screen.active_bindings
    for key in (event.key, *event.aliases):
        active = bindings.get(key)
        if active is None:
            continue
        binding = active.binding
        return _BY_ID.get(binding.id or "") or _BY_NAME.get(binding.action.removeprefix("app."))
    return None
