"""How long a test waits for the app: `timeout` seconds in which the app could run, not
seconds of the wall clock.

On a busy machine (a load of 30 on 2 cores) the app's threads spend most of their time
waiting for a core: opening a 6-article index took 14 s of wall clock and 0.9 s of CPU,
its threads queued 23 s between them. A wall-clock timeout sized for a quiet machine then
failed tests whose app was merely starved, and a larger one would only make a stuck app
fail later on every machine. The kernel counts the time each thread waited for a core
(/proc/PID/task/TID/schedstat, its second field): that time is not counted against the
timeout, so a starved app gets the time it needs, and an app that sits idle (stuck,
waiting on nothing) fails after `timeout` seconds as before, however busy the machine.
A quiet machine starves nothing: the timeouts there are what they always were."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

# Wall-clock seconds, as a multiple of the timeout, after which a wait fails however much
# the app was starved: a machine so loaded never finishes the suite, and it bounds a wait
# on an app that spins for ever.
CAP = 8.0
SAMPLE = 0.25  # seconds between looks at the threads' waits, unless the time is up


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


class Patience:
    """A deadline of `timeout` seconds the app could have run, from now. `pids`: the
    processes whose waits for a core do not count (the app's, the test's own)."""

    def __init__(self, timeout: float, pids: Iterable[int] = ()) -> None:
        self.timeout = timeout
        self.pids = tuple(pids) or (os.getpid(),)
        self.started = self._at = time.monotonic()
        self._starved = starved_seconds(self.pids)
        self.counted = 0.0  # seconds counted against the timeout so far

    def left(self) -> float:
        """Seconds left, counted as if nothing were starved from now on (<= 0: expired)."""
        now = time.monotonic()
        wall = now - self._at
        estimate = self.timeout - self.counted - wall  # were nothing starved since
        if wall < SAMPLE and estimate > 0:
            return estimate  # (reading /proc at every poll of a 20 ms loop costs the app)
        starved = starved_seconds(self.pids)
        # Several threads may queue at once: no more than the wall-clock step is forgiven.
        self.counted += wall - min(wall, max(0.0, starved - self._starved))
        self._at, self._starved = now, starved
        if now - self.started >= self.timeout * CAP:
            return 0.0
        return self.timeout - self.counted

    def expired(self) -> bool:
        return self.left() <= 0

    def describe(self) -> str:
        """For a failure's message: how long it waited, and how much of it was counted."""
        return (f"waited {time.monotonic() - self.started:.1f} s, {self.counted:.1f} s of it "
                f"not starved (timeout {self.timeout:g} s)")
