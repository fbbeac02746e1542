"""A large batch is written by two sub-processes: the same index as one process writes, the
vocabulary gathered in both, and a failure in either fails the batch without harm."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import parallel_writer
from newsdesk.index.storage.schema import SEARCH_FIELDS
from tests.bench.generate_corpus import write as write_corpus
from tests.helpers.paths import ROOT, write_config

QUERIES = ["said", "oil", "bank OR trade", "minister AND election", '"last year"',
           '"prime minister"~3', "comm*", "t?ade*", "govrnment~1", "date:1987"]


def build(tmp_path: Path, name: str, corpus: Path, monkeypatch: pytest.MonkeyPatch
          ) -> Settings:
    cfg = write_config(tmp_path / f"{name}.yaml", [corpus],
                       f"index:\n  dir: {tmp_path / name}\n  batch_size: 4000\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    settings = load_settings()
    report = Indexer(settings).run()
    assert not report.problems and report.added == report.total
    return settings


def answers(settings: Settings) -> dict[str, tuple[int, list[float]]]:
    """Each query's hit count and score sequence (documents with equal scores may come in
    another order: their numbers depend on which segment holds them)."""
    with Engine(settings) as engine:
        return {q: (found.total, [round(h.score, 9) for h in found.hits])
                for q in QUERIES for found in [engine.search(q, 30)]}


def test_two_processes_build_the_index_one_would(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(parallel_writer.MIN_PARALLEL_DOCUMENTS + 100, corpus, seed=7)
    started: list[int] = []
    new_task = parallel_writer.ParallelWriter._new_task

    def counted(self: parallel_writer.ParallelWriter) -> object:
        started.append(1)
        return new_task(self)

    monkeypatch.setattr(parallel_writer.ParallelWriter, "_new_task", counted)
    parallel = build(tmp_path, "parallel", corpus, monkeypatch)
    assert len(started) == parallel_writer.PROCESSES

    monkeypatch.setattr(parallel_writer, "MIN_PARALLEL_DOCUMENTS", 10**9)
    serial = build(tmp_path, "serial", corpus, monkeypatch)
    assert len(started) == parallel_writer.PROCESSES  # no sub-process this time

    assert answers(parallel) == answers(serial)
    assert all(total for total, _ in answers(parallel).values())
    with Engine(parallel) as a, Engine(serial) as b:
        assert a.doc_count == b.doc_count
        assert a.store.vocabulary() == b.store.vocabulary()  # gathered in the sub-processes
        # The words of a batch are not pickled into Whoosh's table of contents.
        assert a.ix.schema["body"].analyzer.collect is None


def test_a_failing_sub_process_fails_the_batch_and_keeps_the_index(
        corpus_settings: Settings, corpus_dir: Path) -> None:
    (corpus_dir / "a.txt").write_text("Alpha\n\nThe first zebra.\n")
    Indexer(corpus_settings).run()
    storage = FileStorage(str(index_paths(corpus_settings).whoosh))
    ix = storage.open_index()
    words: set[str] = set()
    writer = parallel_writer.ParallelWriter(ix, words, SEARCH_FIELDS)
    for n in range(parallel_writer.JOB_DOCUMENTS):
        writer.add_document(id=f"good{n}", title="Fine", body="a giraffe")
    writer.add_document(id="bad", title="Broken", body=123)  # not text: Whoosh refuses it
    with pytest.raises(RuntimeError, match="indexing process failed: ValueError"):
        writer.commit()
    writer.cancel()  # what the indexer does with any failure: the lock goes too
    ix.close()

    with Engine(corpus_settings) as engine:
        assert engine.doc_count == 1
        assert engine.search("giraffe").total == 0
        assert engine.search("zebra").total == 1
    (corpus_dir / "b.txt").write_text("Beta\n\nA giraffe.\n")
    assert Indexer(corpus_settings).run().added == 1  # nothing left locked or half-written


CAPTURED_STDERR = """
import sys

class Capture:  # what Textual puts in sys.stderr while an app runs
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

sys.stderr = Capture()
from newsdesk.index.config import load_settings
from newsdesk.index.ingest.indexer import Indexer
try:
    print(Indexer(load_settings()).run().added)
except Exception as exc:  # the real stderr is hidden, as in the dashboard
    print(f"{type(exc).__name__}: {exc}")
    raise SystemExit(1)
"""


def test_the_dashboard_can_index_in_two_processes(tmp_path: Path) -> None:
    """The dashboard indexes in a thread, with Textual's stand-in for sys.stderr, whose
    fileno() is -1: starting the sub-processes failed there ("bad value(s) in
    fds_to_keep"). A fresh process, so that no fork server is running yet."""
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(parallel_writer.MIN_PARALLEL_DOCUMENTS + 10, corpus, seed=8)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'ix'}\n")
    run = subprocess.run([sys.executable, "-c", CAPTURED_STDERR], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, env={**os.environ, "NEWSDESK_CONFIG": str(cfg)})
    assert run.returncode == 0, run.stdout[-2000:]
    assert run.stdout.split() == [str(parallel_writer.MIN_PARALLEL_DOCUMENTS + 10)]


def test_a_killed_sub_process_fails_the_batch(corpus_settings: Settings,
                                              corpus_dir: Path) -> None:
    """As when the kernel's out-of-memory killer picks one: the parent says so instead of
    waiting for it forever, and commits nothing."""
    (corpus_dir / "a.txt").write_text("Alpha\n\nThe first zebra.\n")
    Indexer(corpus_settings).run()
    ix = FileStorage(str(index_paths(corpus_settings).whoosh)).open_index()
    writer = parallel_writer.ParallelWriter(ix, set(), SEARCH_FIELDS)
    for n in range(parallel_writer.JOB_DOCUMENTS * 3):
        writer.add_document(id=f"good{n}", title="Fine", body="a giraffe")
    os.kill(writer.tasks[0].pid, signal.SIGKILL)
    with pytest.raises(RuntimeError, match=r"ended \(code -9\)"):
        writer.commit()
    writer.cancel()
    ix.close()
    with Engine(corpus_settings) as engine:
        assert (engine.doc_count, engine.search("giraffe").total) == (1, 0)


def test_without_sub_processes_one_process_writes(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the fork server cannot start, the batch is written in-process, not lost."""
    def refuse() -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(parallel_writer.multiprocessing.forkserver, "ensure_running", refuse)
    monkeypatch.setattr(parallel_writer.ParallelWriter, "__init__", None)  # must not be used
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(parallel_writer.MIN_PARALLEL_DOCUMENTS + 10, corpus, seed=9)
    settings = build(tmp_path, "ix", corpus, monkeypatch)
    with Engine(settings) as engine:
        assert engine.doc_count == parallel_writer.MIN_PARALLEL_DOCUMENTS + 10
