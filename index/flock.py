"""Taking an flock, waiting a bounded time: one loop for the index lock (storage/lock.py) and
the user files' locks (userdata/lock.py). An flock dies with its process, so a killed holder
never leaves a stale lock behind."""

from __future__ import annotations

import fcntl
import time


def flock_within(fd: int, wait: float) -> bool:
    """Lock `fd` exclusively, trying for `wait` seconds; False if another holds it still."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
