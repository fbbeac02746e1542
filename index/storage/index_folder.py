"""Trusting only a folder newsdesk made: the one choke point for where it may delete or
overwrite, and for the small files it writes there itself (lock, VERSION, sums).

- A folder newsdesk creates gets a marker file (paths.MARKER). The indexer writes only into
  a folder that has it, into a new or empty one (it marks it), or into an index made before
  markers existed (nothing in it but newsdesk's own names: it marks it). Anything else, say
  `index.dir` pointed at a folder of the user's, is refused with a message: newsdesk never
  deletes a `whoosh/` or overwrites a `VERSION` it did not write.
- A folder others can write to (world- or group-writable, unless sticky and ours) is refused
  for reading too: anyone could plant a table of contents, which Whoosh unpickles.
- Its own files are opened with O_NOFOLLOW and checked to be regular files, and replaced
  by rename, which replaces a planted symlink itself, never the file it points to.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from newsdesk.index import locations
from newsdesk.index.models import IndexFolderError
from newsdesk.index.paths import MARKER, IndexPaths

# What an index folder holds (an index made before markers existed holds only these).
OWN_NAMES = frozenset({MARKER, "store.sqlite", "store.sqlite-wal", "store.sqlite-shm",
                       "store.sqlite-journal", "whoosh", "index.lock", "VERSION",
                       "whoosh.sums"})
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# write_file's temporary file: `.NAME.PID.tmp` beside NAME.
_TEMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>[0-9]+)\.tmp")


def _shared(info: os.stat_result) -> bool:
    """Writable by others: world-writable unless sticky and ours (then others can add files
    but not replace ours), or group-writable."""
    if info.st_mode & stat.S_IWOTH:
        return not (info.st_mode & stat.S_ISVTX and info.st_uid == os.geteuid())
    return bool(info.st_mode & stat.S_IWGRP) and info.st_uid != os.geteuid()


def _refuse_shared(folder: Path, info: os.stat_result) -> None:
    if _shared(info):
        raise IndexFolderError(
            f"the index folder {folder} can be written by other users, who could plant files "
            f"newsdesk would read or overwrite; make it yours alone (chmod 700 {folder}) or "
            "set index.dir to a private folder")


def check_readable(paths: IndexPaths) -> None:
    """Before reading an index: its folder is not writable by others, and is newsdesk's."""
    try:
        info = os.stat(paths.root)
    except FileNotFoundError:
        return  # the caller says there is no index
    _refuse_shared(paths.root, info)
    if not _is_ours(paths):
        raise _not_ours(paths.root)


def claim(paths: IndexPaths) -> None:
    """Before writing an index: create its folder (private, marked), or make sure the folder
    there is newsdesk's and not shared. Raises IndexFolderError otherwise."""
    root = paths.root
    if not os.path.lexists(root):
        locations.private_dir(root)
        _mark(paths)
        return
    try:
        info = os.stat(root)
    except OSError as exc:
        raise IndexFolderError(f"the index folder {root} cannot be used ({exc.strerror}); "
                               "set index.dir to a folder of your own") from None
    if not stat.S_ISDIR(info.st_mode):
        raise IndexFolderError(f"the index folder {root} is not a folder; set index.dir to "
                               "a new folder")
    _refuse_shared(root, info)
    if not _is_ours(paths):
        raise _not_ours(root)
    if not _has_marker(paths):
        _mark(paths)  # an empty folder, or an index from before markers
    remove_stale_temps(root)


def _not_ours(root: Path) -> IndexFolderError:
    return IndexFolderError(
        f"the index folder {root} holds files newsdesk did not make, and newsdesk only "
        "writes into index folders it created; set index.dir to a new or empty folder")


def _has_marker(paths: IndexPaths) -> bool:
    try:
        return stat.S_ISREG(os.lstat(paths.marker).st_mode)
    except OSError:
        return False


def _is_ours(paths: IndexPaths) -> bool:
    """Marked, empty, or holding nothing but what an index made before markers held."""
    if _has_marker(paths):
        return True
    try:
        names = set(os.listdir(paths.root))
    except OSError:
        return False
    if names <= {"index.lock"}:
        return True  # empty, or only a lock (taken before the first run wrote anything)
    if not names <= OWN_NAMES or any(os.path.islink(paths.root / n) for n in names):
        return False
    header = read_file(paths.store, limit=16)  # an index before markers had its store
    return header == b"SQLite format 3\x00"


