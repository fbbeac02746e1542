"""A batch's segment written in a process of its own while the indexer goes on.

Writing a batch's segment (storage/bulk_segment.py) and extracting its actor mentions are
each about a third of an ingest, and neither needs the other until the end: the segment
needs the actor keys only for its small `actors` field. So a writing process takes the
batch's documents and writes every other field's postings while the actors are extracted
(in the indexer, or for a large batch in a process of its own: ingest/overlap.py); the
keys follow, the process writes them and the per-document columns, and hands back the
finished segment (and the batch's words) for the indexer to commit.

- The process comes from a fork server, not from `fork()` of the indexer: the dashboard and
  the progress bar run threads, and a forked copy of a threaded process can hang on a lock
  another thread held. The server starts with a stderr it can pass on even when Textual
  has replaced `sys.stderr` (with an object whose `fileno()` is -1, which multiprocessing
  refused: "bad value(s) in fds_to_keep").
- One process serves a whole run, batch after batch, and keeps its word-form table warm.
  It ignores Ctrl-C (the indexer asks it to stop after the batch), its output goes nowhere
  (in the dashboard the terminal is Textual's), and it ends when the indexer closes the
  pipe or is gone.
- A failure in the process fails the batch, with its message; a batch cancelled or failed
  stops the process (the next batch starts another). Its unfinished files are in no commit,
  and Whoosh deletes them at the next one.
- Small batches, one-core machines and places where no process can be started write in
  the indexer's own process, the same way.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from newsdesk.index.storage.bulk_segment import SegmentBuild, Target
from newsdesk.index.storage.fork_server import ServedProcess, helper_context
from newsdesk.index.storage.fork_server import release_memory as _release_memory
from newsdesk.index.storage.fork_server import silence as _silence
from newsdesk.index.storage.gc_batches import collect_less
from newsdesk.index.storage.heap_bound import bound_heap
from newsdesk.index.storage.term_ids import TextForms, Vocabulary

# Work the writing process does for a batch while it waits for the batch's actor keys,
# given by the indexer (a module-level function: it goes to the process by name): the
# near-duplicate signatures (dups/presign.py). It is given the documents and the form id
# of each word of their SIDE_FIELD (split once, for the index and for it); its list comes
# back with the segment.
SideJob = Callable[[list[dict[str, Any]], TextForms | None], list[Any]]
SIDE_FIELD = "body"

# Fewer documents than this are written in the indexer's process: handing them over costs
# more than it saves.
MIN_DOCUMENTS = 300


class SegmentJob:
    """One batch's segment on its way: `finish(late)` returns it written."""

    def __init__(self, writer: Any, target: Target, docs: list[dict[str, Any]],
                 words: set[str], signed: list[Any] | None = None) -> None:
        """`signed`, for a batch written by the process, receives what the side job made
        there while it waited for the actor keys."""
        self._writer, self._words, self._signed = writer, words, signed
        self._build: SegmentBuild | None = None
        if writer is None:
            return
        writer.send((target, docs))

    def finish(self, late: dict[str, list[Any]]) -> Any:
        if self._build is not None:
            return self._build.finish(late)
        return self._writer.finish(late, self._words, self._signed)


class SegmentWriters:
    """The indexer's way to its writing process, started at the first batch large enough
    to be worth it; `close()` ends it."""

    def __init__(self, vocabulary: Vocabulary, side_job: SideJob | None = None) -> None:
        self.vocabulary = vocabulary  # for batches written here
        self._side_job = side_job
        self._process: _Process | None = None
        self._usable = (os.cpu_count() or 1) >= 2
        # The process a plain fork of the indexer where it can be (fork_server's
        # helper_context; set by the indexer for a small run of its own).
        self.fork_here = False

    @property
    def usable(self) -> bool:
        """Whether batches can be written in a process of their own here (two cores at
        least, and a process could be started)."""
        return self._usable

    def warm_up(self) -> None:
        """Start the writing process now, if it will be wanted: it imports numpy and Whoosh
        (a second or more on a busy machine) while the indexer reads the rest of a batch,
        instead of keeping the batch's hand-over waiting."""
        if self._usable and self._process is None:
            try:
                self._process = _Process(self._side_job, self.fork_here)
            except (OSError, RuntimeError, ValueError):
                self._usable = False

    def start(self, target: Target, docs: list[dict[str, Any]], words: set[str],
              signed: list[Any] | None = None) -> SegmentJob:
        """Start writing `docs` (without their late fields) into a new segment of `target`;
        the batch's words go into `words` when it is finished."""
        if len(docs) >= MIN_DOCUMENTS and self._usable:
            if self._process is None:
                try:
                    self._process = _Process(self._side_job, self.fork_here)
                except (OSError, RuntimeError, ValueError):
                    self._usable = False  # no process to be had: written here
            if self._process is not None:
                try:
                    return SegmentJob(self._process, target, docs, words, signed)
                except OSError:  # the process is gone (killed from outside): written here
                    self.stop()
        job = SegmentJob(None, target, docs, words)
        job._build = SegmentBuild(target, docs, self.vocabulary, words)
        job._build.write_early()
        return job

    def stop(self) -> None:
        """Stop the process (a batch failed or was cancelled while it wrote)."""
        if self._process is not None:
            self._process.kill()
            self._process = None

    def close(self) -> None:
        if self._process is not None:
            self._process.close()
            self._process = None


class _Process(ServedProcess):
    def __init__(self, side_job: SideJob | None, fork_here: bool) -> None:
        super().__init__(_serve, (side_job,), "newsdesk-segment-writer", "segment-writing",
                         helper_context(fork_here))

    def finish(self, late: dict[str, list[Any]], words: set[str],
               signed: list[Any] | None = None) -> Any:
        self.send(late)
        segment, found, made = self.result("the batch's segment")
        words.update(found)
        if signed is not None:
            signed.extend(made)
        return segment


def _serve(conn: Connection, side_job: SideJob | None) -> None:
    """The writing process: batch after batch until told to stop or the indexer is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.umask(0o077)  # the index is the user's alone (index/locations.owner_only)
    _silence()
    with collect_less():  # (a process of its own: left only as it ends)
        _serve_batches(conn, side_job, Vocabulary())


def _serve_batches(conn: Connection, side_job: SideJob | None, vocabulary: Vocabulary) -> None:
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the indexer is gone: nothing committed, the next commit tidies up
        if job is None:
            return
        target, docs = job
        words: set[str] = set()
        try:
            build = SegmentBuild(target, docs, vocabulary, words,
                                 SIDE_FIELD if side_job is not None else None)
            build.write_early()
            # While the actor keys are on their way (the near-duplicate signatures, which
            # the grouping at the end of the run would otherwise make alone).
            made = side_job(docs, build.forms) if side_job is not None else []
            build.forms = None
            late = conn.recv()
            segment = build.finish(late)
        except (EOFError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - reported by the indexer, not printed
            # here: the dashboard owns the terminal
            conn.send(("failed", f"{type(exc).__name__}: {exc}", None))
            return
        conn.send(("done", segment, words, made))
        del build, docs, late, segment, words, made
        if vocabulary.many_forms():
            # (a run of many distinct words: its tables grow beside each batch's arrays)
            bound_heap()
        _release_memory()
