"""The fork server the indexer's helper processes come from (storage/segment_process.py,
ingest/extract_process.py), in a module of its own that imports nothing heavy: a helper
process imports the module of its target, and a process that only extracts actors has no
use for numpy and Whoosh (20 MB more of it resident)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import sys

CONTEXT = multiprocessing.get_context("forkserver")
# The server preloads nothing: each helper process imports what it needs itself (a third
# of a second), and the server stays small (preloading numpy and Whoosh there kept 50 MB
# more resident for the whole run).
CONTEXT.set_forkserver_preload([])


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
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM: object = None
