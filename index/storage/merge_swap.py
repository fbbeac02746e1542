"""An add's merges built beside the index, without its write lock, and swapped in under
the lock in milliseconds, as Lucene's are: the add that meets a tier merge no longer waits
for it (storage/segment_merging.py; one add in ten merged 10,000 documents, 7-10 s, one in
a hundred 100,000, up to 56 s), and no writer waits for a merge being built.

- Built apart: the merged segment is written into a folder of its own beside whoosh/
  (`merging/` under the index folder), never inside it: every Whoosh commit deletes the
  segment files of whoosh/ that its table of contents does not name (index.clean_files),
  stock Whoosh's writers included.
- Swapped under Whoosh's write lock (the one every writer takes, ours and stock Whoosh's):
  the latest table of contents read again; if a chosen segment has gone from it (merged
  by a commit meanwhile, or the index rebuilt), the merge is abandoned; deletions made
  meanwhile in a chosen segment (an article updated or removed by an add) are carried
  over by each segment's document numbering in the merged one. The segment file is
  renamed into whoosh/, then a new table of contents written (Whoosh writes it to a
  temporary name and renames it: a kill leaves the old one or the new one).
- The swap deletes nothing in whoosh/ but the merged-away segments' own files, once the
  new table of contents is written; never clean_files: the indexer writes a batch's
  segment there without the lock (its writing process, ingest/overlap.py; a cluster's
  workers), and commits it later; only its own commits may delete files their table of
  contents does not name, as they are serialised with that writing. (The merged-away
  files were left to the next commit: about 1 GB after a merge of 268,000 documents, for
  as long as no add came.) A reader opened before the swap keeps working: it opened each
  segment's compound file whole as it opened (mapped or not), and on POSIX an open file
  outlives its name (its space is freed once the reader closes: the dashboard's, at its
  next refresh); a reader opening meanwhile that finds a file gone reads the table again
  (Whoosh's FileIndex.reader does). A segment of separate files opens some of them at
  first use (its columns, its vectors): those are left to the next commit, as is the old
  table of contents (Whoosh opens an index by listing the tables and opening the latest,
  and does not look again if that one has gone meanwhile: kept, a few KB a swap).
- A kill at any moment: before the table of contents, the index is as it was; after it,
  as merged. What the swap moves into whoosh/ and what it removes there once swapped is
  noted in the folder apart first (`swap.json`); the next merge run reads the note
  before it removes that folder (`remove_leftovers`) and removes the merged segment's
  files if no table of contents names them (killed before the table), else the
  merged-away ones left (killed after it). Nothing else in whoosh/ is a merge's to judge:
  a commit deletes the files its table does not name (a killed add's segment), and
  storage/integrity.py judges only the files the table names.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.index import TOC
from whoosh.util.filelock import try_for

from newsdesk.index.locations import private_fd
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage import index_folder, integrity, segment_merging
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.whoosh_fixes import NewsdeskFileStorage, file_storage

INDEXNAME = "MAIN"
# Seconds a swap waits for the write lock (a writer holds it while it writes a batch: a
# few seconds) before its merge is abandoned, to be built again by a later run.
SWAP_WAIT = 120.0
# Seconds a rebuild waits for a swap under way before it removes whoosh/ (a swap holds
# the lock for milliseconds).
REBUILD_WAIT = 30.0


def merging_folder(paths: IndexPaths) -> Path:
    """Where merges are built: beside whoosh/, which stays a plain Whoosh index."""
    return paths.root / "merging"


@dataclass(slots=True)
class Built:
    """A merged segment written apart, and what its swap needs."""
    folder: Path
    segment: Any
    numbering: dict[str, np.ndarray]  # chosen segment id -> its documents' numbers in it
    deleted: dict[str, frozenset[int]]  # chosen segment id -> its deletions when read
    sums: dict[str, list[int]] = field(default_factory=dict)  # file -> size, CRC, mtime
    held: float = 0.0  # seconds its swap held the write lock


def snapshot(paths: IndexPaths) -> Any:
    """The latest table of contents, read without the lock (Whoosh renames a new one into
    place whole; the one read may be deleted meanwhile: read again)."""
    storage = file_storage(paths.whoosh, mmap=False)
    for _ in range(5):
        with contextlib.suppress(FileNotFoundError):
            return TOC.read(storage, INDEXNAME)
    return TOC.read(storage, INDEXNAME)


def build(paths: IndexPaths, schema: Any, chosen: list[Any]) -> Built:
    """`chosen` (segments of one table of contents) merged into a new segment apart."""
    folder = merging_folder(paths) / f"{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True, mode=0o700)
    target = NewsdeskFileStorage(str(folder), supports_mmap=False)
    target.create_index(schema, indexname=INDEXNAME)  # (the merge's writer reads its TOC)
    segment, numbering = segment_merging.merge_apart(
        file_storage(paths.whoosh, mmap=False), target, schema, INDEXNAME, NewsdeskCodec(),
        chosen)
    built = Built(folder, segment,
                  {s.segment_id(): n for s, n in zip(chosen, numbering, strict=True)},
                  {s.segment_id(): frozenset(s.deleted_docs()) for s in chosen})
    for name in _segment_files(folder, segment.segment_id()):
        path = folder / name
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())  # on disk before a table of contents names it
        info = path.stat()
        built.sums[name] = [info.st_size, integrity.file_crc(path), info.st_mtime_ns]
    return built


def swap(paths: IndexPaths, built: Built, wait: float = SWAP_WAIT,
         before_toc: Callable[[], None] = lambda: None,
         beside: frozenset[str] | None = None) -> bool:
    """Put a built merge in the index in place of its segments, under the write lock;
    False if the lock stayed busy `wait` seconds or a chosen segment has gone (the merge
    abandoned). Once swapped, the merged-away segments' files removed (after the lock is
    released: nothing names them now). `before_toc` runs once the segment file is in
    whoosh/ (tests kill there). `beside`: the ids of the segments the chosen ones were
    chosen among (not merged); the merged segment goes after the last of them, before the
    segments committed since, where a commit's own merge puts it (storage/merge_ahead.py:
    the documents' order, and so the order of hits of equal score, is a commit's); None:
    after all of them."""
    storage = file_storage(paths.whoosh, mmap=False)
    lock = storage.lock(f"{INDEXNAME}_WRITELOCK")
    if not try_for(lock.acquire, timeout=wait, delay=0.05):
        return False
    began = time.monotonic()
    away: list[str] = []
    try:
        toc = TOC.read(storage, INDEXNAME)
        current = {s.segment_id(): s for s in toc.segments}
        if any(name not in current for name in built.numbering):
            return False
        merged = built.segment
        for name, numbers in built.numbering.items():
            for docnum in set(current[name].deleted_docs()) - built.deleted[name]:
                if numbers[docnum] >= 0:
                    merged.delete_document(int(numbers[docnum]))
        away = _own_files([current[name] for name in built.numbering])
        _note(built.folder, Note(merged.segment_id(), sorted(built.sums), away))
        for name in built.sums:
            os.replace(built.folder / name, paths.whoosh / name)
        before_toc()
        segments = [s for s in toc.segments if s.segment_id() not in built.numbering]
        segments.insert(place(segments, beside), merged)
        TOC(toc.schema, segments, toc.generation + 1).write(storage, INDEXNAME)
        # The new file's sum, taken as it was written (not read again under the lock).
        integrity.record(paths, known_files=built.sums)
    finally:
        lock.release()
        built.held = time.monotonic() - began
    _remove(paths.whoosh, away)
    return True


def place(segments: list[Any], beside: frozenset[str] | None) -> int:
    """Where the merged segment goes among the kept `segments` (see swap's `beside`)."""
    if beside is None:
        return len(segments)
    return max((i + 1 for i, s in enumerate(segments) if s.segment_id() in beside),
               default=0)


@dataclass(slots=True)
class Note:
    """What a swap moves into whoosh/ (`moved`: the merged segment `merged`'s files) and
    what it removes there once swapped (`away`), written apart before either: a kill in
    between leaves the next merge run to finish it (`remove_leftovers`)."""
    merged: str
    moved: list[str]
    away: list[str]


NOTE = "swap.json"


def _note(folder: Path, note: Note) -> None:
    data = json.dumps({"merged": note.merged, "moved": note.moved, "away": note.away})
    path = folder / NOTE
    fd = private_fd(path, os.O_WRONLY | os.O_EXCL)
    with os.fdopen(fd, "w") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())  # on disk before anything it names is moved