def _mark(paths: IndexPaths) -> None:
    write_file(paths.marker, b"newsdesk index folder: newsdesk may rebuild what is in it\n")


def write_file(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: written to a new private temporary file (never through a
    symlink), then renamed over it, which replaces a symlink itself, not its target."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)  # ours, left by a killed run of this pid
    remove_stale_temps(path.parent, path.name)
    fd = locations.private_fd(temp, os.O_WRONLY | os.O_EXCL)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's: running
    return True


def remove_stale_temps(folder: Path, name: str | None = None) -> list[str]:
    """The temporary files of write_file in `folder` (of `name` only, if given) left by
    processes killed between writing and renaming one: those of a pid no longer running
    (a running one may be writing its file now). Only newsdesk's own names; what was
    removed. A merge swap killed while it wrote the sums left `.whoosh.sums.PID.tmp`:
    removed at the next write of the sums, run of the indexer (`claim`) or merge run."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = _TEMP.fullmatch(entry.name)
        if (found is None or found["name"] not in OWN_NAMES
                or (name is not None and found["name"] != name)):
            continue
        pid = int(found["pid"])
        if pid == os.getpid() or _running(pid) or not entry.is_file(follow_symlinks=False):
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(entry.path)
            removed.append(entry.name)
    return removed


def read_file(path: Path, limit: int = 1 << 20) -> bytes | None:
    """A small file of newsdesk's, never through a symlink; None if absent or not a regular
    file."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        # (Its size, not `limit`: os.read allocates what it is asked for, 16 MB a call.)
        return os.read(fd, min(limit, info.st_size + 1))
    finally:
        os.close(fd)


def open_own_file(path: Path) -> int:
    """A descriptor on one of newsdesk's files (the lock), created if missing, never through
    a symlink and never anything but a regular file."""
    try:
        fd = locations.private_fd(path, os.O_RDWR | os.O_NONBLOCK)
    except OSError:
        if os.path.islink(path):
            raise IndexFolderError(f"{path} is a symbolic link, which newsdesk never follows; "
                                   "remove it") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise IndexFolderError(f"{path} is not a regular file; remove it")
    return fd


def remove_tree(path: Path) -> None:
    """Remove a folder of the index (whoosh/): a symlink in its place is removed itself;
    rmtree never follows the links inside."""
    if os.path.islink(path) or os.path.isfile(path):
        os.unlink(path)
    elif os.path.isdir(path):
        shutil.rmtree(path)


def remove_file(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def resource_error(exc: BaseException, root: Path) -> IndexFolderError | None:
    """A full disk, a read-only or a vanished index folder, as one plain message naming the
    folder and what to do; None for any other error."""
    code = exc.errno if isinstance(exc, OSError) else None
    text = str(exc).lower() if isinstance(exc, sqlite3.OperationalError) else ""
    if code in _FULL or "disk is full" in text:
        return IndexFolderError(
            f"the disk holding the index folder {root} is full; free some space there, then "
            "run `newsdesk index` again (what was committed is kept)")
    if code in _READ_ONLY or "readonly" in text or "read-only" in text:
        return IndexFolderError(
            f"the index folder {root} cannot be written (read-only); make it writable "
            "(chmod u+w) or set index.dir to a writable folder, then run `newsdesk index`")
    if (code == errno.ENOENT and not os.path.isdir(root)) or (
            "unable to open database" in text and not os.path.isdir(root)):
        return IndexFolderError(
            f"the index folder {root} was removed while newsdesk was using it; run "
            "`newsdesk index` to build it again")
    if "disk i/o error" in text:
        return IndexFolderError(
            f"the disk holding the index folder {root} failed a write (full, or read-only?); "
            "free some space or make it writable, then run `newsdesk index` again")
    return None


@contextlib.contextmanager
def resource_errors(root: Path) -> Iterator[None]:
    """Turn resource failures inside into resource_error's message."""
    try:
        yield
    except (OSError, sqlite3.OperationalError) as exc:
        found = resource_error(exc, root)
        if found is None:
            raise
        raise found from None
