"""The process that makes an add's merges after the add has returned (built apart and
swapped in: storage/merge_swap.py). The indexer starts it once a run has ended, detached:
in a session of its own (a terminal's hangup or the dashboard's quit does not reach it,
and neither waits for it), its output nowhere, reaped by a thread of the dashboard that
started it (or by init once a command-line run has exited), gone once nothing is crowded.

One at a time (an flock on merge.lock beside whoosh/, which dies with its process): a
second one started meanwhile leaves at once, the running one reads the table of contents
again after each merge, so it takes the newer adds' segments too. It merges what the
bulk runs' `tidy` would (storage/segment_merging.py: the smallest size class holding
TIER segments, TIER of them), one merge at a time, each swapped in on its own, until
nothing is crowded, or a swap has been abandoned ABANDONED_LIMIT times (a foreground
commit keeps merging the same segments: the next run starts again). Should merges keep
being abandoned or killed, an add merges in its own commit again once a class holds
OVERDUE_TIERS * TIER segments: that bounds them.

Each merge leaves a line in merge.log beside whoosh/ (its output goes nowhere): when, the
documents merged, seconds building, milliseconds the write lock was held, and whether it
was swapped in or abandoned.

Run:  python -m newsdesk.index.storage.merge_process INDEX_FOLDER
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from newsdesk.index import locations
from newsdesk.index.flock import flock_within
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage import index_folder, integrity, merge_swap, segment_merging
from newsdesk.index.storage.schema_version import is_of_this_version

ABANDONED_LIMIT = 3
LOG_BYTES = 64 << 10  # merge.log is started again past this
NICENESS = 10  # a merge gives way to the user's next add and to searching


def lock_path(paths: IndexPaths) -> Path:
    return paths.root / "merge.lock"


def log_path(paths: IndexPaths) -> Path:
    return paths.root / "merge.log"


def _log(paths: IndexPaths, line: str) -> None:
    path = log_path(paths)
    with contextlib.suppress(OSError):
        if path.exists() and path.stat().st_size > LOG_BYTES:
            path.unlink()
        fd = locations.private_fd(path, os.O_WRONLY | os.O_APPEND)
        with os.fdopen(fd, "a") as out:
            out.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {line}\n")


def needed(paths: IndexPaths) -> bool:
    """Whether a merge run has anything to do: a crowded size class, or the leftovers of
    a merge killed or abandoned."""
    if merge_swap.has_leftovers(paths):
        return True
    try:
        return segment_merging.crowded(merge_swap.snapshot(paths).segments)
    except Exception:  # noqa: BLE001 - no readable index: nothing to merge
        return False


def start(paths: IndexPaths) -> subprocess.Popen[bytes]:
    """The merge process, started detached (see above); returns at once."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.index.storage.merge_process", str(paths.root)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, close_fds=True, cwd="/")
    # Reaped when it ends (no zombie beside a long-lived dashboard); a daemon thread, so
    # quitting never waits for it.
    threading.Thread(target=proc.wait, name="newsdesk-merge-reaper", daemon=True).start()
    return proc


def run(paths: IndexPaths, wait: float = merge_swap.SWAP_WAIT,
        before_toc: Callable[[], None] = lambda: None) -> int:
    """The merges, built apart and swapped in one at a time until nothing is crowded; how
    many were swapped in (0 at once if another merge run holds the lock)."""
    fd = index_folder.open_own_file(lock_path(paths))
    try:
        if not flock_within(fd, 0.0):
            return 0
        merge_swap.remove_leftovers(paths)
        merged = abandoned = 0
        while abandoned < ABANDONED_LIMIT:
            toc = merge_swap.snapshot(paths)
            chosen = segment_merging.crowded_segments(toc.segments)
            if not chosen:
                break
            # Damage is not copied into a segment recorded as sound: left to the indexer,
            # which finds it as it merges or checks (and rebuilds the index).
            damaged = integrity.damaged_segments(paths, {s.segment_id() for s in chosen})
            if damaged:
                _log(paths, f"not merged, damaged: {', '.join(damaged[:3])}")
                break
            built = None
            began = time.monotonic()
            outcome = "abandoned"
            try:
                built = merge_swap.build(paths, toc.schema, chosen)
                if merge_swap.swap(paths, built, wait, before_toc):
                    merged += 1
                    outcome = "swapped in"
                else:
                    abandoned += 1
            except (OSError, ValueError, KeyError, EOFError) as exc:
                abandoned += 1  # a chosen file deleted under the build (a rebuild, ...)
                outcome = f"abandoned ({type(exc).__name__}: {exc})"
            finally:
                if built is not None:
                    merge_swap.discard(paths, built)
            held = f", lock held {built.held * 1000:.0f} ms" if built and built.held else ""
            _log(paths, f"{sum(s.doc_count_all() for s in chosen)} documents in "
                        f"{len(chosen)} segments, {time.monotonic() - began:.1f} s{held}: "
                        f"{outcome}")
        merge_swap.remove_leftovers(paths)
        return merged
    finally:
        os.close(fd)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    paths = IndexPaths(Path(argv[0]))
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    if not (paths.exists() and is_of_this_version(paths)):
        return 0
    with locations.owner_only():
        run(paths)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
