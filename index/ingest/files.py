"""Finding and opening corpus files, and nothing else: which files there are (bounded in
depth, never trapped by a symlink loop, never a device, pipe or socket), and reading one of
them without ever taking more than a limit, however the file changes or lies about itself.

Every failure becomes a Problem naming the file; nothing here raises for a bad file.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from newsdesk.index.models import Problem

TEXT_SUFFIXES = {".txt", ".md"}
RECORD_SUFFIXES = {".jsonl", ".json", ".csv"}
SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES
# Folders below a source that are read. Deeper ones are reported, not walked: a corpus of
# news has no reason to nest further, and a runaway tree (or a bind-mount loop) cannot make
# the walk endless.
MAX_DEPTH = 64
# A line's rest, over the record limit, is skipped in pieces of this size (never held).
_SKIP_CHUNK = 1 << 20


def shown(path: str | Path) -> str:
    """A path as text that can be stored and printed: bytes of a name that is not valid
    UTF-8 are shown escaped (`\\xff`), so the store, Whoosh and the terminal never meet a
    lone surrogate."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def special_kind(mode: int, other: str = "not a regular file") -> str:
    """What a file that is not a regular file is, in words (for messages)."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return other


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENAMETOOLONG:
        return "path too long"
    return f"cannot read: {exc.strerror or exc}"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One corpus file as listed. Paths are plain strings: building 100,000 Path objects
    was most of the time every command spent listing a large corpus."""

    path: str
    root: str  # the corpus source it was found under
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        """How the store knows the file: its path, shown escaped if it must be."""
        return _key(self.path)

    @property
    def stamp(self) -> str:
        return f"{self.size}:{self.mtime_ns}"

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.path)[1].lower()

    @property
    def relative(self) -> str:
        return _relative(self.path, self.root)


# (Both are asked once an article or more, of a file read: relpath alone was 1% of an
# ingest's CPU.)
@lru_cache(maxsize=1024)
def _key(path: str) -> str:
    return shown(path)


@lru_cache(maxsize=1024)
def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(path, root) if root else path
    if rel.startswith(".."):
        rel = os.path.basename(path)
    return shown(rel)


class _Listing:
    def __init__(self) -> None:
        self.files: list[SourceFile] = []
        self.problems: list[Problem] = []
        self.seen: set[tuple[int, int]] = set()  # (device, inode): a file linked twice is read once

    def problem(self, path: str | Path, reason: str) -> None:
        self.problems.append(Problem(shown(path), reason))

    def add(self, path: str, root: str) -> None:
        try:
            st = os.stat(path)  # follows a symlinked file; ELOOP for a loop
        except OSError as exc:
            self.problem(path, _why(exc))
            return
        if stat.S_ISDIR(st.st_mode):
            return  # a folder (or a link to one) named like a file: not a corpus file
        if not stat.S_ISREG(st.st_mode):
            self.problem(path, f"{special_kind(st.st_mode)}, not a file: not read")
            return
        if (st.st_dev, st.st_ino) in self.seen:
            return
        self.seen.add((st.st_dev, st.st_ino))
        self.files.append(SourceFile(path, root, st.st_size, st.st_mtime_ns))

    def walk(self, source: Path) -> None:
        """Depth first, names sorted, files of a folder before its subfolders; symlinked
        folders are not followed (a loop cannot trap the walk), symlinked files are."""
        root = str(source)
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            folder, depth = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                self.problem(folder, f"cannot read folder: {exc.strerror or exc}")
                continue
            subfolders: list[str] = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_folder = entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_folder = False
                if is_folder:
                    subfolders.append(entry.path)
                elif os.path.splitext(entry.name)[1].lower() in SUFFIXES:
                    self.add(entry.path, root)
            if subfolders and depth >= MAX_DEPTH:
                self.problem(folder, f"folders nested more than {MAX_DEPTH} deep are not read")
                continue
            stack.extend((sub, depth + 1) for sub in reversed(subfolders))


def list_files(sources: list[Path]) -> tuple[list[SourceFile], list[Problem]]:
    """Every corpus file under the sources, with a stat stamp; nothing is read yet. One
    stat a file: listing 100,000 files takes a fraction of a second."""
    listing = _Listing()
    for source in sources:
        try:
            st = os.stat(source)
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                listing.problem(source, "corpus source does not exist")
            else:
                listing.problem(source, _why(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            listing.walk(source)
        else:
            listing.add(str(source), str(source.parent))
    return listing.files, listing.problems


class NotRegularFile(OSError):
    """The path named a file when listed, and something else when opened."""


def open_regular(path: str | Path) -> BinaryIO:
    """The file open for reading, if it is a regular file now. Opened without blocking (a
    named pipe swapped in after listing must not hang the run) and checked on the open
    descriptor, so no rename between a check and the open can slip a device in."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, f"{special_kind(mode)}, not a file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_problem(path: str | Path, exc: OSError) -> Problem:
    if isinstance(exc, NotRegularFile):
        return Problem(shown(path), f"{exc.strerror}: not read")
    return Problem(shown(path), _why(exc))


def read_at_most(handle: BinaryIO, limit: int) -> bytes:
    """Up to limit + 1 bytes: one more than allowed says the file is over the limit,
    without reading a file that grew (or never ends) any further."""
    return handle.read(limit + 1)


def bounded_lines(handle: BinaryIO, limit: int, total: int
                  ) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, the line or None when it is over `limit` bytes, its size in bytes),
    reading no more than `total` bytes in all (the size the file had when listed: a file
    that grows meanwhile is read to there, and read again by the next run). A line over the
    limit is skipped in pieces, never held whole."""
    done = number = 0
    while done < total:
        raw = handle.readline(min(limit + 1, total - done))
        if not raw:
            return
        done += len(raw)
        number += 1
        if len(raw.rstrip(b"\n")) <= limit:
            yield number, raw, len(raw)
            continue
        size = len(raw)
        while not raw.endswith(b"\n") and done < total:
            raw = handle.readline(min(_SKIP_CHUNK, total - done))
            if not raw:
                break
            done += len(raw)
            size += len(raw)
        yield number, None, size
