"""A process's large blocks handed back to the system as soon as they are freed, once its
run is one of many distinct names (the build's memory the limit, issue 25).

glibc's malloc serves a block of 128 KB or more (M_MMAP_THRESHOLD) by a mapping of its
own, given back when freed; but each time such a block is freed it raises the threshold
to that block's size (up to 32 MB), so a process that makes large arrays again and again
soon makes all of them in its heap, where a freed one stays resident until the heap's top
is free too (or malloc_trim: fork_server.release_memory, at a batch's end). A batch's
arrays and the tables that grow with a run's distinct words and names (a dict, a list
resized in place) then lie side by side in the heap: the segment writer of a corpus of
many names (names-40) held 40-78 MB free in its heap at each batch's end (mallinfo2)
and peaked at 269 MB resident alone; with the threshold kept at 128 KB, 207.

`bound_heap` keeps the threshold where it starts (glibc then adjusts it no more). Each
large array is then a mapping made and unmade, its pages faulted in afresh: a cost the
usual corpora (bbc-30000: no process passes its many-names signal) are not asked to pay.
Nothing is done off glibc (no mallopt: musl, macOS)."""

from __future__ import annotations

import functools
from collections.abc import Callable

# mallopt's parameter number (malloc.h) and glibc's starting threshold.
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024

_bounded = False


@functools.cache
def libc_function(name: str) -> Callable[..., int] | None:
    """glibc's function `name` (mallopt, malloc_trim), looked up once a process; None off
    glibc."""
    try:
        import ctypes

        return getattr(ctypes.CDLL("libc.so.6"), name)  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


def bound_heap() -> bool:
    """Keep this process's large blocks out of its heap from now on (once a process:
    a fork inherits it); whether it is so."""
    global _bounded
    if not _bounded:
        mallopt = libc_function("mallopt")
        _bounded = mallopt is not None and mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
    return _bounded


def heap_bounded() -> bool:
    """Whether `bound_heap` has been called here (or in the process this one forked from)."""
    return _bounded
