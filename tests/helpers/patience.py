"""How long a test waits for the app: `timeout` seconds in which the app could run, not
seconds of the wall clock (the app's own deadlines count so too: tui/run_time.py).

A wall-clock timeout sized for a quiet machine failed tests whose app was merely starved
(on a load of 30, opening a 6-article index took 14 s of wall clock and 0.9 s of CPU), and
a larger one would only make a stuck app fail later on every machine. The time the app's
threads (and the test's own) waited for a core is not counted; an app that sits idle
(stuck, waiting on nothing) fails after `timeout` seconds as before, however busy the
machine."""

from __future__ import annotations

from collections.abc import Iterable

from newsdesk.tui.run_time import RunDeadline

SAMPLE = 0.25  # seconds between looks at the threads' waits, unless the time is up


class Patience(RunDeadline):
    """A deadline of `timeout` seconds the app could have run, from now. `pids`: the
    processes whose waits for a core do not count (the app's, the test's own)."""

    def __init__(self, timeout: float, pids: Iterable[int] = ()) -> None:
        # (reading /proc at every poll of a 20 ms loop would cost the app: once a SAMPLE)
        super().__init__(timeout, pids, sample=SAMPLE)

    def expired(self) -> bool:
        return self.passed()
