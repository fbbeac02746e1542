"""The one choke point for changing a user's file: hold an fcntl lock on a lock file beside it,
read what is on disk now, apply the change to that, write it, let go. Two processes (two
`newsdesk saved add`, a dashboard and the CLI, two dashboards) then never write over each
other's entries from a stale copy.

The lock file is opened without following symlinks (a link planted as the lock file is
refused, never written through) and is never deleted: deleting it would let a second process
lock a new file while a first still holds the old one. An flock dies with its process, so a
killed writer leaves no stale lock."""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from newsdesk.index.flock import flock_within
from newsdesk.index.locations import private_dir, private_fd
from newsdesk.index.userdata.yaml_files import UserFileError

WAIT_SECONDS = 120.0  # a writer holds the lock for milliseconds; this long means a hung one
# A wait longer than this is said (`said_when_waiting`): an actor edit's re-clustering holds
# the curation's lock for seconds, and a CLI edit meanwhile sat silent that long.
SAY_AFTER = 0.4
_WAITING: ContextVar[Callable[[], None] | None] = ContextVar("newsdesk_lock_waiting",
                                                             default=None)


@contextmanager
def said_when_waiting(say: Callable[[], None]) -> Iterator[None]:
    """Within the block (this thread or task), a wait for a user file's lock longer than
    SAY_AFTER calls `say` (once a wait): the CLI says what it is waiting for."""
    token = _WAITING.set(say)
    try:
        yield
    finally:
        _WAITING.reset(token)


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock of the user's file `path` (exclusive, between processes and threads)."""
    private_dir(path.parent)
    where = lock_path(path)
    try:
        fd = private_fd(where, os.O_RDWR)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserFileError(f"{where}: is a symbolic link; newsdesk will not lock through "
                                "it (remove it)") from None
        raise
    try:
        if not flock_within(fd, wait, _WAITING.get(), SAY_AFTER):
            raise UserFileError(f"{path}: another newsdesk has held its lock for "
                                f"{wait:.0f} s; try again")
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """What changes when the file is written (by newsdesk, which renames a new file into
    place, or by hand): inode, size and time. None when there is no file. One stat: cheap
    enough for a dashboard to poll."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns
