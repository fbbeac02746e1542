"""A build's near-duplicate grouping (groups.update) in a process of its own, beside the
indexer's end: its key index, the actor table's writing, and the clustering process.

At the end of a first build the indexer grouped the near-duplicates (30,000 long articles:
2.7 s) beside the clustering process, which is done long before (1.3 s of clustering at
16,000 keys), then wrote the actor table after them: one core idle for about half the
end. Here the grouping runs in a fork of the indexer, on a connection of its own, while
the indexer builds the mentions' key index and writes the actor table, both writers of
the store taking turns at SQLite's write lock (its busy timeout).

The signatures the segment writer made ahead are in a TEMP table of the indexer's
connection (dups/presign.py), which another connection cannot see: they are read out
before the fork (`presign.held`, a fork's pages, not copied), and taken from there
(`presign.taker_of`); the indexer drops its own once the process is done.

Nothing is lost if the process cannot start, fails or dies: an update stopped at any
point is finished by the next one (groups.py), which the indexer then runs itself (`wait`
says whether it must)."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sqlite3
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from newsdesk.index.dups import groups, presign
from newsdesk.index.storage.fork_server import ServedProcess, silence

POLL_SECONDS = 0.1  # between looks at the run's cancel while the grouping is waited for
# Seconds either connection waits for the other's write lock while the process runs (the
# store's own wait is 30 s): a block of the linking holds it through its scoring (link.py
# _check; at load 45, 3 s a block of 30,000 long articles), and a machine slower still
# would have failed the table's writing.
BUSY_SECONDS = 600


def can_fork() -> bool:
    """A plain fork is at hand and safe: this is the process's only thread (the command
    line's run). Not beside other threads (the dashboard's): a lock one of them held at
    the fork would stay held in the child; from the fork server the process would import
    everything and be sent the signatures (0.5 s of imports beside a 2 s grouping)."""
    return threading.active_count() == 1 and "fork" in mp.get_all_start_methods()


class GroupProcess:
    """groups.update of the store at `path`, started at once in a fork of this process,
    the signatures made ahead taken from `db` (the indexer's connection)."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self._db = db
        self._process: ServedProcess | None = None
        self._busy_ms: int | None = None  # the connection's own wait, while it is longer
        try:
            # (Handed over in the fork's memory, not as an argument: the Process object
            # keeps its arguments, and held here the signatures, 30 MB of 30,000, stayed
            # in the indexer's heap through its end.)
            _HANDED.append(presign.held(db))
            self._process = ServedProcess(_serve, (str(path),), "newsdesk-dup-grouping",
                                          "dup-grouping", mp.get_context("fork"))
        except Exception:  # noqa: BLE001 - no process (cannot fork): grouped in the indexer
            self._process = None
        finally:
            _HANDED.clear()
        if self._process is not None:
            self._busy_ms = db.execute("PRAGMA busy_timeout").fetchone()[0]
            db.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")

    def wait(self, stop: Callable[[], bool]) -> bool:
        """Whether the grouping is done (False: it failed, died or could not start, or
        `stop` said to stop, and the process is ended: the indexer groups what is left)."""
        if self._process is None:
            return False
        process, self._process = self._process, None
        try:
            # (A stop is asked before each wait: one asked at once is heeded however fast
            # the grouping is; the test of it failed where the process had finished within
            # the first wait.)
            while True:
                if stop():
                    return False
                if process.ready(POLL_SECONDS):
                    break
            process.result("the near-duplicates' groups")
        except Exception:  # noqa: BLE001 - it failed or died: grouped in the indexer
            return False
        finally:
            process.kill()
            self._own_wait()
        presign.forget(self._db)  # (taken there: those here are not wanted any more)
        return True

    def close(self) -> None:
        if self._process is not None:
            process, self._process = self._process, None
            process.kill()
        self._own_wait()

    def _own_wait(self) -> None:
        """The connection's wait for the write lock as it was (no other writer now)."""
        if self._busy_ms is not None:
            busy, self._busy_ms = self._busy_ms, None
            self._db.execute(f"PRAGMA busy_timeout = {int(busy)}")


# The signatures made ahead, from `presign.held` to the fork (its copy of this list).
_HANDED: list[dict[str, tuple[int, int, bytes]]] = []


def _serve(conn: Connection, path: str) -> None:
    """The process: one update of the groups, then it ends."""
    found = _HANDED.pop() if _HANDED else {}
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.umask(0o077)
    silence()
    try:
        db = sqlite3.connect(path, timeout=BUSY_SECONDS)
        try:
            db.execute("PRAGMA synchronous=NORMAL")  # (as the store's: WAL is the file's)
            groups.update(db, threading.Lock(), presigned=presign.taker_of(found))
        finally:
            db.close()
        conn.send(("done",))
    except Exception as exc:  # noqa: BLE001 - reported to the indexer, which groups itself
        with contextlib.suppress(OSError):
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
