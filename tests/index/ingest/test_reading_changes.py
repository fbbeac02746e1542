"""A file is read again when a setting of how it reads changes (corpus.fields), though its
bytes did not; files deleted or rewritten while a run reads the corpus are taken as they
are at its end, and the run's counts say what stayed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest import reading
from newsdesk.index.ingest.files import SourceFile
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.staleness import staleness
from newsdesk.index.models import Article, Problem
from newsdesk.index.paths import index_paths
from newsdesk.tui.render import run_notes


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_a_field_mapping_change_reads_the_record_files_again(corpus_settings: Settings,
                                                             corpus_dir: Path) -> None:
    _write(corpus_dir / "a.jsonl", [{"id": f"a{i}", "text": f"storm number {i}",
                                     "outlet": "Planet"} for i in range(5)])
    (corpus_dir / "note.txt").write_text("A plain note\n\nabout a storm.\n")
    first = Indexer(corpus_settings).run()
    assert first.added == 6 and not first.reread
    corpus_settings.corpus.fields["source"] = "outlet"
    assert staleness(corpus_settings) is not None  # the dashboard runs on it too
    again = Indexer(corpus_settings).run()
    # The record file read again (its 5 articles now have a source), the text file not.
    assert again.reread == {"corpus.fields": 1}
    assert (again.updated, again.unchanged) == (5, 1)
    assert run_notes(again) == ["1 file read again: corpus.fields changed since it was "
                                "last read"]
    with Engine(corpus_settings) as engine:
        assert {h.source for h in engine.search("storm", limit=None).hits} == {"Planet", None}
    assert staleness(corpus_settings) is None
    third = Indexer(corpus_settings).run()
    assert (third.unchanged, third.reread) == (6, {})


def test_a_file_deleted_or_rewritten_during_a_build_is_taken_at_its_end(
        corpus_settings: Settings, corpus_dir: Path) -> None:
    _write(corpus_dir / "a.jsonl", [{"id": f"a{i}", "text": f"oldmarker {i}"} for i in range(30)])
    _write(corpus_dir / "b.jsonl", [{"id": f"b{i}", "text": f"oldmarker {i}"} for i in range(20)])
    _write(corpus_dir / "c.jsonl", [{"id": f"c{i}", "text": f"oldmarker {i}"} for i in range(5)])
    indexer = Indexer(corpus_settings)
    read = indexer.reader.read
    done: list[str] = []

    def read_then_change(sf: SourceFile) -> Iterator[Article | Problem]:
        yield from read(sf)
        done.append(sf.relative)
        if len(done) == 1:  # the first file read: both change under the run
            (corpus_dir / "a.jsonl").unlink()
            (corpus_dir / "c.jsonl").unlink()  # (before it is read)
            _write(corpus_dir / "b.jsonl", [{"id": f"b{i}", "text": f"newmarker {i} again"}
                                            for i in range(8)])

    indexer.reader.read = read_then_change  # type: ignore[method-assign]
    report = indexer.run()
    with Engine(corpus_settings) as engine:
        assert engine.doc_count == 8
        assert engine.search("oldmarker", limit=None).total == 0
        assert engine.search("newmarker", limit=None).total == 8
    assert (report.added, report.removed, report.total) == (8, 0, 8)
    assert report.changed_during >= 1 and not report.still_changing
    assert report.problems == []  # (not "c.jsonl: cannot read: No such file")
    assert any("changed or deleted while" in line for line in run_notes(report))
    assert staleness(corpus_settings) is None


@pytest.mark.parametrize("rewrites", [1, 5])
def test_a_file_that_keeps_changing_is_left_to_the_next_run(
        corpus_settings: Settings, corpus_dir: Path, rewrites: int) -> None:
    path = corpus_dir / "a.jsonl"
    _write(path, [{"id": "a0", "text": "version zero"}])
    indexer = Indexer(corpus_settings)
    read = indexer.reader.read
    count = [0]

    def read_then_change(sf: SourceFile) -> Iterator[Article | Problem]:
        yield from read(sf)
        if count[0] < rewrites:
            count[0] += 1
            _write(path, [{"id": "a0", "text": "version " + "x" * count[0]}])

    indexer.reader.read = read_then_change  # type: ignore[method-assign]
    report = indexer.run()
    assert report.added == 1
    assert bool(report.still_changing) == (rewrites > 2)
    assert (staleness(corpus_settings) is None) == (rewrites <= 2)


def test_the_size_limit_and_the_markdown_reading_read_files_again(corpus_settings: Settings,
                                                                   corpus_dir: Path) -> None:
    """corpus.max_file_mb concerns every file; a .md read before front matter was read (a
    stamp without the Markdown part, as an older newsdesk wrote it) is read again, once."""
    (corpus_dir / "post.md").write_text("---\ntitle: Storm\ndate: 2021-06-01\n---\nBody.\n")
    (corpus_dir / "note.txt").write_text("A note\n\nBody.\n")
    assert Indexer(corpus_settings).run().added == 2
    store = sqlite3.connect(index_paths(corpus_settings).store)
    with store:
        store.execute("UPDATE files SET stamp = substr(stamp, 1, instr(stamp, '~') - 1) "
                      "WHERE stamp LIKE '%~%'")
    store.close()
    again = Indexer(corpus_settings).run()
    assert again.reread == {reading.MARKDOWN: 1} and again.unchanged == 2
    corpus_settings.corpus.max_file_mb = 5
    limited = Indexer(corpus_settings).run()
    assert limited.reread == {"corpus.max_file_mb": 2} and limited.unchanged == 2
    assert Indexer(corpus_settings).run().reread == {}
    with Engine(corpus_settings) as engine:
        hit = engine.search("storm").hits[0]
        assert (hit.title, hit.date) == ("Storm", datetime(2021, 6, 1))


def _rows(prefix: str, count: int, textless_every: int) -> list[dict[str, str]]:
    return [{"id": f"{prefix}{i}", "text": "" if textless_every and i % textless_every == 0
             else f"marker {prefix} {i}"} for i in range(count)]


@pytest.mark.parametrize(("before", "after", "textless_before", "textless_after"), [
    (400, 50, 7, 10), (400, 50, 7, 0), (60, 300, 0, 9), (200, 30, 3, 3), (90, 90, 5, 11),
    (500, 1, 2, 0)])
def test_the_problems_of_a_file_rewritten_during_a_build_are_its_last_reading_s(
        corpus_settings: Settings, corpus_dir: Path, before: int, after: int,
        textless_before: int, textless_after: int) -> None:
    """F14: a file cut short while it was read said "65 skipped" for the 5 records it
    still had without text (60 of its first reading): what the run reports is what the
    index holds, and the problems of the file as it is."""
    path = corpus_dir / "live.jsonl"
    _write(path, _rows("o", before, textless_before))
    _write(corpus_dir / "other.jsonl", _rows("x", 20, 4))
    indexer = Indexer(corpus_settings)
    read = indexer.reader.read
    changed: list[bool] = []

    def read_then_change(sf: SourceFile) -> Iterator[Article | Problem]:
        yield from read(sf)
        if sf.relative == "live.jsonl" and not changed:
            changed.append(True)
            _write(path, _rows("n", after, textless_after))

    indexer.reader.read = read_then_change  # type: ignore[method-assign]
    report = indexer.run()
    final = _rows("n", after, textless_after)
    texts = sum(bool(r["text"]) for r in final)
    def skipped(name: str) -> int:
        return sum(p.count for p in report.problems if p.skipped and Path(p.path).name == name)

    assert skipped("live.jsonl") == after - texts
    assert skipped("other.jsonl") == 5  # (a file not changed keeps its problems)
    with Engine(corpus_settings) as engine:
        assert engine.doc_count == report.total == texts + 15
    assert report.added == texts + 15 and report.removed == 0
