"""Keys handled one after another, each by the widget that has the focus once the keys
before it are done.

Textual forwards a key to the focused widget's queue at once, but runs a screen's or the
app's (non-priority) binding only when the key has bubbled back up to the app, queue by
queue. Keys that arrive in one read (fast typing, a paste without bracketed paste, a slow
SSH link delivering a burst) were thus all forwarded to the old focus before the first one
moved it: "/iran" from the results list focused the box but "iran" went to the list, where
"o" opened the pager and "e" the export dialog; Down then Enter in the search box lost the
Enter. The app hands each key (and paste) to this gate: while an earlier key is still on its
way through the widgets, later ones wait here, in order, and go to whatever has the focus
when it is done.

A key is done when it and what its handling posted have passed every queue from the focused
widget up to the app: a callback follows it up that chain three times (callbacks queue
behind the key, and behind the messages its handlers posted, such as
OptionList.OptionSelected, and the ones those posted). Work
that moves the focus later (an article opened by a worker) `hold`s the gate until `release`.
A deadline opens the gate whatever happens, so no state can swallow keys for good."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable

from textual import events
from textual.message_pump import MessagePump
from textual.widgets import Input

# The key itself, the messages its handling posted (OptionList.OptionSelected), and the
# ones those posted in turn (KwicView.Chosen, which opens an article and holds the keys).
PASSES = 3
IN_FLIGHT_LIMIT = 1.0  # seconds a key may take before the next one goes anyway
HOLD_LIMIT = 2.0  # seconds a hold lasts at most

KeyEvent = events.Key | events.Paste


class KeyGate:
    def __init__(self, app: MessagePump, send: Callable[[KeyEvent], Awaitable[MessagePump | None]]
                 ) -> None:
        self.app = app
        self._send = send  # dispatches a key as Textual would; returns where it went
        self.waiting: deque[tuple[KeyEvent, float]] = deque()  # (key, when it arrived)
        self.delays: deque[float] = deque(maxlen=1000)  # seconds keys waited here (bench)
        self._flight = 0  # id of the key on its way; 0 when none
        self._flight_deadline = 0.0
        self._hold_deadline = 0.0
        self._serial = 0

    @property
    def busy(self) -> bool:
        now = time.monotonic()
        if self._flight and now > self._flight_deadline:
            self._flight = 0  # something swallowed the callback: never lose keys to it
        return bool(self._flight) or now < self._hold_deadline

    async def offer(self, event: KeyEvent) -> None:
        """A key from the terminal: sent now, or queued behind the keys before it."""
        self.waiting.append((event, time.monotonic()))
        await self.drain()

    def hold(self, seconds: float = HOLD_LIMIT) -> None:
        """Keep the keys to come until `release` (the focus is about to move)."""
        self._hold_deadline = time.monotonic() + min(seconds, HOLD_LIMIT)
        self._wake_at(self._hold_deadline)

    def release(self) -> None:
        if self._hold_deadline:
            self._hold_deadline = 0.0
            self.app.call_later(self.drain)

    async def drain(self) -> None:
        """Send waiting keys while nothing is in the way (runs in the app's task)."""
        while self.waiting and not self.busy:
            event, arrived = self.waiting.popleft()
            self.delays.append(time.monotonic() - arrived)
            target = await self._send(event)
            if target is not None and not _typed_into(event, target):
                self._follow(target)

    # -- following one key up the widgets ---------------------------------------------------

    def _follow(self, target: MessagePump) -> None:
        chain: list[MessagePump] = []
        node: MessagePump | None = target
        while node is not None:
            chain.append(node)
            node = node._parent
        if chain[-1] is not self.app:
            chain.append(self.app)
        self._serial += 1
        self._flight = self._serial
        self._flight_deadline = time.monotonic() + IN_FLIGHT_LIMIT
        self._wake_at(self._flight_deadline)
        self._step(self._serial, chain * PASSES, 0)

    def _step(self, flight: int, chain: list[MessagePump], index: int) -> None:
        if flight != self._flight:
            return  # given up on (deadline)
        while index < len(chain):
            node = chain[index]
            # Queued behind whatever the node has yet to handle, the key among it.
            if node.call_later(self._step, flight, chain, index + 1):
                return
            index += 1  # a closed pump: skip it
        self._flight = 0
        self.app.call_later(self.drain)

    def _wake_at(self, deadline: float) -> None:
        """Drain once `deadline` has passed, in case nothing else comes along."""
        delay = max(0.0, deadline - time.monotonic()) + 0.01
        self.app.set_timer(delay, self.drain)  # type: ignore[attr-defined]


def _typed_into(event: KeyEvent, target: MessagePump) -> bool:
    """A character (or paste) for a text box: the box takes it and it goes no further, so
    the next key, queued behind it in the same box, needs no wait (typing stays as quick
    as Textual makes it)."""
    if not isinstance(target, Input):
        return False
    return isinstance(event, events.Paste) or (event.is_printable and event.key != "enter")
