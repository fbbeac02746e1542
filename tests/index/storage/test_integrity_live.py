"""Sums judge only the files of the committed index: a segment being written beside a
commit (the next batch's) is neither recorded nor judged. A kill left such a file at
another size than it had when a commit recorded it, and the next open called the index
damaged though nothing of it used that file."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import integrity
from tests.helpers.paths import SEEDS, write_config


def test_a_segment_not_in_the_index_is_neither_recorded_nor_judged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    settings = load_settings()
    Indexer(settings).run()
    paths = index_paths(settings)
    stray = paths.whoosh / "MAIN_beingwritten00000.pst"  # a batch's segment, half written
    stray.write_bytes(b"")
    integrity.record(paths)
    assert stray.name not in integrity.load(paths)["whoosh"]  # type: ignore[index]
    stray.write_bytes(b"x" * 1000)  # the kill came later: it kept growing meanwhile
    assert integrity.damaged_files(paths, integrity.ALL) == []
    # A file of the index itself is still judged.
    live = next(p for p in sorted(paths.whoosh.iterdir()) if p.suffix == ".seg")
    live.write_bytes(live.read_bytes() + b"x")
    assert [name.split(" ")[0] for name in integrity.damaged_files(paths, integrity.SIZES)] \
        == [live.name]


def test_sums_are_recorded_by_one_process_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge's swap records the merged segment's sums (taken as it was written) while an
    add may be recording its own commit's: the second waits for the first, so neither
    replaces the file with a copy read before the other's was written. Another process
    holds the lock here (an flock is per open file: a thread of this one would share it)."""
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    paths = index_paths(load_settings())
    Indexer(load_settings()).run()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time\n"
         "fd = os.open(sys.argv[1], os.O_RDONLY)\n"
         "fcntl.flock(fd, fcntl.LOCK_EX)\n"
         "print('held', flush=True)\n"
         "sys.stdin.readline()\n", str(paths.whoosh)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        done = threading.Event()
        recorder = threading.Thread(
            target=lambda: (integrity.record(paths, known_files={"x.seg": [1, 2, 3]}),
                            done.set()))
        recorder.start()
        assert not done.wait(0.5)  # waiting for the holder, nothing written yet
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    recorder.join(timeout=30)
    assert done.is_set()
    assert integrity.damaged_files(paths, integrity.ALL) == []
