"""The first build reports progress by bytes, smoothly through each batch's commit (not a
batch at a time), and says when each batch is committed: searchable from then on. While
Whoosh writes a batch out, progress moves by the time the batch before took."""

from __future__ import annotations

import json
import time
from pathlib import Path

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest import indexer as indexer_module
from newsdesk.index.ingest.indexer import Indexer, Progress


def test_progress_moves_by_bytes_within_batches_and_commits_are_searchable(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with open(corpus_dir / "feed.jsonl", "w", encoding="utf-8") as out:
        for i in range(600):
            out.write(json.dumps({"id": f"r{i}", "title": f"Story {i}",
                                  "text": f"walrus number {i} " + "filler words " * 20}) + "\n")
    corpus_settings.index.batch_size = 200
    monkeypatch.setattr(indexer_module, "COMMIT_TICK", 20)
    seen: list[tuple[int, int, int, int]] = []
    searchable: list[tuple[int, int]] = []

    def on_progress(p: Progress) -> None:
        if p.phase != "indexing":
            return
        if not seen or seen[-1][3] != p.commits:  # a batch was committed: search it now
            with Engine(corpus_settings) as engine:
                searchable.append((p.commits, engine.search("walrus").total))
        seen.append((p.bytes_done, p.bytes_total, p.articles, p.commits))

    report = Indexer(corpus_settings).run(on_progress)
    assert report.total == 600
    total = (corpus_dir / "feed.jsonl").stat().st_size
    done = [b for b, _, _, _ in seen]
    assert done == sorted(done) and done[-1] == total  # never backwards, ends at the end
    # Within a batch of 200 the bar moves every 20 articles added (then by time while
    # Whoosh writes the batch): many steps, none of a whole batch.
    steps = [b - a for a, b in zip(done, done[1:], strict=False) if b > a]
    assert len(steps) >= 25 and max(steps) < total / 3
    articles = [a for _, _, a, _ in seen]
    assert articles == sorted(articles) and articles[-1] == 600
    # Each commit was searchable when it was reported, while the build went on.
    assert [n for _, n in searchable] == [0, 200, 400, 600]


def test_progress_moves_while_whoosh_writes_a_batch(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Writing a batch is seconds with nothing to count: the bar moves by the time the
    batch before took, up to (never past) the batch's end."""
    with open(corpus_dir / "feed.jsonl", "w", encoding="utf-8") as out:
        for i in range(40):
            out.write(json.dumps({"id": f"r{i}", "text": f"walrus {i}"}) + "\n")
    corpus_settings.index.batch_size = 20
    monkeypatch.setattr(indexer_module, "TICK_SECONDS", 0.02)
    real_commit = indexer_module.commit_segment

    def slow_commit(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.4)
        return real_commit(*args, **kwargs)

    monkeypatch.setattr(indexer_module, "commit_segment", slow_commit)
    seen: list[tuple[int, int]] = []
    Indexer(corpus_settings).run(
        lambda p: seen.append((p.bytes_done, p.commits)) if p.phase == "indexing" else None)
    total = (corpus_dir / "feed.jsonl").stat().st_size
    during_second = sorted({b for b, c in seen if c == 1 and total / 2 < b < total})
    assert len(during_second) >= 5  # moving while the second batch was written
    done = [b for b, _ in seen]
    assert done == sorted(done) and done[-1] == total