def _read_note(path: Path) -> Note | None:
    """A swap's note; None if it is not one (half written by a kill, or not ours): then
    nothing in whoosh/ is removed by it. Only names of segment files, in whoosh/ itself."""
    data = index_folder.read_file(path, limit=1 << 20)
    try:
        found = json.loads(data) if data is not None else None
    except ValueError:
        return None
    if not isinstance(found, dict):
        return None
    merged, moved, away = found.get("merged"), found.get("moved"), found.get("away")
    if not (isinstance(merged, str) and _SEGMENT_ID.fullmatch(merged)
            and isinstance(moved, list) and isinstance(away, list)
            and all(isinstance(n, str) and _SEGMENT_FILE.fullmatch(n)
                    for n in [*moved, *away])):
        return None
    return Note(merged, moved, away)


_SEGMENT_ID = re.compile(f"{INDEXNAME}_[0-9a-z]+")
_SEGMENT_FILE = re.compile(f"{INDEXNAME}_[0-9a-z]+[.][A-Za-z0-9_.]+")  # (no folder)


def _own_files(segments: list[Any]) -> list[str]:
    """The files a swap removes once it has merged `segments` away: their compound files
    (a reader opened before has each one open whole; one of separate files may open them
    at first use: left to the next commit's clean_files)."""
    return sorted(s.make_filename(s.COMPOUND_EXT) for s in segments if s.is_compound())


