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
A deadline opens the gate whatever happens, so no state can swallow keys for good. The
deadlines count the time newsdesk could run (tui/run_time.py): on a busy machine a key's
way up the widgets, or a dialog being built, can take seconds of the wall clock while every
step still runs, and giving up then sent the keys after it to the focus it was about to
move.

Before the first screen has put the focus on its search box, the gate is closed: keys typed
at launch went to the bare screen, whose bindings took the first one ("oil" gave "il": o ran
the pager binding; "qatar" gave "atar"). The screen `start`s the gate once its box has the
focus, and the keys then go to it in order.

Only a bracketed paste (which every modern terminal, tmux and SSH pass on) is text for the
box; keys are keys however fast they come. Keys that arrive in one read after an Enter in
the search box act on what the Enter opened: on a busy machine, or over a link that batches
keystrokes, "ipod", Enter, "j", Enter typed by a person reach newsdesk in one read, and an
earlier rule that took such a burst for an unbracketed paste typed "j" into the query and
never opened the article (an outside tester, 2026-12-06).

A screen pushed by a key (a dialog) is built in its own task: keys wait till it is
mounted, with the focus in it, or they went to the bare screen and were lost.

Some keys must wait for what the screen is doing: the screen on top says so (`key_waits`,
asked of the first key waiting). The main screen keeps a key that acts on the results (Down
or Enter in the search box, any key in the results, the reader, the views) until the results
of the text typed before it are on show: "rubber", Down, Enter opened the newest article,
still listed from the box's empty query. The export's progress dialog keeps every key but its
own until the export ends. `poke` sends them once the screen is done.

