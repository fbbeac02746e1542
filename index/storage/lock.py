"""One indexer per index at a time. An flock dies with its process, so a killed indexer never
leaves a stale lock behind that a person would have to delete."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from newsdesk.index.flock import flock_within
from newsdesk.index.models import IndexBusyError
from newsdesk.index.storage.index_folder import open_own_file


class IndexLock:
    def __init__(self, path: Path, wait: float = 0.0) -> None:
        self.path = path
        self.wait = wait
        self._fd: int | None = None

    def __enter__(self) -> IndexLock:
        fd = open_own_file(self.path)  # never through a symlink planted as the lock
        if not flock_within(fd, self.wait):
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise IndexBusyError(
                f"another newsdesk (pid {holder}) is indexing {self.path.parent}; "
                "wait for it to finish or stop it")
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
