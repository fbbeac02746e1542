"""Taking an flock, waiting a bounded time: one loop for the index lock (storage/lock.py) and
the user files' locks (userdata/lock.py). An flock dies with its process, so a killed holder
never leaves a stale lock behind."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable


def flock_within(fd: int, wait: float, waiting: Callable[[], None] | None = None,
                 say_after: float = 0.0) -> bool:
    """Lock `fd` exclusively, trying for `wait` seconds; False if another holds it still.
    `waiting` is called once, after `say_after` seconds of waiting (to say so)."""
    start = time.monotonic()
    deadline = start + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            now = time.monotonic()
            if now >= deadline:
                return False
            if waiting is not None and now - start >= say_after:
                waiting, said = None, waiting
                said()
            time.sleep(0.005)