Keys typed before newsdesk set the terminal to raw mode were read in one go when it did,
their Enter a line feed (the terminal's ICRNL): that is Enter (Ctrl+J was lost): "oil",
Enter, "jj" typed at launch run oil and move in its results, as they do typed once newsdesk
is up."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from textual import events
from textual.app import ScreenStackError, UnknownModeError
from textual.message_pump import MessagePump
from textual.widgets import Input

from newsdesk.tui.meta_keys import ALT, typed_keys
from newsdesk.tui.run_time import RunDeadline

# The key itself, the messages its handling posted (OptionList.OptionSelected), and the
# ones those posted in turn (KwicView.Chosen, which opens an article and holds the keys).
PASSES = 3
# A key's way up the widgets ends when its callback is dropped by a widget that closed
# (removed with the key queued), and at the latest after this many seconds without a step,
# counted from its last step in time newsdesk could run. Giving up sooner sent the next key
# to the focus the key was about to move: in CI, "b" then "r" and a name renamed nothing,
# the name's first letters sent to the list and the next to the dialog not yet built, after
# a second in which a busy machine ran no step (a step can also wait on the disk: a user
# file written and synced). A wedged state costs at most this wait; lost keys are worse.
IN_FLIGHT_LIMIT = 5.0
HOLD_LIMIT = 2.0  # seconds a hold lasts at most
START_LIMIT = 15.0  # seconds keys wait at most for the first screen to be ready
SCREEN_LIMIT = 5.0  # seconds keys wait at most for a pushed screen to be mounted
SCREEN_LOOK = 0.02  # seconds between looks at a screen being built
# Keys at most this far apart (by when the terminal driver made them) are one read: those
# of one read are stamped alike (tui/input_reading.py); people type 60 ms apart at the
# fastest. Keys read with the first one before the screen was up were typed at launch.
BURST_GAP = 0.03

KeyEvent = events.Key | events.Paste


@dataclass
class Waiting:
    event: KeyEvent
    arrived: float  # monotonic, when it reached the gate


class KeyGate:
    def __init__(self, app: MessagePump, send: Callable[[KeyEvent], Awaitable[MessagePump | None]],
                 waits: Callable[[KeyEvent], float | None] = lambda event: None) -> None:
        self.app = app
        self._send = send  # dispatches a key as Textual would; returns where it went
        # How long at most the screen wants `event` kept (math.inf: until poked); None: send.
        self._waits = waits
        self.waiting: deque[Waiting] = deque()
        self.delays: deque[float] = deque(maxlen=1000)  # seconds keys waited here (bench)
        self._flight = 0  # id of the key on its way; 0 when none
        self._flight_stall: RunDeadline | None = None  # from its last step
        self._flight_at: MessagePump | None = None  # whose queue its callback waits in
        self._wakes: list[float] = []  # when the timers set to look again fire (monotonic)
        self._hold: RunDeadline | None = None
        self._serial = 0
        self._start: RunDeadline | None = RunDeadline(START_LIMIT)  # closed till `start`
        self.last_time = 0.0  # when the last key sent was made (Message.time)
        self._launch_read: float | None = None  # Message.time of the first key read
        self._head: RunDeadline | None = None  # how long the first key waits for the screen
        self._typed_to: MessagePump | None = None  # the box characters went to, unfollowed

    @property
    def busy(self) -> bool:
        if self._flight and (_dropped(self._flight_at) or not self._running(self._flight_stall)):
            self._flight = 0  # something swallowed the callback: never lose keys to it
        if self._hold is not None and not self._running(self._hold):
            self._hold = None
        if self._start is not None and not self._running(self._start):
            self._start = None
        return bool(self._flight) or self._hold is not None or self._start is not None

    def _running(self, deadline: RunDeadline | None) -> bool:
        """Whether `deadline` has yet to pass; if so, a look again once it may have."""
        if deadline is None:
            return False
        left = deadline.left()
        if left <= 0:
            return False
        self._wake_in(left)
        return True

    def start(self) -> None:
        """The first screen is ready (its box has the focus): keys typed at launch go now."""
        if self._start is not None:
            self._start = None
            self.app.call_later(self.drain)

    async def offer(self, event: KeyEvent) -> None:
        """A key from the terminal: sent now, or queued behind the keys before it."""
        if self._start is not None:
            if self._launch_read is None:
                self._launch_read = event.time
            # Read with the first key: typed before the terminal was raw, at any pace.
            at_launch = event.time - self._launch_read <= BURST_GAP
            if at_launch and isinstance(event, events.Key) and event.key == "ctrl+j":
                event = _enter_from(event)  # the tty's ICRNL made it a line feed
            self._running(self._start)
        keys = [event] if not isinstance(event, events.Key) else \
            typed_keys(event, event.key.startswith(ALT) and event.key in self.app.active_bindings)
        for key in keys:
            self.waiting.append(Waiting(key, time.monotonic()))
        await self.drain()

    def poke(self) -> None:
        """The screen may be done with what keys waited for (`waits`): try them again."""
        if self.waiting:
            self.app.call_later(self.drain)

    def hold(self, seconds: float = HOLD_LIMIT) -> None:
        """Keep the keys to come until `release` (the focus is about to move)."""
        self._hold = RunDeadline(min(seconds, HOLD_LIMIT))
        self._running(self._hold)

    def release(self) -> None:
        if self._hold is not None:
            self._hold = None
            self.app.call_later(self.drain)

    async def drain(self) -> None:
        """Send waiting keys while nothing is in the way (runs in the app's task)."""
        while self.waiting and not self.busy:
            if self.quitting():
                self.waiting.clear()  # typed before the quit: nothing left to act on
                return
            if self._typed_to is not None and not _is_text(self.waiting[0].event):
                # What the characters typed before it set off (a search) first: whether
                # this key waits depends on it.
                box, self._typed_to = self._typed_to, None
                self._follow(box)
                continue
            if self._screen_keeps(self.waiting[0].event):
                return
            head = self.waiting.popleft()
            event = head.event
            self.delays.append(time.monotonic() - head.arrived)
            target = await self._send(event)
            self.last_time = event.time
            if target is not None and not _typed_into(event, target):
                self._follow(target)
            elif target is not None:
                self._typed_to = target

    def quitting(self) -> bool:
        """The app is on its way out (a quit key, or `exit`) or its screens are gone: a key
        sent then asked the screen that was no more (ScreenStackError, a crash report on
        the way out of a quit typed after other keys), or acted on one closing."""
        if getattr(self.app, "_exit", False):
            return True
        try:
            return self.app.screen is None  # type: ignore[attr-defined]
        except (ScreenStackError, UnknownModeError):
            return True

    def _screen_keeps(self, event: KeyEvent) -> bool:
        """Whether the first key waits for the screen (`waits`), for at most the time it
        says from when it first had to."""
        if self._screen_building():
            limit: float | None = SCREEN_LIMIT
            self._wake_in(SCREEN_LOOK)  # (nothing says when it is mounted: look again)
        else:
            limit = self._waits(event)
        if limit is None:
            self._head = None
            return False
        if self._head is None:
            self._head = RunDeadline(limit)
        if math.isinf(limit) or self._running(self._head):
            return True  # (until poked: no timer)
        self._head = None  # waited long enough: never lose keys to a stuck state
        return False

    def _screen_building(self) -> bool:
        """The screen on top (a dialog a key pushed) is not mounted yet: a key now would go
        to the bare screen, not to the box it is about to focus."""
        try:
            screen = self.app.screen  # type: ignore[attr-defined]
        except (ScreenStackError, UnknownModeError):
            return False  # no screen: the app is starting or closing
        return not screen.is_mounted

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
        self._flight_stall = RunDeadline(IN_FLIGHT_LIMIT)
        self._running(self._flight_stall)
        self._step(self._serial, chain * PASSES, 0)

    def _step(self, flight: int, chain: list[MessagePump], index: int) -> None:
        if flight != self._flight:
            return  # given up on (deadline)
        if self._flight_stall is not None:
            self._flight_stall.restart()
        while index < len(chain):
            node = chain[index]
            # Queued behind whatever the node has yet to handle, the key among it.
            if node.call_later(self._step, flight, chain, index + 1):
                self._flight_at = node
                return
            index += 1  # a closed pump: skip it
        self._flight = 0
        self.app.call_later(self.drain)

    def _wake_in(self, seconds: float) -> None:
        """Drain in `seconds`, in case nothing else comes along: one timer, unless none set
        fires by then (a step restarts the stall's time; one timer a stall period, not one
        a step)."""
        now = time.monotonic()
        due = now + max(0.0, seconds) + 0.01
        self._wakes = [wake for wake in self._wakes if wake > now]
        if any(wake <= due for wake in self._wakes):
            return  # that one looks again, and sets the next
        self._wakes.append(due)
        self.app.set_timer(due - now, self.drain)  # type: ignore[attr-defined]


def _dropped(node: MessagePump | None) -> bool:
    """The widget closed: its queue, the callback in it, is gone."""
    return node is not None and (node._closed or node._closing)


def _typed_into(event: KeyEvent, target: MessagePump) -> bool:
    """A character (or paste) for a text box: the box takes it and it goes no further, so
    the next key, queued behind it in the same box, needs no wait (typing stays as quick
    as Textual makes it)."""
    return isinstance(target, Input) and _is_text(event)


def _is_text(event: KeyEvent) -> bool:
    """A character or a paste: text, were a text box to take it."""
    return isinstance(event, events.Paste) or (event.is_printable and event.key != "enter")


def _enter_from(line_feed: events.Key) -> events.Key:
    enter = events.Key("enter", "\r")
    enter.time = line_feed.time
    return enter
