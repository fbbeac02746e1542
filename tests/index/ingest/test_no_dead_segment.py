"""No segment of only deleted documents outlives a commit: a recovery after a kill re-adds
the batch Whoosh had committed (deleting it first), and the stranger found an 8.9 MB segment
of no live document in the index after a kill during the first build."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.article_store import Store
from newsdesk.index.storage.whoosh_fixes import file_storage


def _segments(settings: Settings) -> list[tuple[int, int]]:
    ix = file_storage(index_paths(settings).whoosh).open_index()
    try:
        return [(s.doc_count_all(), s.doc_count()) for s in ix._segments()]
    finally:
        ix.close()


@pytest.mark.parametrize("seed", range(5))
def test_a_recovered_batch_leaves_no_dead_segment(corpus_dir: Path, corpus_settings: Settings,
                                                  seed: int) -> None:
    rng = random.Random(seed)
    articles = rng.randint(25, 60)
    for n in range(articles):
        (corpus_dir / f"a{n:03}.txt").write_text(
            f"Story {n}\n\n" + " ".join(f"oil{n} market price" for _ in range(40)))
    corpus_settings.index.batch_size = rng.randint(5, 20)
    Indexer(corpus_settings).run()
    first = corpus_settings.index.batch_size
    store = Store(index_paths(corpus_settings).store)
    with store.lock, store.db as db:  # as a kill after Whoosh's commit, before the store's
        db.execute("UPDATE articles SET pending = 1 WHERE rowid <= ?", (first,))
    store.close()
    Indexer(corpus_settings).run()
    segments = _segments(corpus_settings)
    assert all(live > 0 for _, live in segments), segments
    assert sum(live for _, live in segments) == articles
    with Engine(corpus_settings) as engine:
        assert engine.count("market") == articles
        assert engine.search(f"oil{articles - 1}").total == 1