def _remove(folder: Path, names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / name)


@contextlib.contextmanager
def write_locked(paths: IndexPaths, wait: float = REBUILD_WAIT) -> Iterator[None]:
    """Whoosh's write lock held, if whoosh/ is there: a rebuild removes whoosh/ only once
    no swap is under way (one that read the old table of contents could otherwise write
    it into the new index); a swap that comes after finds its segments gone."""
    if not paths.whoosh.is_dir():
        yield
        return
    lock = file_storage(paths.whoosh).lock(f"{INDEXNAME}_WRITELOCK")
    held = try_for(lock.acquire, timeout=wait, delay=0.05)
    try:
        yield
    finally:
        if held:
            lock.release()


def discard(paths: IndexPaths, built: Built) -> None:
    """(A merge run, once a merge is swapped in, abandoned or failed.) Its folder apart
    removed, and what its note says applied first: a swap that failed after moving the
    segment in (its table of contents not written: a full disk) leaves no file behind."""
    _settle(paths, [note] if (note := _read_note(built.folder / NOTE)) else [])
    index_folder.remove_tree(built.folder)


def _settle(paths: IndexPaths, notes: list[Note]) -> None:
    """What swaps noted, finished in whoosh/: the merged segment's files removed if the
    latest table of contents does not name that segment (no table ever will: only its
    swap would have), else the merged-away segments' files (no table names them any
    longer). A table that cannot be read removes nothing."""
    if not notes:
        return
    try:
        named = {s.segment_id() for s in snapshot(paths).segments}
    except Exception:  # noqa: BLE001 - no readable index: leave whoosh/ to its commits
        return
    for note in notes:
        gone = note.away if note.merged in named else note.moved
        _remove(paths.whoosh, [name for name in gone if name.split(".", 1)[0] not in named])


def remove_leftovers(paths: IndexPaths) -> None:
    """(With the merge lock held: no merge is being built or swapped.) The folders of
    merges killed or abandoned, and in whoosh/ what a swap killed midway left there, as
    its note says (`_settle`)."""
    folder = merging_folder(paths)
    if folder.is_dir():
        _settle(paths, [note for path in sorted(folder.glob(f"*/{NOTE}"))
                        if (note := _read_note(path)) is not None])
    index_folder.remove_tree(folder)
    # The sums' temporary file of a swap killed as it wrote them (beside whoosh/).
    index_folder.remove_stale_temps(paths.root)


def has_leftovers(paths: IndexPaths) -> bool:
    return merging_folder(paths).exists()


def _segment_files(folder: Path, segment_id: str) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(f"{segment_id}."))
