"""Python's full garbage collections in the pauses between searches, not in a keystroke.

A full collection walks every container object the process holds. In the dashboard at
100,000 articles (the actor table, Textual's widgets and their caches) one took 90 to
110 ms, and one came every two or three seconds of typing: 29 in a Pilot session of 80 s.
The keystroke that met one painted its results 100 ms late, which was most of the
keystroke p95. So, while the app runs, automatic full collections are made rare, and one
runs when the user has paused instead: everything is unfrozen, collected, and what is left
frozen (`gc.freeze`: not walked by the collections that follow, though still freed when
no longer referenced). Nothing is kept that a collection would have freed; young objects
are collected as usual all along.

How rare: a minute of typing without a pause (222 keys in a Pilot session) took the
process's own memory from 89 to 164 MB with Python's default, to 220 MB with full
collections 100 times rarer, and to 184 MB with them 10 times rarer (RARE_FULL below),
which keeps the keystroke p95 as low."""

from __future__ import annotations

import gc

PAUSE_SECONDS = 1.5  # no search painted for this long: the user has paused
RARE_FULL = 100  # middle collections between automatic full ones (Python's default: 10)


class PauseCollector:
    """Defers full collections from `start()` to `stop()`; `collect()` runs one."""

    def __init__(self) -> None:
        self._threshold: tuple[int, int, int] | None = None
        self.collections = 0  # how many have run (for tests)

    def start(self) -> None:
        if self._threshold is None:
            self._threshold = gc.get_threshold()
            young, middle, _ = self._threshold
            gc.set_threshold(young, middle, RARE_FULL)

    def collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.collections += 1

    def stop(self) -> None:
        """Python's own thresholds back, nothing frozen (the process may run other apps:
        the tests do)."""
        if self._threshold is not None:
            gc.set_threshold(*self._threshold)
            self._threshold = None
        gc.unfreeze()
