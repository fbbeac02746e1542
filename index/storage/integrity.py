"""Damage found before it is believed: the size and CRC-32 of every Whoosh file, recorded at
each commit, and the article store's own check.

Whoosh notices nothing: a truncated segment opens and fails at search time, a flipped byte
may only change a score. The indexer records `whoosh.sums` (JSON, beside whoosh/, which so
stays a plain Whoosh index) after every commit; a segment file never changes once written,
so only new files are read. Opening checks sizes (one stat a file); the CRCs and SQLite's
quick_check run on a thread beside the first search (zlib and SQLite release the GIL) and
the engine waits for them before it returns a first result (engine.py).

A file the sums do not name (written by a run killed between its commit and its sums, or
an index from before sums) is not judged: it is recorded at the next run. A file named but
gone was merged away by a later commit: also not judged.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zlib
from pathlib import Path

from newsdesk.index.models import IndexDamagedError
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage.index_folder import read_file, remove_file, write_file

_CHUNK = 1 << 20
Sums = dict[str, list[int]]  # file name -> [size, crc32]


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _files(folder: Path) -> dict[str, int]:
    """The Whoosh files there and their sizes (not its lock, nor writers' temporary
    folders)."""
    found: dict[str, int] = {}
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return found
    for entry in entries:
        if entry.name.endswith("WRITELOCK") or not entry.is_file(follow_symlinks=False):
            continue
        try:
            found[entry.name] = entry.stat(follow_symlinks=False).st_size
        except FileNotFoundError:
            continue
    return found


def load(paths: IndexPaths) -> Sums | None:
    data = read_file(paths.sums, limit=16 << 20)
    if data is None:
        return None
    try:
        sums = json.loads(data)
    except ValueError:
        return {}  # a damaged sums file judges nothing; the next commit writes it anew
    return sums if isinstance(sums, dict) else {}


def record(paths: IndexPaths) -> None:
    """(The indexer, after a commit.) Sums of the Whoosh files as they are now; a file
    already recorded at the same size keeps its sum (segment files never change, so damage
    since is still found)."""
    known = load(paths) or {}
    sums: Sums = {}
    for name, size in _files(paths.whoosh).items():
        entry = known.get(name)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == size:
            sums[name] = entry
        else:
            try:
                sums[name] = [size, _crc(paths.whoosh / name)]
            except FileNotFoundError:
                continue
    write_file(paths.sums, json.dumps(sums, separators=(",", ":")).encode())


def forget(paths: IndexPaths) -> None:
    """(A rebuild.) The new index's files may reuse old names (the table of contents)."""
    remove_file(paths.sums)


def damaged_files(paths: IndexPaths, full: bool) -> list[str]:
    """Whoosh files whose size (and with `full`, CRC) differs from what was recorded."""
    known = load(paths)
    if not known:
        return []
    present = _files(paths.whoosh)
    bad = []
    for name, entry in sorted(known.items()):
        if name not in present or not (isinstance(entry, list) and len(entry) == 2):
            continue
        size, crc = entry
        if present[name] != size:
            bad.append(f"{name} (size {present[name]}, was {size})")
        elif full:
            try:
                if _crc(paths.whoosh / name) != crc:
                    bad.append(f"{name} (checksum differs)")
            except FileNotFoundError:
                continue
    return bad


def store_problem(path: Path, full: bool = False) -> str | None:
    """What SQLite's quick_check (integrity_check with `full`) finds wrong with the store,
    read on a connection of its own; None if nothing (or if it cannot be read at all for
    another reason than damage: that is said where the store is opened)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return None
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = db.execute(f"PRAGMA {pragma}(20)").fetchall()
    except sqlite3.OperationalError:
        return None  # locked, read-only folder without its WAL index, ...: not damage
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        db.close()
    found = [str(r[0]) for r in rows]
    return None if found == ["ok"] else first_problem("\n".join(found))


def index_damage(paths: IndexPaths, full: bool) -> IndexDamagedError | None:
    """The damage found in the store (quick_check) and the Whoosh files, as the error to
    raise (store first: rebuilding it rebuilds the index too)."""
    problem = store_problem(paths.store, full)
    if problem is not None:
        return IndexDamagedError(store_damaged_message(paths.root, problem), "store")
    bad = damaged_files(paths, full=True)
    if bad:
        return IndexDamagedError(
            f"the search index in {paths.root} is damaged: {', '.join(bad[:3])}", "index")
    return None


def store_damaged_message(root: Path, problem: str) -> str:
    return f"the article store in {root} is damaged ({first_problem(problem)})"


def first_problem(report: str) -> str:
    """One short line of what SQLite's check says (it can list a hundred)."""
    lines = [ln.strip() for ln in report.splitlines()
             if ln.strip() and not ln.startswith("***")]
    line = lines[0] if lines else "unreadable"
    return line if len(line) <= 80 else line[:79] + "…"


class Verifier:
    """`index_damage` on a thread of its own, started when an index is opened."""

    def __init__(self, paths: IndexPaths) -> None:
        self._found: IndexDamagedError | None = None
        self._thread = threading.Thread(target=self._run, args=(paths,), daemon=True,
                                        name="newsdesk-verify")
        self._thread.start()

    def _run(self, paths: IndexPaths) -> None:
        try:
            self._found = index_damage(paths, full=False)
        except OSError:
            self._found = None  # a folder that vanished or turned unreadable is said elsewhere

    def result(self, wait: bool = True) -> IndexDamagedError | None:
        """The damage found; with `wait`, once the check has finished (else None while it
        runs)."""
        if wait:
            self._thread.join()
        elif self._thread.is_alive():
            return None
        return self._found
