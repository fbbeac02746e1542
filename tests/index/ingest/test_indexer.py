"""Incremental indexing, crash recovery, locking."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.staleness import corpus_is_stale
from newsdesk.index.models import IndexBusyError
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.article_store import Store
from newsdesk.index.storage.lock import IndexLock


def article(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n")
    return path


def search_ids(settings: Settings, query: str) -> list[str]:
    with Engine(settings) as engine:
        return sorted(h.id for h in engine.search(query).hits)


def test_add_change_delete(corpus_settings: Settings, corpus_dir: Path) -> None:
    article(corpus_dir, "a.txt", "Alpha", "The first zebra.")
    article(corpus_dir, "b.txt", "Beta", "The second giraffe.")
    report = Indexer(corpus_settings).run()
    assert (report.added, report.total) == (2, 2)
    assert search_ids(corpus_settings, "zebra") == ["a"]

    article(corpus_dir, "c.txt", "Gamma", "A third zebra.")
    path_b = article(corpus_dir, "b.txt", "Beta", "Now about an okapi.")
    os.utime(path_b, ns=(time.time_ns(), time.time_ns() + 10**9))
    (corpus_dir / "a.txt").unlink()
    report = Indexer(corpus_settings).run()
    assert (report.added, report.updated, report.removed, report.total) == (1, 1, 1, 2)
    assert search_ids(corpus_settings, "zebra") == ["c"]
    assert search_ids(corpus_settings, "giraffe") == []
    assert search_ids(corpus_settings, "okapi") == ["b"]


def test_unchanged_corpus_is_not_reread(corpus_settings: Settings, corpus_dir: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(20):
        article(corpus_dir, f"{i}.txt", f"Title {i}", f"Body number {i}.")
    Indexer(corpus_settings).run()
    assert not corpus_is_stale(corpus_settings)

    def fail(*args: object) -> None:
        raise AssertionError("an unchanged file was read")

    monkeypatch.setattr("newsdesk.index.ingest.corpus.CorpusReader.read", fail)
    # (No file is read: `fail` above says so, where a wall-clock bound failed on a busy machine.)
    report = Indexer(corpus_settings).run()
    assert (report.added, report.unchanged, report.total) == (0, 20, 20)


def test_changed_jsonl_only_rewrites_changed_records(corpus_settings: Settings,
                                                     corpus_dir: Path) -> None:
    feed = corpus_dir / "feed.jsonl"
    rows = [{"id": f"r{i}", "title": f"T{i}", "text": f"text {i} walrus"} for i in range(5)]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    Indexer(corpus_settings).run()
    rows[2]["text"] = "text 2 narwhal"
    rows.append({"id": "r5", "title": "T5", "text": "new narwhal"})
    del rows[0]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = Indexer(corpus_settings).run()
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 3)
    assert search_ids(corpus_settings, "narwhal") == ["r2", "r5"]
    assert search_ids(corpus_settings, "walrus") == ["r1", "r3", "r4"]


def test_duplicate_ids_reported(corpus_settings: Settings, corpus_dir: Path) -> None:
    (corpus_dir / "x.jsonl").write_text(
        '{"id": "d", "text": "one"}\n{"id": "d", "text": "two"}\n')
    report = Indexer(corpus_settings).run()
    assert report.total == 1
    assert any("duplicate id 'd'" in p.reason for p in report.problems)


def test_an_id_read_again_after_its_batch_is_committed_is_a_duplicate(
        corpus_settings: Settings, corpus_dir: Path) -> None:
    """The ids read are kept for the whole run, across batches and files."""
    corpus_settings.index.batch_size = 1
    (corpus_dir / "a.jsonl").write_text(
        '{"id": "e", "text": "first"}\n{"id": "f", "text": "other"}\n')
    (corpus_dir / "b.jsonl").write_text(
        '{"id": "f", "text": "again"}\n{"id": "e", "text": "again"}\n')
    report = Indexer(corpus_settings).run()
    assert report.total == 2
    assert sorted(p.reason for p in report.problems) == [
        "duplicate id 'e' (first in a.jsonl)", "duplicate id 'f' (first in a.jsonl)"]
    assert search_ids(corpus_settings, "again") == []


def test_an_id_stored_by_an_earlier_run_from_another_file_is_a_duplicate(
        corpus_settings: Settings, corpus_dir: Path) -> None:
    """A first build asks the store for no id (it holds none); a later run does."""
    (corpus_dir / "a.jsonl").write_text('{"id": "g", "text": "first walrus"}\n')
    assert Indexer(corpus_settings).run().problems == []
    (corpus_dir / "b.jsonl").write_text('{"id": "g", "text": "second narwhal"}\n')
    report = Indexer(corpus_settings).run()
    assert report.total == 1
    assert [p.reason for p in report.problems if "duplicate" in p.reason] == [
        f"duplicate id 'g' (already in {corpus_dir / 'a.jsonl'})"]
    assert search_ids(corpus_settings, "narwhal") == []


def test_batches_commit_as_they_go_and_cancel_keeps_them(corpus_settings: Settings,
                                                         corpus_dir: Path) -> None:
    for i in range(30):
        article(corpus_dir, f"{i:02}.txt", f"Title {i}", "common words here")
    corpus_settings.index.batch_size = 5
    cancel = threading.Event()

    def stop_after_some(progress: object) -> None:
        if getattr(progress, "articles", 0) >= 12:
            cancel.set()

    report = Indexer(corpus_settings).run(stop_after_some, cancel)
    assert report.cancelled and 10 <= report.total < 30
    with Engine(corpus_settings) as engine:
        assert engine.search("common").total == report.total
    report = Indexer(corpus_settings).run()
    assert report.total == 30 and not report.cancelled


def test_crash_between_store_and_index_is_finished(corpus_settings: Settings,
                                                   corpus_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    article(corpus_dir, "a.txt", "Alpha", "aardvark")
    Indexer(corpus_settings).run()
    article(corpus_dir, "b.txt", "Beta", "aardvark too")

    def crash(self: Indexer, ix: object, store: Store, new: set[str] | None = None,
              **options: object) -> int:
        if store.has_pending():
            raise KeyboardInterrupt  # killed after the store staged, before Whoosh committed
        return 0

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(Indexer, "_commit_pending", crash)
        Indexer(corpus_settings).run()
    assert search_ids(corpus_settings, "aardvark") == ["a"]  # the old index still answers
    assert corpus_is_stale(corpus_settings)
    Indexer(corpus_settings).run()
    assert search_ids(corpus_settings, "aardvark") == ["a", "b"]


def test_crash_after_whoosh_committed_adds_nothing_twice(corpus_settings: Settings,
                                                        corpus_dir: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """New articles go in with Whoosh's plain add (no delete first); a crash after Whoosh
    committed them but before the store marked them done must not leave them twice."""
    article(corpus_dir, "a.txt", "Alpha", "aardvark")
    Indexer(corpus_settings).run()
    article(corpus_dir, "b.txt", "Beta", "aardvark too")

    def crash(self: Store, *args: object, **options: object) -> None:
        raise KeyboardInterrupt  # killed after Whoosh committed, before the store knew

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(Store, "mark_done", crash)
        Indexer(corpus_settings).run()
    Indexer(corpus_settings).run()  # recovery: finishes the batch from the store
    assert search_ids(corpus_settings, "aardvark") == ["a", "b"]
    with Engine(corpus_settings) as engine:
        assert engine.doc_count == 2


def test_lost_whoosh_index_is_rebuilt_from_the_store(corpus_settings: Settings,
                                                     corpus_dir: Path) -> None:
    article(corpus_dir, "a.txt", "Alpha", "aardvark")
    Indexer(corpus_settings).run()
    paths = index_paths(corpus_settings)
    for f in paths.whoosh.iterdir():
        if f.suffix == ".seg":
            f.write_bytes(b"garbage")
    for f in paths.whoosh.glob("_MAIN_*.toc"):
        f.write_bytes(b"not a pickle")
    Indexer(corpus_settings).run()
    assert search_ids(corpus_settings, "aardvark") == ["a"]


def test_a_rebuild_commits_a_batch_at_a_time_and_a_stop_keeps_them(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new schema version rebuilds Whoosh from the store: at a million articles that is
    gigabytes of text, so it goes a batch at a time, as an ingest does."""
    for i in range(30):
        article(corpus_dir, f"{i:02}.txt", f"Title {i}", "common words here")
    Indexer(corpus_settings).run()
    paths = index_paths(corpus_settings)
    paths.version.write_text("1\n")  # an index of an older schema
    corpus_settings.index.batch_size = 7
    fetched: list[int] = []
    real = Store.pending

    def pending(self: Store, limit: int | None = None, max_chars: int | None = None,
                after: int = 0) -> object:
        found = real(self, limit, max_chars, after)
        fetched.append(len(found.items))
        return found

    monkeypatch.setattr(Store, "pending", pending)
    cancel = threading.Event()

    def stop_after_some(progress: object) -> None:
        if getattr(progress, "articles", 0) >= 14:
            cancel.set()

    report = Indexer(corpus_settings).run(stop_after_some, cancel)
    assert report.cancelled and fetched == [7, 7] and report.total == 14
    with Engine(corpus_settings) as engine:
        assert engine.search("common").total == engine.doc_count == 14
    report = Indexer(corpus_settings).run()  # goes on where it stopped
    assert max(fetched) == 7 and sum(fetched) == 30 and not report.cancelled
    with Engine(corpus_settings) as engine:
        assert engine.search("common").total == engine.doc_count == 30


