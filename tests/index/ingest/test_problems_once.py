"""A file's problems are reported when it is read, not again while it is unchanged (the
README: a run reports the files it reads). The files a run meets again unchanged: those the
listing cannot take (a named pipe, a dangling link: no stamp), those with duplicate ids (read
again whenever another file changes), and pseudo-files whose stamp moves but which are never
read (/proc/self/mem). `newsdesk index --problems` still lists them all."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.problem_log import last_found
from newsdesk.index.paths import index_paths
from tests.helpers.command import run


def _names(problems: list) -> set[tuple[str, int | None]]:
    return {(Path(p.path).name, p.line) for p in problems}


def _hostile(corpus: Path) -> None:
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "broken.txt").symlink_to(corpus / "gone.txt")
    if Path("/proc/self/mem").exists():
        (corpus / "mem.txt").symlink_to("/proc/self/mem")
    records = [{"id": "dup1", "title": f"Version {n}", "text": f"Version {n} of oil."}
               for n in range(3)]
    (corpus / "dups.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (corpus / "bad.jsonl").write_text('{"id": "b1", "title": "T", "text": "fine"}\n{"id":\n')


@pytest.mark.parametrize("seed", range(4))
def test_unchanged_files_problems_are_reported_once(
        corpus_dir: Path, corpus_settings: Settings, seed: int) -> None:
    _hostile(corpus_dir)
    first = Indexer(corpus_settings).run()
    every = _names(first.problems)
    assert {("fifo.txt", None), ("broken.txt", None), ("dups.jsonl", 2), ("dups.jsonl", 3),
            ("bad.jsonl", 2)} <= every
    rng = random.Random(seed)
    for step in range(4):  # runs with other files changing (the duplicates read again)
        if rng.random() < 0.7:
            (corpus_dir / f"new{step}.txt").write_text(f"Title {step}\n\nOil {step}.\n")
        report = Indexer(corpus_settings).run()
        assert report.problems == [], report.problems
        assert report.known_problems == len(every)
        assert _names(last_found(index_paths(corpus_settings).store)) == every
    # A file changed is read again: its problems are reported again, the others' not.
    (corpus_dir / "bad.jsonl").write_text('{"id": "b1", "title": "T", "text": "fine"}\n'
                                          '{"id": "b2", "title": "T", "text": "ok"}\n{"x"\n')
    assert _names(Indexer(corpus_settings).run().problems) == {("bad.jsonl", 3)}


def test_search_prints_known_problems_once(corpus_dir: Path) -> None:
    _hostile(corpus_dir)
    (corpus_dir / "ok.txt").write_text("Title\n\nOil prices rose.\n")
    first = run("--corpus", str(corpus_dir), "search", "oil")
    assert "fifo.txt" in first.stderr and "dups.jsonl:2" in first.stderr
    for _ in range(2):
        again = run("--corpus", str(corpus_dir), "search", "oil")
        assert again.returncode == 0, again.stderr
        assert again.stderr == "", again.stderr
    listed = run("--corpus", str(corpus_dir), "index")
    assert "fifo.txt" not in listed.stderr
    assert "of files unchanged since they were last read" in listed.stderr
    assert "newsdesk index --problems" in listed.stderr
    problems = run("--corpus", str(corpus_dir), "index", "--problems")
    assert "fifo.txt" in problems.stderr and "dups.jsonl:2" in problems.stderr
