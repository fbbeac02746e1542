"""A writer killed mid-write (kill -9 during `saved add`) left .saved.yaml.PID.TID.tmp files
that no later write removed: the next write clears those of processes that are gone, and
leaves a live writer's and other files alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newsdesk.index.userdata.atomic import write_atomic


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_next_write_clears_the_temp_files_of_dead_writers(tmp_path: Path) -> None:
    saved = tmp_path / "saved.yaml"
    saved.write_text("old: 1\n")
    dead, alive = _dead_pid(), os.getpid()
    stale = [tmp_path / f".saved.yaml.{dead}.140.tmp",
             tmp_path / f".saved.yaml.bak.{dead}.140.tmp"]
    kept = [tmp_path / f".saved.yaml.{alive}.999.tmp",  # a live writer's
            tmp_path / f".other.yaml.{dead}.140.tmp",  # another file's
            tmp_path / ".saved.yaml.notapid.tmp"]
    for path in stale + kept:
        path.write_text("x")
    write_atomic(saved, "new: 2\n")
    assert saved.read_text() == "new: 2\n"
    assert (tmp_path / "saved.yaml.bak").read_text() == "old: 1\n"
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in kept)
