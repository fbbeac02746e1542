"""SIGKILL an add and the merge process beside it (storage/merge_process.py) at random
moments, together: the index stays whole (stock Whoosh opens it, every committed article
is in it, its files match their sums), the next run completes, and the next merge run
cleans up what the killed one left."""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.query import Term

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import integrity, merge_process, merge_swap, segment_merging
from newsdesk.index.storage.article_store import Store
from tests.helpers.paths import NEWSDESK, ROOT

BASE, PER_ADD = 2500, 100  # adds of 100 to 2,500: merges of 1,000 apart


def _add(corpus_dir: Path, number: int, articles: int = PER_ADD) -> None:
    rng = random.Random(number)
    words = ["zebra", "giraffe", "oil", "market", "minister", "talks", "rain", "court"]
    with (corpus_dir / f"add-{number}.jsonl").open("w") as out:
        for i in range(articles):
            text = " ".join(rng.choice(words) for _ in range(60))
            out.write(json.dumps({"id": f"{number}-{i}", "title": f"Zebra {number} {i}",
                                  "text": f"Zebra {text}."}) + "\n")


def _wait_for_merges(lock: Path, seconds: float = 60.0) -> None:
    """Until no merge process holds the merge lock (the detached ones the runs started)."""
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
                return
            except BlockingIOError:
                assert time.monotonic() < deadline, "a merge process never ended"
                time.sleep(0.05)
    finally:
        os.close(fd)


@pytest.mark.slow
def test_an_add_and_its_merge_killed_together(corpus_settings: Settings, corpus_dir: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    paths = index_paths(corpus_settings)
    _add(corpus_dir, 0, BASE)
    Indexer(corpus_settings).run()
    with monkeypatch.context() as patched:  # merges left undone: a size class crowded
        patched.setattr(merge_process, "start", lambda paths: None)
        for count in range(1, segment_merging.TIER + 1):
            _add(corpus_dir, count)
            Indexer(corpus_settings).run()
    assert merge_process.needed(paths)
    rng = random.Random(25)
    hit = {"add": 0, "merge": 0, "mid-merge": 0}
    for _ in range(6):
        _wait_for_merges(merge_process.lock_path(paths))
        count += 1
        _add(corpus_dir, count)
        add = subprocess.Popen([*NEWSDESK, "index", "-q"], cwd=ROOT)
        merge = subprocess.Popen([sys.executable, "-m", "newsdesk.index.storage.merge_process",
                                  str(paths.root)], cwd=ROOT)
        # Killed once the merge is being built (or has ended), a moment later or not.
        deadline = time.monotonic() + 10
        while merge.poll() is None and not merge_swap.has_leftovers(paths) and \
                time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.3))
        for name, proc in (("add", add), ("merge", merge)):
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                hit[name] += 1
            proc.wait()
        _opens_whole(paths.whoosh)  # after every kill
        hit["mid-merge"] += merge_swap.has_leftovers(paths)
    # (Kills that came too late, or before the merge began, prove little.)
    assert hit["add"] and hit["merge"] and hit["mid-merge"], hit

    report = Indexer(corpus_settings).run()  # completes what was killed
    assert not report.cancelled
    _wait_for_merges(merge_process.lock_path(paths))
    merge_process.run(paths)
    assert not merge_swap.merging_folder(paths).exists()
    ix = FileStorage(str(paths.whoosh)).open_index()  # stock Whoosh finds every article
    documents, segments = ix.doc_count(), ix._segments()
    with ix.searcher() as searcher:
        found = {hit["id"] for hit in searcher.search(Term("title", "zebra"), limit=None)}
    ix.close()
    assert len(found) == BASE + count * PER_ADD
    store = Store(paths.store)
    try:
        assert documents == store.count() == BASE + count * PER_ADD
    finally:
        store.close()
    assert not segment_merging.crowded(segments)
    assert integrity.damaged_files(paths, integrity.ALL) == []
    # Nothing left behind: each segment file in whoosh/ is one the table names (the
    # merged-away ones removed at their swap, or by the run after a kill).
    named = {f"{segment.segment_id()}.seg" for segment in segments}
    assert {name for name in os.listdir(paths.whoosh) if name.endswith(".seg")} == named


def _opens_whole(whoosh: Path) -> None:
    """Stock Whoosh opens the index and reads every segment: each document found."""
    ix = FileStorage(str(whoosh)).open_index()
    try:
        with ix.searcher() as searcher:
            found = searcher.search(Term("title", "zebra"), limit=None)
            assert len(found) == searcher.doc_count() > 0
            assert all(hit["id"] for hit in found)
    finally:
        ix.close()
