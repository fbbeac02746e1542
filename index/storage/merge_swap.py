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
- The swap deletes nothing in whoosh/ (no clean_files): the indexer writes a batch's
  segment there without the lock (its writing process, ingest/overlap.py; a cluster's
  workers), and commits it later; only its own commits may delete files their table of
  contents does not name, as they are serialised with that writing. The merged-away
  files, and the old table of contents, go at the next commit.
- A kill at any moment: before the table of contents, the index is as it was; a segment
  file renamed in but not named is deleted by the next commit (clean_files) and judged by
  nothing (storage/integrity.py judges the files the table names); the folder apart is
  removed by the next merge run.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.index import TOC
from whoosh.util.filelock import try_for

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
         before_toc: Callable[[], None] = lambda: None) -> bool:
    """Put a built merge in the index in place of its segments, under the write lock;
    False if the lock stayed busy `wait` seconds or a chosen segment has gone (the merge
    abandoned). `before_toc` runs once the segment file is in whoosh/ (tests kill there)."""
    storage = file_storage(paths.whoosh, mmap=False)
    lock = storage.lock(f"{INDEXNAME}_WRITELOCK")
    if not try_for(lock.acquire, timeout=wait, delay=0.05):
        return False
    began = time.monotonic()
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
        for name in built.sums:
            os.replace(built.folder / name, paths.whoosh / name)
        before_toc()
        segments = [s for s in toc.segments if s.segment_id() not in built.numbering]
        segments.append(merged)
        TOC(toc.schema, segments, toc.generation + 1).write(storage, INDEXNAME)
        # The new file's sum, taken as it was written (not read again under the lock).
        integrity.record(paths, known_files=built.sums)
        return True
    finally:
        lock.release()
        built.held = time.monotonic() - began


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


def remove_leftovers(paths: IndexPaths) -> None:
    """(With the merge lock held: no merge is being built.) The folders of merges killed
    or abandoned."""
    index_folder.remove_tree(merging_folder(paths))


def has_leftovers(paths: IndexPaths) -> bool:
    return merging_folder(paths).exists()


def _segment_files(folder: Path, segment_id: str) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(f"{segment_id}."))
