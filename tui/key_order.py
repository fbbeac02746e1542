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
A deadline opens the gate whatever happens, so no state can swallow keys for good.

Before the first screen has put the focus on its search box, the gate is closed: keys typed
at launch went to the bare screen, whose bindings took the first one ("oil" gave "il": o ran
the pager binding; "qatar" gave "atar"). The screen `start`s the gate once its box has the
focus, and the keys then go to it in order.

Keys of one burst go on where the burst was typed: a key that arrives within BURST_GAP of
an Enter typed into a text box (a paste without bracketed paste, "oil<Enter>wheat<Enter>",
or keys batched by a slow link) is typed into that box again, with a space for the line
break, rather than reach whatever the Enter moved the focus to ("wheat" ran the results'
one-key commands: v facets, e export). A person cannot press a key within a few
milliseconds of Enter, so keys typed after it still act on what the Enter opened."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable

from textual import events
from textual.message_pump import MessagePump
from textual.widgets import Input
from textual.widgets.input import Selection

# The key itself, the messages its handling posted (OptionList.OptionSelected), and the
# ones those posted in turn (KwicView.Chosen, which opens an article and holds the keys).
PASSES = 3
IN_FLIGHT_LIMIT = 1.0  # seconds a key may take before the next one goes anyway
HOLD_LIMIT = 2.0  # seconds a hold lasts at most
START_LIMIT = 15.0  # seconds keys wait at most for the first screen to be ready
# Keys at most this far apart (by when the terminal driver made them) are one burst: those
# of one read are microseconds apart, even when a busy machine makes the app late; people
# type 60 ms apart at the fastest.
BURST_GAP = 0.03

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
        self._start_deadline = time.monotonic() + START_LIMIT  # closed till `start`
        self._last_time = 0.0  # when the last key sent was made (Message.time)
        self._burst_box: Input | None = None  # the box an Enter was typed into, last key

    @property
    def busy(self) -> bool:
        now = time.monotonic()
        if self._flight and now > self._flight_deadline:
            self._flight = 0  # something swallowed the callback: never lose keys to it
        return bool(self._flight) or now < self._hold_deadline or now < self._start_deadline

    def start(self) -> None:
        """The first screen is ready (its box has the focus): keys typed at launch go now."""
        if self._start_deadline:
            self._start_deadline = 0.0
            self.app.call_later(self.drain)

    async def offer(self, event: KeyEvent) -> None:
        """A key from the terminal: sent now, or queued behind the keys before it."""
        self.waiting.append((event, time.monotonic()))
        if self._start_deadline:
            self._wake_at(self._start_deadline)
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
            self._continue_burst(event)
            target = await self._send(event)
            self._last_time = event.time
            self._burst_box = target if isinstance(target, Input) and _is_enter(event) else None
            if target is not None and not _typed_into(event, target):
                self._follow(target)

    def _continue_burst(self, event: KeyEvent) -> None:
        """A key of the burst an Enter in a text box was part of goes into that box."""
        box, self._burst_box = self._burst_box, None
        if box is None or event.time - self._last_time > BURST_GAP:
            return
        if not (isinstance(event, events.Paste) or event.is_printable or _is_enter(event)):
            return
        screen = getattr(self.app, "screen", None)
        if not box.is_attached or box.screen is not screen or box.disabled:
            return  # the box is gone (a dialog's, closed by the Enter)
        if screen.focused is not box:
            # Typed on at the end of the line, not over it (as focusing it would select it).
            select_on_focus, box.select_on_focus = box.select_on_focus, False
            screen.set_focus(box)
            box.call_later(setattr, box, "select_on_focus", select_on_focus)  # after Focus
            box.selection = Selection.cursor(len(box.value))
        if box.value and not box.value.endswith(" ") and not _is_enter(event):
            box.insert_text_at_cursor(" ")  # the line break of a pasted line, as in a paste

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


def _is_enter(event: KeyEvent) -> bool:
    return isinstance(event, events.Key) and event.key == "enter"
