"""Recovering counts the rows it commits, never more than there are: a batch's progress
was counted as a fraction of a full batch, and the last (rarely full) one made "Recovering
· 3,800 in" for a corpus of 2,475 articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.indexer import Progress as IndexProgress
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.article_store import Store


@pytest.mark.parametrize(("articles", "batch"), [(23, 10), (41, 40), (7, 50), (30, 7)])
def test_recovering_never_counts_past_the_rows(corpus_dir: Path, corpus_settings: Settings,
                                               articles: int, batch: int) -> None:
    for n in range(articles):
        (corpus_dir / f"a{n:03}.txt").write_text(
            f"Story {n}\n\n" + " ".join(f"oil{n} market price" for _ in range(80)))
    corpus_settings.index.batch_size = batch
    Indexer(corpus_settings).run()
    store = Store(index_paths(corpus_settings).store)
    store.mark_all_pending()  # as after a rebuild of the Whoosh index, or a kill
    store.close()
    seen: list[int] = []

    def on_progress(p: IndexProgress) -> None:
        if p.phase == "recovering":
            seen.append(p.articles)

    Indexer(corpus_settings).run(on_progress)
    assert seen and max(seen) <= articles, (max(seen), articles)
    assert seen == sorted(seen)
