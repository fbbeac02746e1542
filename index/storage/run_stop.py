"""A stop asked of an indexing run (Ctrl-C, SIGTERM, the dashboard quitting) reaching the
waits and long loops inside it.

The indexer only looked at its cancel event between files and batches; once a corpus was
read, everything after (the batch in flight's extraction and segment, the commits, the
actors' clustering at the end) ran to its end: an outside tester's Ctrl-C 17 s into a first
build of 3,168 long articles waited 56 s for all of it. A run registers its stop check for
its thread (`stoppable`); every wait for a helper process (fork_server.ServedProcess) and
the loops that take seconds call `check`, which raises RunStopped once the stop is asked.
The indexer catches it: what was committed stays, a batch in flight stays pending in the
store (the next run commits it, as after a crash).

Per thread: the dashboard's indexer runs in a worker thread beside searches that must not
be stopped by it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

POLL_SECONDS = 0.1  # a wait for a helper looks at the stop this often


class RunStopped(BaseException):  # noqa: N818 - a stop, not an error
    """The run was asked to stop. A BaseException, as KeyboardInterrupt is: the `except
    Exception` that let a failed helper's work be redone here must not swallow it."""


_local = threading.local()


@contextmanager
def stoppable(wanted: Callable[[], bool]) -> Iterator[None]:
    """While inside, `check` in this thread raises RunStopped once `wanted()` is true."""
    before = getattr(_local, "wanted", None)
    _local.wanted = wanted
    try:
        yield
    finally:
        _local.wanted = before


def asked() -> bool:
    """Whether this thread's run was asked to stop (False outside a run)."""
    wanted = getattr(_local, "wanted", None)
    return wanted is not None and wanted()


def check() -> None:
    """Raise RunStopped if this thread's run was asked to stop."""
    if asked():
        raise RunStopped


def wait(ready: Callable[[float], bool]) -> None:
    """Wait till `ready(timeout)` is true, raising RunStopped if a stop is asked first. Out
    of a run, one plain wait."""
    if getattr(_local, "wanted", None) is None:
        ready(None)  # type: ignore[arg-type]
        return
    while not ready(POLL_SECONDS):
        check()
