"""The fork server the indexer's helper processes come from (storage/segment_process.py,
ingest/extract_process.py), in a module of its own that imports nothing heavy: a helper
process imports the module of its target, and a process that only extracts actors has no
use for numpy and Whoosh (20 MB more of it resident)."""

from __future__ import annotations

import contextlib
import functools
import io
import multiprocessing
import multiprocessing.forkserver
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

from newsdesk.index.storage import run_stop
from newsdesk.index.storage.heap_bound import libc_function

CONTEXT = multiprocessing.get_context("forkserver")
# The server preloads nothing: each helper process imports what it needs itself (a third
# of a second), and the server stays small (preloading numpy and Whoosh there kept 50 MB
# more resident for the whole run).
CONTEXT.set_forkserver_preload([])


def helper_context(here: bool) -> Any:
    """Where a run's helper process comes from: a plain fork of this process where `here`
    (the command line's indexer, on a small run: ingest/indexer.py's FORK_BYTES) and this
    is its only thread, else the fork server. A fork has the modules and the dictionaries
    already: from the server each helper imported its own (the writer numpy and Whoosh,
    0.14 s of CPU; the extraction the actor modules and their expressions, 0.06), was sent
    the dictionaries pickled, and the server and its resource tracker were two more
    interpreters started (0.05): 0.25-0.3 s of a 2,000-article build's 3.5. Not beside
    other threads (a lock one held at the fork stays held in the child for good), and not
    on large runs, whose helpers' memory was measured as the server's."""
    if here and threading.active_count() == 1 and \
            "fork" in multiprocessing.get_all_start_methods() and _dies_with_parent_set():
        return multiprocessing.get_context("fork")
    return CONTEXT


# Linux's prctl(PR_SET_PDEATHSIG): the kernel sends the child this signal when its parent
# ends. A plain fork holds a copy of every pipe end the parent had, its own's other end
# too, so a helper waiting on its pipe never read the end of a parent killed with SIGKILL
# and ran on (the kill test: "its sub-processes outlived it"); the fork server's children
# hold only their own ends.
_PR_SET_PDEATHSIG = 1


@functools.lru_cache(maxsize=1)
def _prctl() -> Callable[..., int] | None:
    """libc's prctl where the system has it (Linux), else None: no plain fork then."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


def _dies_with_parent_set() -> bool:
    return _prctl() is not None


def _die_with_parent(target: Callable[..., None], parent: int, *args: Any) -> None:
    """A plain fork's entry: killed with its parent (`_PR_SET_PDEATHSIG`), or gone at once
    if the parent ended before it asked."""
    prctl = _prctl()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
    target(*args)


def start_fork_server() -> None:
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


def send_unshared(conn: Any, message: Any) -> None:
    """`conn.send(message)` (read back by `recv` all the same) for a message of plain values
    and no object twice in it, or none that must stay one object: pickled without the
    pickler's memo, which records every string and tuple it writes to write any met again
    as a reference. For a batch's actor mentions (4,000 long articles: 97,500 rows of ten
    values) the memo took two thirds of the pickling, in the process that sets a first
    build's pace: 0.09 -> 0.03 s of CPU a batch, for a fifth more bytes (an article's id
    and a key met again are written again). (`fast`, as the pickle module calls it, leaves
    a message that holds itself unpicklable.)"""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(AttributeError):  # (deprecated: a Python without it memoises)
        pickler.fast = True
    pickler.dump(message)
    conn.send_bytes(buffer.getbuffer())


def silence() -> None:
    """Standard output and error of this process to /dev/null."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def release_memory() -> None:
    """Give the C heap's free memory back to the system (glibc's malloc_trim; nothing
    elsewhere): a batch's texts and results are many small objects, freed once it is
    done, and the heap kept their pages resident until the next batch (counted in the
    build's peak with every other process's)."""
    trim = libc_function("malloc_trim")
    if trim is not None:
        trim(0)


@contextlib.contextmanager
def _main_not_run_again() -> Iterator[None]:
    """While a helper process is started: the program's main script is not named to it.
    multiprocessing runs the parent's main script again in each process it starts (as
    "__mp_main__", for functions defined there), and `newsdesk`'s console script imports
    the whole command line with it: a tenth of a second or more of each helper's CPU, for
    nothing, since every target and argument of theirs is in a module of its own. (A main
    module run by name, `python -m`, is not run again anyway.)"""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None \
            or "__file__" not in vars(main):
        yield
        return
    path = vars(main).pop("__file__")
    try:
        yield
    finally:
        main.__file__ = path


class ServedProcess:
    """A helper process from the fork server that serves one batch at a time over a pipe
    (the segment writer, the actor extraction): `send` what it works on, `result` for what
    it found; `close` when the run ends, `kill` when a batch fails. `what` names it in the
    errors ("segment-writing", "actor-extraction"). `context`: another multiprocessing
    context to start it from (a plain fork: actors/cluster_process.py)."""

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...], name: str,
                 what: str, context: Any = CONTEXT) -> None:
        if context is CONTEXT:
            start_fork_server()
        self._what = what
        self._conn, theirs = context.Pipe()
        if context is not CONTEXT and context.get_start_method() == "fork":
            target, args = _die_with_parent, (target, os.getpid(), theirs, *args)
        else:
            args = (theirs, *args)
        self._proc = context.Process(target=target, args=args, daemon=True, name=name)
        with _main_not_run_again():
            self._proc.start()
        theirs.close()

    def send(self, message: Any) -> None:
        self._conn.send(message)

    def result(self, of: str) -> tuple[Any, ...]:
        """What the process answered for the batch (after its "done"); `of` names what a
        failure leaves out ("the batch's segment"). A stop asked of the run meanwhile
        raises RunStopped (run_stop.py): the caller kills the process."""
        run_stop.wait(self._conn.poll)
        try:
            outcome, *found = self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode
            raise RuntimeError(f"the {self._what} process ended (code {code}) without "
                               f"{of}; nothing of the batch was committed") from None
        if outcome != "done":
            self._proc.join()
            raise RuntimeError(f"the {self._what} process failed: {found[0]}")
        return tuple(found)

    def ready(self, timeout: float) -> bool:
        """Whether its answer (or its end) has come, waiting up to `timeout` seconds."""
        return self._conn.poll(timeout)

    def kill(self) -> None:
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join()
        self._conn.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._conn.send(None)
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()
        self._conn.close()
