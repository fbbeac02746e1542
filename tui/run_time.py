"""Deadlines counted in time a process could run, not seconds of the wall clock.

On a busy machine (a load of 30 on 2 cores) newsdesk's threads spend most of their time
waiting for a core: opening a 6-article index took 14 s of wall clock and 0.9 s of CPU.
A limit sized for a quiet machine (the key gate's "a key's way up the widgets stalls after
1 s without a step", tui/key_order.py) then gave up on work that was merely starved, and
the next keys went to the focus that work was about to move: "r" then a name in the saved
searches renamed nothing, its letters sent to the list and to a dialog not yet built.

The kernel counts the time each thread waited for a core (/proc/PID/task/TID/schedstat,
its second field). That time is not counted against a deadline, so starved work gets the
time it needs, and work that never comes (a callback on a closed pump: the process sits
idle, waiting on nothing) still passes the deadline after its seconds, however busy the
machine. A quiet machine starves nothing: the deadlines there are what they always were.
Elsewhere than Linux nothing is read and the deadlines are the wall clock's."""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterable
from pathlib import Path

# Wall-clock seconds, as a multiple of the deadline's, after which it passes however much
# the process was starved: it bounds a wait on work that spins for ever.
CAP = 8.0


def scheduled_ns(pid: int) -> tuple[int, int]:
    """(nanoseconds run, nanoseconds waited for a core) of the threads of `pid` so far,
    summed; (0, 0) where it is gone or there is no /proc (not Linux)."""
    ran = waited = 0
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return 0, 0
    for task in tasks:
        try:
            fields = (task / "schedstat").read_text().split()
            ran, waited = ran + int(fields[0]), waited + int(fields[1])
        except (OSError, IndexError, ValueError):
            continue  # the thread ended meanwhile
    return ran, waited


def starved_seconds(pids: Iterable[int]) -> float:
    """Seconds the threads of `pids` have waited for a core so far, summed (threads that
    ended are no longer counted: callers take the increase, clamped at 0)."""
    return sum(scheduled_ns(pid)[1] for pid in pids) / 1e9


class RunDeadline:
    """`seconds` in which the processes `pids` (this one by default) could run, from now.

    `sample`: seconds of wall clock between reads of the waits while time is left (they
    cost a file read a thread); math.inf reads them only once the wall clock says the
    deadline has passed, which is all a deadline that is seldom reached needs."""

    def __init__(self, seconds: float, pids: Iterable[int] = (), sample: float = math.inf,
                 cap: float = CAP) -> None:
        self.seconds = seconds
        self.pids = tuple(pids) or (os.getpid(),)
        self.sample, self.cap = sample, cap
        self._starved = starved_seconds(self.pids)
        self.started = self._at = time.monotonic()
        self.counted = 0.0  # seconds counted against the deadline so far

    def restart(self) -> None:
        """`seconds` again from now (progress was made), without a read of the waits: those
        since the last read are still forgiven, which errs on the side of patience."""
        self.started = self._at = time.monotonic()
        self.counted = 0.0

    def left(self) -> float:
        """Seconds left, counted as if nothing were starved from now on (<= 0: passed)."""
        now = time.monotonic()
        wall = now - self._at
        estimate = self.seconds - self.counted - wall  # were nothing starved since
        if estimate > 0 and wall < self.sample:
            return estimate
        starved = starved_seconds(self.pids)
        # Several threads may queue at once: no more than the wall-clock step is forgiven.
        self.counted += wall - min(wall, max(0.0, starved - self._starved))
        self._at, self._starved = now, starved
        if now - self.started >= self.seconds * self.cap:
            return 0.0
        return self.seconds - self.counted

    def passed(self) -> bool:
        return self.left() <= 0

    def describe(self) -> str:
        """For a message: how long it has run, and how much of that was counted."""
        return (f"waited {time.monotonic() - self.started:.1f} s, {self.counted:.1f} s of it "
                f"not starved (timeout {self.seconds:g} s)")
