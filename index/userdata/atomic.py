"""Writing a user's file so that a crash or kill at any moment leaves either the old or the
new version, never a torn one, and the previous version is kept beside it as a backup."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from newsdesk.index.locations import private_dir, private_fd


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_new(path: Path, data: bytes) -> None:
    """A new private file, never through a symlink planted in its place."""
    if path.is_symlink():
        path.unlink()
    fd = private_fd(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # (another user's process: not ours to judge)
    return True


def clear_stale(path: Path) -> None:
    """Remove the temporary files a writer of `path` killed mid-write left (.NAME.PID.TID.tmp
    and .NAME.bak.PID.TID.tmp): kill -9 during `saved add` left them beside saved.yaml for
    good. Only those of a process that is gone: a live writer's are its own."""
    head = f".{path.name}."
    try:
        names = [e.name for e in os.scandir(path.parent)
                 if e.name.startswith(head) and e.name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        parts = name[len(head):-len(".tmp")].removeprefix("bak.").split(".")
        if len(parts) != 2 or not parts[0].isdigit() or _alive(int(parts[0])):
            continue
        with contextlib.suppress(OSError):  # (gone already: the write goes on)
            (path.parent / name).unlink()


def write_atomic(path: Path, text: str, backup: bool = True) -> None:
    """Callers changing a user's file hold its lock (userdata/lock.py) and pass the on-disk
    version with their change applied, so the backup is the previous state of the same
    entries, never the only copy of one. Temporary files dead writers left are cleared."""
    private_dir(path.parent)
    clear_stale(path)
    unique = f"{os.getpid()}.{threading.get_ident()}"
    tmp = path.with_name(f".{path.name}.{unique}.tmp")
    try:
        _write_new(tmp, text.encode("utf-8"))
        if backup and path.is_file() and not path.is_symlink():
            bak_tmp = path.with_name(f".{path.name}.bak.{unique}.tmp")
            _write_new(bak_tmp, path.read_bytes())
            os.replace(bak_tmp, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        if tmp.exists() or tmp.is_symlink():
            tmp.unlink()