def test_second_indexer_is_refused_with_a_message(corpus_settings: Settings,
                                                  corpus_dir: Path) -> None:
    article(corpus_dir, "a.txt", "Alpha", "x y z")
    paths = index_paths(corpus_settings)
    paths.root.mkdir(parents=True)
    with IndexLock(paths.lock), pytest.raises(IndexBusyError, match="is indexing"):
        Indexer(corpus_settings).run()
    assert Indexer(corpus_settings).run().total == 1  # released: no stale lock


def test_index_files_are_private(corpus_settings: Settings, corpus_dir: Path) -> None:
    article(corpus_dir, "a.txt", "Alpha", "x y z")
    Indexer(corpus_settings).run()
    root = index_paths(corpus_settings).root
    assert root.stat().st_mode & 0o077 == 0
    assert Store(root / "store.sqlite").count() == 1


def test_an_index_with_nothing_committed_yet_answers_nothing(corpus_settings: Settings) -> None:
    """The dashboard can open the index before the first batch is committed (a kill then
    leaves it so too): every kind of query finds nothing, rather than failing on BM25's
    log of zero documents."""
    (corpus_settings.corpus.sources[0] / "empty.txt").write_text("")  # skipped: no article
    Indexer(corpus_settings).run()  # the index exists, empty
    with Engine(corpus_settings) as engine:
        assert engine.doc_count == 0
        for text in ("oil", "oil prices", '"oil prices"', "oi*", "oil~1", "oil OR gold",
                     "oil date:1987", "NOT oil", "title:oil"):
            found = engine.search(text)
            assert (found.total, found.hits) == (0, []), text
            assert engine.top_actors(text) == [] and engine.count(text) == 0
            assert engine.kwic(text) == ([], 0) and engine.facets(text).total == 0


def test_a_store_made_before_the_key_article_index_gets_it(tmp_path: Path) -> None:
    """Stores of earlier versions had mentions indexed by key alone; opening one gives it
    the index by key and article, which the actor table counts articles from."""

    Store(tmp_path / "store.sqlite").close()
    db = sqlite3.connect(tmp_path / "store.sqlite")
    db.execute("DROP INDEX mentions_key_article")
    db.execute("CREATE INDEX mentions_key ON mentions(key)")
    db.commit()
    db.close()
    Store(tmp_path / "store.sqlite").close()
    db = sqlite3.connect(tmp_path / "store.sqlite")
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    db.close()
    assert "mentions_key_article" in names and "mentions_key" not in names
