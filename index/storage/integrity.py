"""Damage found before it is believed: the size and CRC-32 of every Whoosh file, recorded at
each commit, and the article store's own check.

Whoosh notices nothing: a truncated segment opens and fails at search time, a flipped byte
may only change a score. The indexer records `whoosh.sums` (JSON, beside whoosh/, which so
stays a plain Whoosh index) after every commit: each file's size, CRC-32 and mtime (a
segment file never changes once written, so only new files are read), and at the end of a
run the store's size and mtime, once it has checked it. Opening an index, on a thread
beside the first search, reads the CRC of any Whoosh file whose mtime changed and runs
SQLite's quick_check if the store was written since (any damage written by a program
does change them); the engine waits for that before it returns a first result
(engine.py). Nothing changed: a stat a file, no reading (quick_check alone is 50 ms at
19,000 articles, idle; 500 ms on a loaded machine). The indexer reads the same, and the
CRC of every segment it is about to merge (`damaged_segments`); `newsdesk index --check`
reads every CRC and adds SQLite's integrity_check: bit rot under an unchanged mtime.

A file the sums do not name (written by a run killed between its commit and its sums, or
an index from before sums) is not judged: it is recorded at the next run. A file named but
gone was merged away by a later commit: also not judged.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsdesk.index.models import IndexDamagedError
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage.index_folder import read_file, remove_file, write_file

_CHUNK = 1 << 20
# whoosh.sums: {"whoosh": {file name: [size, crc32, mtime_ns]}, "store": [size, mtime_ns]}
Sums = dict[str, Any]

# How much of the Whoosh files damaged_files reads: sizes only (one stat a file), the CRC of
# files written since their sum was taken (a changed mtime: what any write does, damage by a
# program included; cheap, so done at every open), or every CRC (the indexer, --check:
# bit rot under an unchanged mtime too).
SIZES, CHANGED, ALL = "sizes", "changed", "all"


def file_crc(path: Path) -> int:
    """A file's CRC-32, as the sums record it."""
    return _crc(path)


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _files(folder: Path) -> dict[str, os.stat_result]:
    """The Whoosh files there and their stat (not its lock, nor writers' temporary
    folders)."""
    found: dict[str, os.stat_result] = {}
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return found
    for entry in entries:
        if entry.name.endswith("WRITELOCK") or not entry.is_file(follow_symlinks=False):
            continue
        try:
            found[entry.name] = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            continue
    return found


def _live(folder: Path) -> set[str] | None:
    """The names (before their extension) of the files the index's latest table of
    contents uses: its segments' and its own; None if it cannot be read. A segment still
    being written beside a commit (the next batch's, in the writing process) is not in it:
    recorded at the size it had then, it was found "damaged" once a kill left it behind
    at another size, though nothing of the index used it."""
    try:
        from whoosh.filedb.filestore import FileStorage
        from whoosh.index import TOC

        storage = FileStorage(str(folder))
        toc = TOC.read(storage, "MAIN")
    except Exception:  # noqa: BLE001 - no readable table of contents: judge every file
        return None
    return {segment.segment_id() for segment in toc.segments} | {f"_MAIN_{toc.generation}"}


def _in(live: set[str] | None, name: str) -> bool:
    return live is None or name.rsplit(".", 1)[0] in live


def load(paths: IndexPaths) -> Sums | None:
    """The sums recorded (None: none are, as for an index from before sums)."""
    data = read_file(paths.sums, limit=16 << 20)
    if data is None:
        return None
    try:
        sums = json.loads(data)
    except ValueError:
        sums = None
    if not isinstance(sums, dict) or not isinstance(sums.get("whoosh"), dict):
        return {"whoosh": {}}  # a damaged sums file judges nothing; the next run rewrites it
    return sums


def _entry(value: object) -> tuple[int, int, int] | None:
    if isinstance(value, list) and len(value) == 3 and all(isinstance(v, int) for v in value):
        return value[0], value[1], value[2]
    return None


def record(paths: IndexPaths, store_too: bool = False,
           known_files: dict[str, list[int]] | None = None) -> None:
    """(The indexer, after a commit.) Sums of the Whoosh files as they are now; a file
    already recorded at the same size keeps its sum (segment files never change, so damage
    since is still found). With `store_too`, the store's stamp as it is now (after a run
    closed it: checked by then). `known_files`: sums taken as those files were written (a
    merge built apart: storage/merge_swap.py), not read again.

    One process records at a time: an add records after its commit without Whoosh's write
    lock and a merge's swap inside it, and with both reading, then replacing, the file, the
    swap's sums of its merged segment (hundreds of MB) could be lost and read again."""
    with _recording(paths):
        _record(paths, store_too, known_files)


