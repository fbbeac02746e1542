"""A bulk run's large merges built in a process of their own while the run goes on, and
swapped in (storage/merge_swap.py), instead of inside the commit that chose them.

Why: a first build merged as MERGE_SMALL chose, inside a batch's commit in the indexer
(storage/segment_merging.py), and the pipeline stood meanwhile (ingest/overlap.py): the
segment writer starts the next batch only once the commit is done, and the extraction
process, done with the batch it had, waits for the next. One core idled for most of each
merge. Those merges grow faster than the build: 168,000 documents merged by 200,000
articles (two merges of 84,000), 1,672,000 by a million (ten of 84,000, two of 416,000:
about 165 s of CPU at 0.1 ms a document merged).

Here a commit of a bulk run whose MERGE_SMALL choice holds AHEAD_DOCUMENTS or more hands
that choice to a process from the fork server and merges nothing itself; the batch goes
in as its own segment, and the run goes on. While that merge is under way the commits
merge nothing (a choice of theirs could take segments it is merging); once it is swapped
in, the next commit chooses again from what is there. The merged segment goes where the
commit's own merge would have put it (after the segments it was chosen beside, before
those committed since), its documents in the same order, so the documents' numbers, and
with them the order of hits of equal score, are what a commit's merge gives. The run
waits for the merge before its last merges (Indexer._tidy).

The process takes the lock of the add's merge runs (storage/merge_process.py): one merge
at a time per index. Where it cannot start, fails, or its swap is abandoned, the run's
merges are its commits' again (`usable` False): the segments it chose are still there."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from newsdesk.index.flock import flock_within
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage import (
    index_folder,
    merge_process,
    merge_swap,
    run_stop,
    segment_merging,
)
from newsdesk.index.storage.fork_server import ServedProcess, silence
from newsdesk.index.storage.segment_merging import MergePolicy

# Documents a MERGE_SMALL choice holds at least to be built apart: smaller merges (tests'
# indexes, a small run's first) cost less than a process's start (0.3 s of imports).
AHEAD_DOCUMENTS = 20_000


def _serve(conn: Connection, root: str, schema: Any, chosen: list[Any],
           beside: frozenset[str]) -> None:
    """(The process.) `chosen` built apart and swapped in; answers ("done", swapped)."""
    silence()
    try:
        conn.send(("done", _merge(IndexPaths(Path(root)), schema, chosen, beside)))
    except Exception as exc:  # noqa: BLE001 - told to the indexer, which merges itself
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _merge(paths: IndexPaths, schema: Any, chosen: list[Any], beside: frozenset[str]
           ) -> bool:
    fd = index_folder.open_own_file(merge_process.lock_path(paths))
    try:
        if not flock_within(fd, 0.0):  # an add's merge run under way: left to the commits
            return False
        built = None
        try:
            built = merge_swap.build(paths, schema, chosen)
            return merge_swap.swap(paths, built, beside=beside)
        finally:
            if built is not None:
                merge_swap.discard(paths, built)
            # (Its parent too, if empty: one left is a merge's leftovers to the next run,
            # which would start a merge process to remove it: Indexer._merge_later.)
            with contextlib.suppress(OSError):
                merge_swap.merging_folder(paths).rmdir()
    finally:
        os.close(fd)


class _Merged:
    """The segment a merge under way will make, as a commit's choice sees it: its size."""

    def __init__(self, documents: int) -> None:
        self._documents = documents

    def doc_count_all(self) -> int:
        return self._documents


class MergeAhead:
    """A run's merge built apart, at most one at a time (see above)."""

    def __init__(self, paths: IndexPaths) -> None:
        self._paths = paths
        self._process: ServedProcess | None = None
        self._chosen: frozenset[str] = frozenset()  # the merge under way's segments,
        self._beside: frozenset[str] = frozenset()  # those it was chosen beside,
        self._documents = 0  # and the documents it merges
        self.usable = True
        self.swapped = 0  # merges swapped in (tests, benchmarks)

    def before_commit(self, segments: list[Any]) -> None:
        """(Before a commit's writer takes the lock, with the index's `segments`.) Wait for
        the merge under way if the commit's choice would take the segment it makes: each
        commit then chooses from what a commit's own merge would have left, the same
        segments in the same order, whenever the merge ends (a build is the same from run
        to run). Its merge is MERGE_SMALL's next, tens of batches later: one of 84,000
        documents is 21 batches of 4,000 after the one before."""
        if self._process is None or not self._running():
            return
        kept = [s for s in segments if s.segment_id() not in self._chosen]
        kept.insert(merge_swap.place(kept, self._beside), _Merged(self._documents))
        if len(segment_merging.small_choice(kept)) >= 2:
            self.wait()

    def policy(self, inner: MergePolicy, committed: int,
               check: Callable[[list[Any]], None]) -> MergePolicy:
        """The merge policy of a commit in a run that has committed `committed` documents:
        `inner`'s, but a bulk run's large choice started apart (`check(chosen)` first, as
        `inner` does), and nothing merged while one is under way (before_commit waited
        for it where the commit's choice is due)."""

        def policy(writer: Any, segments: list[Any]) -> list[Any]:
            if self._running():
                return segments
            if self.usable and segment_merging.bulk_run(
                    committed, segment_merging.documents(segments)):
                chosen = segment_merging.small_choice(segments)
                if len(chosen) >= 2 and \
                        segment_merging.documents(chosen) >= AHEAD_DOCUMENTS:
                    check(chosen)
                    if self._start(writer.schema, chosen, segments):
                        return segments
            return inner(writer, segments)

        return policy

    def _start(self, schema: Any, chosen: list[Any], segments: list[Any]) -> bool:
        ids = frozenset(s.segment_id() for s in chosen)
        beside = frozenset(s.segment_id() for s in segments if s.segment_id() not in ids)
        try:
            self._process = ServedProcess(_serve, (str(self._paths.root), schema, chosen,
                                                   beside),
                                          "newsdesk-merge-ahead", "merge-ahead")
        except Exception:  # noqa: BLE001 - no process: the commits merge, as before
            self.usable = False
            return False
        self._chosen, self._beside = ids, beside
        self._documents = segment_merging.documents(chosen)
        return True

    def _running(self) -> bool:
        """Whether a merge is under way (one that has ended is taken first)."""
        if self._process is None:
            return False
        if not self._process.ready(0):
            return True
        self.wait()
        return False

    def wait(self) -> None:
        """Until the merge under way, if any, has been swapped in or given up."""
        process, self._process = self._process, None
        if process is None:
            return
        try:
            (swapped,) = process.result("its merge")
        except RuntimeError:
            swapped = False
        except run_stop.RunStopped:
            # (The run stops while the merge goes on: `stop` kills it and removes what it
            # left, where closing waited up to 5 s for it.)
            self._process = process
            raise
        process.close()
        if swapped:
            self.swapped += 1
        else:
            self.usable = False  # (its segments are there still: the commits merge them)

    def stop(self) -> None:
        """The run stops: the merge under way killed, its folder apart removed (its swap
        either happened whole or not at all: merge_swap.py)."""
        process, self._process = self._process, None
        if process is None:
            return
        process.kill()
        fd = index_folder.open_own_file(merge_process.lock_path(self._paths))
        try:
            if flock_within(fd, 1.0):
                with contextlib.suppress(OSError):
                    merge_swap.remove_leftovers(self._paths)
        finally:
            os.close(fd)
