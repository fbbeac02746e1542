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
which keeps the keystroke p95 as low.

A pause's collection walks only what is not frozen: what the session made since the last
pause (8-23 ms of CPU at 30,000 articles on a loaded machine, where unfreezing everything
took 62-72 ms, and a key typed just after a pause waited for it). Everything is walked
(unfrozen, collected, frozen again) after a longer idle, or at a pause once the frozen
objects have grown by half since the last such walk: frozen cyclic garbage is freed then,
so memory stays bounded however seldom the user stops for long."""

from __future__ import annotations

import gc

PAUSE_SECONDS = 1.5  # no search painted for this long: the user has paused
IDLE_SECONDS = 20.0  # ... and for this long: everything is walked
GROWTH = 1.5  # frozen objects this many times those of the last walk of everything
RARE_FULL = 100  # middle collections between automatic full ones (Python's default: 10)


class PauseCollector:
    """Defers full collections from `start()` to `stop()`; `collect()` runs one of what is
    new at a pause, `collect_all()` one of everything."""

    def __init__(self) -> None:
        self._threshold: tuple[int, int, int] | None = None
        self._walked = 0  # objects frozen after the last walk of everything
        self.collections = 0  # how many have run (for tests)
        self.full_collections = 0

    def start(self) -> None:
        if self._threshold is None:
            self._threshold = gc.get_threshold()
            young, middle, _ = self._threshold
            gc.set_threshold(young, middle, RARE_FULL)

    def collect(self) -> None:
        if self._walked == 0 or gc.get_freeze_count() > self._walked * GROWTH:
            self.collect_all()
            return
        gc.collect()  # the frozen are not walked
        gc.freeze()
        self.collections += 1

    def collect_all(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._walked = gc.get_freeze_count()
        self.collections += 1
        self.full_collections += 1

    def stop(self) -> None:
        """Python's own thresholds back, nothing frozen (the process may run other apps:
        the tests do), if this collector froze anything: what the process froze itself
        before the dashboard (a test run freezes its collected tests) stays frozen."""
        if self._threshold is not None:
            gc.set_threshold(*self._threshold)
            self._threshold = None
        if self.collections:
            gc.unfreeze()