@contextlib.contextmanager
def _recording(paths: IndexPaths) -> Iterator[None]:
    """An flock on the `whoosh/` folder itself (no file of ours in Whoosh's folder; it dies
    with its holder); none if the folder cannot be opened (nothing to record then)."""
    try:
        fd = os.open(paths.whoosh, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # (closing releases the lock)


def _record(paths: IndexPaths, store_too: bool,
            known_files: dict[str, list[int]] | None) -> None:
    known = load(paths) or {"whoosh": {}}
    known["whoosh"].update(known_files or {})
    sums: dict[str, list[int]] = {}
    live = _live(paths.whoosh)
    for name, info in _files(paths.whoosh).items():
        if not _in(live, name):
            continue  # not the index's (yet, or any longer): a segment being written
        entry = _entry(known["whoosh"].get(name))
        if entry is not None and entry[0] == info.st_size:
            sums[name] = [entry[0], entry[1], entry[2]]
        else:
            try:
                sums[name] = [info.st_size, _crc(paths.whoosh / name), info.st_mtime_ns]
            except FileNotFoundError:
                continue
    found: Sums = {"whoosh": sums}
    store = _settled_store_stamp(paths) if store_too else known.get("store")
    if store is not None:
        found["store"] = store
    write_file(paths.sums, json.dumps(found, separators=(",", ":")).encode())


def _settled_store_stamp(paths: IndexPaths) -> list[int] | None:
    """The store's stamp once what the run wrote is in the file itself. The run's commits
    sit in the write-ahead log while the dashboard keeps the store open; the dashboard's
    close moved them into the file later, a new mtime, and the next opening ran
    quick_check before its first result (0.75 s at 30,000 articles, longer on a loaded
    machine), every launch of an app that checks the corpus at start."""
    try:
        db = sqlite3.connect(f"file:{paths.store}?mode=rw", uri=True, timeout=2)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
    except sqlite3.Error:
        pass  # busy or unreadable: the stamp as it is (a later opening checks, no harm)
    return _store_stamp(paths)


def _store_stamp(paths: IndexPaths) -> list[int] | None:
    try:
        info = os.stat(paths.store)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def store_changed(paths: IndexPaths) -> bool:
    """Whether the store was written since the last run of the indexer checked it."""
    known = load(paths) or {}
    return known.get("store") != _store_stamp(paths)


def forget(paths: IndexPaths) -> None:
    """(A rebuild.) The new index's files may reuse old names (the table of contents)."""
    remove_file(paths.sums)


def damaged_files(paths: IndexPaths, how: str) -> list[str]:
    """Whoosh files whose size (and, as `how` says, CRC) differs from what was recorded."""
    known = load(paths)
    if not known or not known["whoosh"]:
        return []
    present = _files(paths.whoosh)
    live = _live(paths.whoosh)
    bad = []
    for name, value in sorted(known["whoosh"].items()):
        entry = _entry(value)
        if name not in present or entry is None or not _in(live, name):
            continue  # gone, or left by a batch that was never committed: not the index's
        size, crc, mtime = entry
        info = present[name]
        if info.st_size != size:
            bad.append(f"{name} (size {info.st_size}, was {size})")
        elif how == ALL or (how == CHANGED and info.st_mtime_ns != mtime):
            try:
                if _crc(paths.whoosh / name) != crc:
                    bad.append(f"{name} (checksum differs)")
            except FileNotFoundError:
                continue
    return bad


def damaged_segments(paths: IndexPaths, segment_ids: set[str]) -> list[str]:
    """Files of the segments `segment_ids` whose size or CRC differs from what was recorded:
    read before a merge copies them into a new segment (whose sum would then be taken from
    the damage). The indexer reads only changed files' CRCs as it opens the index (every
    file's grew with it: 1.8 GB at a million articles), so what it merges it checks here."""
    known = load(paths)
    if not known:
        return []
    bad = []
    for name, value in sorted(known["whoosh"].items()):
        entry = _entry(value)
        if entry is None or name.rsplit(".", 1)[0] not in segment_ids:
            continue
        path = paths.whoosh / name
        try:
            if path.stat().st_size != entry[0] or _crc(path) != entry[1]:
                bad.append(name)
        except FileNotFoundError:
            bad.append(f"{name} (gone)")
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


def index_damage(paths: IndexPaths, how: str = CHANGED, full_store: bool = False
                 ) -> IndexDamagedError | None:
    """The damage found in the store (quick_check, if it was written since the indexer
    last checked it, or integrity_check with `full_store`) and the Whoosh files (as `how`
    says), as the error to raise (store first: rebuilding it rebuilds the index too)."""
    if full_store or how == ALL or (how == CHANGED and store_changed(paths)):
        problem = store_problem(paths.store, full_store)
        if problem is not None:
            return IndexDamagedError(store_damaged_message(paths.root, problem), "store")
    bad = damaged_files(paths, how)
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
    """`index_damage` for an index being opened: what a stat tells (sizes, mtimes, the
    store's stamp) at once; the reading it calls for, if any, on a thread of its own.
    (Nothing to read, no thread: starting one costs the opener up to a GIL switch
    interval, 5 ms, more than the stats.)"""

    def __init__(self, paths: IndexPaths) -> None:
        self._found: IndexDamagedError | None = None
        self._thread: threading.Thread | None = None
        try:
            self._found = index_damage(paths, SIZES)
            if self._found is None and (store_changed(paths) or
                                        _changed_since_summed(paths)):
                self._thread = threading.Thread(target=self._run, args=(paths,),
                                                daemon=True, name="newsdesk-verify")
                self._thread.start()
        except OSError:
            self._found = None  # a folder that vanished or turned unreadable is said elsewhere

    def _run(self, paths: IndexPaths) -> None:
        try:
            self._found = index_damage(paths, CHANGED)
        except OSError:
            self._found = None

    def result(self, wait: bool = True) -> IndexDamagedError | None:
        """The damage found; with `wait`, once the check has finished (else None while it
        runs)."""
        if self._thread is not None:
            if wait:
                self._thread.join()
            elif self._thread.is_alive():
                return None
        return self._found


def _changed_since_summed(paths: IndexPaths) -> bool:
    known = load(paths)
    if not known:
        return False
    present = _files(paths.whoosh)
    for name, value in known["whoosh"].items():
        entry = _entry(value)
        if entry is not None and name in present and present[name].st_mtime_ns != entry[2]:
            return True
    return False
