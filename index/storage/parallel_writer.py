"""A batch's Whoosh writing split over two processes.

Whoosh is pure Python, so one process indexes at one core's pace however many there are:
analysing the words and writing the postings was about two thirds of ingest, actor
extraction a fifth. Whoosh's own `MpWriter` hands documents to sub-processes that each
write a segment of their own; the parent meanwhile extracts actors, reads the next
articles and merges older segments. newsdesk uses it with these changes:

- The sub-processes come from a fork server, not from `fork()` of the parent: the
  dashboard and the progress bar run threads, and a forked copy of a threaded process can
  hang on a lock another thread held.
- Each sub-process gathers the words it tokenizes (the vocabulary prefix and fuzzy terms
  expand against) and leaves them in a file beside its segment. Only small results go
  through the queue, so a sub-process ends as soon as its segment is written: a process
  cannot end before the parent has read what it sent, and at 188,000 articles two
  finished ones (95 MB each) waited out a four-minute merge that way.
- The parent reads the results before it waits for the processes to end (Whoosh's order
  can hang when a result is larger than a pipe's buffer), and fails the batch if one dies.
- Sub-processes ignore Ctrl-C (the first one asks to stop after the batch), and stop when
  the parent is gone instead of waiting for work forever.
- Their output goes nowhere: in the dashboard the terminal is Textual's. The fork server
  starts with a stderr it can pass on even when Textual has replaced `sys.stderr` (with an
  object whose `fileno()` is -1, which multiprocessing refused: "bad value(s) in
  fds_to_keep").
- A cancelled batch stops its sub-processes; their unfinished files are not in any
  commit, and Whoosh deletes them at the next one.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import pickle
import queue
import signal
import sys
from collections.abc import Iterable, Iterator
from multiprocessing.context import ForkServerProcess
from typing import Any

from whoosh.index import Index
from whoosh.multiproc import MpWriter
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.segment_build import write_segment

# Fewer documents than this are written in-process: starting the sub-processes costs more.
MIN_PARALLEL_DOCUMENTS = 500
PROCESSES = 2
# Documents a sub-process takes at a time (Whoosh passes them through a file).
JOB_DOCUMENTS = 100
# Posting buffers (Whoosh spills them to disk when full): each sub-process's, and the parent's.
SUB_LIMIT_MB = 48
PARENT_LIMIT_MB = 16  # the parent only deletes: merges stream (storage/segment_merging.py)
POLL_SECONDS = 0.5
_CONTEXT = multiprocessing.get_context("forkserver")
# The server imports Whoosh and the codec (with newsdesk's fixes to Whoosh) once; each
# sub-process is forked from it, and writes through the index's storage it is handed
# (storage/whoosh_fixes.py's NewsdeskFileStorage, pickled by class).
_CONTEXT.set_forkserver_preload([__name__])


def batch_writer(ix: Index, documents: int, collect: set[str],
                 fields: Iterable[str]) -> SegmentWriter:
    """A writer for a batch of `documents` additions. Every word its analyzers tokenize in
    `fields` goes into `collect`, in whichever process it is tokenized."""
    fields = tuple(fields)
    if documents < MIN_PARALLEL_DOCUMENTS or (os.cpu_count() or 1) < 2 \
            or not _fork_server_runs():
        writer = ix.writer(limitmb=128, codec=NewsdeskCodec())
        _collect_into(writer, fields, collect)
        return writer
    return ParallelWriter(ix, collect, fields)


def release(writer: SegmentWriter, fields: Iterable[str]) -> None:
    """Stop gathering words once the batch is committed or cancelled."""
    _collect_into(writer, tuple(fields), None)


def _collect_into(writer: SegmentWriter, fields: tuple[str, ...],
                  collect: set[str] | None) -> None:
    for name in fields:
        writer.schema[name].analyzer.collect = collect


class ParallelWriter(MpWriter):
    """Whoosh's MpWriter, one segment per sub-process (see the module's docstring)."""

    def __init__(self, ix: Index, collect: set[str], fields: tuple[str, ...]) -> None:
        _start_fork_server()
        super().__init__(ix, procs=PROCESSES, batchsize=JOB_DOCUMENTS, multisegment=True,
                         subargs={"limitmb": SUB_LIMIT_MB, "codec": NewsdeskCodec()},
                         limitmb=PARENT_LIMIT_MB, codec=NewsdeskCodec())
        self.collect = collect
        self.fields = fields
        _collect_into(self, fields, collect)  # documents the parent indexes itself
        # Queues of the fork server's kind, to pass to its processes.
        self.jobqueue = _CONTEXT.Queue(PROCESSES * 4)
        self.resultqueue = _CONTEXT.Queue()

    def _new_task(self) -> _SubWriter:
        task = _SubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue,
                          self.subargs, self.fields, os.getpid())
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        for task in self.tasks:
            if task.is_alive():
                task.terminate()
        for task in self.tasks:
            task.join()
        SegmentWriter.cancel(self)

    def _commit(self, mergetype: Any, optimize: bool, merge: bool) -> None:
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self.jobqueue.put(None)
        # Older segments merge here while the sub-processes finish theirs.
        segments = self._merge_segments(mergetype, optimize, merge)
        for segment, words_file in self._results():
            self.collect.update(self._words(words_file))
            if segment is not None:
                segments.append(segment)
        for task in self.tasks:
            task.join()
        if self._added:
            segments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(segments)
        self._finish()

    def _words(self, name: str) -> set[str]:
        temp = self.temp_storage()
        with temp.open_file(name).raw_file() as f:
            words: set[str] = pickle.load(f)
        temp.delete_file(name)
        return words

    def _results(self) -> list[tuple[Any, str]]:
        """Each sub-process's (segment or None, the name of its words' file)."""
        results: list[tuple[Any, str]] = []
        while len(results) < len(self.tasks):
            try:
                segment, words_file, error = self.resultqueue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                # A process that ended has its result in the pipe already: if the queue
                # is empty, one that failed, or all of them, left a part of the batch out.
                ended = [t for t in self.tasks if not t.is_alive()]
                failed = [t.exitcode for t in ended if t.exitcode != 0]
                if failed or len(ended) == len(self.tasks):
                    code = failed[0] if failed else 0
                    raise RuntimeError(f"an indexing process ended (code {code}) without "
                                       "its part of the batch; nothing of the batch was "
                                       "committed") from None
                continue
            if error:
                raise RuntimeError(f"an indexing process failed: {error}")
            results.append((segment, words_file))
        return results


class _SubWriter(ForkServerProcess):
    """Takes job files off the queue and indexes their documents into a segment of its own
    (Whoosh's SubWriterTask, with the changes the module's docstring lists)."""

    def __init__(self, storage: Any, indexname: str, jobqueue: Any, resultqueue: Any,
                 kwargs: dict[str, Any], fields: tuple[str, ...], parent: int) -> None:
        super().__init__(daemon=True)
        self.storage, self.indexname = storage, indexname
        self.jobqueue, self.resultqueue = jobqueue, resultqueue
        self.kwargs, self.fields, self.parent = kwargs, fields, parent

    def run(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.umask(0o077)  # the index is the user's alone (index/locations.owner_only)
        _silence()
        try:
            self._run()
        except _ParentGone:
            return  # nothing committed; the next commit deletes the files
        except Exception as exc:  # noqa: BLE001 - reported by the parent, not printed here:
            # the dashboard owns the terminal
            self.resultqueue.put((None, None, f"{type(exc).__name__}: {exc}"))

    def _run(self) -> None:
        ix = self.storage.open_index(self.indexname)
        built = write_segment(ix, self._documents(), self.fields, self.kwargs["limitmb"])
        temp = self._temp()
        words_file = f"{random_name()}.words"
        with temp.create_file(words_file).raw_file() as f:
            pickle.dump(built.words, f, pickle.HIGHEST_PROTOCOL)
        self.resultqueue.put((built.segment, words_file, None))

    def _documents(self) -> Iterator[dict[str, Any]]:
        """The documents of the job files the queue hands out, until it says no more."""
        while True:
            try:
                job = self.jobqueue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not _alive(self.parent):
                    raise _ParentGone from None
                continue
            if job is None:
                return
            yield from self._job_documents(*job)

    def _job_documents(self, filename: str, count: int) -> Iterator[dict[str, Any]]:
        temp = self._temp()
        with temp.open_file(filename).raw_file() as f:
            for _ in range(count):
                _, fields = pickle.load(f)
                yield fields
        temp.delete_file(filename)


    def _temp(self) -> Any:
        """The parent writer's folder for passing files (Whoosh's INDEXNAME.tmp)."""
        return self.storage.temp_storage(f"{self.indexname}.tmp")


class _ParentGone(Exception):
    """The parent process ended: the sub-process stops without finishing its segment."""


def _fork_server_runs() -> bool:
    """Whether sub-processes can be had here; where they cannot (no process limit left,
    no room for the server's socket), one process writes, as on a one-core machine."""
    try:
        _start_fork_server()
    except (OSError, RuntimeError, ValueError):
        return False
    return True


def _start_fork_server() -> None:
    """Start the fork server (and multiprocessing's resource tracker, which it starts) if it
    is not running, with a `sys.stderr` whose file descriptor can be handed on."""
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        multiprocessing.forkserver.ensure_running()
        return
    saved = sys.stderr
    with open(os.devnull, "w") as devnull:
        sys.stderr = devnull
        try:
            multiprocessing.forkserver.ensure_running()
        finally:
            sys.stderr = saved


def _silence() -> None:
    """Standard output and error of this process to /dev/null: a sub-process reports
    through its result queue, and in the dashboard the terminal is Textual's."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process took the number: ours is gone
        return False
    return True
