"""The temporary files index_folder.write_file leaves when its process is killed between
writing and renaming one (a merge swap killed as it wrote the sums left
`.whoosh.sums.PID.tmp`): removed at the next write of that file, run of the indexer
(`claim`) or merge run, when their process is gone; a running one's, and any file not
newsdesk's, kept. (The kill itself: test_merge_swap.py, "writing-sums".)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage import index_folder, merge_swap


def _dead_pid() -> int:
    done = subprocess.Popen([sys.executable, "-c", ""])
    done.wait()
    return done.pid


def _plant(root: Path, dead: int, running: int) -> None:
    for name in (f".whoosh.sums.{dead}.tmp", f".VERSION.{dead}.tmp",
                 f".whoosh.sums.{running}.tmp",  # being written now: kept
                 f".notes.txt.{dead}.tmp", f"whoosh.sums.{dead}.tmp"):  # not ours: kept
        (root / name).write_bytes(b"{}")


def _temps(root: Path) -> set[str]:
    return {n for n in os.listdir(root) if n.endswith(".tmp")}


KEPT = {".notes.txt.{dead}.tmp", "whoosh.sums.{dead}.tmp", ".whoosh.sums.{running}.tmp"}


def test_a_write_removes_its_files_stale_temporaries_only(tmp_path: Path) -> None:
    paths = IndexPaths(tmp_path / "ix")
    index_folder.claim(paths)
    dead, running = _dead_pid(), os.getppid()
    _plant(paths.root, dead, running)
    index_folder.write_file(paths.sums, b"{}")
    kept = {n.format(dead=dead, running=running) for n in KEPT}
    assert _temps(paths.root) == kept | {f".VERSION.{dead}.tmp"}  # (another file's: kept)
    assert paths.sums.read_bytes() == b"{}"
    index_folder.claim(paths)  # the indexer's next run: every stale one
    assert _temps(paths.root) == kept


def test_a_merge_run_removes_the_sums_stale_temporary(tmp_path: Path) -> None:
    paths = IndexPaths(tmp_path / "ix")
    index_folder.claim(paths)
    dead, running = _dead_pid(), os.getppid()
    _plant(paths.root, dead, running)
    merge_swap.remove_leftovers(paths)  # (the merge run's first and last step)
    assert _temps(paths.root) == {n.format(dead=dead, running=running) for n in KEPT}
    assert os.path.exists(paths.root / f".whoosh.sums.{running}.tmp")
